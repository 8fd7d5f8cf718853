"""Joining a live session over the WebSocket: members get the state, strangers and unknown codes
are refused, a late or returning client catches up."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

import pytest
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from plg.live.models import LiveSessie
from plg.live.routing import websocket_urlpatterns
from plg.live.tests import client as client_state
from plg.meetings import services as meeting_services
from plg.methods.models import Stap, Werkvorm

pytestmark = pytest.mark.django_db(transaction=True)


APP = URLRouter(websocket_urlpatterns)


@pytest.fixture
def sessie(world: Any) -> LiveSessie:
    from plg.methods.catalogue import load_catalogue

    load_catalogue()
    bijeenkomst = meeting_services.plan_bijeenkomst(
        plg=world.plg, starts_at=timezone.now(), place="Zaal", duration_minutes=100
    )
    verwerking = bijeenkomst.blokken.get(stap=Stap.VERWERKING)
    verwerking.werkvorm = Werkvorm.objects.get(slug="kandoe", school=None)
    verwerking.save()
    return LiveSessie.objects.create(bijeenkomst=bijeenkomst)


async def join(sessie: LiveSessie, user: Any) -> WebsocketCommunicator:
    client = WebsocketCommunicator(APP, f"/ws/live/{sessie.code}/")
    client.scope["user"] = user
    connected, code = await client.connect()
    assert connected, code
    first = await client.receive_json_from()
    assert first["type"] == "state"
    client.state = client_state.merged(first["state"], first["viewer"], first.get("names"))  # type: ignore[attr-defined]
    return client


async def seen(client: WebsocketCommunicator) -> dict[str, Any]:
    """The next state as this participant's screen shows it: a whole state, or the state it
    had with one changed card applied, as the page's script does."""
    message = await client.receive_json_from()
    if message["type"] == "cards":
        before = client.state  # type: ignore[attr-defined]
        state = client_state.with_delta(
            before, message["state"], message["viewer"], message.get("names")
        )
        assert state is not None, "a delta that does not follow on"
    else:
        assert message["type"] == "state", message
        state = client_state.merged(message["state"], message["viewer"], message.get("names"))
    client.state = state  # type: ignore[attr-defined]
    return state


def play(scenario: Any) -> Any:
    """Run in a thread of its own: Playwright may already run an event loop in this one."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, scenario).result()


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
