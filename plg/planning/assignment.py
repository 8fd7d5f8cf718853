"""Naming the substitutes: who covers which class a placed meeting leaves.

A small CP-SAT model per month: one class per period for each substitute, the weekly cap, the
lowest highest load. When the placements cannot be staffed together it names a core of them,
so that the month model can cut that combination off and solve again.
"""

from __future__ import annotations

from collections import defaultdict

from ortools.sat.python import cp_model

from plg.planning.analysis import Analyse, Interval, Slot, iso_week
from plg.planning.cpsat import new_solver, total
from plg.planning.problem import Vervanging, overlapt


def wijs_toe(
    analyse: Analyse, plaatsingen: dict[int, list[int]], seconds: float = 5.0
) -> tuple[list[Vervanging] | None, list[tuple[int, int]]]:
    """Name a substitute for every class a meeting leaves: one class per period each, the weekly
    cap, the lowest highest load. Fails with the meetings that cannot be staffed together."""
    probleem = analyse.probleem
    leraren = probleem.leerkrachten
    bezig: dict[int, list[tuple[tuple[int, int], Interval]]] = defaultdict(list)
    for g, ids in plaatsingen.items():
        for ident in ids:
            moment = analyse.momenten[ident]
            for t in analyse.groepen[g].leden:
                bezig[t].append(((g, ident), (moment.begin, moment.einde)))
    vraag: list[tuple[tuple[int, int], int, Slot]] = []
    for g, ids in plaatsingen.items():
        groep = analyse.groepen[g]
        for ident in ids:
            moment = analyse.momenten[ident]
            for t, p in analyse.moment_noden(groep, moment):
                vraag.append(((g, ident), t, (moment.school, moment.dag, p)))
    if not vraag:
        return [], []
    # per class to cover: the candidates, and the placements whose meeting holds each of them
    opties: dict[int, dict[int, list[tuple[int, int]]]] = {}
    for i, (_, _, slot) in enumerate(vraag):
        tijd = analyse.slot_tijd(slot)
        opties[i] = {
            c: [k for k, blok in bezig.get(c, ()) if overlapt(tijd, blok)]
            for c in analyse.vervangers(slot)
        }

    def bouw(
        kern: bool,
    ) -> tuple[
        cp_model.CpModel, dict[tuple[int, int], cp_model.IntVar], dict[int, tuple[int, int]]
    ]:
        """The assignment; with ``kern`` every placement is an assumption that brings both its
        classes to cover and its members' absence as substitutes, so that a core of placements
        cannot be staffed together whatever else is placed (a cut on it stays valid)."""
        model = cp_model.CpModel()
        y = {
            (i, c): model.new_bool_var("")
            for i, cs in opties.items()
            for c, in_vergadering in cs.items()
            if kern or not in_vergadering
        }
        per_vervanger: dict[int, list[tuple[int, Slot]]] = defaultdict(list)
        for i, c in y:
            per_vervanger[c].append((i, vraag[i][2]))
        lits = {
            k: model.new_bool_var("")
            for k in sorted(
                {k for k, _, _ in vraag}
                | {k for cs in opties.values() for ks in cs.values() for k in ks}
            )
        }
        for i, (k, _, _) in enumerate(vraag):
            som = total(y[(i, c)] for c in opties[i] if (i, c) in y)
            if kern:
                model.add(som == 1).only_enforce_if(lits[k])
                model.add(som <= 1)
                for c, in_vergadering in opties[i].items():
                    for ander in in_vergadering:
                        model.add(y[(i, c)] == 0).only_enforce_if(lits[ander])
            else:
                model.add(som == 1)
        last_max = probleem.vervang_max_week * max(1, len(analyse.weken()))
        last = model.new_int_var(0, last_max, "last")
        for c, items in per_vervanger.items():
            tijden = {slot: analyse.slot_tijd(slot) for _, slot in items}
            for begin, _ in set(tijden.values()):
                kliek = [
                    y[(i, c)] for i, slot in items if tijden[slot][0] <= begin < tijden[slot][1]
                ]
                if len(kliek) > 1:
                    model.add_at_most_one(kliek)
            per_week: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
            for i, slot in items:
                per_week[iso_week(slot[1])].append(y[(i, c)])
            for xs in per_week.values():
                if len(xs) > probleem.vervang_max_week:
                    model.add(total(xs) <= probleem.vervang_max_week)
            model.add(total(y[(i, c)] for i, _ in items) <= last)
        if kern:
            model.add_assumptions(list(lits.values()))
        else:
            model.minimize(last)
        return model, y, {lit.index: k for k, lit in lits.items()}

    model, y, _ = bouw(kern=False)
    solver = new_solver(seconds, 1)
    status = solver.solve(model)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        vervangingen = []
        for (i, c), var in y.items():
            if solver.value(var):
                _, t, (school, dag, p) = vraag[i]
                klas = leraren[t].lessen[(dag.weekday(), p)]
                vervangingen.append(Vervanging(t, c, school, dag, p, klas))
        vervangingen.sort(key=lambda v: (v.dag, v.school, v.lesuur, v.afwezige))
        return vervangingen, []
    model, _, terug = bouw(kern=True)
    solver = new_solver(seconds, 1)
    if solver.solve(model) == cp_model.INFEASIBLE:
        kern = [terug[i] for i in solver.sufficient_assumptions_for_infeasibility() if i in terug]
        if kern:
            return None, kern
    return None, sorted({(g, i) for g, ids in plaatsingen.items() for i in ids})
