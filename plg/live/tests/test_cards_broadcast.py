"""A card reaches every participant, as one changed card; a client that missed one asks for the
whole state."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.utils import timezone

from plg.live import commands, participants
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


def test_a_card_reaches_every_participant(world: Any, sessie: LiveSessie) -> None:
    blok = sessie.bijeenkomst.blokken.get(stap=Stap.INPUT).pk

    async def scenario() -> None:
        coach = await join(sessie, world.coach)
        member = await join(sessie, world.member)
        await member.send_json_to(
            {"type": "card.add", "blok": blok, "text": "Meer tijd", "anonymous": True}
        )
        for client in (coach, member):
            state = await seen(client)
            assert [c["text"] for c in state["cards"]] == ["Meer tijd"]
            assert state["cards"][0]["author"] == ""
        await coach.disconnect()
        await member.disconnect()

    play(scenario())


def test_a_card_change_sends_one_card_and_a_client_that_missed_one_resyncs(
    world: Any, sessie: LiveSessie
) -> None:
    blok = sessie.bijeenkomst.blokken.get(stap=Stap.INPUT).pk
    coach_viewer = participants.Viewer(world.coach.pk, "c", role=participants.Deelname.COACH)

    async def scenario() -> None:
        member = await join(sessie, world.member)
        await member.send_json_to({"type": "card.add", "blok": blok, "text": "Eerste"})
        message = await member.receive_json_from()
        assert message["type"] == "cards" and len(message["state"]["cards"]) == 1
        assert "blokken" not in message["state"]  # not the whole board
        member.state = client_state.with_delta(member.state, message["state"], message["viewer"])  # type: ignore[attr-defined]
        # a change this client never heard of (as if its message was lost)
        await asyncio.to_thread(
            commands.apply,
            sessie.pk,
            coach_viewer,
            {"type": "card.add", "blok": blok, "text": "Gemist"},
        )
        await member.send_json_to({"type": "card.add", "blok": blok, "text": "Derde"})
        message = await member.receive_json_from()
        assert client_state.with_delta(member.state, message["state"], message["viewer"]) is None  # type: ignore[attr-defined]
        await member.send_json_to({"type": "sync"})
        state = await seen(member)
        assert [c["text"] for c in state["cards"]] == ["Eerste", "Gemist", "Derde"]
        await member.disconnect()

    play(scenario())
