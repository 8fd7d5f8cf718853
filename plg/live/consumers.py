"""The WebSocket of a live bijeenkomst: one group per session, the state pushed on every change."""

from __future__ import annotations

from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings
from django.utils import translation

from plg.live import services
from plg.live.authorizers import live_access

REFUSED = 4403


def _ref(content: Any) -> str | None:
    """A client may tag a command; the resulting state carries the tag back (latency, tests)."""
    ref = content.get("ref") if isinstance(content, dict) else None
    return ref if isinstance(ref, str) and len(ref) <= 64 else None


class LiveConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self) -> None:
        code = self.scope["url_route"]["kwargs"]["code"]
        access = await database_sync_to_async(live_access)(self.scope.get("user"), code)
        if access is None:
            await self.close(code=REFUSED)
            return
        self.sessie_id, self.viewer = access
        self.group = f"live-{self.sessie_id}"
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        await self.send_state(await database_sync_to_async(services.snapshot)(self.sessie_id))

    async def disconnect(self, code: int) -> None:
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        ref = _ref(content)
        try:
            state = await database_sync_to_async(self._apply)(content)
        except services.Refused as refusal:
            await self.send_json({"type": "error", "message": str(refusal), "ref": ref})
            return
        await self.channel_layer.group_send(
            self.group, {"type": "live.state", "state": state, "ref": ref}
        )

    def _apply(self, content: Any) -> dict[str, Any]:
        """Refusals speak the sender's language (the one chosen in the menu, else Dutch)."""
        chosen = self.scope.get("cookies", {}).get(settings.LANGUAGE_COOKIE_NAME)
        languages = {code for code, _name in settings.LANGUAGES}
        with translation.override(chosen if chosen in languages else settings.LANGUAGE_CODE):
            services.apply(self.sessie_id, self.viewer, content)
        return services.snapshot(self.sessie_id)

    async def live_state(self, event: dict[str, Any]) -> None:
        await self.send_state(event["state"], ref=event.get("ref"))

    async def send_state(self, state: dict[str, Any], ref: str | None = None) -> None:
        message = {"type": "state", "state": services.for_viewer(state, self.viewer)}
        await self.send_json(message | ({"ref": ref} if ref else {}))

    @classmethod
    async def decode_json(cls, text_data: str) -> Any:
        """Malformed JSON is refused like any other bad message, not a crash."""
        try:
            return await super().decode_json(text_data)
        except ValueError:
            return None
