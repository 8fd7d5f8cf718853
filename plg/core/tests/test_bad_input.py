"""Whatever is typed, forms answer with a page, never an error, and write nothing invalid."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import PASSWORD, World
from plg.meetings.models import Bijeenkomst

junk = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), max_size=80)


@pytest.mark.django_db
@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(starts_at=junk, duration=junk, place=junk)
def test_bijeenkomst_form_survives_any_input(
    client: Client, world: World, starts_at: str, duration: str, place: str
) -> None:
    client.login(username=world.coach.email, password=PASSWORD)
    before = Bijeenkomst.objects.count()
    response = client.post(
        reverse("bijeenkomst_nieuw", args=[world.plg.pk]),
        {"starts_at": starts_at, "duration_minutes": duration, "place": place},
    )
    assert response.status_code in {200, 302}
    if response.status_code == 200:
        assert Bijeenkomst.objects.count() == before


@pytest.mark.django_db
@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=junk)
def test_leervraag_check_fragment_survives_any_input(
    client: Client, world: World, text: str
) -> None:
    client.login(username=world.member.email, password=PASSWORD)
    response = client.post(reverse("leervraag_check_hx", args=[world.plg.pk]), {"text": text})
    assert response.status_code == 200
