"""The WebSocket of a live bijeenkomst: one group per session, the state pushed on every change."""

from __future__ import annotations

import json
from typing import Any

from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from django.utils import timezone, translation

from plg.live import commands, limits, state
from plg.live.authorizers import GUEST_SESSION_KEY, Toegang, live_access
from plg.live.revocation import plg_group, session_group

REFUSED = 4403
RELOAD = 4001  # the participant's role changed: the page reloads to show it


def _ref(content: Any) -> str | None:
    """A client may tag a command; the resulting state carries the tag back (latency, tests)."""
    ref = content.get("ref") if isinstance(content, dict) else None
    return ref if isinstance(ref, str) and len(ref) <= 64 else None


class LiveConsumer(AsyncWebsocketConsumer):
    closing = False

    async def dispatch(self, message: dict[str, Any]) -> None:
        """Like Channels' own, without its hop to the database thread before every message:
        each database call here runs through ``database_sync_to_async``, which closes stale
        connections itself, and a change fans out to every participant as a message."""
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def connect(self) -> None:
        self.code = self.scope["url_route"]["kwargs"]["code"]
        session = self.scope.get("session")
        self.tokens = (
            await database_sync_to_async(session.get)(GUEST_SESSION_KEY)
            if session is not None
            else None
        )
        access = await self._access()
        if access is None:
            await self.close(code=REFUSED)
            return
        self.sessie_id, self.viewer, plg_id = access
        self.bucket = limits.Bucket()
        self.groups_joined = [session_group(self.sessie_id), plg_group(plg_id)]
        for group in self.groups_joined:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()
        await self._send_snapshot()

    async def _access(self) -> Toegang | None:
        return await database_sync_to_async(live_access)(
            self.scope.get("user"), self.code, self.tokens
        )

    async def disconnect(self, code: int) -> None:
        await self._leave_groups()

    async def _leave_groups(self) -> None:
        for group in getattr(self, "groups_joined", []):
            await self.channel_layer.group_discard(group, self.channel_name)
        self.groups_joined = []

    async def shut(self, code: int) -> None:
        """No more messages either way, at once: access was taken away or changed."""
        self.closing = True
        await self._leave_groups()
        await self.close(code=code)

    def _expired(self) -> bool:
        until = self.viewer.until
        return until is not None and timezone.now() >= until

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        """Every frame is refused unread when it is too large or nested too deep, and a client
        sending faster than anyone types is asked to slow down; nothing is stored then."""
        if self.closing:
            return
        if self._expired():
            await self.shut(REFUSED)
            return
        content, refusal = limits.decode(text_data)
        cost = limits.SYNC_COST if limits.is_sync(content) else 1.0
        if not self.bucket.take(cost):
            await self._refuse(limits.THROTTLED(), _ref(content))
        elif refusal is not None:
            await self._refuse(refusal, None)
        else:
            await self.receive_json(content)

    async def _refuse(self, message: str, ref: str | None) -> None:
        await self.send(text_data=json.dumps({"type": "error", "message": message, "ref": ref}))

    async def receive_json(self, content: Any) -> None:
        ref = _ref(content)
        if limits.is_sync(content):
            await self._look_again(ref)
            return
        try:
            message = await database_sync_to_async(self._apply)(content)
        except commands.Revoked as refusal:
            await self._refuse(str(refusal), ref)
            await self.shut(REFUSED)
            return
        except commands.Refused as refusal:
            await self._refuse(str(refusal), ref)
            return
        await self.channel_layer.group_send(session_group(self.sessie_id), message.to_event(ref))

    def _apply(self, content: Any) -> state.Broadcast:
        """Refusals speak the sender's language (the one chosen in the menu, else Dutch)."""
        chosen = self.scope.get("cookies", {}).get(settings.LANGUAGE_COOKIE_NAME)
        languages = {code for code, _name in settings.LANGUAGES}
        with translation.override(chosen if chosen in languages else settings.LANGUAGE_CODE):
            change = commands.apply(self.sessie_id, self.viewer, content)
        return state.outcome(self.sessie_id, change)

    async def _send_snapshot(self, ref: str | None = None) -> None:
        current = await database_sync_to_async(state.snapshot)(self.sessie_id)
        await self.send_state(state.broadcast(current), ref=ref)

    async def live_state(self, event: dict[str, Any]) -> None:
        if self.closing:
            return
        if self._expired():
            await self.shut(REFUSED)
            return
        message = state.Broadcast.from_event(event)
        await self.send_state(message, ref=event.get("ref"))

    async def live_rights(self, event: dict[str, Any]) -> None:
        """Someone's rights changed: if they are this participant's, look again."""
        users = event.get("users")
        if self.closing or (users is not None and self.viewer.user_id not in users):
            return
        await self._look_again()

    async def _look_again(self, ref: str | None = None) -> None:
        """The whole state, for someone who still takes part as they did: gone means the
        socket closes, another role means the page reloads to show it."""
        access = await self._access()
        if access is None:
            await self.shut(REFUSED)
        elif access.viewer.role != self.viewer.role:
            await self.shut(RELOAD)
        else:
            self.viewer = access.viewer
            await self._send_snapshot(ref)

    async def send_state(self, message: state.Broadcast, ref: str | None = None) -> None:
        """The shared JSON as encoded once, the names beside it for those who may read them,
        and this participant's own part. A ``state`` message carries the whole state; a
        ``cards`` message one changed card."""
        viewer = json.dumps(state.viewer_part(message, self.viewer))
        names = f', "names": {message.names}' if self.viewer.reads_members_part else ""
        tag = f', "ref": {json.dumps(ref)}' if ref else ""
        await self.send(
            text_data=(
                f'{{"type": "{message.kind}", "state": {message.public}{names}, '
                f'"viewer": {viewer}{tag}}}'
            )
        )
