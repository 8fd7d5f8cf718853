"""Two planners without search, to measure CP-SAT against.

``plan_naief`` does what a person does by hand: PLG by PLG in the given order, each meeting at the
cheapest (fewest substitution periods), earliest moment still possible, the first free colleague
on the list as substitute. ``plan_slim`` takes the most constrained PLG first, keeps room for the
PLG's later meetings, prefers moments without burden and the least-loaded substitute.

Both keep every hard rule and never undo a choice: a meeting with no possible moment left stays
unplaced. Their status is HAALBAAR when every meeting is placed and ONBEKEND otherwise (they
cannot tell whether a complete plan exists).
"""

from __future__ import annotations

import time as klok
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from plg.planning.analysis import Analyse, Interval, analyse_month, max_plaatsbaar
from plg.planning.costs import kosten, optie_sleutel
from plg.planning.problem import (
    Groep,
    Moment,
    Plan,
    Probleem,
    Soort,
    Status,
    Vervanging,
    overlaps,
)

Kiezer = Callable[[list[int], "_Stand", tuple[int, int]], int]


@dataclass
class _Stand:
    """What is decided so far: meetings, substitutions, and the counts the caps need."""

    analyse: Analyse
    plaatsingen: dict[int, list[int]] = field(default_factory=dict)
    vergadert: dict[int, list[Interval]] = field(default_factory=lambda: defaultdict(list))
    vervangt: dict[int, list[Interval]] = field(default_factory=lambda: defaultdict(list))
    week_last: Counter[tuple[int, tuple[int, int]]] = field(default_factory=Counter)
    maand_last: Counter[int] = field(default_factory=Counter)
    na_school: Counter[int] = field(default_factory=Counter)
    vervangingen: list[Vervanging] = field(default_factory=list)

    def vrij(self, t: int, tijd: Interval) -> bool:
        """Neither in a meeting nor covering a class at any instant of ``tijd``."""
        return not any(overlaps(tijd, blok) for blok in self.vergadert[t]) and not any(
            overlaps(tijd, blok) for blok in self.vervangt[t]
        )

    def can_place(self, groep: Groep, moment: Moment) -> bool:
        """The rules that do not depend on substitutes: distance, overlap, the after-school cap."""
        probleem = self.analyse.probleem
        for ander in self.plaatsingen.get(groep.id, []):
            dag = self.analyse.momenten[ander].dag
            if abs((moment.dag - dag).days) < groep.min_dagen_tussen:
                return False
        tijd = (moment.begin, moment.einde)
        if moment.soort == Soort.NA_SCHOOL and any(
            self.na_school[t] >= probleem.na_school_max_maand for t in groep.leden
        ):
            return False
        return all(self.vrij(t, tijd) for t in groep.leden)

    def vervangers(
        self, groep: Groep, moment: Moment, kies: Kiezer
    ) -> list[tuple[int, int, int]] | None:
        """(absent, substitute, period) for every class the meeting leaves, or None."""
        analyse = self.analyse
        cap = analyse.probleem.vervang_max_week
        week = moment.week
        gekozen: list[tuple[int, int, int]] = []
        extra: dict[int, list[Interval]] = defaultdict(list)
        extra_week: Counter[int] = Counter()
        for t, p in analyse.moment_noden(groep, moment):
            slot = (moment.school, moment.dag, p)
            tijd = analyse.slot_tijd(slot)
            vrij = [
                c
                for c in analyse.vervangers(slot)
                if c not in groep.leden
                and self.week_last[(c, week)] + extra_week[c] < cap
                and self.vrij(c, tijd)
                and not any(overlaps(tijd, blok) for blok in extra[c])
            ]
            if not vrij:
                return None
            c = kies(vrij, self, week)
            gekozen.append((t, c, p))
            extra[c].append(tijd)
            extra_week[c] += 1
        return gekozen

    def place(self, groep: Groep, moment: Moment, gekozen: list[tuple[int, int, int]]) -> None:
        leraren = self.analyse.probleem.leerkrachten
        self.plaatsingen.setdefault(groep.id, []).append(moment.id)
        for t in groep.leden:
            self.vergadert[t].append((moment.begin, moment.einde))
            if moment.soort == Soort.NA_SCHOOL:
                self.na_school[t] += 1
        for t, c, p in gekozen:
            self.vervangt[c].append(self.analyse.slot_tijd((moment.school, moment.dag, p)))
            self.week_last[(c, moment.week)] += 1
            self.maand_last[c] += 1
            klas = leraren[t].lessen[(moment.dag.weekday(), p)]
            self.vervangingen.append(Vervanging(t, c, moment.school, moment.dag, p, klas))

    def plan(self, methode: str, start: float) -> Plan:
        probleem = self.analyse.probleem
        momenten = self.analyse.momenten
        plaatsingen = {
            g: sorted(ids, key=lambda i: momenten[i].begin) for g, ids in self.plaatsingen.items()
        }
        niet = {
            g.id: g.aantal - len(plaatsingen.get(g.id, []))
            for g in probleem.groepen
            if len(plaatsingen.get(g.id, [])) < g.aantal
        }
        plan = Plan(
            methode,
            Status.ONBEKEND if niet else Status.HAALBAAR,
            plaatsingen,
            sorted(self.vervangingen, key=lambda v: (v.dag, v.school, v.lesuur, v.afwezige)),
            niet,
        )
        plan.objective = float(kosten(probleem, plan))
        plan.solve_seconds = round(klok.monotonic() - start, 3)
        return plan


def _eerste(vrij: list[int], stand: _Stand, week: tuple[int, int]) -> int:
    return vrij[0]


def _minst_belast(vrij: list[int], stand: _Stand, week: tuple[int, int]) -> int:
    """The least-loaded colleague; among equals one in no PLG, who never has to be freed."""
    plg = stand.analyse.in_plg
    return min(vrij, key=lambda c: (stand.maand_last[c], c in plg, stand.week_last[(c, week)], c))


def plan_naief(probleem: Probleem) -> Plan:
    """By hand: in the given order, each meeting at the cheapest, earliest possible moment."""
    start = klok.monotonic()
    stand = _Stand(analyse_month(probleem))
    for groep in probleem.groepen:
        momenten = sorted(stand.analyse.toegelaten[groep.id], key=lambda m: (m.begin, m.id))
        for _ in range(groep.aantal):
            beste: tuple[int, Moment, list[tuple[int, int, int]]] | None = None
            for moment in momenten:
                if not stand.can_place(groep, moment):
                    continue
                gekozen = stand.vervangers(groep, moment, _eerste)
                if gekozen is not None and (beste is None or len(gekozen) < beste[0]):
                    beste = (len(gekozen), moment, gekozen)
            if beste is None:
                break
            stand.place(groep, beste[1], beste[2])
    return stand.plan("naief", start)


Optie = tuple[Moment, list[tuple[int, int, int]]]


def _beste_slim(stand: _Stand, groep: Groep, opties: list[Optie]) -> Optie:
    """Cover periods and after-school time as the school chose to weigh them, then the
    least-loaded substitutes, farthest from the PLG's other meetings; among the moments that
    leave room for its remaining meetings."""
    analyse = stand.analyse
    vast = [analyse.momenten[i].dag for i in stand.plaatsingen.get(groep.id, [])]
    rest = groep.aantal - len(vast) - 1
    vrij = [moment for moment, _ in opties]

    def sleutel(optie: Optie) -> tuple[object, ...]:
        moment, gekozen = optie
        last = sum(stand.maand_last[c] for _, c, _ in gekozen)
        afstand = min((abs((moment.dag - d).days) for d in vast), default=0)
        na = groep.na_school_lesuren * len(groep.leden) if moment.soort == Soort.NA_SCHOOL else 0
        kost = optie_sleutel(analyse.probleem, len(gekozen), na)
        return (*kost, last, -afstand, moment.begin, moment.id)

    passend = [
        optie
        for optie in opties
        if max_plaatsbaar(vrij, groep.min_dagen_tussen, [*vast, optie[0].dag]) >= rest
    ]
    return min(passend or opties, key=sleutel)


def plan_slim(probleem: Probleem) -> Plan:
    """Most constrained PLG first (fewest allowed moments), each meeting by ``_beste_slim``."""
    start = klok.monotonic()
    stand = _Stand(analyse_month(probleem))
    analyse = stand.analyse
    volgorde = sorted(probleem.groepen, key=lambda g: (len(analyse.toegelaten[g.id]), g.id))
    for groep in volgorde:
        momenten = sorted(analyse.toegelaten[groep.id], key=lambda m: (m.begin, m.id))
        for _ in range(groep.aantal):
            opties: list[Optie] = []
            for moment in momenten:
                if stand.can_place(groep, moment):
                    gekozen = stand.vervangers(groep, moment, _minst_belast)
                    if gekozen is not None:
                        opties.append((moment, gekozen))
            if not opties:
                break
            moment, gekozen = _beste_slim(stand, groep, opties)
            stand.place(groep, moment, gekozen)
    return stand.plan("slim", start)
