"""The month as one aggregated CP-SAT model.

The substitutes of a school are interchangeable here: one boolean per (PLG, allowed moment), and
per (school, date, period) the members teaching in meetings may not exceed the free candidates
minus those sitting in a meeting then. The aggregated model is a relaxation of the real one, so
its bound is a bound on every real plan. With ``exact`` it gets one variable per substitute and
period instead, for when that bound is not tight or staffing keeps failing.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from ortools.sat.python import cp_model

from plg.planning.analysis import Analyse, Slot, iso_week
from plg.planning.costs import gewichten
from plg.planning.problem import Moment, Soort, Vervanging, overlaps

SEED = 20270301
Expr = cp_model.LinearExpr


@dataclass
class _Spreiding:
    """The demand per school, week and date, and who is free to cover it there."""

    per_school: dict[int, list[Expr]] = field(default_factory=lambda: defaultdict(list))
    per_week: dict[tuple[int, tuple[int, int]], list[Expr]] = field(
        default_factory=lambda: defaultdict(list)
    )
    per_dag: dict[tuple[int, date], list[Expr]] = field(default_factory=lambda: defaultdict(list))
    vrij_week: dict[tuple[int, tuple[int, int]], dict[int, int]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(int))
    )
    vrij_dag: dict[tuple[int, date], set[int]] = field(default_factory=lambda: defaultdict(set))
    totaal: list[Expr] = field(default_factory=list)

    def add(self, slot: Slot, som: Expr, kandidaten: tuple[int, ...]) -> None:
        school, dag, _ = slot
        week = iso_week(dag)
        self.per_school[school].append(som)
        self.per_week[(school, week)].append(som)
        self.per_dag[(school, dag)].append(som)
        for t in kandidaten:
            self.vrij_week[(school, week)][t] += 1
            self.vrij_dag[(school, dag)].add(t)
        self.totaal.append(som)


@dataclass
class Model:
    """The month as CP-SAT sees it; ``modus`` is "hard" (all placed), "aannames" (every
    constraint group behind a literal, for cores) or "zacht" (place as many as possible)."""

    analyse: Analyse
    modus: str = "hard"
    vrij_gelaten: frozenset[int] = frozenset()  # PLG's whose placement is not required
    cuts: list[list[tuple[int, int]]] = field(default_factory=list)
    exact: bool = False  # one variable per substitute and period instead of counts
    vervangingen_max: int | None = None
    y: dict[tuple[int, Slot], cp_model.IntVar] = field(default_factory=dict)
    model: cp_model.CpModel = field(default_factory=cp_model.CpModel)
    x: dict[tuple[int, int], cp_model.IntVar] = field(default_factory=dict)
    groepen: dict[int, tuple[str, tuple[int, ...]]] = field(default_factory=dict)  # lit → group
    literals: dict[tuple[str, tuple[int, ...]], cp_model.IntVar] = field(default_factory=dict)
    vervangingen: Expr = field(default_factory=lambda: total(()))
    na_school: Expr = field(default_factory=lambda: total(()))
    onbezet: Expr = field(default_factory=lambda: total(()))
    last: Expr = field(default_factory=lambda: total(()))
    objective: Expr = field(default_factory=lambda: total(()))
    week_vraag: dict[tuple[int, tuple[int, int]], Expr] = field(default_factory=dict)
    na_school_per_lid: dict[int, Expr] = field(default_factory=dict)

    def literal(self, soort: str, *sleutel: int) -> list[cp_model.IntVar]:
        """The enforcement literal of a constraint group (none outside "aannames")."""
        if self.modus != "aannames":
            return []
        key = (soort, sleutel)
        if key not in self.literals:
            lit = self.model.new_bool_var(f"{soort}{sleutel}")
            self.literals[key] = lit
            self.groepen[lit.index] = key
        return [self.literals[key]]

    def build(self) -> Model:
        analyse = self.analyse
        probleem = analyse.probleem
        m = self.model
        for groep in probleem.groepen:
            for moment in analyse.toegelaten[groep.id]:
                self.x[(groep.id, moment.id)] = m.new_bool_var(f"x{groep.id}_{moment.id}")
        self._plaatsing()
        self._overlap()
        self._na_school()
        self._vervangers()
        for cut in self.cuts:
            # a core may hold a meeting that only keeps a substitute busy: name a school
            # with classes to cover
            school = next(
                (
                    analyse.momenten[i].school
                    for g, i in cut
                    if analyse.moment_noden(analyse.groepen[g], analyse.momenten[i])
                ),
                analyse.momenten[cut[0][1]].school,
            )
            m.add(total(self.x[k] for k in cut if k in self.x) <= len(cut) - 1).only_enforce_if(
                self.literal("lesuur", school)
            )
        w = gewichten(probleem)
        self.objective = (
            w.onbezet * self.onbezet
            + w.vervanging * self.vervangingen
            + w.last * self.last
            + w.na_school * self.na_school
        )
        if self.modus != "aannames":
            m.minimize(self.objective)
        return self

    def _plaatsing(self) -> None:
        probleem = self.analyse.probleem
        tekort = []
        for groep in probleem.groepen:
            ids = self.analyse.toegelaten[groep.id]
            xs = total(self.x[(groep.id, mo.id)] for mo in ids)
            if self.modus == "zacht" or groep.id in self.vrij_gelaten:
                self.model.add(xs <= groep.aantal)
                tekort.append(groep.aantal - xs)
            elif self.modus == "aannames":
                self.model.add(xs <= groep.aantal)
                self.model.add(xs == groep.aantal).only_enforce_if(
                    self.literal("plaatsing", groep.id)
                )
            else:
                self.model.add(xs == groep.aantal)
            afstand = groep.min_dagen_tussen
            if afstand >= 1:
                for dag in sorted({mo.dag for mo in ids}):
                    venster = [
                        self.x[(groep.id, mo.id)]
                        for mo in ids
                        if dag <= mo.dag < dag + timedelta(days=afstand)
                    ]
                    if len(venster) > 1:
                        self.model.add_at_most_one(venster)
        if self.modus == "zacht":
            self.onbezet = total(tekort)

    def _overlap(self) -> None:
        """Per teacher of several PLG's: the moments holding one instant hold one meeting."""
        analyse = self.analyse
        per_lid: dict[int, list[int]] = defaultdict(list)
        for groep in analyse.probleem.groepen:
            for t in groep.leden:
                per_lid[t].append(groep.id)
        gezien: set[frozenset[tuple[int, int]]] = set()
        for groepen in per_lid.values():
            if len(groepen) < 2 and all(analyse.groepen[g].min_dagen_tussen >= 1 for g in groepen):
                continue
            per_dag: dict[date, list[tuple[Moment, tuple[int, int]]]] = defaultdict(list)
            for g in groepen:
                for moment in analyse.toegelaten[g]:
                    per_dag[moment.dag].append((moment, (g, moment.id)))
            for items in per_dag.values():
                for begin in {mo.begin for mo, _ in items}:
                    kliek = frozenset(k for mo, k in items if mo.begin <= begin < mo.einde)
                    if len(kliek) > 1 and kliek not in gezien:
                        gezien.add(kliek)
                        self.model.add_at_most_one(self.x[k] for k in kliek)

    def _na_school(self) -> None:
        analyse = self.analyse
        probleem = analyse.probleem
        per_lid: dict[int, list[cp_model.IntVar]] = defaultdict(list)
        termen = []
        for groep in probleem.groepen:
            for moment in analyse.toegelaten[groep.id]:
                if moment.soort == Soort.NA_SCHOOL:
                    x = self.x[(groep.id, moment.id)]
                    termen.append(len(groep.leden) * groep.na_school_lesuren * x)
                    for t in groep.leden:
                        per_lid[t].append(x)
        self.na_school = total(termen)
        for t, xs in sorted(per_lid.items()):
            som = total(xs)
            self.na_school_per_lid[t] = som
            if len(xs) > probleem.na_school_max_maand:
                self.model.add(som <= probleem.na_school_max_maand).only_enforce_if(
                    self.literal("na_school", t)
                )

    def _vervangers(self) -> None:
        """Capacity per (school, date, period) and per (school, week), and lower bounds on the
        highest load: a demand spread over everyone who could ever cover it."""
        vraag, per_groep = self._vraag()
        spreiding = self._capaciteit(vraag, self._in_vergadering())
        self._last(spreiding, per_groep)

    def _vraag(
        self,
    ) -> tuple[dict[Slot, list[tuple[int, cp_model.IntVar]]], list[tuple[Expr, int]]]:
        """Per slot the classes each placement leaves; per PLG its demand and how many could
        ever cover it; per PLG and week no more than its substitutes may cover."""
        analyse = self.analyse
        cap = analyse.probleem.vervang_max_week
        vraag: dict[Slot, list[tuple[int, cp_model.IntVar]]] = defaultdict(list)
        per_groep: list[tuple[Expr, int]] = []
        for groep in analyse.probleem.groepen:
            termen: list[Expr] = []
            wie: set[int] = set()
            weekvraag: dict[tuple[int, tuple[int, int]], list[Expr]] = defaultdict(list)
            weekslots: dict[tuple[int, tuple[int, int]], set[Slot]] = defaultdict(set)
            for moment in analyse.toegelaten[groep.id]:
                per_lesuur: dict[int, int] = defaultdict(int)
                for _, p in analyse.moment_noden(groep, moment):
                    per_lesuur[p] += 1
                x = self.x[(groep.id, moment.id)]
                for p, aantal in per_lesuur.items():
                    slot = (moment.school, moment.dag, p)
                    vraag[slot].append((aantal, x))
                    termen.append(aantal * x)
                    wie.update(analyse.vervangers(slot))
                    weekvraag[(moment.school, moment.week)].append(aantal * x)
                    weekslots[(moment.school, moment.week)].add(slot)
            if termen:
                per_groep.append((total(termen), len(wie - set(groep.leden))))
            for (school, week), delen in weekvraag.items():
                slots_van: dict[int, int] = defaultdict(int)
                for slot in weekslots[(school, week)]:
                    for t in set(analyse.vervangers(slot)) - set(groep.leden):
                        slots_van[t] += 1
                aanbod = sum(min(cap, n) for n in slots_van.values())
                self.model.add(total(delen) <= aanbod).only_enforce_if(
                    self.literal("week", school, *week)
                )
        return vraag, per_groep

    def _in_vergadering(self) -> Callable[[int, Slot], Expr]:
        """Whether a teacher sits in a meeting at some instant of a slot (one expression each)."""
        analyse = self.analyse
        in_vergadering: dict[tuple[int, date], list[tuple[Moment, cp_model.IntVar]]] = defaultdict(
            list
        )
        for groep in analyse.probleem.groepen:
            for moment in analyse.toegelaten[groep.id]:
                for t in groep.leden:
                    in_vergadering[(t, moment.dag)].append((moment, self.x[(groep.id, moment.id)]))
        bezig_var: dict[tuple[int, Slot], Expr] = {}

        def bezig(t: int, slot: Slot) -> Expr:
            key = (t, slot)
            if key not in bezig_var:
                begin, einde = analyse.slot_tijd(slot)
                items = [
                    (mo, x)
                    for mo, x in in_vergadering.get((t, slot[1]), ())
                    if overlaps((mo.begin, mo.einde), (begin, einde))
                ]
                bezig_var[key] = self._bezig(items)
            return bezig_var[key]

        return bezig

    def _bezig(self, items: list[tuple[Moment, cp_model.IntVar]]) -> Expr:
        if not items:
            return total(())
        if len(items) == 1 or all(
            overlaps((a.begin, a.einde), (b.begin, b.einde)) for a, _ in items for b, _ in items
        ):
            return total(x for _, x in items)
        b = self.model.new_bool_var("")
        for _, x in items:
            self.model.add_implication(x, b)
        return b

    def _capaciteit(
        self,
        vraag: dict[Slot, list[tuple[int, cp_model.IntVar]]],
        bezig: Callable[[int, Slot], Expr],
    ) -> _Spreiding:
        """Per slot: the classes to cover fit the free candidates not in a meeting then."""
        analyse = self.analyse
        spreiding = _Spreiding()
        for slot, paren in sorted(vraag.items()):
            school = slot[0]
            som = total(a * x for a, x in paren)
            kandidaten = analyse.vervangers(slot)
            bezet = [bezig(t, slot) for t in kandidaten]
            self.model.add(som + total(bezet) <= len(kandidaten)).only_enforce_if(
                self.literal("lesuur", school)
            )
            spreiding.add(slot, som, kandidaten)
            if self.exact:
                self._per_slot(slot, som, kandidaten, bezet)
        return spreiding

    def _per_slot(
        self, slot: Slot, som: Expr, kandidaten: tuple[int, ...], bezet: list[Expr]
    ) -> None:
        """The exact model: one variable per candidate, free of meetings, covering the demand."""
        school = slot[0]
        for t, b in zip(kandidaten, bezet, strict=True):
            y = self.model.new_bool_var("")
            self.y[(t, slot)] = y
            self.model.add(y + b <= 1)
        self.model.add(total(self.y[(t, slot)] for t in kandidaten) <= som)
        self.model.add(total(self.y[(t, slot)] for t in kandidaten) == som).only_enforce_if(
            self.literal("lesuur", school)
        )

    def _last(self, spreiding: _Spreiding, per_groep: list[tuple[Expr, int]]) -> None:
        """The weekly caps per school, and the highest load at least each demand spread evenly."""
        analyse = self.analyse
        cap = analyse.probleem.vervang_max_week
        self.vervangingen = total(spreiding.totaal)
        # bounded by the weekly caps alone, so that a core names them
        last = self.model.new_int_var(0, sum(len(n) for n in analyse.noden.values()), "last")
        self.last = last
        if self.vervangingen_max is not None:
            self.model.add(self.vervangingen <= self.vervangingen_max)
        if self.exact:
            self._per_vervanger(last)
        for (school, week), termen in sorted(spreiding.per_week.items()):
            som = total(termen)
            aanbod = sum(min(cap, n) for n in spreiding.vrij_week[(school, week)].values())
            self.week_vraag[(school, week)] = som
            self.model.add(som <= aanbod).only_enforce_if(self.literal("week", school, *week))
            mensen = len(spreiding.vrij_week[(school, week)])
            self.model.add(som <= mensen * last)
        for school, termen in spreiding.per_school.items():
            mensen = len(
                {t for (s, _), ts in spreiding.vrij_week.items() if s == school for t in ts}
            )
            self.model.add(total(termen) <= mensen * last)
        for (school, dag), termen in spreiding.per_dag.items():
            self.model.add(total(termen) <= len(spreiding.vrij_dag[(school, dag)]) * last)
        for som, mensen in per_groep:
            self.model.add(som <= mensen * last)

    def _per_vervanger(self, last: cp_model.IntVar) -> None:
        """The exact model: each substitute covers one class at a time, within the weekly cap
        and the highest load."""
        analyse = self.analyse
        per_persoon: dict[int, list[Slot]] = defaultdict(list)
        for t, slot in self.y:
            per_persoon[t].append(slot)
        for t, slots in per_persoon.items():
            tijden = {slot: analyse.slot_tijd(slot) for slot in slots}
            for begin, _ in set(tijden.values()):
                kliek = [self.y[(t, s)] for s in slots if tijden[s][0] <= begin < tijden[s][1]]
                if len(kliek) > 1:
                    self.model.add_at_most_one(kliek)
            per_week: dict[tuple[int, int], list[Slot]] = defaultdict(list)
            for slot in slots:
                per_week[iso_week(slot[1])].append(slot)
            thuis = analyse.probleem.leerkrachten[t].school
            for week, week_slots in per_week.items():
                # named after a school with classes to cover that week, the own one first
                school = thuis if any(s[0] == thuis for s in week_slots) else week_slots[0][0]
                ys = [self.y[(t, slot)] for slot in week_slots]
                if len(ys) > analyse.probleem.vervang_max_week:
                    self.model.add(total(ys) <= analyse.probleem.vervang_max_week).only_enforce_if(
                        self.literal("week", school, *week)
                    )
            self.model.add(total(self.y[(t, slot)] for slot in slots) <= last)

    def vervangingen_uit(
        self, solver: cp_model.CpSolver, plaatsingen: dict[int, list[int]]
    ) -> list[Vervanging]:
        """Who covers which class, read from the exact model."""
        analyse = self.analyse
        leraren = analyse.probleem.leerkrachten
        afwezig: dict[Slot, list[int]] = defaultdict(list)
        for g, ids in plaatsingen.items():
            for ident in ids:
                moment = analyse.momenten[ident]
                for t, p in analyse.moment_noden(analyse.groepen[g], moment):
                    afwezig[(moment.school, moment.dag, p)].append(t)
        vervangers: dict[Slot, list[int]] = defaultdict(list)
        for (t, slot), y in sorted(self.y.items()):
            if solver.value(y):
                vervangers[slot].append(t)
        result = []
        for slot, wie in sorted(afwezig.items()):
            school, dag, p = slot
            for t, c in zip(sorted(wie), vervangers[slot], strict=True):
                klas = leraren[t].lessen[(dag.weekday(), p)]
                result.append(Vervanging(t, c, school, dag, p, klas))
        return result

    def plaatsingen(self, solver: cp_model.CpSolver) -> dict[int, list[int]]:
        result: dict[int, list[int]] = defaultdict(list)
        for (g, ident), x in self.x.items():
            if solver.value(x):
                result[g].append(ident)
        return {
            g: sorted(ids, key=lambda i: self.analyse.momenten[i].begin)
            for g, ids in result.items()
        }


def total(termen: Iterable[Expr]) -> Expr:
    result: Expr = cp_model.LinearExpr.sum(list(termen))
    return result


StatusCode = cp_model.CpSolverStatus


@dataclass
class Klok:
    """The planner's clock. On the wall by default; ``deterministisch`` counts the solvers' own
    deterministic time instead (with a wall-clock limit three times as long as a safety net),
    so that with a fixed seed and worker count a busy machine gives the same plan."""

    deterministisch: bool = False
    verbruikt: float = 0.0
    begin: float = field(default_factory=time.monotonic)

    def nu(self) -> float:
        """What is used so far: deterministic time, or seconds since the clock started."""
        return self.verbruikt if self.deterministisch else time.monotonic() - self.begin

    def solve(
        self, model: cp_model.CpModel, seconds: float, workers: int
    ) -> tuple[cp_model.CpSolver, StatusCode]:
        solver = cp_model.CpSolver()
        limiet = max(0.05, seconds)
        if self.deterministisch:
            solver.parameters.max_deterministic_time = limiet
            solver.parameters.max_time_in_seconds = max(0.15, 3 * limiet)
        else:
            solver.parameters.max_time_in_seconds = limiet
        solver.parameters.num_workers = workers
        solver.parameters.random_seed = SEED
        status = solver.solve(model)
        self.verbruikt += solver.deterministic_time
        return solver, status
