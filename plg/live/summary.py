"""What a live bijeenkomst produced, gathered once for the summary page and its PDF.

The summary holds display objects, not model rows: plain text and, only for a reader inside
the PLG (``participants.reads_members_part``, the rule of the live screen too), the name of who
wrote it. A template cannot print an author it was never given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet

from plg.accounts.models import User
from plg.communities.sharing import Relation, audience_q, relation
from plg.live.boards import hidden_boards, zones_for
from plg.live.models import Intervisie, Kaart, Kandoe, LiveSessie, Rondebijdrage, Zone
from plg.live.participants import reads_members_part
from plg.meetings.models import Bijeenkomst, Opdracht, Terugblik


@dataclass(frozen=True)
class KaartRow:
    text: str
    why: str
    author: str = ""
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Zonekaarten:
    label: str
    cards: list[KaartRow]


@dataclass(frozen=True)
class Bord:
    stap: str
    werkvorm: str
    zones: list[Zonekaarten]
    startvraag: str = ""


@dataclass(frozen=True)
class IntervisieRow:
    thema: str
    inbrenger: str
    evaluatie: str


@dataclass(frozen=True)
class BijdrageRow:
    text: str
    stap: str
    audience: str
    author: str = ""


@dataclass(frozen=True)
class TerugblikRow:
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
class OpdrachtRow:
    description: str
    owner: str
    due_date: date


@dataclass
class Samenvatting:
    boards: list[Bord] = field(default_factory=list)
    parked: list[KaartRow] = field(default_factory=list)
    terugblik: TerugblikRow | None = None
    opdrachten: list[OpdrachtRow] = field(default_factory=list)
    intervisies: list[IntervisieRow] = field(default_factory=list)
    bijdragen: list[BijdrageRow] = field(default_factory=list)
    boards_shared: bool = True

    @property
    def is_empty(self) -> bool:
        return not (self.boards or self.parked or self.terugblik or self.bijdragen)


def shared_sessions(user: User) -> QuerySet[LiveSessie]:
    """Live sessions whose board results the coach shared with ``user`` (their audience)."""
    return LiveSessie.objects.filter(audience_q(user, "bijeenkomst__plg", "opened_by"))


def boards_shared_with(bijeenkomst: Bijeenkomst, user: User) -> bool:
    return shared_sessions(user).filter(bijeenkomst=bijeenkomst).exists()


def _terugblik(terugblik: Terugblik | None) -> TerugblikRow | None:
    if terugblik is None:
        return None
    return TerugblikRow(
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


def build_samenvatting(bijeenkomst: Bijeenkomst, user: User, *, member: bool) -> Samenvatting:
    """Boards in agenda order, cards centre-first, each part only as far as it was shared.

    Members see everything of their session; anyone else sees the boards only when the coach
    shared the results with them, and never the assignments or an OASE round (its other
    readers were not in the room; who brought the case in and what they took from it stay
    inside the PLG, as on the live screen). The check-out and written round contributions
    follow their own audience. Names only inside the PLG: people around it never see them.
    """
    names = reads_members_part(Relation.LID if member else relation(user, bijeenkomst.plg))
    shared = member or boards_shared_with(bijeenkomst, user)
    kaarten = _kaarten(bijeenkomst, user) if shared else []
    return Samenvatting(
        boards=_boards(bijeenkomst, kaarten, names=names),
        parked=[_kaart_row(k, names=names) for k in kaarten if k.parked],
        terugblik=_terugblik(
            Terugblik.objects.visible_to(user).filter(bijeenkomst=bijeenkomst).first()
        ),
        opdrachten=_opdrachten(bijeenkomst, names=names) if member else [],
        intervisies=_intervisies(bijeenkomst) if names else [],
        bijdragen=_bijdragen(bijeenkomst, user, names=names),
        boards_shared=shared,
    )


def _kaarten(bijeenkomst: Bijeenkomst, user: User) -> list[Kaart]:
    """The cards on the boards; where a board still hides them, only the reader's own."""
    hidden = _still_hidden(bijeenkomst)
    return [
        kaart
        for kaart in Kaart.objects.filter(blok__bijeenkomst=bijeenkomst, merged_into=None)
        .select_related("author")
        .prefetch_related("zetten", "merged__zetten")
        if kaart.blok_id not in hidden or kaart.author_id == user.pk
    ]


def _kaart_row(kaart: Kaart, *, names: bool) -> KaartRow:
    """A card with why it was moved inwards (KanDoe's reasons, kept without the movers),
    also the reasons given for the cards merged into it."""
    author = kaart.author.display_name if names and not kaart.anonymous else ""
    zetten = [z for k in [*kaart.merged.all(), kaart] for z in k.zetten.all()]
    reasons = [zet.reason for zet in sorted(zetten, key=lambda z: (z.at, z.pk)) if zet.reason]
    return KaartRow(kaart.text, kaart.why, author, reasons)


def _boards(bijeenkomst: Bijeenkomst, kaarten: list[Kaart], *, names: bool) -> list[Bord]:
    labels = dict(Zone.choices)
    questions = dict(
        Kandoe.objects.filter(blok__bijeenkomst=bijeenkomst).values_list("blok_id", "startvraag")
    )
    boards = []
    for blok in bijeenkomst.blokken.select_related("werkvorm").order_by("position", "id"):
        on_board = [k for k in kaarten if k.blok_id == blok.pk and not k.parked]
        if not on_board:
            continue
        zones = [
            Zonekaarten(
                str(labels[zone]),
                [_kaart_row(k, names=names) for k in on_board if k.zone == zone],
            )
            for zone in zones_for(blok)
            if any(k.zone == zone for k in on_board)
        ]
        werkvorm = str(blok.werkvorm) if blok.werkvorm else ""
        stap = str(blok.get_stap_display())
        boards.append(Bord(stap, werkvorm, zones, questions.get(blok.pk, "")))
    return boards


def _opdrachten(bijeenkomst: Bijeenkomst, *, names: bool) -> list[OpdrachtRow]:
    return [
        OpdrachtRow(o.description, o.owner.display_name if names else "", o.due_date)
        for o in Opdracht.objects.filter(bijeenkomst=bijeenkomst).select_related("owner")
    ]


def _intervisies(bijeenkomst: Bijeenkomst) -> list[IntervisieRow]:
    """The OASE rounds, for readers inside the PLG: theme, inbrenger and evaluation."""
    return [
        IntervisieRow(i.thema, i.inbrenger.display_name, i.evaluatie)
        for i in Intervisie.objects.filter(blok__bijeenkomst=bijeenkomst).select_related(
            "inbrenger"
        )
    ]


def _bijdragen(bijeenkomst: Bijeenkomst, user: User, *, names: bool) -> list[BijdrageRow]:
    """Written round contributions whose audience includes the reader."""
    return [
        BijdrageRow(
            b.text,
            str(b.blok.get_stap_display()),
            str(b.get_audience_display()),
            b.author.display_name if names else "",
        )
        for b in Rondebijdrage.objects.visible_to(user)
        .filter(sessie__bijeenkomst=bijeenkomst)
        .select_related("author", "blok")
    ]
