"""Joining a live session over the WebSocket: members get the state, strangers and unknown codes
are refused, a late or returning client catches up."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from plg.live.models import LiveSessie
from plg.live.tests.websocket_client import APP, join, kandoe_sessie, play, seen
from plg.methods.models import Stap

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sessie(world: Any) -> LiveSessie:
    return kandoe_sessie(world)


def test_member_joins_and_gets_the_state(world: Any, sessie: LiveSessie) -> None:
    async def scenario() -> None:
        client = WebsocketCommunicator(APP, f"/ws/live/{sessie.code}/")
        client.scope["user"] = world.member
        assert (await client.connect())[0]
        state = await seen(client)
        assert state["blokken"][0]["stap"] == Stap.CHECKIN
        assert state["is_coach"] is False
        await client.disconnect()

    play(scenario())


@pytest.mark.parametrize("persona", ["outsider", "colleague", "leader", "advisor", "anonymous"])
def test_strangers_cannot_join(world: Any, sessie: LiveSessie, persona: str) -> None:
    user = AnonymousUser() if persona == "anonymous" else getattr(world, persona)

    async def scenario() -> None:
        client = WebsocketCommunicator(APP, f"/ws/live/{sessie.code}/")
        client.scope["user"] = user
        connected, code = await client.connect()
        assert not connected and code == 4403

    play(scenario())


def test_unknown_code_is_refused(world: Any, sessie: LiveSessie) -> None:
    async def scenario() -> None:
        client = WebsocketCommunicator(APP, "/ws/live/ZZZZZZ/")
        client.scope["user"] = world.coach
        connected, _code = await client.connect()
        assert not connected

    play(scenario())


def test_late_joiner_sees_the_remaining_time(world: Any, sessie: LiveSessie) -> None:
    checkin = sessie.bijeenkomst.blokken.get(stap=Stap.CHECKIN)
    LiveSessie.objects.filter(pk=sessie.pk).update(
        current_blok=checkin, running=True, clock_started_at=timezone.now() - timedelta(minutes=4)
    )

    async def scenario() -> int:
        client = WebsocketCommunicator(APP, f"/ws/live/{sessie.code}/")
        client.scope["user"] = world.member
        await client.connect()
        remaining = (await client.receive_json_from())["state"]["remaining"]
        await client.disconnect()
        return int(remaining)

    remaining = play(scenario())
    assert checkin.minutes * 60 - 4 * 60 - 2 <= remaining <= checkin.minutes * 60 - 4 * 60


def test_reconnecting_client_gets_the_current_state(world: Any, sessie: LiveSessie) -> None:
    blok = sessie.bijeenkomst.blokken.get(stap=Stap.INPUT).pk

    async def scenario() -> None:
        member = await join(sessie, world.member)
        await member.send_json_to({"type": "card.add", "blok": blok, "text": "Blijft bewaard"})
        await member.receive_json_from()
        await member.disconnect()
        again = WebsocketCommunicator(APP, f"/ws/live/{sessie.code}/")
        again.scope["user"] = world.member
        await again.connect()
        state = (await again.receive_json_from())["state"]
        assert [c["text"] for c in state["cards"]] == ["Blijft bewaard"]
        await again.disconnect()

    play(scenario())
