"""One cost scale for every planner, set by the school's choice (``Afweging``).

The levels are: unplaced meetings, then the time a meeting takes from teaching or from the
evening, then the highest load of one substitute. How cover periods and after-school time rank
against each other is the school's choice: during school hours (the default, after the research:
time free from pupils shows that a school values working together) puts after-school time above
cover, after school puts cover above after-school time, balanced adds both up in periods.
Fairness comes after both, under every choice.
Each level's weight exceeds the most the levels below it can ever add up to, so one number is
lexicographic.
"""

from __future__ import annotations

from dataclasses import dataclass

from plg.planning.problem import Afweging, Groep, Plan, Probleem, Soort


@dataclass(frozen=True)
class Gewichten:
    """Per unit: an after-school period of one member, a cover period, the highest load, an
    unplaced meeting."""

    na_school: int
    last: int
    vervanging: int
    onbezet: int


def gewichten(probleem: Probleem) -> Gewichten:
    """The weights of the school's choice; each level outweighs all below it together."""
    weken = {m.week for m in probleem.momenten}
    last_max = probleem.vervang_max_week * max(1, len(weken))
    na_max = sum(g.aantal * len(g.leden) * g.na_school_lesuren for g in probleem.groepen)
    lesuren_max = max((len(m.lesuren) for m in probleem.momenten), default=0)
    vervangingen_max = sum(g.aantal * len(g.leden) for g in probleem.groepen) * lesuren_max
    last = 1
    eenheid = last_max + 1  # the lower of the two time levels
    if probleem.afweging == Afweging.NA_SCHOOL:
        vervanging = eenheid * (na_max + 1)
        return Gewichten(eenheid, last, vervanging, vervanging * (vervangingen_max + 1))
    if probleem.afweging == Afweging.EVENWICHT:
        return Gewichten(eenheid, last, eenheid, eenheid * (na_max + vervangingen_max + 1))
    na_school = eenheid * (vervangingen_max + 1)
    return Gewichten(na_school, last, eenheid, na_school * (na_max + 1))


def _na_school(probleem: Probleem, plan: Plan) -> list[Groep]:
    """The PLG of every after-school meeting in the plan, once per meeting."""
    soort = {m.id: m.soort for m in probleem.momenten}
    groepen = {g.id: g for g in probleem.groepen}
    return [
        groepen[g]
        for g, ids in plan.plaatsingen.items()
        for ident in ids
        if soort[ident] == Soort.NA_SCHOOL
    ]


def na_school_deelnames(probleem: Probleem, plan: Plan) -> int:
    """After-school attendances: every member of every after-school meeting counts once."""
    return sum(len(g.leden) for g in _na_school(probleem, plan))


def na_school_minuten(probleem: Probleem, plan: Plan) -> int:
    """Minutes the members spend in meetings after school, all together."""
    return sum(len(g.leden) * g.minuten for g in _na_school(probleem, plan))


def na_school_lesuren(probleem: Probleem, plan: Plan) -> int:
    """After-school time in periods: per member of an after-school meeting, its length."""
    return sum(len(g.leden) * g.na_school_lesuren for g in _na_school(probleem, plan))


def kosten(probleem: Probleem, plan: Plan) -> int:
    """One objective for every planner; an unplaced meeting costs more than anything else."""
    w = gewichten(probleem)
    return (
        w.onbezet * plan.onbezet
        + w.vervanging * plan.vervanguren
        + w.last * plan.max_vervanger_last
        + w.na_school * na_school_lesuren(probleem, plan)
    )


def optie_sleutel(probleem: Probleem, vervangingen: int, na_school: int) -> tuple[int, ...]:
    """How a greedy planner ranks one meeting's cost (cover periods, after-school periods) by
    the school's choice."""
    if probleem.afweging == Afweging.NA_SCHOOL:
        return (vervangingen, na_school)
    if probleem.afweging == Afweging.EVENWICHT:
        return (vervangingen + na_school,)
    return (na_school, vervangingen)
