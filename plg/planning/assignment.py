"""Naming the substitutes: who covers which class a placed meeting leaves.

A small CP-SAT model per month: one class per period for each substitute, the weekly cap, the
lowest highest load. When the placements cannot be staffed together it names a core of them,
so that the month model can cut that combination off and solve again.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ortools.sat.python import cp_model

from plg.planning.analysis import Analyse, Interval, Slot, iso_week
from plg.planning.cpsat import Klok, total
from plg.planning.problem import Vervanging, overlaps

Plaatsing = tuple[int, int]  # (PLG, moment)
Keuze = tuple[int, int]  # (class to cover, candidate)


def assign_vervangers(
    analyse: Analyse,
    plaatsingen: dict[int, list[int]],
    seconds: float = 5.0,
    klok: Klok | None = None,
) -> tuple[list[Vervanging] | None, list[Plaatsing]]:
    """Name a substitute for every class a meeting leaves: one class per period each, the weekly
    cap, the lowest highest load. Fails with the meetings that cannot be staffed together."""
    toewijzing = _Toewijzing.of(analyse, plaatsingen)
    if not toewijzing.vraag:
        return [], []
    klok = klok or Klok()
    model, y, _ = toewijzing.build(kern=False)
    solver, status = klok.solve(model, seconds, 1)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return toewijzing.vervangingen(solver, y), []
    model, _, terug = toewijzing.build(kern=True)
    solver, status = klok.solve(model, seconds, 1)
    if status == cp_model.INFEASIBLE:
        kern = [terug[i] for i in solver.sufficient_assumptions_for_infeasibility() if i in terug]
        if kern:
            return None, kern
    return None, sorted({(g, i) for g, ids in plaatsingen.items() for i in ids})


@dataclass
class _Toewijzing:
    """The classes to cover, and per class its candidates with the placements that hold each
    of them in a meeting at that time."""

    analyse: Analyse
    vraag: list[tuple[Plaatsing, int, Slot]]
    opties: dict[int, dict[int, list[Plaatsing]]]

    @classmethod
    def of(cls, analyse: Analyse, plaatsingen: dict[int, list[int]]) -> _Toewijzing:
        bezig: dict[int, list[tuple[Plaatsing, Interval]]] = defaultdict(list)
        for g, ids in plaatsingen.items():
            for ident in ids:
                moment = analyse.momenten[ident]
                for t in analyse.groepen[g].leden:
                    bezig[t].append(((g, ident), (moment.begin, moment.einde)))
        vraag: list[tuple[Plaatsing, int, Slot]] = []
        for g, ids in plaatsingen.items():
            groep = analyse.groepen[g]
            for ident in ids:
                moment = analyse.momenten[ident]
                for t, p in analyse.moment_noden(groep, moment):
                    vraag.append(((g, ident), t, (moment.school, moment.dag, p)))
        opties: dict[int, dict[int, list[Plaatsing]]] = {}
        for i, (_, _, slot) in enumerate(vraag):
            tijd = analyse.slot_tijd(slot)
            opties[i] = {
                c: [k for k, blok in bezig.get(c, ()) if overlaps(tijd, blok)]
                for c in analyse.vervangers(slot)
            }
        return cls(analyse, vraag, opties)

    def build(
        self, kern: bool
    ) -> tuple[cp_model.CpModel, dict[Keuze, cp_model.IntVar], dict[int, Plaatsing]]:
        """The assignment; with ``kern`` every placement is an assumption that brings both its
        classes to cover and its members' absence as substitutes, so that a core of placements
        cannot be staffed together whatever else is placed (a cut on it stays valid)."""
        model = cp_model.CpModel()
        y = {
            (i, c): model.new_bool_var("")
            for i, cs in self.opties.items()
            for c, in_vergadering in cs.items()
            if kern or not in_vergadering
        }
        lits = {
            k: model.new_bool_var("")
            for k in sorted(
                {k for k, _, _ in self.vraag}
                | {k for cs in self.opties.values() for ks in cs.values() for k in ks}
            )
        }
        self._dekking(model, y, lits, kern)
        last = self._last(model, y)
        if kern:
            model.add_assumptions(list(lits.values()))
        else:
            model.minimize(last)
        return model, y, {lit.index: k for k, lit in lits.items()}

    def _dekking(
        self,
        model: cp_model.CpModel,
        y: dict[Keuze, cp_model.IntVar],
        lits: dict[Plaatsing, cp_model.IntVar],
        kern: bool,
    ) -> None:
        """Every class covered once (with ``kern``: when its placement is assumed), never by
        someone sitting in an assumed meeting then."""
        for i, (k, _, _) in enumerate(self.vraag):
            som = total(y[(i, c)] for c in self.opties[i] if (i, c) in y)
            if kern:
                model.add(som == 1).only_enforce_if(lits[k])
                model.add(som <= 1)
                for c, in_vergadering in self.opties[i].items():
                    for ander in in_vergadering:
                        model.add(y[(i, c)] == 0).only_enforce_if(lits[ander])
            else:
                model.add(som == 1)

    def _last(self, model: cp_model.CpModel, y: dict[Keuze, cp_model.IntVar]) -> cp_model.IntVar:
        """One class at a time per substitute, the weekly cap, and the highest load."""
        probleem = self.analyse.probleem
        per_vervanger: dict[int, list[tuple[int, Slot]]] = defaultdict(list)
        for i, c in y:
            per_vervanger[c].append((i, self.vraag[i][2]))
        last_max = probleem.vervang_max_week * max(1, len(self.analyse.weken()))
        last = model.new_int_var(0, last_max, "last")
        for c, items in per_vervanger.items():
            tijden = {slot: self.analyse.slot_tijd(slot) for _, slot in items}
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
        return last

    def vervangingen(
        self, solver: cp_model.CpSolver, y: dict[Keuze, cp_model.IntVar]
    ) -> list[Vervanging]:
        leraren = self.analyse.probleem.leerkrachten
        vervangingen = []
        for (i, c), var in y.items():
            if solver.value(var):
                _, t, (school, dag, p) = self.vraag[i]
                klas = leraren[t].lessen[(dag.weekday(), p)]
                vervangingen.append(Vervanging(t, c, school, dag, p, klas))
        vervangingen.sort(key=lambda v: (v.dag, v.school, v.lesuur, v.afwezige))
        return vervangingen
