"""Ending a live session from its confirmed form, and what the screen offers afterwards."""

from __future__ import annotations

import pytest
from asgiref.sync import sync_to_async
from django.test import Client
from django.urls import reverse

from conftest import World
from plg.live.models import LiveSessie
from plg.live.tests.websocket_client import Screen, kandoe_sessie, play, seen

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sessie(world: World) -> LiveSessie:
    return kandoe_sessie(world)


def _end(client: Client, sessie: LiveSessie) -> str:
    response = client.post(reverse("live_afsluiten", args=[sessie.bijeenkomst_id]), follow=True)
    return response.content.decode()


def test_ending_shows_every_open_screen_the_session_ended(
    client: Client, world: World, sessie: LiveSessie
) -> None:
    client.force_login(world.coach)

    async def scenario() -> bool:
        member = Screen(sessie.code, world.member)
        assert (await member.connect())[0]
        await seen(member)
        await sync_to_async(_end)(client, sessie)
        ended: bool = (await seen(member))["ended"]
        await member.disconnect()
        return ended

    assert play(scenario()) is True
    assert LiveSessie.objects.get(pk=sessie.pk).is_ended


def test_the_ended_screen_offers_what_comes_next_instead_of_the_controls(
    client: Client, world: World, sessie: LiveSessie
) -> None:
    client.force_login(world.coach)
    page = _end(client, sessie)
    assert "De bijeenkomst is afgesloten." in page
    assert "Check-out vastleggen" in page
    assert reverse("samenvatting", args=[sessie.bijeenkomst_id]) in page
    assert 'id="live-end"' not in page


def test_a_member_sees_the_way_to_the_summary_once_it_ended(
    client: Client, world: World, sessie: LiveSessie
) -> None:
    client.force_login(world.coach)
    _end(client, sessie)
    client.force_login(world.member)
    page = client.get(reverse("live", args=[sessie.bijeenkomst_id])).content.decode()
    assert 'id="live-ended" class="card live-ended">' in page
    assert reverse("samenvatting", args=[sessie.bijeenkomst_id]) in page


def test_ending_an_ended_session_changes_nothing_and_says_so(
    client: Client, world: World, sessie: LiveSessie
) -> None:
    client.force_login(world.coach)
    _end(client, sessie)
    ended_at = LiveSessie.objects.get(pk=sessie.pk).ended_at
    page = _end(client, sessie)
    assert "Deze bijeenkomst is afgelopen." in page
    assert LiveSessie.objects.get(pk=sessie.pk).ended_at == ended_at


def test_ending_asks_for_confirmation_first(
    client: Client, world: World, sessie: LiveSessie
) -> None:
    client.force_login(world.coach)
    page = client.get(reverse("live", args=[sessie.bijeenkomst_id])).content.decode()
    assert 'id="live-end" method="post"' in page
    assert 'data-confirm="De bijeenkomst afsluiten?' in page


def test_the_projector_screen_is_kept_in_the_address(
    client: Client, world: World, sessie: LiveSessie
) -> None:
    client.force_login(world.coach)
    url = reverse("live", args=[sessie.bijeenkomst_id])
    page = client.get(url, {"scherm": "projectie"}).content.decode()
    assert 'class="live projector"' in page
    assert "Projectie verlaten" in page


def test_a_member_gets_no_projector_screen(
    client: Client, world: World, sessie: LiveSessie
) -> None:
    client.force_login(world.member)
    url = reverse("live", args=[sessie.bijeenkomst_id])
    page = client.get(url, {"scherm": "projectie"}).content.decode()
    assert 'class="live"' in page
    assert "Projectiescherm" not in page
