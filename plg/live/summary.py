"""What a live bijeenkomst produced, gathered once for the summary page and its PDF."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from plg.communities.sharing import audience_q
from plg.live.models import Intervisie, Kaart, LiveSessie, Rondebijdrage, Zone
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
    bijdragen: list[Rondebijdrage] = field(default_factory=list)
    for_members: bool = True
    boards_shared: bool = True

    @property
    def is_empty(self) -> bool:
        return not (self.boards or self.parked or self.terugblik or self.bijdragen)


def shared_sessions(user: Any) -> Any:
    """Live sessions whose board results the coach shared with ``user`` (their audience)."""
    return LiveSessie.objects.filter(audience_q(user, "bijeenkomst__plg", "opened_by"))


def boards_shared_with(bijeenkomst: Bijeenkomst, user: Any) -> bool:
    return shared_sessions(user).filter(bijeenkomst=bijeenkomst).exists()


def build_summary(bijeenkomst: Bijeenkomst, user: Any, *, member: bool) -> Samenvatting:
    """Boards in agenda order, cards centre-first, each part only as far as it was shared.

    Members see everything of their session; anyone else sees the boards only when the coach
    shared the results with them, without names, and never the assignments or an inbrenger's
    evaluation. The check-out and written round contributions follow their own audience.
    """
    labels = dict(Zone.choices)
    shared = member or boards_shared_with(bijeenkomst, user)
    kaarten = (
        list(
            Kaart.objects.filter(blok__bijeenkomst=bijeenkomst, merged_into=None).select_related(
                "author"
            )
        )
        if shared
        else []
    )
    summary = Samenvatting(
        bijeenkomst=bijeenkomst,
        parked=[k for k in kaarten if k.parked],
        terugblik=Terugblik.objects.visible_to(user).filter(bijeenkomst=bijeenkomst).first(),
        opdrachten=list(bijeenkomst.opdrachten.select_related("owner")) if member else [],
        intervisies=list(
            Intervisie.objects.filter(blok__bijeenkomst=bijeenkomst).select_related("inbrenger")
        )
        if member
        else [],
        bijdragen=list(
            Rondebijdrage.objects.visible_to(user)
            .filter(sessie__bijeenkomst=bijeenkomst)
            .select_related("author", "blok")
        ),
        for_members=member,
        boards_shared=shared,
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
