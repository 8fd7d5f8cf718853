"""One cost scale for every planner: unplaced meetings, substitution periods, the highest load of
one substitute, after-school attendances, in that order, folded into one number."""

from __future__ import annotations

from dataclasses import dataclass

from plg.planning.problem import Plan, Probleem, Soort


@dataclass(frozen=True)
class Gewichten:
    """Weights that make one number lexicographic: unplaced, substitutions, load, after school."""

    na_school: int
    last: int
    vervanging: int
    onbezet: int


def gewichten(probleem: Probleem) -> Gewichten:
    """Each weight exceeds the most the levels below it can ever add up to."""
    na_school_max = sum(g.aantal * len(g.leden) for g in probleem.groepen)
    last = na_school_max + 1
    weken = {m.week for m in probleem.momenten}
    last_max = probleem.vervang_max_week * max(1, len(weken))
    vervanging = last * (last_max + 1)
    lesuren_max = max((len(m.lesuren) for m in probleem.momenten), default=0)
    vervangingen_max = sum(g.aantal * len(g.leden) for g in probleem.groepen) * lesuren_max
    return Gewichten(1, last, vervanging, vervanging * (vervangingen_max + 1))


def na_school_deelnames(probleem: Probleem, plan: Plan) -> int:
    """After-school attendances: every member of every after-school meeting counts once."""
    soort = {m.id: m.soort for m in probleem.momenten}
    groepen = {g.id: g for g in probleem.groepen}
    return sum(
        len(groepen[g].leden)
        for g, ids in plan.plaatsingen.items()
        for ident in ids
        if soort[ident] == Soort.NA_SCHOOL
    )


def kosten(probleem: Probleem, plan: Plan) -> int:
    """One objective for every planner; an unplaced meeting costs more than anything else."""
    w = gewichten(probleem)
    return (
        w.onbezet * plan.onbezet
        + w.vervanging * plan.vervanguren
        + w.last * plan.max_vervanger_last
        + w.na_school * na_school_deelnames(probleem, plan)
    )
