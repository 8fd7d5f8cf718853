"""The boards of a live bijeenkomst: which places a werkvorm's board has, and which boards
still hide their cards because everyone writes alone first."""

from __future__ import annotations

from typing import Any

from plg.live.models import OASE_FASEN, LiveSessie, Zone
from plg.meetings.models import AgendaBlok

RINGS = [Zone.CENTRUM, Zone.RING_1, Zone.RING_2, Zone.RING_3]
BOARD_ZONES: dict[str, list[str]] = {
    "kandoe": [str(z) for z in RINGS],
    "borgen-bannen-beginnen": [Zone.BORGEN, Zone.BANNEN, Zone.BEGINNEN],
    "beginsituatie-analyse": [Zone.STERKTE, Zone.ZWAKTE, Zone.KANS, Zone.BEDREIGING],
    "oase": [str(z) for z in OASE_FASEN],
}
PRIVATE_FIRST = {"kandoe", "beginsituatie-analyse"}


def kind_of(slug: str | None) -> str:
    """The board a werkvorm (by its slug) is played on; plain cards for any other."""
    return slug if slug in BOARD_ZONES else "kaarten"


def board_kind(blok: AgendaBlok) -> str:
    return kind_of(blok.werkvorm.slug if blok.werkvorm else None)


def zones_for(blok: AgendaBlok) -> list[str]:
    return BOARD_ZONES.get(board_kind(blok), [Zone.LOS])


def still_hidden(blokken: list[dict[str, Any]], revealed: list[int], *, over: bool) -> set[int]:
    """Boards where everyone writes alone first and the coach has not shown the cards yet.

    The one rule for the live screen and the summary (decision 37): until then each
    participant reads only their own cards there. Once the session is over (ended, or its PLG
    archived) the writing alone is over too, and every board shows its cards."""
    if over:
        return set()
    return {b["id"] for b in blokken if b["board"] in PRIVATE_FIRST and b["id"] not in revealed}


def hidden_boards(sessie: LiveSessie) -> set[int]:
    blokken = sessie.bijeenkomst.blokken.values("id", "werkvorm__slug")
    return still_hidden(
        [{"id": b["id"], "board": kind_of(b["werkvorm__slug"])} for b in blokken],
        sessie.revealed_blokken,
        over=sessie.is_over,
    )
