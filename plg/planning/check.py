"""An independent check of a plan against every hard rule, written only against problem.py.

It shares no code with the planners, so a planner bug cannot hide behind a checker bug. Each
broken rule gives one plain sentence (for tests and the bench, not for school leaders).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property
from itertools import pairwise

from plg.planning.problem import (
    BRUSSELS,
    Groep,
    Moment,
    Plan,
    Probleem,
    Soort,
    Vervanging,
    bezet_tijdens,
    kandidaat_vervangers,
    overlaps,
    te_vervangen,
    teaches_during,
)


def _periode(probleem: Probleem, school: int, dag: date, nummer: int) -> tuple[datetime, datetime]:
    lesuur = probleem.kalenders[school].lesuur(nummer)
    return (
        datetime.combine(dag, lesuur.begin, tzinfo=BRUSSELS),
        datetime.combine(dag, lesuur.einde, tzinfo=BRUSSELS),
    )


def fouten(probleem: Probleem, plan: Plan) -> list[str]:
    """Every broken hard rule of this plan; an empty list means the plan is valid."""
    controle = _Controle(probleem, plan)
    for g, ids in plan.plaatsingen.items():
        controle.plaatsingen(g, ids)
    controle.niet_geplaatst()
    controle.overlap()
    controle.na_school()
    controle.vervangingen()
    return controle.result


@dataclass
class _Controle:
    """The broken rules so far, and what the meetings placed need from everyone."""

    probleem: Probleem
    plan: Plan
    result: list[str] = field(default_factory=list)
    vergaderingen: dict[int, list[tuple[str, Moment]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    na_school_per_lid: Counter[int] = field(default_factory=Counter)
    nodig: Counter[tuple[int, int, date, int]] = field(default_factory=Counter)

    @cached_property
    def groepen(self) -> dict[int, Groep]:
        return {g.id: g for g in self.probleem.groepen}

    @cached_property
    def momenten(self) -> dict[int, Moment]:
        return {m.id: m for m in self.probleem.momenten}

    def plaatsingen(self, g: int, ids: list[int]) -> None:
        groep = self.groepen.get(g)
        if groep is None:
            self.result.append(f"onbekende PLG {g}")
            return
        if len(ids) > groep.aantal:
            self.result.append(
                f"{groep.naam}: {len(ids)} bijeenkomsten, maar {groep.aantal} gevraagd"
            )
        if len(set(ids)) != len(ids):
            self.result.append(f"{groep.naam}: twee keer hetzelfde moment")
        geplaatst = [self.momenten[i] for i in ids if i in self.momenten]
        if len(geplaatst) != len(ids):
            self.result.append(f"{groep.naam}: onbekend moment")
        for moment in geplaatst:
            self.moment(groep, moment)
        self.afstand(groep, geplaatst)

    def moment(self, groep: Groep, moment: Moment) -> None:
        """The meeting is where and when its PLG may meet, and every member can be there."""
        waar = f"{groep.naam} op {moment.begin:%Y-%m-%d %H:%M}"
        if moment.school not in groep.scholen:
            self.result.append(f"{waar}: niet op een school van de PLG")
        if groep.over_scholen and moment.soort == Soort.LES:
            self.result.append(f"{waar}: PLG over scholen heen tijdens de lessen")
        if moment.einde - moment.begin < timedelta(minutes=groep.minuten):
            self.result.append(f"{waar}: moment te kort")
        for t in groep.leden:
            leraar = self.probleem.leerkrachten[t]
            self.vergaderingen[t].append((groep.naam, moment))
            if bezet_tijdens(self.probleem, leraar, moment.begin, moment.einde):
                self.result.append(f"{waar}: {leraar.naam} is bezet")
            lessen = te_vervangen(self.probleem, moment, leraar)
            if teaches_during(self.probleem, leraar, moment.begin, moment.einde) and not lessen:
                self.result.append(f"{waar}: {leraar.naam} geeft les")
            for p in lessen:
                self.nodig[(t, moment.school, moment.dag, p)] += 1
            if moment.soort == Soort.NA_SCHOOL:
                self.na_school_per_lid[t] += 1

    def afstand(self, groep: Groep, geplaatst: list[Moment]) -> None:
        """Far enough from each other and from the bijeenkomsten planned already."""
        for moment in geplaatst:
            for vast in groep.vaste_dagen:
                if abs((moment.dag - vast).days) < groep.min_dagen_tussen:
                    self.result.append(
                        f"{groep.naam}: {moment.dag} ligt te dicht bij de bijeenkomst van {vast}"
                    )
        dagen = sorted(m.dag for m in geplaatst)
        for eerste, tweede in pairwise(dagen):
            if (tweede - eerste).days < groep.min_dagen_tussen:
                self.result.append(f"{groep.naam}: {eerste} en {tweede} liggen te dicht bij elkaar")

    def niet_geplaatst(self) -> None:
        for groep in self.probleem.groepen:
            ontbreekt = groep.aantal - len(self.plan.plaatsingen.get(groep.id, []))
            if self.plan.niet_geplaatst.get(groep.id, 0) != ontbreekt:
                self.result.append(
                    f"{groep.naam}: {ontbreekt} niet geplaatst, maar het plan zegt "
                    f"{self.plan.niet_geplaatst.get(groep.id, 0)}"
                )

    def overlap(self) -> None:
        leraren = self.probleem.leerkrachten
        for t, lijst in self.vergaderingen.items():
            for i, (naam_a, a) in enumerate(lijst):
                for naam_b, b in lijst[i + 1 :]:
                    if overlaps((a.begin, a.einde), (b.begin, b.einde)):
                        self.result.append(
                            f"{leraren[t].naam} zit tegelijk in {naam_a} en {naam_b} "
                            f"({a.begin:%Y-%m-%d %H:%M})"
                        )

    def na_school(self) -> None:
        for t, aantal in sorted(self.na_school_per_lid.items()):
            if aantal > self.probleem.na_school_max_maand:
                self.result.append(f"{self.probleem.leerkrachten[t].naam}: {aantal} keer na school")

    def vervangingen(self) -> None:
        """Every class to cover is covered once, by someone free who may, within the cap."""
        leraren = self.probleem.leerkrachten
        gedekt: Counter[tuple[int, int, date, int]] = Counter()
        kandidaten: dict[tuple[int, date, int], set[int]] = {}
        per_week: Counter[tuple[int, int, int]] = Counter()
        bezig: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
        for v in self.plan.vervangingen:
            sleutel = (v.afwezige, v.school, v.dag, v.lesuur)
            gedekt[sleutel] += 1
            slot = (v.school, v.dag, v.lesuur)
            if slot not in kandidaten:
                kandidaten[slot] = set(kandidaat_vervangers(self.probleem, *slot))
            self.vervanging(v, sleutel, kandidaten[slot], bezig[v.vervanger])
            iso = v.dag.isocalendar()
            per_week[(v.vervanger, iso.year, iso.week)] += 1
        for sleutel, aantal in sorted(self.nodig.items()):
            if gedekt[sleutel] != aantal:
                t, _, dag, p = sleutel
                self.result.append(
                    f"les van {leraren[t].naam} op {dag} lesuur {p}: "
                    f"{gedekt[sleutel]} keer vervangen"
                )
        for (c, _, week), aantal in sorted(per_week.items()):
            if aantal > self.probleem.vervang_max_week:
                self.result.append(f"{leraren[c].naam} vervangt {aantal} lesuren in week {week}")

    def vervanging(
        self,
        v: Vervanging,
        sleutel: tuple[int, int, date, int],
        kandidaten: set[int],
        bezig: list[tuple[datetime, datetime]],
    ) -> None:
        leraren = self.probleem.leerkrachten
        waar = f"vervanging {v.dag} lesuur {v.lesuur} op school {v.school}"
        if sleutel not in self.nodig:
            self.result.append(f"{waar}: {leraren[v.afwezige].naam} hoeft niet vervangen te worden")
        if leraren[v.afwezige].lessen.get((v.dag.weekday(), v.lesuur)) != v.groep:
            self.result.append(f"{waar}: klas {v.groep} klopt niet")
        if v.vervanger not in kandidaten:
            self.result.append(f"{waar}: {leraren[v.vervanger].naam} kan niet vervangen")
        tijd = _periode(self.probleem, v.school, v.dag, v.lesuur)
        for naam, moment in self.vergaderingen.get(v.vervanger, []):
            if overlaps(tijd, (moment.begin, moment.einde)):
                self.result.append(f"{waar}: {leraren[v.vervanger].naam} zit dan in {naam}")
        for ander in bezig:
            if overlaps(tijd, ander):
                self.result.append(
                    f"{waar}: {leraren[v.vervanger].naam} vervangt twee klassen tegelijk"
                )
        bezig.append(tijd)
