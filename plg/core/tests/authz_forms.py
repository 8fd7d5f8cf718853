"""Authorisation cases of changing an agenda block where it stands."""

from __future__ import annotations

from plg.core.tests.authz import COACH, Case

CASES: dict[str, Case] = {
    # the coach shapes the agenda; members read it
    "agenda_blok_bewerken_hx": (
        lambda w, o: [o["bijeenkomst"].pk, o["blok"].pk],
        "get",
        {},
        COACH,
        200,
    ),
}
