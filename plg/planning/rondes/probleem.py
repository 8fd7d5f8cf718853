"""A visit round as plain data, and the rules about people and time every planner shares.

A visit is (observed teacher, visitor, day, lesuur): the observed teacher teaches a class in that
lesuur and the visitor watches the first ``minuten`` of it. The visitor is free then, or their own
lessons in that time are covered by a substitute. A visitor from another school needs
``reistijd`` minutes free before and after: their own lessons in that margin need cover too.

Part-time rule: a teacher with a timetable is at school only on the weekdays on which they teach
at least one lesson; a weekday without lessons is their day off (no visits, no cover). Someone
without any lessons in the timetable is taken to be at school every school day.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from plg.planning.problem import (
    BRUSSELS,
    Kalender,
    Leerkracht,
    Status,
    Vervanging,
    overlaps,
)

Interval = tuple[datetime, datetime]
Slot = tuple[int, date, int]  # (school, day, lesuur): one period of one school
Maand = tuple[int, int]


@dataclass(frozen=True)
class Ronde:
    """Who takes part, how many visits each makes and receives, and the limits of the round."""

    kalenders: Mapping[int, Kalender]
    leerkrachten: Mapping[int, Leerkracht]  # participants and everyone who may cover
    deelnemers: tuple[int, ...]
    van: date
    tot: date
    bezoeken: int = 2  # visits each participant makes
    bezocht: int = 2  # visits each participant receives
    minuten: int = 50  # a lesuur, or 10-15 minutes for a blitsbezoek
    reistijd: int = 20  # minutes before and after a visit at another school
    vervang_max_maand: int = 3  # periods one substitute covers per calendar month
    over_scholen: bool = False
    voorkeuren: frozenset[tuple[int, int]] = frozenset()  # (visitor, observed) they would like
    reeds_vervangen: Mapping[tuple[int, Maand], int] = field(default_factory=dict)

    @property
    def doel(self) -> int:
        """Visits the round asks for: everyone makes and receives as many as both counts allow."""
        n = len(self.deelnemers)
        return n * max(0, min(self.bezoeken, self.bezocht, n - 1))


@dataclass(frozen=True)
class Bezoek:
    geobserveerde: int
    bezoeker: int
    dag: date
    lesuur: int
    klas: str


@dataclass
class Rondeplan:
    methode: str
    status: Status
    bezoeken: list[Bezoek] = field(default_factory=list)
    vervangingen: list[Vervanging] = field(default_factory=list)  # afwezige = the visitor
    niet_geplaatst: int = 0
    objective: int | None = None
    bound: float | None = None
    gap_percent: float | None = None
    solve_seconds: float = 0.0

    @property
    def vervanguren(self) -> int:
        return len(self.vervangingen)

    @property
    def max_vervanger_last(self) -> int:
        """The most periods one substitute covers for this round in one month."""
        last = Counter((v.vervanger, maand(v.dag)) for v in self.vervangingen)
        return max(last.values(), default=0)


def maand(dag: date) -> Maand:
    return (dag.year, dag.month)


def at(dag: date, moment: time) -> datetime:
    return datetime.combine(dag, moment, tzinfo=BRUSSELS)


def lestijd(ronde: Ronde, school: int, dag: date, nummer: int) -> Interval:
    lesuur = ronde.kalenders[school].lesuur(nummer)
    return at(dag, lesuur.begin), at(dag, lesuur.einde)


def aanwezig(ronde: Ronde, t: int, dag: date) -> bool:
    """At school that day: a school day of their school, and not their day off."""
    leraar = ronde.leerkrachten[t]
    kalender = ronde.kalenders[leraar.school]
    if dag in kalender.vakantie or dag.weekday() not in kalender.lesdagen:
        return False
    if not leraar.lessen:
        return True
    return any(wd == dag.weekday() for wd, _ in leraar.lessen)


def bezoektijd(ronde: Ronde, geobserveerde: int, dag: date, nummer: int) -> Interval:
    """The first ``minuten`` of the observed teacher's lesuur, never past its end."""
    begin, einde = lestijd(ronde, ronde.leerkrachten[geobserveerde].school, dag, nummer)
    return begin, min(einde, begin + timedelta(minutes=ronde.minuten))


def venster(ronde: Ronde, geobserveerde: int, bezoeker: int, tijd: Interval) -> Interval:
    """The time the visitor is away from their own school: the visit, plus travel if elsewhere."""
    leraren = ronde.leerkrachten
    if leraren[geobserveerde].school == leraren[bezoeker].school:
        return tijd
    reis = timedelta(minutes=ronde.reistijd)
    return tijd[0] - reis, tijd[1] + reis


def eigen_lessen(ronde: Ronde, t: int, dag: date, tijd: Interval) -> list[int]:
    """The lesuren of their own school this teacher teaches during ``tijd``."""
    leraar = ronde.leerkrachten[t]
    kalender = ronde.kalenders[leraar.school]
    return [
        p.nummer
        for p in kalender.lesuren_op(dag)
        if (dag.weekday(), p.nummer) in leraar.lessen
        and overlaps(tijd, (at(dag, p.begin), at(dag, p.einde)))
    ]


def bezet(ronde: Ronde, t: int, tijd: Interval) -> bool:
    """Busy by the month plan: a bijeenkomst, a substitution duty or an imported entry."""
    return any(overlaps(tijd, blok) for blok in ronde.leerkrachten[t].bezet)


def kan_dekken(ronde: Ronde, c: int, slot: Slot) -> bool:
    """May cover this period: a substitute of that school (or designated), at school that day,
    not teaching and not busy then."""
    school, dag, nummer = slot
    leraar = ronde.leerkrachten[c]
    if not leraar.kan_vervangen:
        return False
    if leraar.school != school and school not in leraar.vervangt_ook:
        return False
    if not aanwezig(ronde, c, dag):
        return False
    tijd = lestijd(ronde, school, dag, nummer)
    return not eigen_lessen(ronde, c, dag, tijd) and not bezet(ronde, c, tijd)


@dataclass(frozen=True)
class Gewichten:
    """Lexicographic in one number: unplaced, cover periods, highest load, unwanted pairs."""

    voorkeur: int
    last: int
    vervanging: int
    onbezet: int


def gewichten(ronde: Ronde) -> Gewichten:
    """Each weight exceeds the most the levels below it can ever add up to."""
    last = ronde.doel + 1
    last_max = max(ronde.vervang_max_maand, 1) * 2  # a round spans at most two months
    vervanging = last * (last_max + 1)
    lesuren = max((len(k.lesuren) for k in ronde.kalenders.values()), default=1)
    return Gewichten(1, last, vervanging, vervanging * (ronde.doel * lesuren + 1))


def kosten(ronde: Ronde, plan: Rondeplan) -> int:
    """One objective for every planner; a visit not placed costs more than anything else."""
    w = gewichten(ronde)
    ongewenst = (
        sum((b.bezoeker, b.geobserveerde) not in ronde.voorkeuren for b in plan.bezoeken)
        if ronde.voorkeuren
        else 0
    )
    return (
        w.onbezet * max(0, ronde.doel - len(plan.bezoeken))
        + w.vervanging * plan.vervanguren
        + w.last * plan.max_vervanger_last
        + w.voorkeur * ongewenst
    )
