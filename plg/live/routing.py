from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import path

from plg.live.consumers import LiveConsumer

if TYPE_CHECKING:
    from channels.routing import URLRouter, _ExtendedURLPattern

websocket_urlpatterns: list[_ExtendedURLPattern | URLRouter] = [
    # Django's stubs type path() for views, channels' want a route to an ASGI application.
    path("ws/live/<str:code>/", LiveConsumer.as_asgi()),  # type: ignore[arg-type, list-item]
]
