"""Writes about visits that span several rows: small keyword-only functions in a transaction."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from functools import partial

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from plg.accounts.models import User
from plg.bezoeken import authorizers, mails
from plg.bezoeken.blits import blits_minuten_error
from plg.bezoeken.models import (
    MAX_KIJKWIJZER_ITEMS,
    Bezoekronde,
    CoTeachingReeks,
    Kijkwijzer,
    KijkwijzerItem,
    Klasbezoek,
    Observatie,
    Soort,
    Status,
)
from plg.bezoeken.signals import bezoek_cancelled
from plg.bezoeken.tasks import send_bezoek_herinnering
from plg.communities.models import PLG
from plg.communities.sharing import BezoekAudience
from plg.organisations.models import School
from plg.post import services as post
from plg.post.models import Bericht
from plg.post.models import Soort as PostSoort
from plg.post.models import Status as PostStatus


def scholen_van(user: User) -> QuerySet[School]:
    """The schools where ``user`` teaches: a visit takes place in one of them."""
    return (
        School.objects.filter(aanstellingen__in=authorizers.teachers().filter(user=user))
        .distinct()
        .order_by("name")
    )


def invite_errors(
    *,
    geobserveerde: User,
    bezoeker: User | None,
    school: School,
    begin: datetime,
    einde: datetime,
    soort: str = Soort.KLASBEZOEK,
) -> dict[str, str]:
    """What is wrong with this invitation, per form field; empty when it may go. The same for
    every form of visit, plus the length of a blitsbezoek."""
    errors: dict[str, str] = {}
    blits_error = blits_minuten_error(int((einde - begin).total_seconds() // 60))
    if soort == Soort.BLITS and blits_error:
        errors["minuten"] = blits_error
    if bezoeker is not None and bezoeker.pk == geobserveerde.pk:
        errors["bezoeker"] = _("Je kan jezelf niet uitnodigen: kies een collega.")
    elif (
        bezoeker is not None
        and not authorizers.colleagues(geobserveerde).filter(pk=bezoeker.pk).exists()
    ):
        errors["bezoeker"] = _("Kies een collega van je school of scholengemeenschap.")
    if not scholen_van(geobserveerde).filter(pk=school.pk).exists():
        errors["school"] = _("Kies een school waar je lesgeeft.")
    if einde <= begin:
        errors["einde"] = _("Het einde moet na het begin liggen.")
    if begin <= timezone.now():
        errors["datum"] = _("Dit moment is al voorbij: kies een moment in de toekomst.")
    return errors


@transaction.atomic
def invite_bezoeker(
    *,
    geobserveerde: User,
    bezoeker: User,
    school: School,
    begin: datetime,
    einde: datetime,
    focus: str = "",
    les: str = "",
    klas: str = "",
    kijken_naar: str = "",
    kijkwijzer: Kijkwijzer | None = None,
    plg: PLG | None = None,
    lesuur: int | None = None,
    soort: str = Soort.KLASBEZOEK,
    reeks: CoTeachingReeks | None = None,
    door: User | None = None,
) -> Klasbezoek:
    """The one way a colleague comes into a class, in every form: a visit, a blitsbezoek, a
    co-taught lesson. The invitation (with a calendar file) goes to the outbox with the visit,
    or neither is written. A lesson of a series was agreed by the two (``door`` is the one who
    adds it, the other one is told), so it is accepted at once and reminded like an accepted
    visit."""
    errors = invite_errors(
        geobserveerde=geobserveerde,
        bezoeker=bezoeker,
        school=school,
        begin=begin,
        einde=einde,
        soort=soort,
    )
    if errors:
        raise ValidationError(errors)
    bezoek = Klasbezoek.objects.create(
        soort=soort,
        reeks=reeks,
        status=Status.AANVAARD if reeks is not None else Status.UITGENODIGD,
        geobserveerde=geobserveerde,
        bezoeker=bezoeker,
        school=school,
        plg=plg,
        kijkwijzer=kijkwijzer,
        focus=focus,
        les=les,
        klas=klas,
        kijken_naar=kijken_naar,
        begin=begin,
        einde=einde,
        lesuur=lesuur,
    )
    post.queue_berichten([mails.uitnodiging(bezoek, door=door)])
    if bezoek.status == Status.AANVAARD:
        _queue_reminder(bezoek)
    return bezoek


@transaction.atomic
def invite_ronde(*, ronde: Bezoekronde, bezoeken: list[Klasbezoek]) -> list[Klasbezoek]:
    """A round's visits, all at once: accepted (both signed up for the round), each with the
    invitation and its calendar file to both, and the reminders an accepted visit gets. The
    mails are the observed teacher's, who owns the visit: the organiser's outbox never shows
    who visits whom. The planner checked the plan (``planning.rondes.check``); the
    database still refuses a visit to oneself or one that ends before it begins."""
    for bezoek in bezoeken:
        bezoek.ronde, bezoek.soort, bezoek.status = ronde, ronde.soort, Status.AANVAARD
    created = Klasbezoek.objects.bulk_create(bezoeken)
    people = User.objects.in_bulk(
        {b.geobserveerde_id for b in created} | {b.bezoeker_id for b in created}
    )
    berichten = []
    for bezoek in created:
        bezoek.geobserveerde = people[bezoek.geobserveerde_id]
        bezoek.bezoeker = people[bezoek.bezoeker_id]
        berichten += [
            mails.uitnodiging(bezoek, aan=aan) for aan in (bezoek.geobserveerde, bezoek.bezoeker)
        ]
        _queue_reminder(bezoek)
    post.queue_berichten(berichten)
    return created


@transaction.atomic
def answer_bezoek(*, bezoek: Klasbezoek, aanvaard: bool) -> bool:
    """The visitor says yes or no, once; a no closes the visit to them like a cancellation.
    Returns whether the answer was taken (an answered or cancelled visit stays as it is)."""
    locked = Klasbezoek.objects.select_for_update().get(pk=bezoek.pk)
    if locked.status != Status.UITGENODIGD or locked.ingetrokken:
        return False
    if aanvaard:
        locked.status = Status.AANVAARD
        locked.save(update_fields=["status"])
        _queue_reminder(locked)
    else:
        locked.status = Status.AFGEWEZEN
        locked.ingetrokken = True
        locked.save(update_fields=["status", "ingetrokken"])
    bezoek.status, bezoek.ingetrokken = locked.status, locked.ingetrokken
    return True


def _queue_reminder(bezoek: Klasbezoek) -> None:
    due_at = bezoek.begin - timedelta(days=1)
    if due_at > timezone.now() and send_bezoek_herinnering.get_backend().supports_defer:
        transaction.on_commit(
            partial(
                send_bezoek_herinnering.using(run_after=due_at).enqueue,
                bezoek.pk,
                bezoek.begin.isoformat(),
            )
        )


@transaction.atomic
def cancel_bezoek(*, bezoek: Klasbezoek) -> None:
    """The owner cancels, at any time: the visitor reads nothing any more, mails that have not
    left stay home, whoever got an invitation (the visitor, the owner of a co-taught lesson the
    partner added, both of a round's visit) gets a cancellation for their calendar, and whoever
    arranged something around the visit hears of it (``bezoek_cancelled``)."""
    this = Klasbezoek.objects.filter(pk=bezoek.pk)
    invited = sorted(
        set(
            Bericht.objects.over(this)
            .filter(soort=PostSoort.KLASBEZOEK, status=PostStatus.VERSTUURD)
            .values_list("aan", flat=True)
        )
    )
    post.withdraw_berichten(this)
    this.update(status=Status.GEANNULEERD, ingetrokken=True)
    bezoek.status, bezoek.ingetrokken = Status.GEANNULEERD, True
    if invited:
        post.queue_berichten([mails.annulering(bezoek, aan=aan) for aan in invited])
    bezoek_cancelled.send(sender=Klasbezoek, bezoek=bezoek)


def set_notities_audience(*, bezoek: Klasbezoek, audience: BezoekAudience) -> None:
    bezoek.notities_audience = audience
    bezoek.save(update_fields=["notities_audience"])


def save_observatie(
    *,
    bezoek: Klasbezoek,
    author: User,
    client_id: uuid.UUID,
    tekst: str,
    moment: datetime,
    item: KijkwijzerItem | None = None,
) -> tuple[Observatie, bool]:
    """Store a note typed on the phone once: a retry with the same ``client_id`` (the answer
    was lost, the queue sent it again) returns the stored one. Returns (note, created)."""
    defaults = {"author": author, "tekst": tekst, "moment": moment, "item": item}
    try:
        with transaction.atomic():
            return Observatie.objects.get_or_create(
                bezoek=bezoek, client_id=client_id, defaults=defaults
            )
    except IntegrityError:  # the same note arrived twice at once: the other one stored it
        return Observatie.objects.get(bezoek=bezoek, client_id=client_id), False


# Kijkwijzers


def kijkpunten_error(count: int) -> str | None:
    if count > MAX_KIJKWIJZER_ITEMS:
        return _(
            "Een kijkwijzer heeft hoogstens %(max)d kijkpunten; dit zijn er %(count)d. "
            "Kies de punten die er voor deze les het meest toe doen."
        ) % {"max": MAX_KIJKWIJZER_ITEMS, "count": count}
    return None


@transaction.atomic
def create_kijkwijzer(
    *, eigenaar: User, titel: str, kijkpunten: list[str], plg: PLG | None = None
) -> Kijkwijzer:
    error = kijkpunten_error(len(kijkpunten))
    if error:
        raise ValidationError({"kijkpunten": error})
    kijkwijzer = Kijkwijzer.objects.create(
        eigenaar=eigenaar,
        plg=plg,
        leervraag=plg.gekozen_leervraag if plg else None,
        titel=titel,
    )
    KijkwijzerItem.objects.bulk_create(
        KijkwijzerItem(kijkwijzer=kijkwijzer, volgorde=i, tekst=tekst)
        for i, tekst in enumerate(kijkpunten)
    )
    return kijkwijzer


@transaction.atomic
def add_kijkpunt(*, kijkwijzer: Kijkwijzer, tekst: str) -> KijkwijzerItem:
    Kijkwijzer.objects.select_for_update().filter(pk=kijkwijzer.pk).first()
    count = kijkwijzer.items.count()
    error = kijkpunten_error(count + 1)
    if error:
        raise ValidationError({"tekst": error})
    last = kijkwijzer.items.order_by("-volgorde").values_list("volgorde", flat=True).first()
    return KijkwijzerItem.objects.create(
        kijkwijzer=kijkwijzer, tekst=tekst, volgorde=(last or 0) + 1
    )


@transaction.atomic
def move_kijkpunt(*, item: KijkwijzerItem, omhoog: bool) -> None:
    """Swap with the neighbour above or below; the order is renumbered from 0."""
    items = list(item.kijkwijzer.items.select_for_update().order_by("volgorde", "id"))
    at = next(i for i, other in enumerate(items) if other.pk == item.pk)
    to = at - 1 if omhoog else at + 1
    if 0 <= to < len(items):
        items[at], items[to] = items[to], items[at]
    for volgorde, other in enumerate(items):
        other.volgorde = volgorde
    KijkwijzerItem.objects.bulk_update(items, ["volgorde"])
