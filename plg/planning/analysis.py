"""What every planner needs to know about the month, computed once.

Per PLG: the candidate moments, which of them are allowed, who blocks the others and why, which
classes each allowed moment leaves to cover, and who could cover them. The greedy planners, the
CP-SAT model, the assignment of substitutes and the explanation all read this one analysis.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import cached_property

from plg.planning.problem import (
    BRUSSELS,
    Groep,
    Leerkracht,
    Moment,
    Probleem,
    Soort,
    bezet_tijdens,
    lestijden,
    overlaps,
    te_vervangen,
)

Slot = tuple[int, date, int]  # (school, date, period)
Interval = tuple[datetime, datetime]


def iso_week(dag: date) -> tuple[int, int]:
    iso = dag.isocalendar()
    return (iso.year, iso.week)


def _at(dag: date, uur: time) -> datetime:
    return datetime.combine(dag, uur, tzinfo=BRUSSELS)


@dataclass
class Analyse:
    """Per PLG: the candidate moments, which are allowed, who blocks the others, what each costs.

    A LES moment is also ruled out when, for some period, fewer colleagues are free at all than
    members of this PLG teaching then (``tekort``): no plan could staff it.
    """

    probleem: Probleem
    groepen: dict[int, Groep]
    momenten: dict[int, Moment]
    kandidaten: dict[int, list[Moment]] = field(default_factory=dict)
    toegelaten: dict[int, list[Moment]] = field(default_factory=dict)
    blokkeerders: dict[int, dict[int, frozenset[int]]] = field(default_factory=dict)
    tekort: dict[int, dict[int, tuple[int, frozenset[int]]]] = field(default_factory=dict)
    noden: dict[tuple[int, int], tuple[tuple[int, int], ...]] = field(default_factory=dict)
    _lessen: dict[tuple[int, date], list[Interval]] = field(default_factory=dict)
    _vervangers: dict[Slot, tuple[int, ...]] = field(default_factory=dict)
    _pool: dict[int, list[Leerkracht]] = field(default_factory=dict)

    def lessen(self, leerkracht: Leerkracht, dag: date) -> list[Interval]:
        key = (leerkracht.id, dag)
        if key not in self._lessen:
            self._lessen[key] = lestijden(self.probleem, leerkracht, dag)
        return self._lessen[key]

    def teaches(self, leerkracht: Leerkracht, begin: datetime, einde: datetime) -> bool:
        return any(overlaps((begin, einde), les) for les in self.lessen(leerkracht, begin.date()))

    def slot_tijd(self, slot: Slot) -> Interval:
        school, dag, nummer = slot
        periode = self.probleem.kalenders[school].lesuur(nummer)
        return (_at(dag, periode.begin), _at(dag, periode.einde))

    def vervangers(self, slot: Slot) -> tuple[int, ...]:
        """``kandidaat_vervangers``, with the timetables looked up once per teacher and day."""
        if slot not in self._vervangers:
            school = slot[0]
            if school not in self._pool:
                self._pool[school] = [
                    t
                    for t in self.probleem.leerkrachten.values()
                    if t.kan_vervangen and (t.school == school or school in t.vervangt_ook)
                ]
            begin, einde = self.slot_tijd(slot)
            self._vervangers[slot] = tuple(
                t.id
                for t in self._pool[school]
                if not self.teaches(t, begin, einde)
                and not bezet_tijdens(self.probleem, t, begin, einde)
            )
        return self._vervangers[slot]

    @cached_property
    def in_plg(self) -> frozenset[int]:
        return frozenset(t for g in self.groepen.values() for t in g.leden)

    def moment_noden(self, groep: Groep, moment: Moment) -> tuple[tuple[int, int], ...]:
        return self.noden.get((groep.id, moment.id), ())

    def weken(self) -> list[tuple[int, int]]:
        return sorted({m.week for m in self.momenten.values()})


def analyse_month(probleem: Probleem) -> Analyse:
    analyse = Analyse(
        probleem,
        {g.id: g for g in probleem.groepen},
        {m.id: m for m in probleem.momenten},
    )
    leraren = probleem.leerkrachten
    for groep in probleem.groepen:
        kandidaten = [
            m
            for m in probleem.momenten
            if m.school in groep.scholen
            and not (groep.over_scholen and m.soort == Soort.LES)
            and m.einde - m.begin == groep.duur
            and groep.ver_genoeg(m.dag)
        ]
        analyse.kandidaten[groep.id] = kandidaten
        toegelaten: list[Moment] = []
        blokkeerders: dict[int, frozenset[int]] = {}
        tekort: dict[int, tuple[int, frozenset[int]]] = {}
        leden = set(groep.leden)
        for moment in kandidaten:
            blok = frozenset(
                t
                for t in groep.leden
                if bezet_tijdens(probleem, leraren[t], moment.begin, moment.einde)
                or (
                    (moment.soort != Soort.LES or leraren[t].school != moment.school)
                    and analyse.teaches(leraren[t], moment.begin, moment.einde)
                )
            )
            if blok:
                blokkeerders[moment.id] = blok
                continue
            noden = tuple(
                (t, p) for t in groep.leden for p in te_vervangen(probleem, moment, leraren[t])
            )
            per_lesuur: dict[int, set[int]] = defaultdict(set)
            for t, p in noden:
                per_lesuur[p].add(t)
            te_weinig = [
                (p, wie)
                for p, wie in sorted(per_lesuur.items())
                if len(wie) > len(set(analyse.vervangers((moment.school, moment.dag, p))) - leden)
            ]
            if te_weinig:
                tekort[moment.id] = (te_weinig[0][0], frozenset(te_weinig[0][1]))
                continue
            toegelaten.append(moment)
            analyse.noden[(groep.id, moment.id)] = noden
        analyse.toegelaten[groep.id] = toegelaten
        analyse.blokkeerders[groep.id] = blokkeerders
        analyse.tekort[groep.id] = tekort
    return analyse


def max_plaatsbaar(momenten: Iterable[Moment], min_dagen: int, vast: Sequence[date] = ()) -> int:
    """How many meetings fit at these moments, pairwise at least ``min_dagen`` days apart and
    apart from the dates already fixed (earliest first is optimal for intervals)."""
    if min_dagen < 1:
        einde: datetime | None = None
        aantal = 0
        for moment in sorted(momenten, key=lambda m: m.einde):
            if einde is None or moment.begin >= einde:
                einde = moment.einde
                aantal += 1
        return aantal
    gekozen: list[date] = list(vast)
    aantal = 0
    for dag in sorted({m.dag for m in momenten}):
        if all(abs((dag - ander).days) >= min_dagen for ander in gekozen):
            gekozen.append(dag)
            aantal += 1
    return aantal
