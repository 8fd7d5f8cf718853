"""The live WebSocket driven in-process, as a participant's page drives it: join, read each
message the way the screen shows it (``screen``), and run a scenario beside Playwright's loop."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.utils import timezone

from plg.live.models import LiveSessie
from plg.live.routing import websocket_urlpatterns
from plg.live.tests import screen
from plg.meetings import services as meeting_services
from plg.methods.models import Stap, Werkvorm

APP = URLRouter(websocket_urlpatterns)


def kandoe_sessie(world: Any) -> LiveSessie:
    """A live session of a bijeenkomst whose verwerking is played as Kandoe."""
    from plg.methods.catalogue import load_catalogue

    load_catalogue()
    bijeenkomst = meeting_services.plan_bijeenkomst(
        plg=world.plg, starts_at=timezone.now(), place="Zaal", duration_minutes=100
    )
    verwerking = bijeenkomst.blokken.get(stap=Stap.VERWERKING)
    verwerking.werkvorm = Werkvorm.objects.get(slug="kandoe", school=None)
    verwerking.save()
    return LiveSessie.objects.create(bijeenkomst=bijeenkomst)


def kandoe_blok(sessie: LiveSessie) -> int:
    return sessie.bijeenkomst.blokken.get(stap=Stap.VERWERKING).pk


async def join(sessie: LiveSessie, user: Any) -> WebsocketCommunicator:
    client = WebsocketCommunicator(APP, f"/ws/live/{sessie.code}/")
    client.scope["user"] = user
    connected, code = await client.connect()
    assert connected, code
    first = await client.receive_json_from()
    assert first["type"] == "state"
    client.state = screen.merged(first["state"], first["viewer"], first.get("names"))  # type: ignore[attr-defined]
    return client


async def seen(client: WebsocketCommunicator) -> dict[str, Any]:
    """The next state as this participant's screen shows it: a whole state, or the state it
    had with one changed card applied, as the page's script does."""
    message = await client.receive_json_from()
    if message["type"] == "cards":
        before = client.state  # type: ignore[attr-defined]
        state = screen.with_delta(before, message["state"], message["viewer"], message.get("names"))
        assert state is not None, "a delta that does not follow on"
    else:
        assert message["type"] == "state", message
        state = screen.merged(message["state"], message["viewer"], message.get("names"))
    client.state = state  # type: ignore[attr-defined]
    return state


def play(scenario: Any) -> Any:
    """Run in a thread of its own: Playwright may already run an event loop in this one."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, scenario).result()
