"""Time accounts: the time given and the time planned, never measured against a norm.

Taking part in a PLG is voluntary, so nobody's time is held against a target. A teacher sees
their own minutes (given and still planned) and the periods they cover. A school sees the time
it made available for its team, by kind: during school hours with cover arranged, on days
without pupils, after school. Never a row per colleague, never who has less.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count
from django.utils import timezone

from plg.accounts.models import User
from plg.meetings.models import Bijeenkomst
from plg.organisations.models import Aanstelling, School
from plg.planning.build import kalender_rows, plain_kalender
from plg.planning.models import Vervangbeurt
from plg.planning.problem import BRUSSELS, Soort, soort_van


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
    """One month of one person: minutes already given, minutes still planned, periods covered."""

    maand: date
    gegeven: int
    gepland: int
    vervanguren: int = 0


def teacher_account(user: User, maanden: list[date], *, nu: datetime | None = None) -> list[Maand]:
    """Minutes of bijeenkomsten of the user's PLG's (past and to come apart), and periods
    covered, per month."""
    nu = nu or timezone.now()
    start, end = _span(maanden)
    gegeven: dict[date, int] = defaultdict(int)
    gepland: dict[date, int] = defaultdict(int)
    for starts_at, duration in Bijeenkomst.objects.filter(
        plg__lidmaatschappen__user=user, starts_at__gte=start, starts_at__lt=end
    ).values_list("starts_at", "duration_minutes"):
        (gegeven if starts_at < nu else gepland)[_month_of(starts_at)] += duration
    beurten: dict[date, int] = defaultdict(int)
    for begin in Vervangbeurt.objects.filter(
        vervanger=user, begin__gte=start, begin__lt=end
    ).values_list("begin", flat=True):
        beurten[_month_of(begin)] += 1
    return [Maand(m, gegeven[m], gepland[m], beurten[m]) for m in maanden]


@dataclass(frozen=True)
class Schoolmaand:
    """The time a school made available in one month, in minutes of its team's members, by kind."""

    maand: date
    bijeenkomsten: int
    schooluren: int  # during school hours, with cover arranged
    zonder_leerlingen: int  # on a day without pupils
    na_school: int  # after the last period: extra burden
    vervanguren: int

    @property
    def totaal(self) -> int:
        return self.schooluren + self.zonder_leerlingen + self.na_school


def school_account(school: School, maanden: list[date]) -> list[Schoolmaand]:
    """The team's time per month and kind, in a fixed number of queries whatever its size."""
    start, end = _span(maanden)
    first, last = maanden[0], _span(maanden)[1].date() - timedelta(days=1)
    kalender = plain_kalender(kalender_rows([school])[0], first, last)
    team = set(Aanstelling.objects.team().filter(school=school).values_list("user_id", flat=True))
    minuten: dict[tuple[date, Soort], int] = defaultdict(int)
    meetings: dict[date, set[int]] = defaultdict(set)
    for pk, user_id, starts_at, duration in Bijeenkomst.objects.filter(
        plg__schools=school, starts_at__gte=start, starts_at__lt=end
    ).values_list("pk", "plg__lidmaatschappen__user", "starts_at", "duration_minutes"):
        meetings[_month_of(starts_at)].add(pk)
        if user_id in team:
            minuten[(_month_of(starts_at), soort_van(kalender, starts_at))] += duration
    duties: dict[date, int] = defaultdict(int)
    for row in (
        Vervangbeurt.objects.filter(school=school, begin__gte=start, begin__lt=end)
        .values("datum__year", "datum__month")
        .annotate(n=Count("pk"))
    ):
        duties[date(row["datum__year"], row["datum__month"], 1)] += row["n"]
    return [
        Schoolmaand(
            maand=maand,
            bijeenkomsten=len(meetings[maand]),
            schooluren=minuten[(maand, Soort.LES)],
            zonder_leerlingen=minuten[(maand, Soort.VRIJ)],
            na_school=minuten[(maand, Soort.NA_SCHOOL)],
            vervanguren=duties[maand],
        )
        for maand in maanden
    ]


def upcoming_duties(user: User, days: int = 60) -> list[Vervangbeurt]:
    today = datetime.now(BRUSSELS)
    return list(
        Vervangbeurt.objects.filter(
            vervanger=user, einde__gte=today, begin__lte=today + timedelta(days=days)
        ).select_related("afwezige", "school")
    )
