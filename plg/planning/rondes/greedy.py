"""The visit round as a person would plan it by hand, to measure CP-SAT against.

Visitor after visitor, in rounds of one visit each (so nobody gets all the good moments), the
visitor with the fewest options first; each takes the visit without cover, on a preferred pair,
with the colleague visited least so far, earliest first; a substitute is the least loaded one
free then. No choice is undone: a visitor with nothing left stays short.
"""

from __future__ import annotations

import time as klok
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from plg.planning.problem import Status, Vervanging, overlaps
from plg.planning.rondes.kandidaten import (
    DAGEN_PER_PAAR,
    PARTNERS,
    Kandidaat,
    dekkers,
    kandidaten,
)
from plg.planning.rondes.probleem import (
    Bezoek,
    Interval,
    Ronde,
    Rondeplan,
    Slot,
    kosten,
    lestijd,
    maand,
)


@dataclass
class _Stand:
    ronde: Ronde
    kandidaten_van: dict[int, list[Kandidaat]]
    vervangers: dict[Slot, tuple[int, ...]]
    gekozen: list[Kandidaat] = field(default_factory=list)
    gemaakt: Counter[int] = field(default_factory=Counter)
    ontvangen: Counter[int] = field(default_factory=Counter)
    paren: set[tuple[int, int]] = field(default_factory=set)
    dagen: set[tuple[str, int, date]] = field(default_factory=set)
    bezet: dict[tuple[int, date], list[Interval]] = field(default_factory=lambda: defaultdict(list))
    dekt: dict[tuple[int, date], list[Interval]] = field(default_factory=lambda: defaultdict(list))
    last: Counter[tuple[int, tuple[int, int]]] = field(default_factory=Counter)
    lessen: set[tuple[str, int, date, int]] = field(default_factory=set)  # observed or covered
    vervangingen: list[Vervanging] = field(default_factory=list)

    def mag(self, k: Kandidaat) -> bool:
        o, v, dag = k.geobserveerde, k.bezoeker, k.dag
        return (
            self.ontvangen[o] < self.ronde.bezocht
            and (o, v) not in self.paren
            and ("o", o, dag) not in self.dagen
            and ("v", v, dag) not in self.dagen
            and not self.dekt[(v, dag)]
            and ("gedekt", o, dag, k.lesuur) not in self.lessen
            and not any(("gezien", v, dag, p) in self.lessen for _, _, p in k.dekking)
            and not any(overlaps(k.tijd, b) for b in self.bezet[(o, dag)])
            and not any(overlaps(k.weg, b) for b in self.bezet[(v, dag)])
        )

    def kies_vervangers(self, k: Kandidaat) -> list[Vervanging] | None:
        gekozen: list[Vervanging] = []
        extra: dict[int, list[Interval]] = defaultdict(list)
        for slot in k.dekking:
            school, dag, nummer = slot
            tijd = lestijd(self.ronde, school, dag, nummer)
            vrij = [
                c
                for c in self.vervangers[slot]
                if ("v", c, dag) not in self.dagen
                and not any(overlaps(tijd, b) for b in self.dekt[(c, dag)] + extra[c])
                and self.last[(c, maand(dag))]
                + len(extra[c])
                + self.ronde.reeds_vervangen.get((c, maand(dag)), 0)
                < self.ronde.vervang_max_maand
            ]
            if not vrij:
                return None
            c = min(vrij, key=lambda t: (self.last[(t, maand(dag))] + len(extra[t]), t))
            extra[c].append(tijd)
            klas = self.ronde.leerkrachten[k.bezoeker].lessen[(dag.weekday(), nummer)]
            gekozen.append(Vervanging(k.bezoeker, c, school, dag, nummer, klas))
        return gekozen

    def neem(self, k: Kandidaat, vervangingen: list[Vervanging]) -> None:
        o, v, dag = k.geobserveerde, k.bezoeker, k.dag
        self.gekozen.append(k)
        self.gemaakt[v] += 1
        self.ontvangen[o] += 1
        self.paren.add((o, v))
        self.dagen |= {("o", o, dag), ("v", v, dag)}
        self.bezet[(o, dag)].append(k.tijd)
        self.bezet[(v, dag)].append(k.weg)
        self.lessen.add(("gezien", o, dag, k.lesuur))
        self.lessen |= {("gedekt", v, dag, p) for _, _, p in k.dekking}
        for x in vervangingen:
            self.dekt[(x.vervanger, dag)].append(lestijd(self.ronde, x.school, dag, x.lesuur))
            self.last[(x.vervanger, maand(dag))] += 1
        self.vervangingen += vervangingen

    def beste(self, v: int) -> tuple[Kandidaat, list[Vervanging]] | None:
        voorkeur = self.ronde.voorkeuren
        opties = sorted(
            (k for k in self.kandidaten_van[v] if self.mag(k)),
            key=lambda k: (
                len(k.dekking),
                (v, k.geobserveerde) not in voorkeur,
                self.ontvangen[k.geobserveerde],
                k.tijd[0],
            ),
        )
        for k in opties:
            vervangingen = self.kies_vervangers(k)
            if vervangingen is not None:
                return k, vervangingen
        return None


def plan_greedy(
    ronde: Ronde,
    *,
    partners: int | None = PARTNERS,
    dagen_per_paar: int | None = DAGEN_PER_PAAR,
    lijst: list[Kandidaat] | None = None,
) -> Rondeplan:
    """``lijst`` is the candidates when the caller has them already."""
    start = klok.perf_counter()
    if lijst is None:
        lijst = kandidaten(ronde, partners, dagen_per_paar)
    per_bezoeker: dict[int, list[Kandidaat]] = defaultdict(list)
    for k in lijst:
        per_bezoeker[k.bezoeker].append(k)
    stand = _Stand(ronde, per_bezoeker, dekkers(ronde, lijst))
    volgorde = sorted(ronde.deelnemers, key=lambda v: (len(per_bezoeker[v]), v))
    for _ in range(min(ronde.bezoeken, max(0, len(ronde.deelnemers) - 1))):
        for v in volgorde:
            gevonden = stand.beste(v)
            if gevonden is not None:
                stand.neem(*gevonden)
    return rondeplan(ronde, "greedy", stand.gekozen, stand.vervangingen, start)


def rondeplan(
    ronde: Ronde,
    methode: str,
    gekozen: list[Kandidaat],
    vervangingen: list[Vervanging],
    start: float,
    status: Status | None = None,
) -> Rondeplan:
    """A plan from the chosen candidates, with its cost; complete means every visit placed."""
    bezoeken = [
        Bezoek(k.geobserveerde, k.bezoeker, k.dag, k.lesuur, k.klas)
        for k in sorted(gekozen, key=lambda k: (k.tijd[0], k.geobserveerde))
    ]
    ontbreekt = max(0, ronde.doel - len(bezoeken))
    plan = Rondeplan(
        methode,
        status or (Status.HAALBAAR if ontbreekt == 0 else Status.ONBEKEND),
        bezoeken,
        sorted(vervangingen, key=lambda x: (x.dag, x.lesuur, x.vervanger)),
        ontbreekt,
    )
    plan.objective = kosten(ronde, plan)
    plan.solve_seconds = klok.perf_counter() - start
    return plan
