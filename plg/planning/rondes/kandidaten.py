"""The visits a planner chooses from, reduced so that a month of 60 teachers stays small.

Per (observed, visitor, day) one visit without cover is enough: the rules that bind a visit
(once a day for each, once per pair) do not depend on the lesuur. A visit that needs cover is
only listed on a day the pair has no free moment, and only with the least cover that day.
``partners`` limits how many colleagues each visitor is matched against (preferred pairs
first) and ``dagen_per_paar`` how many days per pair; ``None`` considers all.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from plg.planning.problem import dagen
from plg.planning.rondes.probleem import (
    Interval,
    Ronde,
    Slot,
    aanwezig,
    bezet,
    bezoektijd,
    eigen_lessen,
    kan_dekken,
    venster,
)

PARTNERS = 20  # colleagues each visitor is matched against
DAGEN_PER_PAAR = 4  # days kept per pair, spread over the round


@dataclass(frozen=True)
class Kandidaat:
    geobserveerde: int
    bezoeker: int
    dag: date
    lesuur: int
    klas: str
    tijd: Interval  # the visit itself
    weg: Interval  # the visitor away from their own school, travel included
    dekking: tuple[Slot, ...]  # the visitor's own periods a substitute must cover


def partner_lijst(ronde: Ronde, bezoeker: int, partners: int | None) -> list[int]:
    """Whom this visitor may visit: colleagues of their school (of any school with
    ``over_scholen``): preferred ones first, then those of their own school (no travel), the
    rest in a fixed pseudo-random order."""
    school = ronde.leerkrachten[bezoeker].school
    andere = [
        o
        for o in ronde.deelnemers
        if o != bezoeker and (ronde.over_scholen or ronde.leerkrachten[o].school == school)
    ]
    random.Random(bezoeker).shuffle(andere)
    andere.sort(
        key=lambda o: (
            (bezoeker, o) not in ronde.voorkeuren,
            ronde.leerkrachten[o].school != school,
        )
    )
    return andere if partners is None else andere[:partners]


def kandidaten(
    ronde: Ronde,
    partners: int | None = PARTNERS,
    dagen_per_paar: int | None = DAGEN_PER_PAAR,
    met_dekking: bool = True,
) -> list[Kandidaat]:
    """Every visit a planner may choose, in a fixed order. ``dagen_per_paar`` keeps that many
    days per pair, spread over the round; without ``met_dekking`` only visits without cover."""
    dekbaar: dict[Slot, bool] = {}
    van_school = _van_school(ronde)

    def gedekt(slot: Slot) -> bool:
        if slot not in dekbaar:
            dekbaar[slot] = any(kan_dekken(ronde, c, slot) for c in van_school[slot[0]])
        return dekbaar[slot]

    bezoekers_van: dict[int, list[int]] = defaultdict(list)
    for v in ronde.deelnemers:
        for o in partner_lijst(ronde, v, partners):
            bezoekers_van[o].append(v)
    per_paar: dict[tuple[int, int], list[list[Kandidaat]]] = defaultdict(list)
    for dag in dagen(ronde.van, ronde.tot):
        for o in ronde.deelnemers:
            if bezoekers_van[o] and aanwezig(ronde, o, dag):
                for v, opties in _op_dag(ronde, o, sorted(bezoekers_van[o]), dag, gedekt):
                    if met_dekking or not opties[0].dekking:
                        per_paar[(o, v)].append(opties)
    result: list[Kandidaat] = []
    for paar in sorted(per_paar):
        result += [k for opties in _gespreid(per_paar[paar], dagen_per_paar) for k in opties]
    return sorted(result, key=lambda k: (k.dag, k.geobserveerde, k.bezoeker, k.lesuur))


def _gespreid(per_dag: list[list[Kandidaat]], aantal: int | None) -> list[list[Kandidaat]]:
    """At most ``aantal`` days, spread over the round; days without cover first."""
    if aantal is None or len(per_dag) <= aantal:
        return per_dag
    vrij = [opties for opties in per_dag if not opties[0].dekking]
    rest = [opties for opties in per_dag if opties[0].dekking]
    gekozen: list[list[Kandidaat]] = []
    for lijst in (vrij, rest):
        n = min(len(lijst), aantal - len(gekozen))
        if n > 0:
            gekozen += [lijst[round(i * (len(lijst) - 1) / max(1, n - 1))] for i in range(n)]
    return gekozen


def _lessen(ronde: Ronde, o: int, dag: date) -> list[tuple[int, str]]:
    leraar = ronde.leerkrachten[o]
    return [
        (p.nummer, leraar.lessen[(dag.weekday(), p.nummer)])
        for p in ronde.kalenders[leraar.school].lesuren_op(dag)
        if (dag.weekday(), p.nummer) in leraar.lessen
    ]


def _op_dag(
    ronde: Ronde, o: int, bezoekers: list[int], dag: date, gedekt: Callable[[Slot], bool]
) -> list[tuple[int, list[Kandidaat]]]:
    """Per visitor the options that day: one without cover, or those with the least cover."""
    lessen = _lessen(ronde, o, dag)
    result: list[tuple[int, list[Kandidaat]]] = []
    for v in bezoekers:
        if not aanwezig(ronde, v, dag):
            continue
        vrij: Kandidaat | None = None
        met_dekking: list[Kandidaat] = []
        v_school = ronde.leerkrachten[v].school
        for nummer, klas in lessen:
            tijd = bezoektijd(ronde, o, dag, nummer)
            weg = venster(ronde, o, v, tijd)
            if bezet(ronde, v, weg):
                continue
            dekking = tuple((v_school, dag, p) for p in eigen_lessen(ronde, v, dag, weg))
            kandidaat = Kandidaat(o, v, dag, nummer, klas, tijd, weg, dekking)
            if not dekking:
                vrij = kandidaat
                break
            if all(gedekt(slot) for slot in dekking):
                met_dekking.append(kandidaat)
        if vrij is not None:
            result.append((v, [vrij]))
        elif met_dekking:
            minst = min(len(k.dekking) for k in met_dekking)
            result.append((v, [k for k in met_dekking if len(k.dekking) == minst]))
    return result


def dekkers(ronde: Ronde, lijst: list[Kandidaat]) -> dict[Slot, tuple[int, ...]]:
    """Per period to cover, everyone who may cover it."""
    van_school = _van_school(ronde)
    slots = sorted({slot for k in lijst for slot in k.dekking})
    return {
        slot: tuple(c for c in van_school[slot[0]] if kan_dekken(ronde, c, slot)) for slot in slots
    }


def _van_school(ronde: Ronde) -> dict[int, list[int]]:
    """Per school whoever may cover there at all: its teachers and designated substitutes."""
    result: dict[int, list[int]] = defaultdict(list)
    for c, leraar in sorted(ronde.leerkrachten.items()):
        if leraar.kan_vervangen:
            for school in {leraar.school} | leraar.vervangt_ook:
                result[school].append(c)
    return result


def delen(lijst: list[Kandidaat]) -> list[list[Kandidaat]]:
    """The candidates in groups that share nobody: without cover they can be planned apart."""
    ouder: dict[int, int] = {}

    def wortel(t: int) -> int:
        while ouder.setdefault(t, t) != t:
            ouder[t] = ouder[ouder[t]]
            t = ouder[t]
        return t

    for k in lijst:
        ouder[wortel(k.geobserveerde)] = wortel(k.bezoeker)
    groepen: dict[int, list[Kandidaat]] = defaultdict(list)
    for k in lijst:
        groepen[wortel(k.bezoeker)].append(k)
    return sorted(groepen.values(), key=lambda g: (g[0].bezoeker, g[0].geobserveerde))
