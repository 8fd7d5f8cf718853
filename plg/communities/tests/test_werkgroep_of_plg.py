"""The leervraag workshop shows, on three themes, a werkgroep's question beside a PLG's."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, World
from plg.communities import services

pytestmark = pytest.mark.django_db


def test_the_workshop_shows_three_themes_asked_as_werkgroep_and_as_plg(
    client: Client, world: World
) -> None:
    client.login(username=world.coach.email, password=PASSWORD)
    page = client.get(reverse("leervragen", args=[world.plg.pk])).content.decode()
    assert "Werkgroep of PLG?" in page
    for thema in ["Het schoolfeest", "Huiswerk", "Evalueren en rapporteren"]:
        assert f"<caption>{thema}</caption>" in page
    assert "Welke standjes zetten we op de speelplaats?" in page
    assert "Waarom evalueren we, en wat vertelt ons rapport de kinderen" in page


def test_the_pairs_stand_beside_a_leervraag_being_rewritten(client: Client, world: World) -> None:
    vraag = services.add_leervraag(
        plg=world.plg, text="Hoe kunnen we meer differentiëren?", author=world.member
    )
    client.login(username=world.coach.email, password=PASSWORD)
    page = client.get(reverse("leervraag_detail", args=[world.plg.pk, vraag.pk])).content.decode()
    assert 'id="werkgroep-of-plg"' in page


def test_the_pairs_read_in_english(client: Client, world: World) -> None:
    client.login(username=world.coach.email, password=PASSWORD)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("leervragen", args=[world.plg.pk])).content.decode()
    assert "As a working group" in page and "School party" in page
