"""Commands are checked like form input: a member cannot steer, a malformed message changes
nothing."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.utils import timezone

from plg.live.models import Kaart, LiveSessie
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


def play(scenario: Any) -> Any:
    """Run in a thread of its own: Playwright may already run an event loop in this one."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, scenario).result()


@pytest.mark.parametrize(
    "message",
    [
        {"type": "step.next"},
        {"type": "step.pause"},
        {"type": "board.reveal"},
        {"type": "session.end"},
        {"type": "turn.next"},
        {"type": "step.extend", "minutes": 5},
    ],
)
def test_member_cannot_steer(world: Any, sessie: LiveSessie, message: dict[str, Any]) -> None:
    async def scenario() -> None:
        client = await join(sessie, world.member)
        await client.send_json_to(message)
        answer = await client.receive_json_from()
        assert answer["type"] == "error"
        assert answer["message"] == "Alleen de procescoach kan dit doen."
        await client.disconnect()

    play(scenario())
    assert LiveSessie.objects.get().version == 0


@pytest.mark.parametrize(
    "raw",
    [
        "not json",
        "[]",
        '{"type": 5}',
        '{"type": "card.add"}',
        '{"type": "card.add", "blok": "x"}',
        '{"type": "card.move", "card": 999999, "zone": "ring2", "version": 0}',
        '{"type": "hack"}',
    ],
)
def test_malformed_messages_are_refused_and_change_nothing(
    world: Any, sessie: LiveSessie, raw: str
) -> None:
    async def scenario() -> None:
        client = await join(sessie, world.member)
        await client.send_to(text_data=raw)
        answer = await client.receive_json_from()
        assert answer["type"] == "error" and answer["message"]
        await client.disconnect()

    play(scenario())
    assert LiveSessie.objects.get().version == 0 and not Kaart.objects.exists()
