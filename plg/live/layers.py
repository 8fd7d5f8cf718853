"""The channel layer for one app process (the default, without Redis)."""

from __future__ import annotations

import time

from channels.layers import InMemoryChannelLayer


class SweepingInMemoryChannelLayer(InMemoryChannelLayer):
    """Channels' in-memory layer sweeps every queue and group for expired messages on every
    receive: with hundreds of participants that sweep costs more than delivering the message.
    Expiry is measured in minutes, so sweeping once a second changes nothing a user sees."""

    sweep_interval = 1.0
    _last_sweep = 0.0

    def _clean_expired(self) -> None:
        now = time.monotonic()
        if now - self._last_sweep >= self.sweep_interval:
            self._last_sweep = now
            super()._clean_expired()  # type: ignore[misc]  # not in the type stubs
