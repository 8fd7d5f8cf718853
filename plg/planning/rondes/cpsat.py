"""The visit round as one CP-SAT model: one boolean per candidate visit, one per substitute and
period to cover.

Hard: a visitor makes at most one visit a day and at most ``bezoeken`` in all, a teacher is
visited at most once a day and at most ``bezocht`` times, a pair meets once, a lesson that is
observed is not covered (its teacher cannot be away then), every period to cover has one
substitute who covers one class at a time, is not on a visit that day and stays within the
monthly cap. Objective (one lexicographic number, ``probleem.gewichten``): visits not placed,
then cover periods, then the highest load of one substitute in a month, then visits outside
the preferred pairs. The greedy plan is the hint. The solver stops on deterministic time, so a
loaded machine gives the same plan (a wall-clock limit of three times as much is a safety net).
"""

from __future__ import annotations

import time as klok
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from ortools.sat.python import cp_model

from plg.planning.problem import Status, Vervanging
from plg.planning.rondes.greedy import plan_greedy, rondeplan
from plg.planning.rondes.kandidaten import (
    DAGEN_PER_PAAR,
    PARTNERS,
    Kandidaat,
    dekkers,
    delen,
    kandidaten,
)
from plg.planning.rondes.probleem import (
    Gewichten,
    Maand,
    Ronde,
    Rondeplan,
    Slot,
    gewichten,
    lestijd,
    maand,
)

SEED = 20270301
Expr = cp_model.LinearExpr


def total(termen: Iterable[Expr | cp_model.IntVar | int]) -> Expr:
    result: Expr = cp_model.LinearExpr.sum(list(termen))
    return result


class _Model:
    def __init__(self, ronde: Ronde, lijst: list[Kandidaat]) -> None:
        self.ronde = ronde
        self.lijst = lijst
        self.m = cp_model.CpModel()
        self.x = [self.m.new_bool_var(f"x{i}") for i in range(len(lijst))]
        self.vervangers = dekkers(ronde, lijst)
        self.y: dict[tuple[int, Slot], cp_model.IntVar] = {}
        self.last = self.m.new_int_var(0, max(1, ronde.vervang_max_maand), "last")

    def build(self, doel: int, w: Gewichten) -> Expr:
        ronde, lijst, x = self.ronde, self.lijst, self.x
        groepen: dict[tuple[object, ...], list[cp_model.IntVar]] = defaultdict(list)
        for k, xi in zip(lijst, x, strict=True):
            o, v = k.geobserveerde, k.bezoeker
            sleutels: tuple[tuple[object, ...], ...] = (
                ("vd", v, k.dag),
                ("od", o, k.dag),
                ("paar", o, v),
                ("v", v),
                ("o", o),
            )
            for sleutel in sleutels:
                groepen[sleutel].append(xi)
        for sleutel, xs in groepen.items():
            limiet = {"v": ronde.bezoeken, "o": ronde.bezocht}.get(str(sleutel[0]), 1)
            if len(xs) > limiet:
                self.m.add(total(xs) <= limiet)
        self._lessen()
        dekking = self._dekking(groepen)
        ongewenst = (
            [
                xi
                for k, xi in zip(lijst, x, strict=True)
                if (k.bezoeker, k.geobserveerde) not in ronde.voorkeuren
            ]
            if ronde.voorkeuren
            else []
        )
        objective = (
            w.onbezet * (doel - total(x))
            + w.vervanging * dekking
            + w.last * self.last
            + w.voorkeur * total(ongewenst)
        )
        self.m.minimize(objective)
        return objective

    def _lessen(self) -> None:
        """An observed lesson is taught by its teacher: it is not covered for their own visit."""
        les: dict[tuple[int, date, int], tuple[list[cp_model.IntVar], list[cp_model.IntVar]]] = (
            defaultdict(lambda: ([], []))
        )
        for k, xi in zip(self.lijst, self.x, strict=True):
            les[(k.geobserveerde, k.dag, k.lesuur)][0].append(xi)
            for _, dag, p in k.dekking:
                les[(k.bezoeker, dag, p)][1].append(xi)
        for gezien, gedekt in les.values():
            if gezien and gedekt:
                self.m.add(total(gezien) + total(gedekt) <= 1)

    def _dekking(self, groepen: dict[tuple[object, ...], list[cp_model.IntVar]]) -> Expr:
        """One substitute per period to cover, each within their day and month."""
        ronde = self.ronde
        vraag: dict[Slot, list[cp_model.IntVar]] = defaultdict(list)
        for k, xi in zip(self.lijst, self.x, strict=True):
            for slot in k.dekking:
                vraag[slot].append(xi)
        per_dag: dict[tuple[int, date], list[Slot]] = defaultdict(list)
        per_maand: dict[tuple[int, Maand], list[cp_model.IntVar]] = defaultdict(list)
        for slot, xs in sorted(vraag.items()):
            ys = []
            for c in self.vervangers[slot]:
                y = self.m.new_bool_var("")
                self.y[(c, slot)] = y
                ys.append(y)
                bezoekt = groepen.get(("vd", c, slot[1]), [])
                if bezoekt:
                    self.m.add(y + total(bezoekt) <= 1)
                per_dag[(c, slot[1])].append(slot)
                per_maand[(c, maand(slot[1]))].append(y)
            self.m.add(total(ys) == total(xs))
        for (c, dag), slots in per_dag.items():
            tijden = {s: lestijd(ronde, s[0], dag, s[2]) for s in slots}
            for begin, _ in set(tijden.values()):
                kliek = [self.y[(c, s)] for s in slots if tijden[s][0] <= begin < tijden[s][1]]
                if len(kliek) > 1:
                    self.m.add_at_most_one(kliek)
        for (c, m), ys in per_maand.items():
            ruimte = ronde.vervang_max_maand - ronde.reeds_vervangen.get((c, m), 0)
            self.m.add(total(ys) <= max(0, ruimte))
            self.m.add(total(ys) <= self.last)
        for k, xi in zip(self.lijst, self.x, strict=True):
            if k.dekking:  # any cover at all makes someone's load at least one (a tighter bound)
                self.m.add(self.last >= xi)
        return total(len(k.dekking) * xi for k, xi in zip(self.lijst, self.x, strict=True))

    def hint(self, plan: Rondeplan) -> None:
        gekozen = {(b.geobserveerde, b.bezoeker, b.dag, b.lesuur) for b in plan.bezoeken}
        for k, xi in zip(self.lijst, self.x, strict=True):
            self.m.add_hint(xi, (k.geobserveerde, k.bezoeker, k.dag, k.lesuur) in gekozen)
        gedekt = {(v.vervanger, (v.school, v.dag, v.lesuur)) for v in plan.vervangingen}
        for key, y in self.y.items():
            self.m.add_hint(y, key in gedekt)

    def vervangingen(self, solver: cp_model.CpSolver, gekozen: list[Kandidaat]) -> list[Vervanging]:
        wie: dict[Slot, list[int]] = defaultdict(list)
        for (c, slot), y in sorted(self.y.items()):
            if solver.value(y):
                wie[slot].append(c)
        result = []
        for k in gekozen:
            for slot in k.dekking:
                school, dag, p = slot
                klas = self.ronde.leerkrachten[k.bezoeker].lessen[(dag.weekday(), p)]
                result.append(Vervanging(k.bezoeker, wie[slot].pop(), school, dag, p, klas))
        return result


def plan_cpsat(
    ronde: Ronde,
    *,
    seconds: float = 10.0,
    workers: int = 2,
    partners: int | None = PARTNERS,
    dagen_per_paar: int | None = DAGEN_PER_PAAR,
) -> Rondeplan:
    """The best round CP-SAT proves or finds within ``seconds`` of deterministic time per model;
    ``solve_seconds`` is the search after the candidates and the greedy hint.

    First among the visits without cover, each group of colleagues who share no candidate on
    its own: a complete plan that is optimal there is optimal overall, since any cover costs
    more than every preference together. Only when visits stay unplaced are the visits that
    need cover added: for the whole round when it is one group, else for the groups that stayed
    short, the complete ones kept as they are (a plan, no longer a proof).
    """
    lijst = kandidaten(ronde, partners, dagen_per_paar)
    greedy = plan_greedy(ronde, lijst=lijst)
    start = klok.perf_counter()
    vrij = [k for k in lijst if not k.dekking]
    eerste, compleet = _apart(ronde, vrij, greedy, seconds, workers, start)
    beste = _beter(greedy, eerste)
    if beste.status != Status.OPTIMAAL or beste.niet_geplaatst:
        if eerste is not None and compleet:
            beste = _beter(beste, _herstel(ronde, lijst, eerste, compleet, seconds, workers, start))
        else:
            beste = _beter(beste, _solve(ronde, lijst, beste, seconds, workers, start))
    beste.solve_seconds = klok.perf_counter() - start
    return beste


def _beter(plan: Rondeplan, ander: Rondeplan | None) -> Rondeplan:
    if ander is None or (ander.objective or 0) > (plan.objective or 0):
        return plan
    return ander


def _apart(
    ronde: Ronde,
    lijst: list[Kandidaat],
    hint: Rondeplan,
    seconds: float,
    workers: int,
    start: float,
) -> tuple[Rondeplan | None, set[int]]:
    """Each group on its own; optimal when every group is. Also: the people of the groups
    whose every member makes and receives all their visits."""
    gekozen: list[Kandidaat] = []
    optimaal = True
    compleet: set[int] = set()
    per_persoon = max(0, min(ronde.bezoeken, ronde.bezocht, len(ronde.deelnemers) - 1))
    for deel in delen(lijst):
        wie = {k.bezoeker for k in deel} | {k.geobserveerde for k in deel}
        w = gewichten(replace(ronde, deelnemers=tuple(sorted(wie))))
        uitkomst = _run(ronde, deel, hint, seconds, workers, doel=0, w=w)
        if uitkomst is None:
            return None, set()
        gekozen += uitkomst[0]
        optimaal = optimaal and uitkomst[3]
        if uitkomst[3] and len(uitkomst[0]) == len(wie) * per_persoon:
            compleet |= wie
    plan = rondeplan(ronde, "cpsat", gekozen, [], start, Status.HAALBAAR)
    if optimaal:  # each group's weights differ: only a proven optimum carries a bound over
        plan.status = Status.OPTIMAAL
        return _met_bound(plan, float(plan.objective or 0)), compleet
    return plan, compleet


def _herstel(
    ronde: Ronde,
    lijst: list[Kandidaat],
    eerste: Rondeplan,
    compleet: set[int],
    seconds: float,
    workers: int,
    start: float,
) -> Rondeplan | None:
    """The groups that stayed short, now with cover; the complete groups' visits stay fixed."""
    gekozen = {(b.geobserveerde, b.bezoeker, b.dag, b.lesuur) for b in eerste.bezoeken}
    vast = [k for k in lijst if (k.geobserveerde, k.bezoeker, k.dag, k.lesuur) in gekozen]
    vast = [k for k in vast if k.bezoeker in compleet]
    rest = [k for k in lijst if k.bezoeker not in compleet and k.geobserveerde not in compleet]
    wie = {k.bezoeker for k in rest} | {k.geobserveerde for k in rest}
    model = _Model(ronde, vast + rest)
    model.build(0, gewichten(replace(ronde, deelnemers=tuple(sorted(wie)))))
    for xi in model.x[: len(vast)]:
        model.m.add(xi == 1)
    model.hint(eerste)
    solver = _solver(seconds, workers)
    if solver.solve(model.m) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    keuze = [k for k, xi in zip(model.lijst, model.x, strict=True) if solver.value(xi)]
    return rondeplan(ronde, "cpsat", keuze, model.vervangingen(solver, keuze), start)


def _solve(
    ronde: Ronde,
    lijst: list[Kandidaat],
    hint: Rondeplan,
    seconds: float,
    workers: int,
    start: float,
) -> Rondeplan | None:
    uitkomst = _run(ronde, lijst, hint, seconds, workers, doel=ronde.doel, w=gewichten(ronde))
    if uitkomst is None:
        return None
    gekozen, vervangingen, bound, optimaal = uitkomst
    status = Status.OPTIMAAL if optimaal else Status.HAALBAAR
    return _met_bound(rondeplan(ronde, "cpsat", gekozen, vervangingen, start, status), bound)


def _met_bound(plan: Rondeplan, bound: float) -> Rondeplan:
    plan.bound = bound
    objective = plan.objective or 0
    plan.gap_percent = round(100 * (objective - bound) / objective, 3) if objective else 0.0
    return plan


def _solver(seconds: float, workers: int) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.max_deterministic_time = max(0.05, seconds)
    solver.parameters.max_time_in_seconds = max(0.15, 3 * seconds)
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = SEED
    return solver


def _run(
    ronde: Ronde,
    lijst: list[Kandidaat],
    hint: Rondeplan,
    seconds: float,
    workers: int,
    doel: int,
    w: Gewichten,
) -> tuple[list[Kandidaat], list[Vervanging], float, bool] | None:
    """The chosen visits, their cover, the bound and whether it is proven optimal."""
    model = _Model(ronde, lijst)
    model.build(doel, w)
    model.hint(hint)
    solver = _solver(seconds, workers)
    code = solver.solve(model.m)
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    gekozen = [k for k, xi in zip(lijst, model.x, strict=True) if solver.value(xi)]
    return (
        gekozen,
        model.vervangingen(solver, gekozen),
        solver.best_objective_bound,
        code == cp_model.OPTIMAL,
    )
