"""How the e-mails someone caused are doing: counts per kind, and which failed ones are theirs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet

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


def stand(*, over: QuerySet[Any], user: Any) -> Stand:
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
    mijn = berichten.filter(door=user, status=Status.MISLUKT).values_list("pk", flat=True)
    return Stand(rijen=rijen, mijn_mislukte=list(mijn))


def per_object(*, over: QuerySet[Any], user: Any) -> dict[int, Bericht]:
    """The latest e-mail about each object; ``opnieuw`` holds its pk when it failed and this user
    sent it (the retry form's value), else nothing."""
    berichten: dict[int, Bericht] = {}
    for bericht in Bericht.objects.over(over).order_by("pk"):
        mag = bericht.is_mislukt and bericht.door_id == user.pk
        bericht.opnieuw = [bericht.pk] if mag else []  # type: ignore[attr-defined]
        berichten[bericht.over_id] = bericht
    return berichten
