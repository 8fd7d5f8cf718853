"""The floor for bench/live.py: a bare Channels consumer that sends every message to its group.

Same server (uvicorn), same channel layer, same group sizes as the real thing, but no database,
no validation and no state: whatever the real consumer costs on top of this is ours.
"""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plg.settings.development")
django.setup()

from channels.generic.websocket import AsyncWebsocketConsumer  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from django.urls import path  # noqa: E402


class EchoConsumer(AsyncWebsocketConsumer):
    async def connect(self) -> None:
        self.group = "echo-" + self.scope["url_route"]["kwargs"]["code"]
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        await self.send(text_data='{"type": "state", "state": {}}')

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        await self.channel_layer.group_send(self.group, {"type": "echo.message", "text": text_data})

    async def echo_message(self, event: dict) -> None:
        await self.send(text_data=event["text"])


application = ProtocolTypeRouter(
    {"websocket": URLRouter([path("ws/live/<str:code>/", EchoConsumer.as_asgi())])}
)
