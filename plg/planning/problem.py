"""The planning problem as plain data, so the planners run the same on the database and the bench.

Everything is compared by clock time in Europe/Brussels: a teacher of one school is free at a
period of another school when none of their own lessons overlaps it. Weekdays are Python's
(0 = Monday … 4 = Friday).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

BRUSSELS = ZoneInfo("Europe/Brussels")


class Soort(StrEnum):
    LES = "les"  # during lessons: members who teach then need a substitute
    NA_SCHOOL = "na_school"  # after the last period, or a free Wednesday afternoon: extra burden
    VRIJ = "vrij"  # a day without pupils: no substitutes, no burden


class Afweging(StrEnum):
    """What a school gives up first when a month does not fit without cost: its own choice."""

    SCHOOLUREN = "schooluren"  # during school hours, free of pupils: cover before after-school
    EVENWICHT = "evenwicht"  # one covered period weighs as much as one after-school period
    NA_SCHOOL = "na_school"  # after school: after-school meetings before cover


LESUUR_MINUTEN = 50  # one period, to weigh time after school against periods covered


@dataclass(frozen=True)
class LesuurTijd:
    nummer: int
    begin: time
    einde: time


@dataclass(frozen=True)
class Kalender:
    """One school's week and term, as the planner needs it."""

    school: int
    lesuren: tuple[LesuurTijd, ...]
    woensdag_tot: int = 4  # the last period on Wednesday; the afternoon after it is free
    na_school: time = time(15, 45)  # when an after-school meeting can start
    vrij_begin: time = time(9, 0)  # when a meeting starts on a day without pupils
    vakantie: frozenset[date] = frozenset()  # no meetings at all
    zonder_leerlingen: frozenset[date] = frozenset()  # no lessons; the team is in school
    lesdagen: frozenset[int] = frozenset({0, 1, 2, 3, 4})

    def lesuur(self, nummer: int) -> LesuurTijd:
        return next(p for p in self.lesuren if p.nummer == nummer)

    def lesuren_op(self, dag: date) -> tuple[LesuurTijd, ...]:
        """The periods taught on this date (none on holidays or days without pupils)."""
        if dag in self.vakantie or dag in self.zonder_leerlingen:
            return ()
        if dag.weekday() not in self.lesdagen:
            return ()
        if dag.weekday() == 2:
            return tuple(p for p in self.lesuren if p.nummer <= self.woensdag_tot)
        return self.lesuren


@dataclass(frozen=True)
class Moment:
    """A candidate time for a meeting at one school (its period grid, its building)."""

    id: int
    school: int
    soort: Soort
    begin: datetime
    einde: datetime
    lesuren: tuple[int, ...] = ()  # the periods it covers when soort is LES

    @property
    def dag(self) -> date:
        return self.begin.date()

    @property
    def week(self) -> tuple[int, int]:
        iso = self.dag.isocalendar()
        return (iso.year, iso.week)


@dataclass(frozen=True)
class Leerkracht:
    id: int
    naam: str
    school: int
    lessen: Mapping[tuple[int, int], str] = field(default_factory=dict)  # (weekday, period) → group
    bezet: tuple[tuple[datetime, datetime], ...] = ()  # imported busy times (aware)
    kan_vervangen: bool = True
    vervangt_ook: frozenset[int] = (
        frozenset()
    )  # other schools where they are a designated substitute


@dataclass(frozen=True)
class Groep:
    """A PLG to place: how many meetings this month, how long, how far apart."""

    id: int
    naam: str
    leden: tuple[int, ...]
    scholen: tuple[int, ...]
    aantal: int = 2
    minuten: int = 100
    min_dagen_tussen: int = 7
    vaste_dagen: tuple[date, ...] = ()  # days of bijeenkomsten planned already, kept at distance

    @property
    def na_school_lesuren(self) -> int:
        """What one after-school meeting asks of one member, counted in periods."""
        return max(1, round(self.minuten / LESUUR_MINUTEN))

    def ver_genoeg(self, dag: date) -> bool:
        """Far enough from the bijeenkomsten this PLG has planned already."""
        return all(abs((dag - vast).days) >= self.min_dagen_tussen for vast in self.vaste_dagen)

    @property
    def duur(self) -> timedelta:
        """Moments are made per meeting length; a PLG meets in those of its own length."""
        return timedelta(minutes=self.minuten)

    @property
    def over_scholen(self) -> bool:
        """Members of several schools meet only where travel is possible."""
        return len(set(self.scholen)) > 1


@dataclass(frozen=True)
class Probleem:
    kalenders: Mapping[int, Kalender]
    leerkrachten: Mapping[int, Leerkracht]
    groepen: tuple[Groep, ...]
    momenten: tuple[Moment, ...]
    vervang_max_week: int = 2  # substitution periods per substitute per week
    na_school_max_maand: int = 2  # after-school meetings per teacher per month
    schoolnamen: Mapping[int, str] = field(default_factory=dict)
    afweging: Afweging = Afweging.SCHOOLUREN


def _at(dag: date, moment: time) -> datetime:
    return datetime.combine(dag, moment, tzinfo=BRUSSELS)


def dagen(van: date, tot: date) -> Iterable[date]:
    """Every date from van up to and including tot."""
    for offset in range((tot - van).days + 1):
        yield van + timedelta(days=offset)


def soort_van(kalender: Kalender, begin: datetime) -> Soort:
    """What kind of time a meeting at ``begin`` took: on a day without lessons, after the last
    period of the day, or during school hours."""
    lokaal = begin.astimezone(BRUSSELS)
    lesuren = kalender.lesuren_op(lokaal.date())
    if not lesuren:
        return Soort.VRIJ
    if lokaal.time() >= max(u.einde for u in lesuren):
        return Soort.NA_SCHOOL
    return Soort.LES


def momenten(kalenders: Iterable[Kalender], van: date, tot: date, minuten: int) -> list[Moment]:
    """Candidate meeting times: runs of consecutive periods long enough, after school, free days.

    A run never spans a break longer than a quarter of an hour (lunch splits the day).
    """
    result: list[Moment] = []
    for kalender in kalenders:
        for dag in dagen(van, tot):
            if dag in kalender.vakantie or dag.weekday() not in kalender.lesdagen:
                continue
            if dag in kalender.zonder_leerlingen:
                begin = _at(dag, kalender.vrij_begin)
                result.append(
                    Moment(
                        len(result),
                        kalender.school,
                        Soort.VRIJ,
                        begin,
                        begin + timedelta(minutes=minuten),
                    )
                )
                continue
            periods = kalender.lesuren_op(dag)
            for start in range(len(periods)):
                run = [periods[start]]
                while _span(run) < minuten and start + len(run) < len(periods):
                    volgende = periods[start + len(run)]
                    if _gap(run[-1], volgende) > 15:
                        break
                    run.append(volgende)
                if _span(run) >= minuten:
                    begin = _at(dag, run[0].begin)
                    result.append(
                        Moment(
                            len(result),
                            kalender.school,
                            Soort.LES,
                            begin,
                            begin + timedelta(minutes=minuten),
                            tuple(p.nummer for p in run),
                        )
                    )
            na = (
                kalender.lesuur(kalender.woensdag_tot).einde
                if dag.weekday() == 2
                else kalender.na_school
            )
            if dag.weekday() == 2:
                na = (datetime.combine(dag, na) + timedelta(minutes=45)).time()
            begin = _at(dag, na)
            result.append(
                Moment(
                    len(result),
                    kalender.school,
                    Soort.NA_SCHOOL,
                    begin,
                    begin + timedelta(minutes=minuten),
                )
            )
    return result


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def _span(run: list[LesuurTijd]) -> int:
    return _minutes(run[-1].einde) - _minutes(run[0].begin)


def _gap(before: LesuurTijd, after: LesuurTijd) -> int:
    return _minutes(after.begin) - _minutes(before.einde)


def overlaps(a: tuple[datetime, datetime], b: tuple[datetime, datetime]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def lestijden(
    probleem: Probleem, leerkracht: Leerkracht, dag: date
) -> list[tuple[datetime, datetime]]:
    """When this teacher teaches on this date, by their own school's grid."""
    kalender = probleem.kalenders[leerkracht.school]
    return [
        (_at(dag, p.begin), _at(dag, p.einde))
        for p in kalender.lesuren_op(dag)
        if (dag.weekday(), p.nummer) in leerkracht.lessen
    ]


def bezet_tijdens(
    probleem: Probleem, leerkracht: Leerkracht, begin: datetime, einde: datetime
) -> bool:
    """Busy by an imported calendar entry (lessons are not busy: they can be covered)."""
    return any(overlaps((begin, einde), blok) for blok in leerkracht.bezet)


def teaches_during(
    probleem: Probleem, leerkracht: Leerkracht, begin: datetime, einde: datetime
) -> bool:
    return any(
        overlaps((begin, einde), les) for les in lestijden(probleem, leerkracht, begin.date())
    )


def te_vervangen(probleem: Probleem, moment: Moment, leerkracht: Leerkracht) -> list[int]:
    """The periods of the moment's school this member teaches during it and must be covered."""
    if moment.soort != Soort.LES or leerkracht.school != moment.school:
        return []
    weekday = moment.dag.weekday()
    return [p for p in moment.lesuren if (weekday, p) in leerkracht.lessen]


def kandidaat_vervangers(probleem: Probleem, school: int, dag: date, nummer: int) -> list[int]:
    """Who could cover a period at this school: free then, and of the school or designated."""
    periode = probleem.kalenders[school].lesuur(nummer)
    slot = (_at(dag, periode.begin), _at(dag, periode.einde))
    return [
        leerkracht.id
        for leerkracht in probleem.leerkrachten.values()
        if leerkracht.kan_vervangen
        and (leerkracht.school == school or school in leerkracht.vervangt_ook)
        and not teaches_during(probleem, leerkracht, *slot)
        and not bezet_tijdens(probleem, leerkracht, *slot)
    ]


@dataclass(frozen=True)
class Vervanging:
    """Who covers which class while its teacher is in a meeting."""

    afwezige: int
    vervanger: int
    school: int
    dag: date
    lesuur: int
    groep: str


def vervangtijd(probleem: Probleem, v: Vervanging) -> tuple[datetime, datetime]:
    """When the covered period runs, by the grid of its school."""
    lesuur = probleem.kalenders[v.school].lesuur(v.lesuur)
    return _at(v.dag, lesuur.begin), _at(v.dag, lesuur.einde)


@dataclass(frozen=True)
class Reden:
    """One structured cause of an infeasible month; ``explain`` turns it into plain Dutch."""

    soort: str
    groepen: tuple[int, ...] = ()
    leerkrachten: tuple[int, ...] = ()
    scholen: tuple[int, ...] = ()
    waarde: int | None = None
    week: int | None = None  # ISO week, when the cause lies in one week


class Status(StrEnum):
    OPTIMAAL = "optimaal"
    HAALBAAR = "haalbaar"  # a plan, not proven best
    ONHAALBAAR = "onhaalbaar"  # proven: no plan places every meeting
    ONBEKEND = "onbekend"  # the time ran out before any plan was found


@dataclass
class Plan:
    methode: str  # "cpsat", "naief" or "slim"
    status: Status
    plaatsingen: dict[int, list[int]] = field(default_factory=dict)  # groep id → moment ids
    vervangingen: list[Vervanging] = field(default_factory=list)
    niet_geplaatst: dict[int, int] = field(default_factory=dict)  # groep id → meetings missing
    redenen: list[Reden] = field(default_factory=list)
    objective: float | None = None
    bound: float | None = None
    gap_percent: float | None = None
    solve_seconds: float = 0.0

    @property
    def vervanguren(self) -> int:
        return len(self.vervangingen)

    @property
    def max_vervanger_last(self) -> int:
        """The highest number of periods one substitute covers this month."""
        last: dict[int, int] = {}
        for v in self.vervangingen:
            last[v.vervanger] = last.get(v.vervanger, 0) + 1
        return max(last.values(), default=0)

    @property
    def onbezet(self) -> int:
        return sum(self.niet_geplaatst.values())
