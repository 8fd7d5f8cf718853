"""What a live bijeenkomst produced, gathered once for the summary page and its PDF.

The summary holds display objects, not model rows: plain text and, only for a reader inside
the PLG (``participants.reads_members_part``, the rule of the live screen too), the name of who
wrote it. A template cannot print an author it was never given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from plg.communities.sharing import Relatie, audience_q, relatie
from plg.live.boards import hidden_boards, zones_for
from plg.live.models import Intervisie, Kaart, LiveSessie, Rondebijdrage, Zone
from plg.live.participants import reads_members_part
from plg.meetings.models import Bijeenkomst, Opdracht, Terugblik


@dataclass(frozen=True)
class Kaartregel:
    text: str
    why: str
    author: str = ""


@dataclass(frozen=True)
class Zonekaarten:
    label: str
    cards: list[Kaartregel]


@dataclass(frozen=True)
class Bord:
    stap: str
    werkvorm: str
    zones: list[Zonekaarten]


@dataclass(frozen=True)
class Intervisieregel:
    thema: str
    inbrenger: str
    evaluatie: str


@dataclass(frozen=True)
class Bijdrageregel:
    text: str
    stap: str
    audience: str
    author: str = ""


@dataclass(frozen=True)
class Terugblikregel:
    doelen_bereikt: str
    doelen_gehaald: list[str]
    hoe_was_het: str
    behouden: str
    veranderen: str
    volgende_stap: str

    def get_doelen_bereikt_display(self) -> str:
        """As a check-out reads on its own page (``meetings/_terugblik.html``)."""
        return self.doelen_bereikt


@dataclass(frozen=True)
class Opdrachtregel:
    description: str
    owner: str
    due_date: date


@dataclass
class Samenvatting:
    boards: list[Bord] = field(default_factory=list)
    parked: list[Kaartregel] = field(default_factory=list)
    terugblik: Terugblikregel | None = None
    opdrachten: list[Opdrachtregel] = field(default_factory=list)
    intervisies: list[Intervisieregel] = field(default_factory=list)
    bijdragen: list[Bijdrageregel] = field(default_factory=list)
    boards_shared: bool = True

    @property
    def is_empty(self) -> bool:
        return not (self.boards or self.parked or self.terugblik or self.bijdragen)


def shared_sessions(user: Any) -> Any:
    """Live sessions whose board results the coach shared with ``user`` (their audience)."""
    return LiveSessie.objects.filter(audience_q(user, "bijeenkomst__plg", "opened_by"))


def boards_shared_with(bijeenkomst: Bijeenkomst, user: Any) -> bool:
    return shared_sessions(user).filter(bijeenkomst=bijeenkomst).exists()


def _terugblik(terugblik: Terugblik | None) -> Terugblikregel | None:
    if terugblik is None:
        return None
    return Terugblikregel(
        doelen_bereikt=str(terugblik.get_doelen_bereikt_display()),
        doelen_gehaald=list(terugblik.doelen_gehaald),
        hoe_was_het=terugblik.hoe_was_het,
        behouden=terugblik.behouden,
        veranderen=terugblik.veranderen,
        volgende_stap=terugblik.volgende_stap,
    )


def _still_hidden(bijeenkomst: Bijeenkomst) -> set[int]:
    """Boards whose cards are hidden on the live screen: here too each reader sees only their
    own cards there (``boards.still_hidden``)."""
    sessie = (
        LiveSessie.objects.select_related("bijeenkomst__plg")
        .filter(bijeenkomst=bijeenkomst)
        .first()
    )
    return hidden_boards(sessie) if sessie is not None else set()


def build_summary(bijeenkomst: Bijeenkomst, user: Any, *, member: bool) -> Samenvatting:
    """Boards in agenda order, cards centre-first, each part only as far as it was shared.

    Members see everything of their session; anyone else sees the boards only when the coach
    shared the results with them, and never the assignments or an OASE round (its other
    readers were not in the room; who brought the case in and what they took from it stay
    inside the PLG, as on the live screen). The check-out and written round contributions
    follow their own audience. Names only inside the PLG: people around it never see them.
    """
    names = reads_members_part(Relatie.LID if member else relatie(user, bijeenkomst.plg))
    shared = member or boards_shared_with(bijeenkomst, user)
    kaarten = _kaarten(bijeenkomst, user) if shared else []
    return Samenvatting(
        boards=_boards(bijeenkomst, kaarten, names=names),
        parked=[_kaartregel(k, names=names) for k in kaarten if k.parked],
        terugblik=_terugblik(
            Terugblik.objects.visible_to(user).filter(bijeenkomst=bijeenkomst).first()
        ),
        opdrachten=_opdrachten(bijeenkomst, names=names) if member else [],
        intervisies=_intervisies(bijeenkomst) if names else [],
        bijdragen=_bijdragen(bijeenkomst, user, names=names),
        boards_shared=shared,
    )


def _kaarten(bijeenkomst: Bijeenkomst, user: Any) -> list[Kaart]:
    """The cards on the boards; where a board still hides them, only the reader's own."""
    hidden = _still_hidden(bijeenkomst)
    return [
        kaart
        for kaart in Kaart.objects.filter(
            blok__bijeenkomst=bijeenkomst, merged_into=None
        ).select_related("author")
        if kaart.blok_id not in hidden or kaart.author_id == user.pk
    ]


def _kaartregel(kaart: Kaart, *, names: bool) -> Kaartregel:
    author = kaart.author.display_name if names and not kaart.anonymous else ""
    return Kaartregel(kaart.text, kaart.why, author)


def _boards(bijeenkomst: Bijeenkomst, kaarten: list[Kaart], *, names: bool) -> list[Bord]:
    labels = dict(Zone.choices)
    boards = []
    for blok in bijeenkomst.blokken.select_related("werkvorm").order_by("position", "id"):
        on_board = [k for k in kaarten if k.blok_id == blok.pk and not k.parked]
        if not on_board:
            continue
        zones = [
            Zonekaarten(
                str(labels[zone]),
                [_kaartregel(k, names=names) for k in on_board if k.zone == zone],
            )
            for zone in zones_for(blok)
            if any(k.zone == zone for k in on_board)
        ]
        werkvorm = str(blok.werkvorm) if blok.werkvorm else ""
        boards.append(Bord(str(blok.get_stap_display()), werkvorm, zones))
    return boards


def _opdrachten(bijeenkomst: Bijeenkomst, *, names: bool) -> list[Opdrachtregel]:
    return [
        Opdrachtregel(o.description, o.owner.display_name if names else "", o.due_date)
        for o in Opdracht.objects.filter(bijeenkomst=bijeenkomst).select_related("owner")
    ]


def _intervisies(bijeenkomst: Bijeenkomst) -> list[Intervisieregel]:
    """The OASE rounds, for readers inside the PLG: theme, inbrenger and evaluation."""
    return [
        Intervisieregel(i.thema, i.inbrenger.display_name, i.evaluatie)
        for i in Intervisie.objects.filter(blok__bijeenkomst=bijeenkomst).select_related(
            "inbrenger"
        )
    ]


def _bijdragen(bijeenkomst: Bijeenkomst, user: Any, *, names: bool) -> list[Bijdrageregel]:
    """Written round contributions whose audience includes the reader."""
    return [
        Bijdrageregel(
            b.text,
            str(b.blok.get_stap_display()),
            str(b.get_audience_display()),
            b.author.display_name if names else "",
        )
        for b in Rondebijdrage.objects.visible_to(user)
        .filter(sessie__bijeenkomst=bijeenkomst)
        .select_related("author", "blok")
    ]
