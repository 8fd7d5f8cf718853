"""Numbers in a scan's addresses and answers are plain ASCII digits of sensible length: anything
else (a superscript, Arabic-Indic digits, thousands of digits) is refused calmly, never a 500."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from conftest import World
from plg.scans import services
from plg.scans.models import Afname, Antwoord

ODD = ["²", "٣", "9" * 5_000, "-1", "1" * 25]


def _page(wave: Afname, world: World) -> str:
    return reverse("scan_start", args=[services.poster(wave, world.school).token])


@pytest.mark.parametrize("deel", ODD)
def test_an_odd_part_number_opens_the_first_part(
    world: World, wave: Afname, client: Client, deel: str
) -> None:
    response = client.get(_page(wave, world), {"deel": deel})
    assert response.status_code == 200
    assert 'aria-valuenow="0"' in response.content.decode()


@pytest.mark.parametrize("deel", ODD)
def test_the_resume_form_with_an_odd_part_number_goes_back_to_the_first_part(
    world: World, wave: Afname, client: Client, deel: str
) -> None:
    page = _page(wave, world)
    client.get(page)
    client.post(page + "?deel=0", {"cv1": "5", "richting": "verder"})
    response = client.post(page + "verder/", {"email": "mij@thuis.example", "deel": deel})
    assert response.status_code == 302
    assert response["Location"] == page + "?deel=0"


@pytest.mark.parametrize("value", ODD)
def test_an_answer_in_odd_digits_is_refused_with_the_item_named(
    world: World, wave: Afname, client: Client, value: str
) -> None:
    page = _page(wave, world)
    client.get(page)
    response = client.post(page + "?deel=0", {"cv1": value, "cv2": "4", "richting": "verder"})
    assert response.status_code == 400
    assert "samen verantwoordelijk" in response.content.decode()
    assert not Antwoord.objects.filter(item="cv1").exists()
    assert Antwoord.objects.filter(item="cv2", value=4).exists()


@pytest.mark.parametrize("value", ODD)
def test_a_role_in_odd_digits_is_refused(world: World, wave: Afname, value: str) -> None:
    invoer = services.read_answers(wave.instrument, {services.BACKGROUND_FIELD: value})
    assert invoer.rolgroep is None
    assert invoer.problems == ["Kies een van de rollen."]
