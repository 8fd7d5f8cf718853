"""The default channel layer still drops expired messages, only not on every receive."""

from __future__ import annotations

import asyncio

from plg.live.layers import SweepingInMemoryChannelLayer
from plg.live.tests.websocket_client import play


async def _send_stale(layer: SweepingInMemoryChannelLayer) -> None:
    await layer.send("stale", {"type": "x"})
    queue = layer.channels["stale"]
    items = queue._queue  # type: ignore[attr-defined]  # asyncio.Queue's deque: not in typeshed
    _expires, message = items[0]
    items[0] = (0.0, message)  # expired long ago


def test_expired_messages_are_swept_at_most_once_per_interval() -> None:
    async def scenario() -> tuple[bool, bool]:
        layer = SweepingInMemoryChannelLayer(expiry=60)
        await _send_stale(layer)
        await layer.send("fresh", {"type": "y"})
        await layer.receive("fresh")  # the first receive sweeps
        swept = "stale" not in layer.channels
        await _send_stale(layer)
        await layer.send("fresh", {"type": "y"})
        await layer.receive("fresh")  # within the interval: no second sweep yet
        return swept, "stale" in layer.channels

    swept, kept_until_next_sweep = play(asyncio.wait_for(scenario(), 5))
    assert swept and kept_until_next_sweep


def test_the_redis_layer_reads_longer_than_its_blocking_pop_waits() -> None:
    """Else an idle live socket fails each time the pop comes back empty (redis-py 8)."""
    from channels_redis.core import RedisChannelLayer

    from plg.settings.base import channel_layers

    host = channel_layers("redis://127.0.0.1:6379/0")["default"]["CONFIG"]["hosts"][0]
    assert host["socket_timeout"] > RedisChannelLayer.brpop_timeout
