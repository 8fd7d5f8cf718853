"""The demo's team page of De Regenboog has something to read: a proposal to the team and
what its PLG's celebrated, and nothing its PLG's kept to themselves."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from plg.organisations.models import School
from plg.pages.management.commands.seed_demo import PASSWORD, build_demo


@pytest.mark.django_db
def test_the_demo_team_page_of_de_regenboog_has_a_proposal_and_celebrations(
    client: Client,
) -> None:
    build_demo()
    school = School.objects.get(name="Basisschool De Regenboog")
    assert client.login(username="chloe@regenboog.example", password=PASSWORD)
    html = client.get(reverse("team", args=[school.pk])).content.decode()
    assert 'id="team-voorstellen"' in html
    assert "Vanaf september krijgt elke klas" in html
    assert "Klasbibliotheken uitgebreid" in html
    assert "Elk lid bracht een huiswerktaak mee" in html
    assert "Leesmeter per leerling" not in html  # kept in the PLG
    assert "Literatuur verzameld" not in html  # shared with the leader only
