"""The WebSocket of a live bijeenkomst: one group per session, the state pushed on every change."""

from __future__ import annotations

import json
from typing import Any

from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings
from django.utils import translation

from plg.live import services
from plg.live.authorizers import GUEST_SESSION_KEY, live_access

REFUSED = 4403


def _ref(content: Any) -> str | None:
    """A client may tag a command; the resulting state carries the tag back (latency, tests)."""
    ref = content.get("ref") if isinstance(content, dict) else None
    return ref if isinstance(ref, str) and len(ref) <= 64 else None


class LiveConsumer(AsyncJsonWebsocketConsumer):
    async def dispatch(self, message: dict[str, Any]) -> None:
        """Like Channels' own, without its hop to the database thread before every message:
        each database call here runs through ``database_sync_to_async``, which closes stale
        connections itself, and a change fans out to every participant as a message."""
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def connect(self) -> None:
        code = self.scope["url_route"]["kwargs"]["code"]
        session = self.scope.get("session")
        tokens = (
            await database_sync_to_async(session.get)(GUEST_SESSION_KEY)
            if session is not None
            else None
        )
        access = await database_sync_to_async(live_access)(self.scope.get("user"), code, tokens)
        if access is None:
            await self.close(code=REFUSED)
            return
        self.sessie_id, self.viewer = access
        self.group = f"live-{self.sessie_id}"
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        state = await database_sync_to_async(services.snapshot)(self.sessie_id)
        await self.send_state(services.broadcast(state))

    async def disconnect(self, code: int) -> None:
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        ref = _ref(content)
        if isinstance(content, dict) and content.get("type") == "sync":
            state = await database_sync_to_async(services.snapshot)(self.sessie_id)
            await self.send_state(services.broadcast(state), ref=ref)
            return
        try:
            message = await database_sync_to_async(self._apply)(content)
        except services.Refused as refusal:
            await self.send_json({"type": "error", "message": str(refusal), "ref": ref})
            return
        await self.channel_layer.group_send(
            self.group,
            {
                "type": "live.state",
                "kind": message.kind,
                "public": message.public,
                # string keys: the Redis layer's msgpack refuses integer map keys
                "authors": {str(k): v for k, v in message.authors.items()},
                "hidden_texts": {str(k): v for k, v in message.hidden_texts.items()},
                "written": message.written,
                "ref": ref,
            },
        )

    def _apply(self, content: Any) -> services.Broadcast:
        """Refusals speak the sender's language (the one chosen in the menu, else Dutch)."""
        chosen = self.scope.get("cookies", {}).get(settings.LANGUAGE_COOKIE_NAME)
        languages = {code for code, _name in settings.LANGUAGES}
        with translation.override(chosen if chosen in languages else settings.LANGUAGE_CODE):
            change = services.apply(self.sessie_id, self.viewer, content)
        return services.outcome(self.sessie_id, change)

    async def live_state(self, event: dict[str, Any]) -> None:
        message = services.Broadcast(
            event["public"],
            {int(k): v for k, v in event["authors"].items()},
            {int(k): v for k, v in event["hidden_texts"].items()},
            event["written"],
            event["kind"],
        )
        await self.send_state(message, ref=event.get("ref"))

    async def send_state(self, message: services.Broadcast, ref: str | None = None) -> None:
        """The shared JSON as encoded once, with this participant's own part beside it. A
        ``state`` message carries the whole state; a ``cards`` message one changed card."""
        viewer = json.dumps(services.viewer_part(message, self.viewer))
        tag = f', "ref": {json.dumps(ref)}' if ref else ""
        await self.send(
            text_data=(
                f'{{"type": "{message.kind}", "state": {message.public}, "viewer": {viewer}{tag}}}'
            )
        )

    @classmethod
    async def decode_json(cls, text_data: str) -> Any:
        """Malformed JSON is refused like any other bad message, not a crash."""
        try:
            return await super().decode_json(text_data)
        except ValueError:
            return None
