"""An independent check of a visit round against every rule, written only against probleem.py.

It shares no code with the planners (not their candidate lists, not their models), so a planner
bug cannot hide behind a checker bug. Each broken rule gives one plain sentence.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from plg.planning.problem import Vervanging, overlaps
from plg.planning.rondes.probleem import (
    Bezoek,
    Interval,
    Ronde,
    Rondeplan,
    aanwezig,
    bezet,
    bezoektijd,
    eigen_lessen,
    kan_dekken,
    lestijd,
    maand,
    venster,
)


def fouten(ronde: Ronde, plan: Rondeplan) -> list[str]:
    """Every broken rule of this plan; an empty list means the plan is valid."""
    controle = _Controle(ronde)
    for bezoek in plan.bezoeken:
        controle.bezoek(bezoek)
    controle.tellingen(plan)
    controle.vervangingen(plan.vervangingen)
    return controle.result


@dataclass
class _Controle:
    ronde: Ronde
    result: list[str] = field(default_factory=list)
    weg: dict[tuple[int, date], list[tuple[str, Interval]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    nodig: Counter[tuple[int, date, int]] = field(default_factory=Counter)  # visitor's lessons
    gezien: set[tuple[int, date, int]] = field(default_factory=set)
    gemaakt: Counter[int] = field(default_factory=Counter)
    ontvangen: Counter[int] = field(default_factory=Counter)
    paren: Counter[tuple[int, int]] = field(default_factory=Counter)
    per_dag: Counter[tuple[str, int, date]] = field(default_factory=Counter)

    def naam(self, t: int) -> str:
        leraar = self.ronde.leerkrachten.get(t)
        return leraar.naam if leraar else f"onbekende leerkracht {t}"

    def bezoek(self, b: Bezoek) -> None:
        ronde = self.ronde
        o, v, dag = b.geobserveerde, b.bezoeker, b.dag
        waar = f"bezoek van {self.naam(v)} bij {self.naam(o)} op {dag} lesuur {b.lesuur}"
        if o == v:
            self.result.append(f"{waar}: bezoekt zichzelf")
            return
        if o not in ronde.deelnemers or v not in ronde.deelnemers:
            self.result.append(f"{waar}: niet ingeschreven")
            return
        if not ronde.van <= dag <= ronde.tot:
            self.result.append(f"{waar}: buiten de periode van de ronde")
        leraren = ronde.leerkrachten
        if not ronde.over_scholen and leraren[o].school != leraren[v].school:
            self.result.append(f"{waar}: collega van een andere school")
        for t in (o, v):
            if not aanwezig(ronde, t, dag):
                self.result.append(f"{waar}: {self.naam(t)} is die dag niet op school")
        lessen = [p.nummer for p in ronde.kalenders[leraren[o].school].lesuren_op(dag)]
        if b.lesuur not in lessen or (dag.weekday(), b.lesuur) not in leraren[o].lessen:
            self.result.append(f"{waar}: {self.naam(o)} geeft dan geen les")
            return
        if leraren[o].lessen[(dag.weekday(), b.lesuur)] != b.klas:
            self.result.append(f"{waar}: klas {b.klas} klopt niet")
        tijd = bezoektijd(ronde, o, dag, b.lesuur)
        weg = venster(ronde, o, v, tijd)
        if bezet(ronde, v, weg):
            self.result.append(f"{waar}: {self.naam(v)} is dan bezet (ook de reistijd telt)")
        for p in eigen_lessen(ronde, v, dag, weg):
            self.nodig[(v, dag, p)] += 1
        self.gezien.add((o, dag, b.lesuur))
        self.weg[(o, dag)].append(("bezocht", tijd))
        self.weg[(v, dag)].append(("op bezoek", weg))
        self.gemaakt[v] += 1
        self.ontvangen[o] += 1
        self.paren[(o, v)] += 1
        self.per_dag[("o", o, dag)] += 1
        self.per_dag[("v", v, dag)] += 1

    def tellingen(self, plan: Rondeplan) -> None:
        self.per_persoon()
        self.tegelijk()
        ontbreekt = max(0, self.ronde.doel - len(plan.bezoeken))
        if plan.niet_geplaatst != ontbreekt:
            self.result.append(
                f"{ontbreekt} bezoeken niet geplaatst, maar het plan zegt {plan.niet_geplaatst}"
            )

    def per_persoon(self) -> None:
        """Once per pair, once a day each way, no more than asked."""
        ronde = self.ronde
        for (o, v), n in sorted(self.paren.items()):
            if n > 1:
                self.result.append(f"{self.naam(v)} bezoekt {self.naam(o)} {n} keer")
        for (rol, t, dag), n in sorted(self.per_dag.items()):
            if n > 1:
                wat = "wordt bezocht" if rol == "o" else "gaat op bezoek"
                self.result.append(f"{self.naam(t)} {wat} {n} keer op {dag}")
        for t, n in sorted(self.gemaakt.items()):
            if n > ronde.bezoeken:
                self.result.append(f"{self.naam(t)} doet {n} bezoeken, meer dan {ronde.bezoeken}")
        for t, n in sorted(self.ontvangen.items()):
            if n > ronde.bezocht:
                self.result.append(f"{self.naam(t)} krijgt {n} bezoeken, meer dan {ronde.bezocht}")

    def tegelijk(self) -> None:
        """Nobody is observed in class and away on a visit at the same time."""
        for (t, dag), items in sorted(self.weg.items()):
            for i, (wat_a, a) in enumerate(items):
                for wat_b, b in items[i + 1 :]:
                    if overlaps(a, b):
                        self.result.append(
                            f"{self.naam(t)} is op {dag} tegelijk {wat_a} en {wat_b}"
                        )

    def vervangingen(self, lijst: list[Vervanging]) -> None:
        """Every lesson the visitors leave is covered once, by someone who may, within the cap."""
        ronde = self.ronde
        gedekt: Counter[tuple[int, date, int]] = Counter()
        last: Counter[tuple[int, tuple[int, int]]] = Counter()
        dekt: dict[tuple[int, date], list[Interval]] = defaultdict(list)
        for v in lijst:
            sleutel = (v.afwezige, v.dag, v.lesuur)
            gedekt[sleutel] += 1
            if self.vervanging(v, dekt[(v.vervanger, v.dag)]):
                last[(v.vervanger, maand(v.dag))] += 1
        for sleutel, n in sorted(self.nodig.items()):
            if gedekt[sleutel] != n:
                t, dag, p = sleutel
                self.result.append(
                    f"les van {self.naam(t)} op {dag} lesuur {p}: {gedekt[sleutel]} keer vervangen"
                )
        for (c, m), n in sorted(last.items()):
            totaal = n + ronde.reeds_vervangen.get((c, m), 0)
            if totaal > ronde.vervang_max_maand:
                self.result.append(
                    f"{self.naam(c)} vervangt {totaal} lesuren in maand {m[1]}/{m[0]}, "
                    f"meer dan {ronde.vervang_max_maand}"
                )

    def vervanging(self, v: Vervanging, dekt: list[Interval]) -> bool:
        """One duty: a lesson a visitor leaves, a substitute who may take it; counts if so."""
        ronde = self.ronde
        sleutel = (v.afwezige, v.dag, v.lesuur)
        waar = f"vervanging {v.dag} lesuur {v.lesuur}"
        if sleutel not in self.nodig:
            self.result.append(f"{waar}: {self.naam(v.afwezige)} is dan niet op bezoek")
            return False
        if sleutel in self.gezien:
            self.result.append(f"{waar}: die les van {self.naam(v.afwezige)} wordt bezocht")
        school = ronde.leerkrachten[v.afwezige].school
        if v.school != school:
            self.result.append(f"{waar}: op de verkeerde school")
        if ronde.leerkrachten[v.afwezige].lessen.get((v.dag.weekday(), v.lesuur)) != v.groep:
            self.result.append(f"{waar}: klas {v.groep} klopt niet")
        if v.vervanger not in ronde.leerkrachten or not kan_dekken(
            ronde, v.vervanger, (school, v.dag, v.lesuur)
        ):
            self.result.append(f"{waar}: {self.naam(v.vervanger)} kan niet vervangen")
            return False
        tijd = lestijd(ronde, school, v.dag, v.lesuur)
        for wat, blok in self.weg.get((v.vervanger, v.dag), []):
            if overlaps(tijd, blok):
                self.result.append(f"{waar}: {self.naam(v.vervanger)} is dan zelf {wat}")
        if any(overlaps(tijd, blok) for blok in dekt):
            self.result.append(f"{waar}: {self.naam(v.vervanger)} vervangt twee klassen tegelijk")
        dekt.append(tijd)
        return True
