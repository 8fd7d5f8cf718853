"""Joining a live session over the WebSocket: members get the state, strangers and unknown codes
are refused, a late or returning client catches up."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from conftest import World
from plg.live.models import LiveSessie
from plg.live.tests.websocket_client import Screen, join, kandoe_sessie, play, seen
from plg.methods.models import Stap

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sessie(world: World) -> LiveSessie:
    return kandoe_sessie(world)


def test_member_joins_and_gets_the_state(world: World, sessie: LiveSessie) -> None:
    async def scenario() -> None:
        client = Screen(sessie.code, world.member)
        assert (await client.connect())[0]
        state = await seen(client)
        assert state["blokken"][0]["stap"] == Stap.CHECKIN
        assert state["is_coach"] is False
        await client.disconnect()

    play(scenario())


@pytest.mark.parametrize("persona", ["outsider", "colleague", "leader", "advisor", "anonymous"])
def test_strangers_cannot_join(world: World, sessie: LiveSessie, persona: str) -> None:
    user = AnonymousUser() if persona == "anonymous" else world.persona(persona)

    async def scenario() -> None:
        client = Screen(sessie.code, user)
        connected, code = await client.connect()
        assert not connected and code == 4403

    play(scenario())


def test_unknown_code_is_refused(world: World, sessie: LiveSessie) -> None:
    async def scenario() -> None:
        client = Screen("ZZZZZZ", world.coach)
        connected, _code = await client.connect()
        assert not connected

    play(scenario())


def test_late_joiner_sees_the_remaining_time(world: World, sessie: LiveSessie) -> None:
    checkin = sessie.bijeenkomst.blokken.get(stap=Stap.CHECKIN)
    LiveSessie.objects.filter(pk=sessie.pk).update(
        current_blok=checkin, running=True, clock_started_at=timezone.now() - timedelta(minutes=4)
    )

    async def scenario() -> int:
        client = Screen(sessie.code, world.member)
        await client.connect()
        remaining = (await client.receive_json_from())["state"]["remaining"]
        await client.disconnect()
        return int(remaining)

    remaining = play(scenario())
    assert checkin.minutes * 60 - 4 * 60 - 2 <= remaining <= checkin.minutes * 60 - 4 * 60


def test_reconnecting_client_gets_the_current_state(world: World, sessie: LiveSessie) -> None:
    blok = sessie.bijeenkomst.blokken.get(stap=Stap.INPUT).pk

    async def scenario() -> None:
        member = await join(sessie, world.member)
        await member.send_json_to({"type": "card.add", "blok": blok, "text": "Blijft bewaard"})
        await member.receive_json_from()
        await member.disconnect()
        again = Screen(sessie.code, world.member)
        await again.connect()
        state = (await again.receive_json_from())["state"]
        assert [c["text"] for c in state["cards"]] == ["Blijft bewaard"]
        await again.disconnect()

    play(scenario())
