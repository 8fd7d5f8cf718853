"""What one WebSocket client may send: a frame of at most 16 kB, JSON nested a few levels at
most, and about ten commands a second. Each check is done before any work is spent on it."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

MAX_FRAME_BYTES = 16 * 1024
MAX_DEPTH = 8  # a command is an object holding at most a list: two levels
COMMANDS_PER_SECOND = 10.0
BURST = 20.0
SYNC_COST = 0.25  # asking for the whole state again is what a client does after a lost message


def too_deep(text: str, limit: int = MAX_DEPTH) -> bool:
    """Whether JSON text nests deeper than ``limit``, found without parsing it (parsing a
    deeply nested text is what fails). Brackets inside strings do not count."""
    if text.count("[") + text.count("{") <= limit:
        return False
    depth, in_string, escaped = 0, False, False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return True
        elif char in "]}":
            depth -= 1
    return False


def decode(text: str | None) -> tuple[Any, str | None]:
    """A client's frame as a command, or the reason it is refused unread."""
    if text is None:
        return None, _("Dit bericht begrijpen we niet.")
    if len(text) > MAX_FRAME_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_FRAME_BYTES:
        return None, _("Dit bericht is te groot: hoogstens %(kb)s kB.") % {
            "kb": MAX_FRAME_BYTES // 1024
        }
    if too_deep(text):
        return None, _("Dit bericht begrijpen we niet: het is te diep genest.")
    try:
        return json.loads(text), None
    except (ValueError, RecursionError):
        return None, _("Dit bericht begrijpen we niet.")


def is_sync(content: Any) -> bool:
    return isinstance(content, dict) and content.get("type") == "sync"


def THROTTLED() -> str:
    return _(
        "Even rustig aan: je stuurt te veel na elkaar. Wacht een paar tellen en probeer dan opnieuw."
    )


def clock() -> float:
    return time.monotonic()


@dataclass
class Bucket:
    """A token bucket per connection: ``rate`` commands a second on average, ``burst`` at once."""

    rate: float = COMMANDS_PER_SECOND
    burst: float = BURST
    tokens: float = BURST
    at: float = field(default_factory=lambda: clock())

    def take(self, cost: float = 1.0) -> bool:
        now = clock()
        self.tokens = min(self.burst, self.tokens + max(now - self.at, 0.0) * self.rate)
        self.at = now
        if self.tokens < cost:
            return False
        self.tokens -= cost
        return True
