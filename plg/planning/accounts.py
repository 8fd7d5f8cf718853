"""Time accounts: PLG hours against the advised two hours a month, and substitution duties.

A teacher sees their own account. A school sees totals only: how much time its team spent,
how many reached the target — never a row per colleague.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db.models import Count

from plg.accounts.models import User
from plg.meetings.models import Bijeenkomst
from plg.organisations.models import Aanstelling, School
from plg.planning.models import Vervangbeurt
from plg.planning.problem import BRUSSELS


def months(around: date, before: int = 2, after: int = 1) -> list[date]:
    first = around.replace(day=1)
    result = []
    for offset in range(-before, after + 1):
        index = first.year * 12 + first.month - 1 + offset
        result.append(date(index // 12, index % 12 + 1, 1))
    return result


def _span(maanden: list[date]) -> tuple[datetime, datetime]:
    last = maanden[-1]
    end = date(last.year + last.month // 12, last.month % 12 + 1, 1)
    return (
        datetime.combine(maanden[0], time.min, tzinfo=BRUSSELS),
        datetime.combine(end, time.min, tzinfo=BRUSSELS),
    )


def _month_of(moment: datetime) -> date:
    return moment.astimezone(BRUSSELS).date().replace(day=1)


@dataclass(frozen=True)
class Maand:
    maand: date
    minuten: int
    doel: int
    vervanguren: int = 0

    @property
    def procent(self) -> int:
        return min(100, round(100 * self.minuten / self.doel)) if self.doel else 100

    @property
    def gehaald(self) -> bool:
        return self.minuten >= self.doel


def teacher_account(user: User, maanden: list[date]) -> list[Maand]:
    """Minutes of bijeenkomsten of the user's PLG's, and periods covered, per month."""
    start, end = _span(maanden)
    minuten: dict[date, int] = defaultdict(int)
    for starts_at, duration in Bijeenkomst.objects.filter(
        plg__lidmaatschappen__user=user, starts_at__gte=start, starts_at__lt=end
    ).values_list("starts_at", "duration_minutes"):
        minuten[_month_of(starts_at)] += duration
    beurten: dict[date, int] = defaultdict(int)
    for begin in Vervangbeurt.objects.filter(
        vervanger=user, begin__gte=start, begin__lt=end
    ).values_list("begin", flat=True):
        beurten[_month_of(begin)] += 1
    doel = settings.PLG_TARGET_MINUTES_PER_MONTH
    return [Maand(m, minuten[m], doel, beurten[m]) for m in maanden]


@dataclass(frozen=True)
class Schoolmaand:
    maand: date
    team: int
    minuten: int
    gehaald: int  # how many of the team reached the target
    vervanguren: int
    bijeenkomsten: int

    @property
    def gemiddeld(self) -> int:
        return round(self.minuten / self.team) if self.team else 0


def school_account(school: School, maanden: list[date]) -> list[Schoolmaand]:
    """Totals for the team, per month, in three queries whatever the team's size."""
    start, end = _span(maanden)
    team = set(Aanstelling.objects.team().filter(school=school).values_list("user_id", flat=True))
    per_person: dict[tuple[date, int], int] = defaultdict(int)
    meetings: dict[date, set[int]] = defaultdict(set)
    for pk, user_id, starts_at, duration in Bijeenkomst.objects.filter(
        plg__schools=school, starts_at__gte=start, starts_at__lt=end
    ).values_list("pk", "plg__lidmaatschappen__user", "starts_at", "duration_minutes"):
        meetings[_month_of(starts_at)].add(pk)
        if user_id in team:
            per_person[(_month_of(starts_at), user_id)] += duration
    duties: dict[date, int] = defaultdict(int)
    for row in (
        Vervangbeurt.objects.filter(school=school, begin__gte=start, begin__lt=end)
        .values("datum__year", "datum__month")
        .annotate(n=Count("pk"))
    ):
        duties[date(row["datum__year"], row["datum__month"], 1)] += row["n"]
    doel = settings.PLG_TARGET_MINUTES_PER_MONTH
    result = []
    for maand in maanden:
        totals = [v for (m, _u), v in per_person.items() if m == maand]
        result.append(
            Schoolmaand(
                maand=maand,
                team=len(team),
                minuten=sum(totals),
                gehaald=sum(1 for v in totals if v >= doel),
                vervanguren=duties[maand],
                bijeenkomsten=len(meetings[maand]),
            )
        )
    return result


def upcoming_duties(user: User, days: int = 60) -> list[Vervangbeurt]:
    today = datetime.now(BRUSSELS)
    return list(
        Vervangbeurt.objects.filter(
            vervanger=user, einde__gte=today, begin__lte=today + timedelta(days=days)
        ).select_related("afwezige", "school")
    )
