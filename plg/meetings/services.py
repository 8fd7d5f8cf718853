"""Planning and recording bijeenkomsten on the stramien."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from plg.communities.models import PLG
from plg.communities.versions import save_versioned
from plg.core.ordering import moved
from plg.meetings import mails
from plg.meetings.models import (
    AgendaBlok,
    Bijeenkomst,
    Herinnering,
    HerinneringSoort,
    LeerlogEntry,
    Terugblik,
)
from plg.meetings.tasks import send_herinnering
from plg.methods.models import Stap, Werkvorm
from plg.post import services as post
from plg.post.models import Bericht

if TYPE_CHECKING:
    from plg.accounts.models import User


def default_duration(plg: PLG) -> int:
    """Twice what the school gives a working group (the longest, for a networked PLG)."""
    return max((s.default_bijeenkomst_minutes for s in plg.schools.all()), default=120)


def stramien(duration: int) -> list[tuple[str, str, int]]:
    """The fixed pattern, with the middle time split between input and verwerking."""
    checkin, doelen, checkout = 10, 5, 15
    middle = max(duration - checkin - doelen - checkout, 20)
    return [
        (Stap.CHECKIN, "check-in", checkin),
        (Stap.DOELEN, "", doelen),
        (Stap.INPUT, "", middle * 2 // 5),
        (Stap.VERWERKING, "", middle - middle * 2 // 5),
        (Stap.CHECKOUT, "check-out", checkout),
    ]


@transaction.atomic
def plan_bijeenkomst(
    *, plg: PLG, starts_at: datetime, place: str, duration_minutes: int, doelen: str = ""
) -> Bijeenkomst:
    bijeenkomst = Bijeenkomst.objects.create(
        plg=plg,
        starts_at=starts_at,
        place=place,
        duration_minutes=duration_minutes,
        doelen=doelen,
    )
    werkvormen = {
        w.slug: w for w in Werkvorm.objects.filter(school=None, slug__in=["check-in", "check-out"])
    }
    AgendaBlok.objects.bulk_create(
        AgendaBlok(
            bijeenkomst=bijeenkomst,
            position=position,
            stap=stap,
            werkvorm=werkvormen.get(slug),
            minutes=minutes,
        )
        for position, (stap, slug, minutes) in enumerate(stramien(duration_minutes))
    )
    return bijeenkomst


@transaction.atomic
def plan_and_announce_bijeenkomst(
    *,
    plg: PLG,
    starts_at: datetime,
    place: str,
    duration_minutes: int,
    doelen: str = "",
    door: User | None = None,
    arrange: Callable[[Bijeenkomst], Iterable[Bericht]] | None = None,
) -> Bijeenkomst:
    """Plan a bijeenkomst on the stramien and tell everyone: the members' invitations with a
    calendar file go to the outbox with it, its reminders are queued for later.

    ``arrange`` is for what a caller plans along with it (planning's substitutes): it stores
    that and returns the mails telling those people, sent with the invitations.
    """
    bijeenkomst = plan_bijeenkomst(
        plg=plg,
        starts_at=starts_at,
        place=place,
        duration_minutes=duration_minutes,
        doelen=doelen,
    )
    others = list(arrange(bijeenkomst)) if arrange is not None else []
    plan_herinneringen(bijeenkomst)
    post.queue_berichten([*mails.uitnodigingen(bijeenkomst, door=door), *others])
    return bijeenkomst


def plan_herinneringen(bijeenkomst: Bijeenkomst) -> None:
    """A reminder the day before (agenda, assignments) and one after (the leerlog).

    Moving a bijeenkomst moves its reminders; a reminder already sent is not sent again.
    """
    due = {
        HerinneringSoort.VOORAF: bijeenkomst.starts_at - timedelta(days=1),
        HerinneringSoort.LEERLOG: bijeenkomst.starts_at
        + timedelta(minutes=bijeenkomst.duration_minutes + 30),
    }
    for soort, due_at in due.items():
        herinnering, _created = Herinnering.objects.update_or_create(
            bijeenkomst=bijeenkomst, soort=soort, defaults={"due_at": due_at}
        )
        if (
            herinnering.sent_at is None
            and due_at > timezone.now()
            and send_herinnering.get_backend().supports_defer
        ):
            transaction.on_commit(partial(_queue_reminder, herinnering))


def _queue_reminder(herinnering: Herinnering) -> None:
    send_herinnering.using(run_after=herinnering.due_at).enqueue(
        herinnering.pk, herinnering.due_at.isoformat()
    )


@transaction.atomic
def add_blok(*, bijeenkomst: Bijeenkomst, blok: AgendaBlok) -> AgendaBlok:
    """New blocks go before the check-out, which closes every bijeenkomst."""
    blokken = list(bijeenkomst.blokken.order_by("position", "id"))
    tail = [b for b in blokken[-1:] if b.stap == Stap.CHECKOUT and blok.stap != Stap.CHECKOUT]
    head = blokken[: len(blokken) - len(tail)]
    blok.bijeenkomst = bijeenkomst
    blok.position = len(head)
    blok.save()
    for position, other in enumerate(tail, start=len(head) + 1):
        other.position = position
    AgendaBlok.objects.bulk_update(tail, ["position"])
    return blok


@transaction.atomic
def move_blok(*, blok: AgendaBlok, direction: str) -> None:
    blokken = moved(list(blok.bijeenkomst.blokken.order_by("position", "id")), blok, direction)
    AgendaBlok.objects.bulk_update(blokken, ["position"])


@transaction.atomic
def save_terugblik(
    *, terugblik: Terugblik, version: int | None, by: User, opdrachten: Callable[[], object]
) -> Terugblik:
    """The check-out record and its assignments, both or (on a version conflict) neither."""
    if terugblik.pk is None:
        terugblik.author = by
    save_versioned(terugblik, version=version, by=by)
    opdrachten()
    return terugblik


@transaction.atomic
def save_bijeenkomst(*, bijeenkomst: Bijeenkomst, version: int | None, by: User) -> Bijeenkomst:
    """Moving a bijeenkomst moves its reminders with it; once announced, the invitations for
    the old time that have not left are withdrawn and the members get one for the new time."""
    before = Bijeenkomst.objects.filter(pk=bijeenkomst.pk).values_list("starts_at", flat=True)
    moved = bijeenkomst.starts_at not in before
    save_versioned(bijeenkomst, version=version, by=by)
    plan_herinneringen(bijeenkomst)
    about = Bijeenkomst.objects.filter(pk=bijeenkomst.pk)
    if moved and Bericht.objects.over(about).exists():
        post.withdraw_berichten(about)
        post.queue_berichten(mails.uitnodigingen(bijeenkomst, door=by))
    return bijeenkomst


@transaction.atomic
def save_leerlog(*, entry: LeerlogEntry, version: int | None, by: User) -> LeerlogEntry:
    entry.author = by
    return save_versioned(entry, version=version, by=by)
