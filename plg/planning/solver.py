"""The month planner on CP-SAT.

The aggregated model (``cpsat``) places the meetings; who covers which class is named afterwards
by a small assignment model (``assignment``) that also keeps the weekly cap and evens out the
load; a placement it cannot staff is cut off and the month solved again. Where the aggregated
bound on the highest load is not tight (small schools, tight caps), or staffing keeps failing,
the exact model with one variable per substitute and period finishes the job; at the bench
sizes it never runs.

When no plan places every meeting, ``reasons`` names why, and the best partial plan is returned
with them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from plg.planning.analysis import Analyse, analyse_month
from plg.planning.assignment import assign_vervangers
from plg.planning.costs import kosten
from plg.planning.cpsat import Klok, Model
from plg.planning.problem import Plan, Probleem, Status, Vervanging
from plg.planning.reasons import cheap_reasons, core_reasons

MAX_CUTS = 3  # staffing failures before switching to one variable per substitute and period
StatusCode = cp_model.CpSolverStatus


def _fill(
    analyse: Analyse,
    plan: Plan,
    plaatsingen: dict[int, list[int]],
    vervangingen: list[Vervanging],
) -> None:
    plan.plaatsingen = plaatsingen
    plan.vervangingen = vervangingen
    plan.niet_geplaatst = {
        g.id: g.aantal - len(plaatsingen.get(g.id, []))
        for g in analyse.probleem.groepen
        if len(plaatsingen.get(g.id, [])) < g.aantal
    }


@dataclass
class _Uitkomst:
    status: StatusCode
    plaatsingen: dict[int, list[int]] = field(default_factory=dict)
    vervangingen: list[Vervanging] = field(default_factory=list)
    bound: float | None = None
    optimaal: bool = False


def _solve(
    analyse: Analyse,
    modus: str,
    cuts: list[list[tuple[int, int]]],
    deadline: float,
    workers: int,
    klok: Klok,
) -> _Uitkomst:
    """Solve, name the substitutes, cut off what cannot be staffed (adding to ``cuts``), solve
    again; after a few cuts the counts are evidently too loose and the exact model takes over."""
    hint: dict[tuple[int, int], int] = {}
    for _ in range(MAX_CUTS + 1):
        model = Model(analyse, modus, frozenset(), cuts).build()
        for key, value in hint.items():
            model.model.add_hint(model.x[key], value)
        solver, status = klok.solve(model.model, deadline - klok.nu(), workers)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return _Uitkomst(status)
        plaatsingen = model.plaatsingen(solver)
        vervangingen, kern = assign_vervangers(
            analyse, plaatsingen, max(1.0, deadline - klok.nu()), klok
        )
        if vervangingen is not None:
            return _Uitkomst(
                status,
                plaatsingen,
                vervangingen,
                solver.best_objective_bound,
                status == cp_model.OPTIMAL,
            )
        cuts.append(kern)
        hint = {k: int(solver.value(x)) for k, x in model.x.items() if k not in set(kern)}
        if klok.nu() >= deadline:
            return _Uitkomst(cp_model.UNKNOWN)
    model = Model(analyse, modus, frozenset(), cuts, exact=True).build()
    for key, value in hint.items():
        model.model.add_hint(model.x[key], value)
    solver, status = klok.solve(model.model, deadline - klok.nu(), workers)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return _Uitkomst(status)
    plaatsingen = model.plaatsingen(solver)
    return _Uitkomst(
        status,
        plaatsingen,
        model.vervangingen_uit(solver, plaatsingen),
        solver.best_objective_bound,
        status == cp_model.OPTIMAL,
    )


def _exact(
    analyse: Analyse,
    cuts: list[list[tuple[int, int]]],
    eerst: _Uitkomst,
    vervangingen: int,
    deadline: float,
    workers: int,
    klok: Klok,
) -> _Uitkomst | None:
    """The highest load exactly, with a variable per substitute and period, among the plans with
    the fewest substitutions already found: for when the aggregated bound on it is not tight."""
    model = Model(analyse, "hard", frozenset(), cuts, True, vervangingen).build()
    gekozen = {(g, i) for g, ids in eerst.plaatsingen.items() for i in ids}
    for key, x in model.x.items():
        model.model.add_hint(x, key in gekozen)
    solver, status = klok.solve(model.model, deadline - klok.nu(), workers)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    plaatsingen = model.plaatsingen(solver)
    return _Uitkomst(
        status,
        plaatsingen,
        model.vervangingen_uit(solver, plaatsingen),
        solver.best_objective_bound,
        status == cp_model.OPTIMAL,
    )


def plan_cpsat(
    probleem: Probleem, *, seconds: float = 10.0, workers: int = 2, deterministisch: bool = False
) -> Plan:
    """The best month CP-SAT finds within ``seconds``; with the reasons when none is complete.
    ``deterministisch`` counts the solvers' deterministic time instead of the wall clock."""
    klok = Klok(deterministisch)
    muur = Klok()
    deadline = seconds
    analyse = analyse_month(probleem)
    plan = Plan("cpsat", Status.ONBEKEND)
    cuts: list[list[tuple[int, int]]] = []
    redenen, verklaard = cheap_reasons(analyse)
    if not redenen:
        uitkomst = _solve(analyse, "hard", cuts, deadline, workers, klok)
        if uitkomst.status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            _fill(analyse, plan, uitkomst.plaatsingen, uitkomst.vervangingen)
            plan.objective = float(kosten(probleem, plan))
            if (
                uitkomst.optimaal
                and uitkomst.bound is not None
                and plan.objective > uitkomst.bound
                and klok.nu() < deadline
            ):
                exact = _exact(analyse, cuts, uitkomst, plan.vervanguren, deadline, workers, klok)
                if exact is not None:
                    beter = Plan("cpsat", Status.HAALBAAR)
                    _fill(analyse, beter, exact.plaatsingen, exact.vervangingen)
                    if kosten(probleem, beter) <= plan.objective:
                        _fill(analyse, plan, exact.plaatsingen, exact.vervangingen)
                        plan.objective = float(kosten(probleem, plan))
                    uitkomst.bound = max(uitkomst.bound, exact.bound or 0.0)
            plan.bound = uitkomst.bound
            if uitkomst.bound is not None:
                plan.gap_percent = round(
                    100 * (plan.objective - uitkomst.bound) / max(1.0, abs(plan.objective)), 3
                )
            bewezen = plan.gap_percent == 0
            plan.status = Status.OPTIMAAL if bewezen else Status.HAALBAAR
            plan.solve_seconds = round(muur.nu(), 3)
            return plan
        if uitkomst.status != cp_model.INFEASIBLE:
            _fill(analyse, plan, {}, [])
            plan.solve_seconds = round(muur.nu(), 3)
            return plan
    plan.status = Status.ONHAALBAAR
    # the explanation gets half of what is left, the best partial plan the rest
    nu = klok.nu()
    uitleg_tot = nu + max(0.0, deadline - nu) / 2
    plan.redenen = redenen + core_reasons(analyse, frozenset(verklaard), cuts, uitleg_tot, klok)
    uitkomst = _solve(analyse, "zacht", cuts, max(deadline, klok.nu() + 1.0), workers, klok)
    _fill(analyse, plan, uitkomst.plaatsingen, uitkomst.vervangingen)
    plan.objective = float(kosten(probleem, plan))
    plan.bound = uitkomst.bound
    plan.solve_seconds = round(muur.nu(), 3)
    return plan
