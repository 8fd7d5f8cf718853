"""How the e-mails someone caused are doing: counts per kind, and which failed ones they may
send again."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Count, Model, Q, QuerySet

from plg.post import geldig
from plg.post.models import ONDERWEG, Bericht, Soort, Status


@dataclass(frozen=True)
class Rij:
    soort: str
    wacht: int
    verstuurd: int
    mislukt: int

    @property
    def label(self) -> str:
        return str(Soort(self.soort).label)


@dataclass(frozen=True)
class Stand:
    rijen: list[Rij]
    mijn_mislukte: list[int] = field(default_factory=list)


def stand(*, over: QuerySet[Model], user: AbstractBaseUser) -> Stand:
    """Counts only: a page that shows this never says who was mailed (two queries)."""
    berichten = Bericht.objects.over(over)
    rijen = [
        Rij(**row)
        for row in berichten.values("soort")
        .annotate(
            wacht=Count("pk", filter=Q(status__in=ONDERWEG)),
            verstuurd=Count("pk", filter=Q(status=Status.VERSTUURD)),
            mislukt=Count("pk", filter=Q(status=Status.MISLUKT)),
        )
        .order_by("soort")
    ]
    mijn = berichten.filter(door_id=user.pk, status=Status.MISLUKT).only(
        "pk", "soort", "over_id", "sleutel"
    )
    return Stand(rijen=rijen, mijn_mislukte=sorted(geldig.may_resend(user, mijn)))


def per_object(*, over: QuerySet[Model], user: AbstractBaseUser) -> dict[int, Bericht]:
    """The latest e-mail about each object; ``opnieuw`` holds its pk when it failed, this user
    sent it and may still send it again (the retry form's value), else nothing."""
    rijen = Bericht.objects.over(over).order_by("pk")
    berichten = {
        b.over_id: b
        for b in rijen.only("pk", "over_id", "status", "oorzaak", "door", "soort", "sleutel")
    }
    mijn = [b for b in berichten.values() if b.is_mislukt and b.door_id == user.pk]
    mag = geldig.may_resend(user, mijn)
    for bericht in berichten.values():
        bericht.opnieuw = [bericht.pk] if bericht.pk in mag else []  # type: ignore[attr-defined]
    return berichten
