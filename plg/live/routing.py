from django.urls import path

from plg.live.consumers import LiveConsumer

websocket_urlpatterns = [path("ws/live/<str:code>/", LiveConsumer.as_asgi())]  # type: ignore[arg-type]
