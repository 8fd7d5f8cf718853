"""What can happen in a live bijeenkomst: commands, checked like form input.

A command comes from one participant as a dict; ``apply`` validates it, checks the sender may
give it with their rights as they are at that moment, stores the change in one transaction and
returns what changed. Every command is declared once (``@command``) with who may give it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from plg.communities.models import Fase, Lidmaatschap
from plg.communities.sharing import Audience
from plg.live import kandoe
from plg.live.authorizers import deelname, rights
from plg.live.boards import RINGS, board_kind, kind_of, still_hidden, zones_for
from plg.live.inputs import Refused as Refused
from plg.live.inputs import Revoked as Revoked
from plg.live.inputs import clean_text, is_id, read_int, read_text
from plg.live.models import (
    OASE_FASEN,
    Einde,
    Intervisie,
    Kaart,
    Kandoe,
    LiveSessie,
    Rondebijdrage,
    Zet,
    Zone,
)
from plg.live.participants import (
    Deelname,
    Viewer,
    current_inbrenger,
    round_order,
    turn_order,
)
from plg.meetings import services as meeting_services
from plg.meetings.models import AgendaBlok
from plg.methods.models import Stap, Werkvorm

ROUND_STEPS = {Stap.CHECKIN, Stap.CHECKOUT}
MAX_MERGE = 50


class Givers(StrEnum):
    """Who may give a command."""

    COACH = "coach"  # the procescoach steers
    DEELNEMERS = "deelnemers"  # members and attending school leaders write (the coach too)


GIVERS: dict[Givers, frozenset[str]] = {
    Givers.COACH: frozenset({Deelname.COACH}),
    Givers.DEELNEMERS: frozenset({Deelname.COACH, Deelname.LID, Deelname.SCHOOLLEIDER}),
}
"""Guests give nothing: they watch."""

Handler = Callable[[LiveSessie, Viewer, dict[str, Any]], "int | None"]


@dataclass(frozen=True)
class Command:
    name: str
    by: Givers
    handler: Handler

    def may_give(self, role: str) -> bool:
        return role in GIVERS[self.by]


COMMANDS: dict[str, Command] = {}
"""Every command, declared once where its handler is written."""


def command(name: str, *, by: Givers) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        assert name not in COMMANDS, name
        COMMANDS[name] = Command(name, by, handler)
        return handler

    return register


@dataclass(frozen=True)
class Change:
    """What one command changed: the session's new version, and the one card it touched when
    that is all (then participants get only that card, not the whole board)."""

    version: int
    card: int | None = None


def ARCHIVED() -> str:
    return _("Deze PLG is afgesloten: in het archief verandert niets meer.")


def REVOKED() -> str:
    return _("Je neemt niet meer deel aan deze bijeenkomst.")


def _locked(sessie_id: int, viewer: Viewer) -> LiveSessie:
    """The session under its row lock, with the sender's rights of this moment read in the
    same query (``authorizers.rights``)."""
    return (
        LiveSessie.objects.select_for_update(of=("self",))
        .select_related("current_blok")
        .annotate(**rights(viewer.user_id, leader=viewer.role == Deelname.SCHOOLLEIDER))
        .get(pk=sessie_id)
    )


def apply(sessie_id: int, viewer: Viewer, command: Any) -> Change:
    if not isinstance(command, dict) or not isinstance(command.get("type"), str):
        raise Refused(_("Dit bericht begrijpen we niet."))
    kind = command["type"]
    declared = COMMANDS.get(kind)
    if declared is None:
        raise Refused(_("Onbekende actie: %(kind)s.") % {"kind": clean_text(kind)[:40]})
    if not viewer.writes:
        raise Refused(_("Als gast kijk je mee; de leden van de PLG schrijven en schuiven."))
    with transaction.atomic():
        sessie = _locked(sessie_id, viewer)
        if getattr(sessie, "fase", None) == Fase.AFGESLOTEN:
            raise Refused(ARCHIVED())
        role = deelname(sessie)
        if role is None:
            raise Revoked(REVOKED())
        if not declared.may_give(role):
            raise Refused(_("Alleen de procescoach kan dit doen."))
        if sessie.is_ended:
            raise Refused(_("Deze bijeenkomst is afgelopen."))
        card = declared.handler(sessie, replace(viewer, role=role), command)
        LiveSessie.objects.filter(pk=sessie.pk).update(version=F("version") + 1)
    return Change(version=sessie.version + 1, card=card)


def _save_clock(sessie: LiveSessie, **changes: Any) -> None:
    for name, value in changes.items():
        setattr(sessie, name, value)
    sessie.save(update_fields=list(changes))


def _blok(sessie: LiveSessie, blok_id: int) -> AgendaBlok:
    blok = (
        AgendaBlok.objects.select_related("werkvorm")
        .filter(pk=blok_id, bijeenkomst_id=sessie.bijeenkomst_id)
        .first()
    )
    if blok is None:
        raise Refused(_("Dit blok hoort niet bij deze bijeenkomst."))
    return blok


def _start_blok(sessie: LiveSessie, blok: AgendaBlok) -> None:
    """A step starts afresh: its own clock from zero, no extra minutes, the first turn."""
    now = timezone.now()
    _save_clock(
        sessie,
        current_blok=blok,
        running=True,
        clock_started_at=now,
        elapsed_seconds=0,
        extra_seconds=0,
        turn=0,
        turn_started_at=now,
    )


@command("step.start", by=Givers.COACH)
def _start(sessie: LiveSessie, viewer: Viewer, command: dict[str, Any]) -> None:
    _start_blok(sessie, _blok(sessie, read_int(command, "blok", label=_("blok"))))


@command("step.pause", by=Givers.COACH)
def _pause(sessie: LiveSessie, viewer: Viewer, command: dict[str, Any]) -> None:
    if not sessie.running:
        raise Refused(_("De klok staat al stil."))
    _save_clock(
        sessie,
        elapsed_seconds=max(sessie.elapsed(timezone.now()), 0),
        running=False,
        clock_started_at=None,
    )


@command("step.resume", by=Givers.COACH)
def _resume(sessie: LiveSessie, viewer: Viewer, command: dict[str, Any]) -> None:
    if sessie.running or sessie.current_blok is None:
        raise Refused(_("De klok loopt al, of er is nog geen stap gestart."))
    _save_clock(sessie, running=True, clock_started_at=timezone.now())


@command("step.extend", by=Givers.COACH)
def _extend(sessie: LiveSessie, viewer: Viewer, command: dict[str, Any]) -> None:
    minutes = read_int(command, "minutes", label=_("minuten"))
    if not 1 <= minutes <= 30:
        raise Refused(_("Verleng met 1 tot 30 minuten."))
    _save_clock(sessie, extra_seconds=sessie.extra_seconds + minutes * 60)


@command("step.next", by=Givers.COACH)
def _next(sessie: LiveSessie, viewer: Viewer, command: dict[str, Any]) -> None:
    blokken = list(sessie.bijeenkomst.blokken.order_by("position", "id"))
    ids = [b.pk for b in blokken]
    index = ids.index(sessie.current_blok_id) + 1 if sessie.current_blok_id in ids else 0
    if index >= len(blokken):
        raise Refused(_("Dit was de laatste stap."))
    _start_blok(sessie, blokken[index])


@command("turn.next", by=Givers.COACH)
def _turn_next(sessie: LiveSessie, viewer: Viewer, command: dict[str, Any]) -> None:
    game = _kandoe_playing(sessie)
    if game is not None:
        kandoe.end_turn(game, round_order(sessie), moved=False)
        return
    _save_clock(sessie, turn=sessie.turn + 1, turn_started_at=timezone.now())


def _kandoe_playing(sessie: LiveSessie) -> Kandoe | None:
    """The KanDoe game whose rounds are on now: on the current step, with its cards shown."""
    blok = sessie.current_blok
    if blok is None or board_kind(blok) != "kandoe" or _hidden(sessie, blok):
        return None
    game = kandoe.game(sessie, blok.pk)
    return game if game is not None and not game.is_ended else None


@command("turn.pass", by=Givers.DEELNEMERS)
def _turn_pass(sessie: LiveSessie, viewer: Viewer, command: dict[str, Any]) -> None:
    """Passing needs no explanation; only the person whose turn it is (or the coach) passes."""
    game = _kandoe_playing(sessie)
    if game is not None:
        players = round_order(sessie)
        if not viewer.is_coach:
            kandoe.require_turn(game, players, viewer)
        kandoe.end_turn(game, players, moved=False)
        return
    order = turn_order(round_order(sessie), current_inbrenger(sessie))
    if not order:
        return
    current = order[sessie.turn % len(order)]
    if current["id"] != viewer.user_id and not viewer.is_coach:
        raise Refused(_("Het is nu niet jouw beurt."))
    _save_clock(sessie, turn=sessie.turn + 1, turn_started_at=timezone.now())


@command("round.setup", by=Givers.COACH)
def _round_setup(sessie: LiveSessie, viewer: Viewer, command: dict[str, Any]) -> None:
    """The coach chooses whether a turn shows a clock, and how long a turn is."""
    clock = command.get("clock")
    if not isinstance(clock, bool):
        raise Refused(_("Kies of een beurt een klok toont."))
    seconds = read_int(command, "seconds", label=_("seconden per persoon"))
    if not 15 <= seconds <= 600:
        raise Refused(_("Kies tussen 15 en 600 seconden per persoon."))
    _save_clock(sessie, seconds_per_turn=seconds, turn_clock=clock)


@command("round.write", by=Givers.DEELNEMERS)
def _round_write(sessie: LiveSessie, viewer: Viewer, command: dict[str, Any]) -> None:
    """Someone writes their own check-in or check-out, for the readers they choose."""
    blok = _blok(sessie, read_int(command, "blok", label=_("blok")))
    if blok.stap not in ROUND_STEPS:
        raise Refused(_("Schrijven in een ronde kan bij de check-in en de check-out."))
    audience = command.get("audience")
    if audience not in Audience.values:
        raise Refused(_("Kies wie jouw bijdrage mag lezen."))
    Rondebijdrage.objects.update_or_create(
        sessie=sessie,
        blok=blok,
        author_id=viewer.user_id,
        defaults={
            "text": read_text(
                command, "text", required=True, label=_("jouw bijdrage"), multiline=True
            ),
            "audience": audience,
        },
    )


@command("blok.move", by=Givers.COACH)
def _blok_move(sessie: LiveSessie, viewer: Viewer, command: dict[str, Any]) -> None:
    """Follow the group, not the plan: a step moves up or down the agenda."""
    blok = _blok(sessie, read_int(command, "blok", label=_("blok")))
    direction = command.get("direction")
    if direction not in {"up", "down"}:
        raise Refused(_("Schuif een stap naar boven of naar beneden."))
    meeting_services.move_blok(blok=blok, direction=direction)


@command("blok.werkvorm", by=Givers.COACH)
def _blok_werkvorm(sessie: LiveSessie, viewer: Viewer, command: dict[str, Any]) -> None:
    """Another werkvorm for a step; the cards already on its board stay with the step."""
    blok = _blok(sessie, read_int(command, "blok", label=_("blok")))
    choice = command.get("werkvorm")
    werkvorm = None
    if choice is not None:
        werkvorm = (
            Werkvorm.objects.available_to(viewer.user_id)
            .filter(pk=read_int(command, "werkvorm", label=_("werkvorm")))
            .first()
        )
        if werkvorm is None:
            raise Refused(_("Deze werkvorm staat niet in jouw catalogus."))
    if blok.kaarten.exists() and kind_of(werkvorm.slug if werkvorm else None) != board_kind(blok):
        raise Refused(_("Er liggen al kaarten op dit bord; kies een werkvorm met hetzelfde bord."))
    blok.werkvorm = werkvorm
    blok.save(update_fields=["werkvorm"])


@command("session.share", by=Givers.COACH)
def _session_share(sessie: LiveSessie, viewer: Viewer, command: dict[str, Any]) -> None:
    audience = command.get("audience")
    if audience not in Audience.values or audience == Audience.ALLEEN_IK:
        raise Refused(_("Kies met wie de PLG de resultaten van de borden deelt."))
    _save_clock(sessie, audience=audience)


@command("board.reveal", by=Givers.COACH)
def _reveal(sessie: LiveSessie, viewer: Viewer, command: dict[str, Any]) -> None:
    """Show the cards of the current step's board: from now on everyone reads them."""
    if sessie.current_blok_id is None:
        raise Refused(_("Start eerst de stap met het bord."))
    if sessie.current_blok_id not in sessie.revealed_blokken:
        _save_clock(sessie, revealed_blokken=[*sessie.revealed_blokken, sessie.current_blok_id])


@command("session.end", by=Givers.COACH)
def _end(sessie: LiveSessie, viewer: Viewer, command: dict[str, Any]) -> None:
    _save_clock(sessie, ended_at=timezone.now(), running=False)


@command("card.add", by=Givers.DEELNEMERS)
def _card_add(sessie: LiveSessie, viewer: Viewer, command: dict[str, Any]) -> int:
    blok = _blok(sessie, read_int(command, "blok", label=_("blok")))
    zones = zones_for(blok)
    zone = command.get("zone") or zones[-1]
    if zone not in zones:
        raise Refused(_("Deze plaats bestaat niet op dit bord."))
    if board_kind(blok) == "kandoe":
        kandoe.started(sessie, blok.pk)
        if zone != Zone.RING_3:
            raise Refused(_("Bij KanDoe begint elke kaart in de buitenste ring."))
    return Kaart.objects.create(
        sessie=sessie,
        blok=blok,
        author_id=viewer.user_id,
        anonymous=command.get("named") is not True,
        text=read_text(command, "text", required=True, label=_("tekst")),
        why=read_text(command, "why", required=False, label=_("waarom")),
        zone=zone,
    ).pk


def _hidden(sessie: LiveSessie, blok: AgendaBlok) -> bool:
    """Whether this board still hides its cards (``boards.still_hidden``); a command never
    reaches a session that is over."""
    board = {"id": blok.pk, "board": board_kind(blok)}
    return bool(still_hidden([board], sessie.revealed_blokken, over=sessie.is_ended))


def WAIT_FOR_REVEAL() -> str:
    return _("Wacht tot de procescoach de kaarten toont.")


def _card(sessie: LiveSessie, viewer: Viewer, command: dict[str, Any]) -> Kaart:
    """The card as the sender saw it: a newer version means someone else moved it first. On
    a board that still hides its cards, only its author touches a card."""
    kaart = (
        Kaart.objects.select_related("blok__werkvorm")
        .filter(pk=read_int(command, "card", label=_("kaart")), sessie=sessie, merged_into=None)
        .first()
    )
    if kaart is None:
        raise Refused(_("Deze kaart bestaat niet (meer)."))
    if kaart.author_id != viewer.user_id and _hidden(sessie, kaart.blok):
        raise Refused(WAIT_FOR_REVEAL())
    if kaart.version != read_int(command, "version", label=_("versie")):
        raise Refused(CONFLICT())
    return kaart


def CONFLICT() -> str:
    return _("Iemand anders verplaatste deze kaart net. Kijk even en probeer opnieuw.")


def _swap(kaart: Kaart, **changes: Any) -> None:
    """Compare-and-set on the version: of two moves of the same card, exactly one wins."""
    updated = Kaart.objects.filter(pk=kaart.pk, version=kaart.version).update(
        version=F("version") + 1, **changes
    )
    if not updated:
        raise Refused(CONFLICT())


@command("card.move", by=Givers.DEELNEMERS)
def _card_move(sessie: LiveSessie, viewer: Viewer, command: dict[str, Any]) -> int | None:
    """On a KanDoe board a move is a turn: the whole state goes out, with the next turn."""
    kaart = _card(sessie, viewer, command)
    zone = command.get("zone")
    if zone not in zones_for(kaart.blok):
        raise Refused(_("Deze plaats bestaat niet op dit bord."))
    reason = read_text(command, "reason", required=False, label=_("reden"))
    if board_kind(kaart.blok) != "kandoe":
        _swap(kaart, zone=zone)
        Zet.objects.create(
            kaart=kaart, by_id=viewer.user_id, from_zone=kaart.zone, to_zone=zone, reason=reason
        )
        return kaart.pk
    game = _kandoe_move_allowed(sessie, viewer, kaart, zone, reason)
    players = round_order(sessie)
    kandoe.require_turn(game, players, viewer)
    _swap(kaart, zone=zone)
    Zet.objects.create(
        kaart=kaart,
        by_id=viewer.user_id,
        from_zone=kaart.zone,
        to_zone=zone,
        reason=reason,
        ronde=game.ronde,
    )
    kandoe.end_turn(game, players, moved=True)
    return None


def _kandoe_move_allowed(
    sessie: LiveSessie, viewer: Viewer, kaart: Kaart, zone: str, reason: str
) -> Kandoe:
    if _hidden(sessie, kaart.blok):
        raise Refused(WAIT_FOR_REVEAL())
    game = kandoe.started(sessie, kaart.blok_id)
    if kaart.author_id == viewer.user_id and not kaart.merged.exists():  # a cluster is everyone's
        raise Refused(_("Bij KanDoe verplaats je een kaart van iemand anders."))
    if RINGS.index(Zone(kaart.zone)) - RINGS.index(Zone(zone)) != 1:
        raise Refused(_("Een kaart schuift telkens één ring naar binnen."))
    if not reason:
        raise Refused(_("Zeg kort waarom je deze kaart naar binnen schuift."))
    return game


def _kandoe_blok(sessie: LiveSessie, command: dict[str, Any]) -> AgendaBlok:
    blok = _blok(sessie, read_int(command, "blok", label=_("blok")))
    if board_kind(blok) != "kandoe":
        raise Refused(_("Dit blok is geen KanDoe."))
    return blok


@command("kandoe.setup", by=Givers.COACH)
def _kandoe_setup(sessie: LiveSessie, viewer: Viewer, command: dict[str, Any]) -> None:
    """The coach asks the start question; asking it again rewords it, the rounds go on."""
    blok = _kandoe_blok(sessie, command)
    Kandoe.objects.update_or_create(
        sessie=sessie,
        blok=blok,
        defaults={
            "startvraag": read_text(command, "startvraag", required=True, label=_("startvraag"))
        },
    )


@command("kandoe.end", by=Givers.COACH)
def _kandoe_end(sessie: LiveSessie, viewer: Viewer, command: dict[str, Any]) -> None:
    """The coach rounds the game off, e.g. when the time of the step is up."""
    kandoe.end(kandoe.started(sessie, _kandoe_blok(sessie, command).pk), einde=Einde.COACH)


@command("card.park", by=Givers.DEELNEMERS)
def _card_park(sessie: LiveSessie, viewer: Viewer, command: dict[str, Any]) -> int:
    kaart = _card(sessie, viewer, command)
    _swap(kaart, parked=not kaart.parked)
    return kaart.pk


@command("card.merge", by=Givers.COACH)
def _card_merge(sessie: LiveSessie, viewer: Viewer, command: dict[str, Any]) -> None:
    """Similar cards become one card on a higher level, in the innermost ring among them."""
    ids = command.get("cards")
    if not isinstance(ids, list) or len(set(ids)) < 2 or not all(is_id(i) for i in ids):
        raise Refused(_("Kies minstens twee kaarten om samen te voegen."))
    if len(ids) > MAX_MERGE:
        raise Refused(_("Voeg hoogstens %(count)s kaarten tegelijk samen.") % {"count": MAX_MERGE})
    kaarten = list(
        Kaart.objects.select_related("blok__werkvorm").filter(
            pk__in=ids, sessie=sessie, merged_into=None
        )
    )
    if len(kaarten) != len(set(ids)) or len({k.blok_id for k in kaarten}) != 1:
        raise Refused(_("Deze kaarten kunnen niet samen: ze liggen niet op hetzelfde bord."))
    kind = board_kind(kaarten[0].blok)
    if _hidden(sessie, kaarten[0].blok):
        raise Refused(WAIT_FOR_REVEAL())
    if kind != "kandoe" and len({k.zone for k in kaarten}) != 1:
        raise Refused(_("Cluster kaarten uit hetzelfde vak."))
    zones = zones_for(kaarten[0].blok)
    inner = min((k.zone for k in kaarten), key=lambda z: zones.index(z) if z in zones else 99)
    merged = Kaart.objects.create(
        sessie=sessie,
        blok=kaarten[0].blok,
        author_id=viewer.user_id,
        text=read_text(command, "text", required=True, label=_("tekst")),
        zone=inner,
    )
    Kaart.objects.filter(pk__in=[k.pk for k in kaarten]).update(
        merged_into=merged, version=F("version") + 1
    )


def _oase_blok(sessie: LiveSessie, command: dict[str, Any]) -> AgendaBlok:
    blok = _blok(sessie, read_int(command, "blok", label=_("blok")))
    if board_kind(blok) != "oase":
        raise Refused(_("Dit blok is geen OASE-intervisie."))
    return blok


def _oase(sessie: LiveSessie, command: dict[str, Any]) -> Intervisie:
    intervisie = (
        Intervisie.objects.select_related("blok")
        .filter(sessie=sessie, blok=_oase_blok(sessie, command))
        .first()
    )
    if intervisie is None:
        raise Refused(_("Kies eerst een inbrenger en een thema."))
    return intervisie


@command("oase.setup", by=Givers.COACH)
def _oase_setup(sessie: LiveSessie, viewer: Viewer, command: dict[str, Any]) -> None:
    """The coach names the inbrenger (a member) and the theme; the first phase starts."""
    blok = _oase_blok(sessie, command)
    inbrenger = read_int(command, "inbrenger", label=_("inbrenger"))
    if not Lidmaatschap.objects.filter(
        plg_id=sessie.bijeenkomst.plg_id, user_id=inbrenger
    ).exists():
        raise Refused(_("De inbrenger moet lid zijn van de PLG."))
    Intervisie.objects.update_or_create(
        sessie=sessie,
        blok=blok,
        defaults={
            "inbrenger_id": inbrenger,
            "thema": read_text(command, "thema", required=True, label=_("thema")),
            "fase": 0,
            "fase_started_at": timezone.now(),
            "fase_minutes": _fase_minutes(command),
            "evaluatie": "",
        },
    )
    _save_clock(sessie, turn=0, turn_started_at=timezone.now())


def _fase_minutes(command: dict[str, Any]) -> list[int]:
    """Minutes per phase when the coach adjusts them; empty means an equal split."""
    minutes = command.get("minutes")
    if minutes is None:
        return []
    if (
        not isinstance(minutes, list)
        or len(minutes) != len(OASE_FASEN)
        or not all(isinstance(m, int) and not isinstance(m, bool) and 1 <= m <= 60 for m in minutes)
    ):
        raise Refused(_("Geef elke fase tussen 1 en 60 minuten."))
    return minutes


@command("oase.next", by=Givers.COACH)
def _oase_next(sessie: LiveSessie, viewer: Viewer, command: dict[str, Any]) -> None:
    intervisie = _oase(sessie, command)
    if intervisie.fase + 1 >= len(OASE_FASEN):
        raise Refused(_("De evaluatie is de laatste fase."))
    intervisie.fase += 1
    intervisie.fase_started_at = timezone.now()
    intervisie.save(update_fields=["fase", "fase_started_at"])
    _save_clock(sessie, turn=0, turn_started_at=timezone.now())


@command("oase.evaluate", by=Givers.DEELNEMERS)
def _oase_evaluate(sessie: LiveSessie, viewer: Viewer, command: dict[str, Any]) -> None:
    """Only the inbrenger evaluates, in the last phase: that evaluation is the outcome."""
    intervisie = _oase(sessie, command)
    if intervisie.inbrenger_id != viewer.user_id:
        raise Refused(_("Alleen de inbrenger schrijft de evaluatie."))
    if OASE_FASEN[intervisie.fase] != Zone.EVALUATIE:
        raise Refused(_("De evaluatie komt in de laatste fase."))
    intervisie.evaluatie = read_text(
        command, "text", required=True, label=_("evaluatie"), limit=2000, multiline=True
    )
    intervisie.save(update_fields=["evaluatie"])
