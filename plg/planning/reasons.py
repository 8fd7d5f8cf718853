"""Why a month has no complete plan, as structured reasons (``explain`` words them).

Cheap checks name the obvious causes first (a PLG without a usable moment, after-school caps
below what cross-school PLG's need, no substitute ever free); CP-SAT assumptions then name the
groups of constraints that block the rest, one small core at a time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from ortools.sat.python import cp_model

from plg.planning.analysis import Analyse, max_plaatsbaar
from plg.planning.cpsat import Expr, Klok, Model
from plg.planning.problem import Groep, Reden, Soort

StatusCode = cp_model.CpSolverStatus


def _dekking(analyse: Analyse, groep: Groep, moment_ids: Iterable[int]) -> tuple[int, ...]:
    """Few members that together block these moments: the most blocking first (greedy cover)."""
    open_ = set(moment_ids)
    gekozen: list[int] = []
    blok = analyse.blokkeerders[groep.id]
    while open_:
        teller: dict[int, int] = defaultdict(int)
        for ident in open_:
            for t in blok.get(ident, ()):
                teller[t] += 1
        if not teller:
            break
        beste = min(teller, key=lambda t: (-teller[t], t))
        gekozen.append(beste)
        open_ = {ident for ident in open_ if beste not in blok.get(ident, ())}
    return tuple(gekozen)


def cheap_reasons(analyse: Analyse) -> tuple[list[Reden], set[int]]:
    """Infeasibility that needs no search, with the PLG's it explains."""
    redenen: list[Reden] = []
    verklaard: set[int] = set()
    probleem = analyse.probleem
    for groep in probleem.groepen:
        toegelaten = analyse.toegelaten[groep.id]
        kan = max_plaatsbaar(toegelaten, groep.min_dagen_tussen)
        if kan >= groep.aantal:
            continue
        verklaard.add(groep.id)
        kandidaten = analyse.kandidaten[groep.id]
        blokkeerders = _dekking(analyse, groep, analyse.blokkeerders[groep.id])
        tekort = analyse.tekort[groep.id]
        if not toegelaten:
            redenen.append(
                Reden("geen_moment", (groep.id,), blokkeerders, groep.scholen, len(kandidaten))
            )
        else:
            redenen.append(
                Reden("te_weinig_momenten", (groep.id,), blokkeerders[:3], groep.scholen, kan)
            )
        if tekort:
            scholen = tuple(sorted({analyse.momenten[i].school for i in tekort}))
            wie = tuple(sorted({t for _, leden in tekort.values() for t in leden}))
            redenen.append(Reden("geen_vervanger", (groep.id,), wie, scholen, len(tekort)))
    per_lid: dict[int, list[Groep]] = defaultdict(list)
    for groep in probleem.groepen:
        if groep.over_scholen and groep.id not in verklaard:
            for t in groep.leden:
                per_lid[t].append(groep)
    te_veel: dict[tuple[tuple[int, ...], int], list[int]] = defaultdict(list)
    for t, groepen in sorted(per_lid.items()):
        nodig = 0
        for groep in groepen:
            vrij = [m for m in analyse.toegelaten[groep.id] if m.soort == Soort.VRIJ]
            nodig += max(0, groep.aantal - max_plaatsbaar(vrij, groep.min_dagen_tussen))
        if nodig > probleem.na_school_max_maand:
            te_veel[(tuple(g.id for g in groepen), nodig)].append(t)
    for (ids, nodig), leden in te_veel.items():
        redenen.append(Reden("na_school_limiet", ids, tuple(leden), (), nodig))
        verklaard.update(ids)
    return redenen, verklaard


def _status(
    model: Model, aannames: Sequence[cp_model.IntVar], seconds: float, klok: Klok
) -> tuple[StatusCode, list[int]]:
    model.model.clear_assumptions()
    model.model.add_assumptions(aannames)
    solver, status = klok.solve(model.model, seconds, 1)
    if status != cp_model.INFEASIBLE:
        return status, []
    bekend = {lit.index for lit in aannames}
    return status, [i for i in solver.sufficient_assumptions_for_infeasibility() if i in bekend]


def core_reasons(
    analyse: Analyse,
    verklaard: frozenset[int],
    cuts: list[list[tuple[int, int]]],
    deadline: float,
    klok: Klok,
) -> list[Reden]:
    """Name the constraint groups that together leave no plan, one small core at a time; each
    core's PLG's are then set aside to look for the next. The counting model goes first; when it
    finds a plan that cannot be staffed, the exact one. The first core gets at least a second;
    after ``deadline`` no further core is sought and a core is kept as small as it got."""
    redenen: list[Reden] = []
    vrij_gelaten = set(verklaard)
    exact = False
    for ronde in range(5):
        over = deadline - klok.nu()
        if ronde and over <= 0:
            break
        over = max(1.0, over)
        model = Model(analyse, "aannames", frozenset(vrij_gelaten), cuts, exact).build()
        alle = list(model.literals.values())
        status, kern = _status(model, alle, over, klok)
        if status != cp_model.INFEASIBLE and not exact:
            exact = True
            model = Model(analyse, "aannames", frozenset(vrij_gelaten), cuts, exact).build()
            alle = list(model.literals.values())
            status, kern = _status(model, alle, over, klok)
        if status != cp_model.INFEASIBLE:
            break
        kern = kern or [lit.index for lit in alle]
        per_index = {lit.index: lit for lit in alle}
        # deletion: drop every literal whose removal keeps the rest infeasible
        for index in list(kern):
            over = deadline - klok.nu()
            if over <= 0:
                break
            if len(kern) == 1 or index not in kern:
                continue
            rest = [per_index[i] for i in kern if i != index]
            status, kleiner = _status(model, rest, max(0.1, over / 4), klok)
            if status == cp_model.INFEASIBLE:
                kern = kleiner or [lit.index for lit in rest]
        groepen = [model.groepen[i] for i in kern]
        redenen.extend(_redenen(model, groepen, deadline, klok))
        vrij_gelaten.update(k[0] for soort, k in groepen if soort == "plaatsing")
        if not any(soort == "plaatsing" for soort, _ in groepen):
            break
    return redenen


def _nodig(
    model: Model, rest: list[cp_model.IntVar], expressie: Expr, deadline: float, klok: Klok
) -> int | None:
    """The least a core needs of a capped quantity once its own cap is lifted (unknown when
    that is not proven in time)."""
    seconds = min(2.0, deadline - klok.nu())
    if seconds < 0.1:
        return None
    model.model.clear_assumptions()
    model.model.add_assumptions(rest)
    model.model.minimize(expressie)
    solver, status = klok.solve(model.model, seconds, 1)
    model.model.clear_objective()  # type: ignore[no-untyped-call]  # unannotated in ortools
    if status == cp_model.OPTIMAL:
        return int(solver.objective_value)
    return None


def _redenen(
    model: Model, groepen: list[tuple[str, tuple[int, ...]]], deadline: float, klok: Klok
) -> list[Reden]:
    analyse = model.analyse
    plgs = tuple(sorted(k[0] for soort, k in groepen if soort == "plaatsing"))
    gedeeld: dict[int, int] = defaultdict(int)
    for g in plgs:
        for t in analyse.groepen[g].leden:
            gedeeld[t] += 1
    samen = tuple(sorted(t for t, n in gedeeld.items() if n > 1))
    scholen = tuple(sorted({s for g in plgs for s in analyse.groepen[g].scholen}))
    redenen = [Reden("botsing", plgs, samen, scholen)]
    for soort, key in groepen:
        rest = [model.literals[k] for k in groepen if k != (soort, key)]
        if soort == "na_school":
            (t,) = key
            nodig = _nodig(model, rest, model.na_school_per_lid[t], deadline, klok)
            mijn = tuple(g for g in plgs if t in analyse.groepen[g].leden)
            redenen.append(Reden("na_school_max", mijn, (t,), (), nodig))
        elif soort == "lesuur":
            (school,) = key
            mijn = tuple(g for g in plgs if school in analyse.groepen[g].scholen)
            redenen.append(Reden("vervangers_lesuur", mijn, (), (school,)))
        elif soort == "week":
            school, jaar, week = key
            nodig = _nodig(model, rest, model.week_vraag[(school, (jaar, week))], deadline, klok)
            mijn = tuple(g for g in plgs if school in analyse.groepen[g].scholen)
            redenen.append(Reden("vervangers_week", mijn, (), (school,), nodig, week))
    return redenen
