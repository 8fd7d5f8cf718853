"""What a live bijeenkomst produced, gathered once for the summary page and its PDF."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from plg.live.models import Intervisie, Kaart, Zone
from plg.live.services import zones_for
from plg.meetings.models import AgendaBlok, Bijeenkomst, Opdracht, Terugblik


@dataclass
class Zonekaarten:
    label: str
    cards: list[Kaart]


@dataclass
class Bord:
    blok: AgendaBlok
    zones: list[Zonekaarten]


@dataclass
class Samenvatting:
    bijeenkomst: Bijeenkomst
    boards: list[Bord] = field(default_factory=list)
    parked: list[Kaart] = field(default_factory=list)
    terugblik: Terugblik | None = None
    opdrachten: list[Opdracht] = field(default_factory=list)
    intervisies: list[Intervisie] = field(default_factory=list)


def build_summary(bijeenkomst: Bijeenkomst, user: Any) -> Samenvatting:
    """Boards in agenda order, cards centre-first; the check-out only if shared with ``user``."""
    labels = dict(Zone.choices)
    kaarten = list(
        Kaart.objects.filter(blok__bijeenkomst=bijeenkomst, merged_into=None).select_related(
            "author"
        )
    )
    summary = Samenvatting(
        bijeenkomst=bijeenkomst,
        parked=[k for k in kaarten if k.parked],
        terugblik=Terugblik.objects.visible_to(user).filter(bijeenkomst=bijeenkomst).first(),
        opdrachten=list(bijeenkomst.opdrachten.select_related("owner")),
        intervisies=list(
            Intervisie.objects.filter(blok__bijeenkomst=bijeenkomst).select_related("inbrenger")
        ),
    )
    for blok in bijeenkomst.blokken.select_related("werkvorm").order_by("position", "id"):
        on_board = [k for k in kaarten if k.blok_id == blok.pk and not k.parked]
        if not on_board:
            continue
        zones = zones_for(blok)
        summary.boards.append(
            Bord(
                blok=blok,
                zones=[
                    Zonekaarten(str(labels[zone]), [k for k in on_board if k.zone == zone])
                    for zone in zones
                    if any(k.zone == zone for k in on_board)
                ],
            )
        )
    return summary
