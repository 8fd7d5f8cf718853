"""Writes of a tandem: small keyword-only functions, one transaction each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from plg.accounts.models import User
from plg.communities.models import PLG
from plg.live import services as live_services
from plg.live.models import LiveSessie
from plg.meetings.models import Bijeenkomst
from plg.post.services import queue_berichten, withdraw_berichten
from plg.tandem import mails
from plg.tandem.authorizers import leaders_of
from plg.tandem.models import Aanwezigheid, Antwoord, Steunvraag, Tandem, Tandemmoment


@dataclass(frozen=True)
class Afspraak:
    """The agreement as the two write it: what is shared, what stays inside, when they talk,
    and what support the leader gives."""

    delen: str
    binnen_plg: str
    overleg: str
    tijd: str = ""
    budget: str = ""
    expert: str = ""


class NotALeader(ValueError):
    """The chosen person does not lead one of the PLG's schools."""


@transaction.atomic
def start_tandem(*, plg: PLG, coach: User, schoolleider: User, afspraak: Afspraak) -> Tandem:
    """The coach proposes the agreement to a leader of the PLG's schools; it holds once the
    leader agrees (``agree``)."""
    if not leaders_of(plg).filter(pk=schoolleider.pk).exists():
        raise NotALeader
    return Tandem.objects.create(
        plg=plg, schoolleider=schoolleider, voorgesteld_door=coach, **vars(afspraak)
    )


@transaction.atomic
def propose_afspraak(*, tandem: Tandem, by: User, afspraak: Afspraak) -> None:
    """Either side may propose a change; it waits for the other side's yes again."""
    for field, value in vars(afspraak).items():
        setattr(tandem, field, value)
    tandem.voorgesteld_door = by
    tandem.voorgesteld_op = timezone.now()
    tandem.akkoord_op = None
    tandem.save()


def may_agree(tandem: Tandem, user: User) -> bool:
    """The side that did not make the proposal agrees to it."""
    return not tandem.is_akkoord and tandem.voorgesteld_door_id != user.pk


@transaction.atomic
def agree(*, tandem: Tandem, by: User) -> bool:
    """Returns whether the agreement now holds (a proposal of one's own cannot be agreed to)."""
    if not may_agree(tandem, by):
        return False
    tandem.akkoord_op = timezone.now()
    tandem.save(update_fields=["akkoord_op"])
    return True


def add_moment(*, tandem: Tandem, author: User, datum: date, notitie: str) -> Tandemmoment:
    return Tandemmoment.objects.create(tandem=tandem, author=author, datum=datum, notitie=notitie)


def ask_steun(*, tandem: Tandem, by: User, soort: str, vraag: str) -> Steunvraag:
    return Steunvraag.objects.create(tandem=tandem, gevraagd_door=by, soort=soort, vraag=vraag)


@transaction.atomic
def answer_steun(*, steunvraag: Steunvraag, antwoord: str, toelichting: str) -> None:
    """The leader answers; a later answer replaces the first (a 'no' may become a 'yes')."""
    if antwoord == Antwoord.OPEN:
        raise ValueError(antwoord)
    steunvraag.antwoord = antwoord
    steunvraag.toelichting = toelichting
    steunvraag.beantwoord_op = timezone.now()
    steunvraag.save(update_fields=["antwoord", "toelichting", "beantwoord_op"])


def invitable(tandem: Tandem) -> list[Bijeenkomst]:
    """The PLG's bijeenkomsten ahead that the leader has not been invited to yet."""
    invited = Aanwezigheid.objects.filter(tandem=tandem).values("bijeenkomst_id")
    return list(Bijeenkomst.objects.filter(plg_id=tandem.plg_id).upcoming().exclude(pk__in=invited))


@transaction.atomic
def invite_schoolleider(*, tandem: Tandem, bijeenkomst: Bijeenkomst, by: User) -> Aanwezigheid:
    """The coach invites the leader to one bijeenkomst of the PLG ahead; nothing changes for
    the leader until they answer."""
    if bijeenkomst.plg_id != tandem.plg_id or bijeenkomst not in invitable(tandem):
        raise ValueError(bijeenkomst.pk)
    aanwezigheid = Aanwezigheid.objects.create(
        tandem=tandem, bijeenkomst=bijeenkomst, uitgenodigd_door=by
    )
    queue_berichten([mails.uitnodiging(aanwezigheid, door=by)])
    return aanwezigheid


@transaction.atomic
def withdraw_uitnodiging(*, aanwezigheid: Aanwezigheid) -> None:
    """The coach takes back an invitation to a bijeenkomst ahead, as if it was never sent: a
    leader who had said yes no longer attends its live session."""
    if not aanwezigheid.may_be_withdrawn:
        raise ValueError(aanwezigheid.pk)
    if aanwezigheid.komt:
        answer_uitnodiging(aanwezigheid=aanwezigheid, komt=False)
    withdraw_berichten(Aanwezigheid.objects.filter(pk=aanwezigheid.pk))
    aanwezigheid.delete()


@transaction.atomic
def answer_uitnodiging(*, aanwezigheid: Aanwezigheid, komt: bool) -> None:
    """The leader's yes lists them as attending the bijeenkomst's live session (where they take
    part like a member); a no takes them off that list, and closes them out if they were in."""
    aanwezigheid.komt = komt
    aanwezigheid.save(update_fields=["komt"])
    sessie, _created = LiveSessie.objects.get_or_create(
        bijeenkomst=aanwezigheid.bijeenkomst,
        defaults={"opened_by": aanwezigheid.uitgenodigd_door},
    )
    leider = aanwezigheid.tandem.schoolleider
    listed = {u for u in sessie.schoolleiders.all() if u.pk != leider.pk}
    live_services.set_attending_leaders(
        sessie=sessie, leaders=[*listed, leider] if komt else listed
    )
