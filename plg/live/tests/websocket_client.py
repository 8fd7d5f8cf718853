"""The live WebSocket driven in-process, as a participant's page drives it: join, read each
message the way the screen shows it (``screen``), and run a scenario beside Playwright's loop."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar, cast

from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from conftest import World
from plg.accounts.models import User
from plg.live.models import LiveSessie
from plg.live.routing import websocket_urlpatterns
from plg.live.tests import screen
from plg.meetings.tests.factories import BijeenkomstFactory
from plg.methods.models import Stap, Werkvorm

APP = URLRouter(websocket_urlpatterns)
T = TypeVar("T")


WAIT = 10.0
"""How long a test waits for the server's answer. Channels' own default (one second) fails on a
busy machine; a test that expects nothing says so with ``receive_nothing`` and its own time."""


class Patient(WebsocketCommunicator):
    """A communicator that waits as long as a busy machine may need."""

    async def connect(self, timeout: float = WAIT) -> tuple[bool, int | str | None]:
        return await super().connect(timeout)

    async def receive_from(self, timeout: float = WAIT) -> str | bytes:
        return await super().receive_from(timeout)

    async def receive_json_from(self, timeout: float = WAIT) -> Any:
        return await super().receive_json_from(timeout)


class Screen(Patient):
    """A live page on the socket, as the auth middleware hands it to the consumer: signed in as
    ``user``, with a guest's ``session``; ``state`` is what the page shows."""

    state: dict[str, Any]

    def __init__(
        self, code: str, user: User | AnonymousUser, session: dict[str, object] | None = None
    ) -> None:
        super().__init__(APP, f"/ws/live/{code}/")
        # The stubs' test scope has no room for what the middleware adds.
        scope = cast("dict[str, object]", self.scope)
        scope["user"] = user
        if session is not None:
            scope["session"] = session

    async def receive_text(self, timeout: float = WAIT) -> str:
        frame = await self.receive_from(timeout)
        assert isinstance(frame, str), "a binary frame"
        return frame


def kandoe_sessie(world: World) -> LiveSessie:
    """A live session of a bijeenkomst whose verwerking is played as Kandoe."""
    from plg.methods.catalogue import load_catalogue

    load_catalogue()
    bijeenkomst = BijeenkomstFactory.create(plg=world.plg, starts_at=timezone.now())
    verwerking = bijeenkomst.blokken.get(stap=Stap.VERWERKING)
    verwerking.werkvorm = Werkvorm.objects.get(slug="kandoe", school=None)
    verwerking.save()
    return LiveSessie.objects.create(bijeenkomst=bijeenkomst)


def kandoe_blok(sessie: LiveSessie) -> int:
    return sessie.bijeenkomst.blokken.get(stap=Stap.VERWERKING).pk


async def join(sessie: LiveSessie, user: User) -> Screen:
    client = Screen(sessie.code, user)
    connected, code = await client.connect()
    assert connected, code
    first = await client.receive_json_from()
    assert first["type"] == "state"
    client.state = screen.merged(first["state"], first["viewer"], first.get("names"))
    return client


async def seen(client: Screen) -> dict[str, Any]:
    """The next state as this participant's screen shows it: a whole state, or the state it
    had with one changed card applied, as the page's script does."""
    message = await client.receive_json_from()
    if message["type"] == "cards":
        before = client.state
        state = screen.with_delta(before, message["state"], message["viewer"], message.get("names"))
        assert state is not None, "a delta that does not follow on"
    else:
        assert message["type"] == "state", message
        state = screen.merged(message["state"], message["viewer"], message.get("names"))
    client.state = state
    return state


def play(scenario: Coroutine[Any, Any, T]) -> T:
    """Run in a thread of its own: Playwright may already run an event loop in this one."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, scenario).result()
