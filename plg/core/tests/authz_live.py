"""Authorisation cases of the live screen's own forms."""

from __future__ import annotations

from plg.core.tests.authz import COACH, Case

CASES: dict[str, Case] = {
    # ending the session is the coach's, like every other steering of it
    "live_afsluiten": (lambda w, o: [o["bijeenkomst"].pk], "post", {}, COACH, 302),
}
