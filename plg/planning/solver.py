"""The month planner on CP-SAT, the analysis the greedy planners share, and one cost scale.

The CP-SAT model treats the substitutes of a school as interchangeable: one boolean per (PLG,
allowed moment), and per (school, date, period) the members teaching in meetings may not exceed
the free candidates minus those sitting in a meeting then. Who covers which class is named
afterwards by a small assignment model that also keeps the weekly cap and evens out the load;
a placement it cannot staff is cut off and the month solved again. The aggregated model is a
relaxation of the real one, so its bound is a bound on every real plan. Where its bound on the
highest load is not tight (small schools, tight caps), or staffing keeps failing, an exact model
with one variable per substitute and period finishes the job; at the bench sizes it never runs.

When no plan places every meeting, cheap checks name the obvious causes first (a PLG without a
usable moment, after-school caps below what cross-school PLG's need, no substitute ever free);
CP-SAT assumptions then name the groups of constraints that block the rest, and the best partial
plan is returned with them.
"""

from __future__ import annotations

import time as klok
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cached_property

from ortools.sat.python import cp_model

from plg.planning.problem import (
    BRUSSELS,
    Groep,
    Leerkracht,
    Moment,
    Plan,
    Probleem,
    Reden,
    Soort,
    Status,
    Vervanging,
    bezet_tijdens,
    lestijden,
    overlapt,
    te_vervangen,
)

SEED = 20270301
MAX_CUTS = 3  # staffing failures before switching to one variable per substitute and period
Slot = tuple[int, date, int]  # (school, date, period)
Interval = tuple[datetime, datetime]
Expr = cp_model.LinearExpr
StatusCode = cp_model.CpSolverStatus


# --- the common cost scale -------------------------------------------------------------------


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


# --- what every planner needs to know about the month ----------------------------------------


def _at(dag: date, uur: time) -> datetime:
    return datetime.combine(dag, uur, tzinfo=BRUSSELS)


@dataclass
class Analyse:
    """Per PLG: the candidate moments, which are allowed, who blocks the others, what each costs.

    A LES moment is also ruled out when, for some period, fewer colleagues are free at all than
    members of this PLG teaching then (``tekort``): no plan could staff it.
    """

    probleem: Probleem
    groepen: dict[int, Groep]
    momenten: dict[int, Moment]
    kandidaten: dict[int, list[Moment]] = field(default_factory=dict)
    toegelaten: dict[int, list[Moment]] = field(default_factory=dict)
    blokkeerders: dict[int, dict[int, frozenset[int]]] = field(default_factory=dict)
    tekort: dict[int, dict[int, tuple[int, frozenset[int]]]] = field(default_factory=dict)
    noden: dict[tuple[int, int], tuple[tuple[int, int], ...]] = field(default_factory=dict)
    _lessen: dict[tuple[int, date], list[Interval]] = field(default_factory=dict)
    _vervangers: dict[Slot, tuple[int, ...]] = field(default_factory=dict)
    _pool: dict[int, list[Leerkracht]] = field(default_factory=dict)

    def lessen(self, leerkracht: Leerkracht, dag: date) -> list[Interval]:
        key = (leerkracht.id, dag)
        if key not in self._lessen:
            self._lessen[key] = lestijden(self.probleem, leerkracht, dag)
        return self._lessen[key]

    def lesgeeft(self, leerkracht: Leerkracht, begin: datetime, einde: datetime) -> bool:
        return any(overlapt((begin, einde), les) for les in self.lessen(leerkracht, begin.date()))

    def slot_tijd(self, slot: Slot) -> Interval:
        school, dag, nummer = slot
        periode = self.probleem.kalenders[school].lesuur(nummer)
        return (_at(dag, periode.begin), _at(dag, periode.einde))

    def vervangers(self, slot: Slot) -> tuple[int, ...]:
        """``kandidaat_vervangers``, with the timetables looked up once per teacher and day."""
        if slot not in self._vervangers:
            school = slot[0]
            if school not in self._pool:
                self._pool[school] = [
                    t
                    for t in self.probleem.leerkrachten.values()
                    if t.kan_vervangen and (t.school == school or school in t.vervangt_ook)
                ]
            begin, einde = self.slot_tijd(slot)
            self._vervangers[slot] = tuple(
                t.id
                for t in self._pool[school]
                if not self.lesgeeft(t, begin, einde)
                and not bezet_tijdens(self.probleem, t, begin, einde)
            )
        return self._vervangers[slot]

    @cached_property
    def in_plg(self) -> frozenset[int]:
        return frozenset(t for g in self.groepen.values() for t in g.leden)

    def moment_noden(self, groep: Groep, moment: Moment) -> tuple[tuple[int, int], ...]:
        return self.noden.get((groep.id, moment.id), ())

    def weken(self) -> list[tuple[int, int]]:
        return sorted({m.week for m in self.momenten.values()})


def analyseer(probleem: Probleem) -> Analyse:
    analyse = Analyse(
        probleem,
        {g.id: g for g in probleem.groepen},
        {m.id: m for m in probleem.momenten},
    )
    leraren = probleem.leerkrachten
    for groep in probleem.groepen:
        kandidaten = [
            m
            for m in probleem.momenten
            if m.school in groep.scholen
            and not (groep.over_scholen and m.soort == Soort.LES)
            and m.einde - m.begin == groep.duur
            and groep.ver_genoeg(m.dag)
        ]
        analyse.kandidaten[groep.id] = kandidaten
        toegelaten: list[Moment] = []
        blokkeerders: dict[int, frozenset[int]] = {}
        tekort: dict[int, tuple[int, frozenset[int]]] = {}
        leden = set(groep.leden)
        for moment in kandidaten:
            blok = frozenset(
                t
                for t in groep.leden
                if bezet_tijdens(probleem, leraren[t], moment.begin, moment.einde)
                or (
                    (moment.soort != Soort.LES or leraren[t].school != moment.school)
                    and analyse.lesgeeft(leraren[t], moment.begin, moment.einde)
                )
            )
            if blok:
                blokkeerders[moment.id] = blok
                continue
            noden = tuple(
                (t, p) for t in groep.leden for p in te_vervangen(probleem, moment, leraren[t])
            )
            per_lesuur: dict[int, set[int]] = defaultdict(set)
            for t, p in noden:
                per_lesuur[p].add(t)
            te_weinig = [
                (p, wie)
                for p, wie in sorted(per_lesuur.items())
                if len(wie) > len(set(analyse.vervangers((moment.school, moment.dag, p))) - leden)
            ]
            if te_weinig:
                tekort[moment.id] = (te_weinig[0][0], frozenset(te_weinig[0][1]))
                continue
            toegelaten.append(moment)
            analyse.noden[(groep.id, moment.id)] = noden
        analyse.toegelaten[groep.id] = toegelaten
        analyse.blokkeerders[groep.id] = blokkeerders
        analyse.tekort[groep.id] = tekort
    return analyse


def max_plaatsbaar(momenten: Iterable[Moment], min_dagen: int, vast: Sequence[date] = ()) -> int:
    """How many meetings fit at these moments, pairwise at least ``min_dagen`` days apart and
    apart from the dates already fixed (earliest first is optimal for intervals)."""
    if min_dagen < 1:
        einde: datetime | None = None
        aantal = 0
        for moment in sorted(momenten, key=lambda m: m.einde):
            if einde is None or moment.begin >= einde:
                einde = moment.einde
                aantal += 1
        return aantal
    gekozen: list[date] = list(vast)
    aantal = 0
    for dag in sorted({m.dag for m in momenten}):
        if all(abs((dag - ander).days) >= min_dagen for ander in gekozen):
            gekozen.append(dag)
            aantal += 1
    return aantal


# --- the cheap checks --------------------------------------------------------------------------


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


def vooraf(analyse: Analyse) -> tuple[list[Reden], set[int]]:
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


# --- the aggregated CP-SAT model ---------------------------------------------------------------


@dataclass
class _Model:
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
    vervangingen: Expr = field(default_factory=lambda: _som(()))
    na_school: Expr = field(default_factory=lambda: _som(()))
    onbezet: Expr = field(default_factory=lambda: _som(()))
    last: Expr = field(default_factory=lambda: _som(()))
    objective: Expr = field(default_factory=lambda: _som(()))
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

    def bouw(self) -> _Model:
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
            m.add(_som(self.x[k] for k in cut if k in self.x) <= len(cut) - 1).only_enforce_if(
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
            xs = _som(self.x[(groep.id, mo.id)] for mo in ids)
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
            self.onbezet = _som(tekort)

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
                    termen.append(len(groep.leden) * x)
                    for t in groep.leden:
                        per_lid[t].append(x)
        self.na_school = _som(termen)
        for t, xs in sorted(per_lid.items()):
            som = _som(xs)
            self.na_school_per_lid[t] = som
            if len(xs) > probleem.na_school_max_maand:
                self.model.add(som <= probleem.na_school_max_maand).only_enforce_if(
                    self.literal("na_school", t)
                )

    def _vervangers(self) -> None:
        """Capacity per (school, date, period) and per (school, week), and lower bounds on the
        highest load: a demand spread over everyone who could ever cover it."""
        analyse = self.analyse
        probleem = analyse.probleem
        vraag: dict[Slot, list[tuple[int, cp_model.IntVar]]] = defaultdict(list)
        cap = probleem.vervang_max_week
        per_groep: list[tuple[Expr, int]] = []  # a PLG's demand, and who could ever cover it
        for groep in probleem.groepen:
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
                per_groep.append((_som(termen), len(wie - set(groep.leden))))
            for (school, week), delen in weekvraag.items():
                slots_van: dict[int, int] = defaultdict(int)
                for slot in weekslots[(school, week)]:
                    for t in set(analyse.vervangers(slot)) - set(groep.leden):
                        slots_van[t] += 1
                aanbod = sum(min(cap, n) for n in slots_van.values())
                self.model.add(_som(delen) <= aanbod).only_enforce_if(
                    self.literal("week", school, *week)
                )
        # who could sit in a meeting at some instant of a slot
        in_vergadering: dict[tuple[int, date], list[tuple[Moment, cp_model.IntVar]]] = defaultdict(
            list
        )
        for groep in probleem.groepen:
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
                    if overlapt((mo.begin, mo.einde), (begin, einde))
                ]
                if not items:
                    bezig_var[key] = _som(())
                elif len(items) == 1 or all(
                    overlapt((a.begin, a.einde), (b.begin, b.einde))
                    for a, _ in items
                    for b, _ in items
                ):
                    bezig_var[key] = _som(x for _, x in items)
                else:
                    b = self.model.new_bool_var("")
                    for _, x in items:
                        self.model.add_implication(x, b)
                    bezig_var[key] = b
            return bezig_var[key]

        per_school: dict[int, list[Expr]] = defaultdict(list)
        per_week: dict[tuple[int, tuple[int, int]], list[Expr]] = defaultdict(list)
        per_dag: dict[tuple[int, date], list[Expr]] = defaultdict(list)
        vrij_week: dict[tuple[int, tuple[int, int]], dict[int, int]] = defaultdict(
            lambda: defaultdict(int)
        )
        vrij_dag: dict[tuple[int, date], set[int]] = defaultdict(set)
        totaal = []
        for slot, paren in sorted(vraag.items()):
            school, dag, _ = slot
            som = _som(a * x for a, x in paren)
            kandidaten = analyse.vervangers(slot)
            bezet = [bezig(t, slot) for t in kandidaten]
            self.model.add(som + _som(bezet) <= len(kandidaten)).only_enforce_if(
                self.literal("lesuur", school)
            )
            week = _week(dag)
            per_school[school].append(som)
            per_week[(school, week)].append(som)
            per_dag[(school, dag)].append(som)
            for t in kandidaten:
                vrij_week[(school, week)][t] += 1
                vrij_dag[(school, dag)].add(t)
            totaal.append(som)
            if self.exact:
                for t, b in zip(kandidaten, bezet, strict=True):
                    y = self.model.new_bool_var("")
                    self.y[(t, slot)] = y
                    self.model.add(y + b <= 1)
                self.model.add(_som(self.y[(t, slot)] for t in kandidaten) <= som)
                self.model.add(_som(self.y[(t, slot)] for t in kandidaten) == som).only_enforce_if(
                    self.literal("lesuur", school)
                )
        self.vervangingen = _som(totaal)
        # bounded by the weekly caps alone, so that a core names them
        last = self.model.new_int_var(0, sum(len(n) for n in analyse.noden.values()), "last")
        self.last = last
        if self.vervangingen_max is not None:
            self.model.add(self.vervangingen <= self.vervangingen_max)
        if self.exact:
            self._per_vervanger(last)
        for (school, week), termen in sorted(per_week.items()):
            som = _som(termen)
            aanbod = sum(min(cap, n) for n in vrij_week[(school, week)].values())
            self.week_vraag[(school, week)] = som
            self.model.add(som <= aanbod).only_enforce_if(self.literal("week", school, *week))
            mensen = len(vrij_week[(school, week)])
            self.model.add(som <= mensen * last)
        for school, termen in per_school.items():
            mensen = len({t for (s, _), ts in vrij_week.items() if s == school for t in ts})
            self.model.add(_som(termen) <= mensen * last)
        for (school, dag), termen in per_dag.items():
            self.model.add(_som(termen) <= len(vrij_dag[(school, dag)]) * last)
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
                per_week[_week(slot[1])].append(slot)
            thuis = analyse.probleem.leerkrachten[t].school
            for week, week_slots in per_week.items():
                # named after a school with classes to cover that week, the own one first
                school = thuis if any(s[0] == thuis for s in week_slots) else week_slots[0][0]
                ys = [self.y[(t, slot)] for slot in week_slots]
                if len(ys) > analyse.probleem.vervang_max_week:
                    self.model.add(_som(ys) <= analyse.probleem.vervang_max_week).only_enforce_if(
                        self.literal("week", school, *week)
                    )
            self.model.add(_som(self.y[(t, slot)] for slot in slots) <= last)

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


def _som(termen: Iterable[Expr]) -> Expr:
    result: Expr = cp_model.LinearExpr.sum(list(termen))
    return result


def _solver(seconds: float, workers: int) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.05, seconds)
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = SEED
    return solver


# --- naming the substitutes --------------------------------------------------------------------


def _week(dag: date) -> tuple[int, int]:
    iso = dag.isocalendar()
    return (iso.year, iso.week)


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
            som = _som(y[(i, c)] for c in opties[i] if (i, c) in y)
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
                per_week[_week(slot[1])].append(y[(i, c)])
            for xs in per_week.values():
                if len(xs) > probleem.vervang_max_week:
                    model.add(_som(xs) <= probleem.vervang_max_week)
            model.add(_som(y[(i, c)] for i, _ in items) <= last)
        if kern:
            model.add_assumptions(list(lits.values()))
        else:
            model.minimize(last)
        return model, y, {lit.index: k for k, lit in lits.items()}

    model, y, _ = bouw(kern=False)
    solver = _solver(seconds, 1)
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
    solver = _solver(seconds, 1)
    if solver.solve(model) == cp_model.INFEASIBLE:
        kern = [terug[i] for i in solver.sufficient_assumptions_for_infeasibility() if i in terug]
        if kern:
            return None, kern
    return None, sorted({(g, i) for g, ids in plaatsingen.items() for i in ids})


# --- the planner -------------------------------------------------------------------------------


def _lees(
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


def _los_op(
    analyse: Analyse,
    modus: str,
    cuts: list[list[tuple[int, int]]],
    deadline: float,
    workers: int,
) -> _Uitkomst:
    """Solve, name the substitutes, cut off what cannot be staffed (adding to ``cuts``), solve
    again; after a few cuts the counts are evidently too loose and the exact model takes over."""
    hint: dict[tuple[int, int], int] = {}
    for _ in range(MAX_CUTS + 1):
        model = _Model(analyse, modus, frozenset(), cuts).bouw()
        for key, value in hint.items():
            model.model.add_hint(model.x[key], value)
        solver = _solver(deadline - klok.monotonic(), workers)
        status = solver.solve(model.model)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return _Uitkomst(status)
        plaatsingen = model.plaatsingen(solver)
        vervangingen, kern = wijs_toe(analyse, plaatsingen, max(1.0, deadline - klok.monotonic()))
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
        if klok.monotonic() >= deadline:
            return _Uitkomst(cp_model.UNKNOWN)
    model = _Model(analyse, modus, frozenset(), cuts, exact=True).bouw()
    for key, value in hint.items():
        model.model.add_hint(model.x[key], value)
    solver = _solver(deadline - klok.monotonic(), workers)
    status = solver.solve(model.model)
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
) -> _Uitkomst | None:
    """The highest load exactly, with a variable per substitute and period, among the plans with
    the fewest substitutions already found: for when the aggregated bound on it is not tight."""
    model = _Model(analyse, "hard", frozenset(), cuts, True, vervangingen).bouw()
    gekozen = {(g, i) for g, ids in eerst.plaatsingen.items() for i in ids}
    for key, x in model.x.items():
        model.model.add_hint(x, key in gekozen)
    solver = _solver(deadline - klok.monotonic(), workers)
    status = solver.solve(model.model)
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


def plan_cpsat(probleem: Probleem, *, seconds: float = 10.0, workers: int = 2) -> Plan:
    """The best month CP-SAT finds within ``seconds``; with the reasons when none is complete."""
    start = klok.monotonic()
    deadline = start + seconds
    analyse = analyseer(probleem)
    plan = Plan("cpsat", Status.ONBEKEND)
    cuts: list[list[tuple[int, int]]] = []
    redenen, verklaard = vooraf(analyse)
    if not redenen:
        uitkomst = _los_op(analyse, "hard", cuts, deadline, workers)
        if uitkomst.status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            _lees(analyse, plan, uitkomst.plaatsingen, uitkomst.vervangingen)
            plan.objective = float(kosten(probleem, plan))
            if (
                uitkomst.optimaal
                and uitkomst.bound is not None
                and plan.objective > uitkomst.bound
                and klok.monotonic() < deadline
            ):
                exact = _exact(analyse, cuts, uitkomst, plan.vervanguren, deadline, workers)
                if exact is not None:
                    beter = Plan("cpsat", Status.HAALBAAR)
                    _lees(analyse, beter, exact.plaatsingen, exact.vervangingen)
                    if kosten(probleem, beter) <= plan.objective:
                        _lees(analyse, plan, exact.plaatsingen, exact.vervangingen)
                        plan.objective = float(kosten(probleem, plan))
                    uitkomst.bound = max(uitkomst.bound, exact.bound or 0.0)
            plan.bound = uitkomst.bound
            if uitkomst.bound is not None:
                plan.gap_percent = round(
                    100 * (plan.objective - uitkomst.bound) / max(1.0, abs(plan.objective)), 3
                )
            bewezen = plan.gap_percent == 0
            plan.status = Status.OPTIMAAL if bewezen else Status.HAALBAAR
            plan.solve_seconds = round(klok.monotonic() - start, 3)
            return plan
        if uitkomst.status != cp_model.INFEASIBLE:
            _lees(analyse, plan, {}, [])
            plan.solve_seconds = round(klok.monotonic() - start, 3)
            return plan
    plan.status = Status.ONHAALBAAR
    # the explanation gets half of what is left, the best partial plan the rest
    nu = klok.monotonic()
    uitleg_tot = nu + max(0.0, deadline - nu) / 2
    plan.redenen = redenen + kernen(analyse, frozenset(verklaard), cuts, uitleg_tot)
    uitkomst = _los_op(analyse, "zacht", cuts, max(deadline, klok.monotonic() + 1.0), workers)
    _lees(analyse, plan, uitkomst.plaatsingen, uitkomst.vervangingen)
    plan.objective = float(kosten(probleem, plan))
    plan.bound = uitkomst.bound
    plan.solve_seconds = round(klok.monotonic() - start, 3)
    return plan


# --- the cores ---------------------------------------------------------------------------------


def _status(
    model: _Model, aannames: Sequence[cp_model.IntVar], seconds: float
) -> tuple[StatusCode, list[int]]:
    model.model.clear_assumptions()
    model.model.add_assumptions(aannames)
    solver = _solver(seconds, 1)
    status = solver.solve(model.model)
    if status != cp_model.INFEASIBLE:
        return status, []
    bekend = {lit.index for lit in aannames}
    return status, [i for i in solver.sufficient_assumptions_for_infeasibility() if i in bekend]


def kernen(
    analyse: Analyse,
    verklaard: frozenset[int],
    cuts: list[list[tuple[int, int]]],
    deadline: float,
) -> list[Reden]:
    """Name the constraint groups that together leave no plan, one small core at a time; each
    core's PLG's are then set aside to look for the next. The counting model goes first; when it
    finds a plan that cannot be staffed, the exact one. The first core gets at least a second;
    after ``deadline`` no further core is sought and a core is kept as small as it got."""
    redenen: list[Reden] = []
    vrij_gelaten = set(verklaard)
    exact = False
    for ronde in range(5):
        over = deadline - klok.monotonic()
        if ronde and over <= 0:
            break
        over = max(1.0, over)
        model = _Model(analyse, "aannames", frozenset(vrij_gelaten), cuts, exact).bouw()
        alle = list(model.literals.values())
        status, kern = _status(model, alle, over)
        if status != cp_model.INFEASIBLE and not exact:
            exact = True
            model = _Model(analyse, "aannames", frozenset(vrij_gelaten), cuts, exact).bouw()
            alle = list(model.literals.values())
            status, kern = _status(model, alle, over)
        if status != cp_model.INFEASIBLE:
            break
        kern = kern or [lit.index for lit in alle]
        per_index = {lit.index: lit for lit in alle}
        # deletion: drop every literal whose removal keeps the rest infeasible
        for index in list(kern):
            over = deadline - klok.monotonic()
            if over <= 0:
                break
            if len(kern) == 1 or index not in kern:
                continue
            rest = [per_index[i] for i in kern if i != index]
            status, kleiner = _status(model, rest, max(0.1, over / 4))
            if status == cp_model.INFEASIBLE:
                kern = kleiner or [lit.index for lit in rest]
        groepen = [model.groepen[i] for i in kern]
        redenen.extend(_redenen(model, groepen, deadline))
        vrij_gelaten.update(k[0] for soort, k in groepen if soort == "plaatsing")
        if not any(soort == "plaatsing" for soort, _ in groepen):
            break
    return redenen


def _nodig(
    model: _Model, rest: list[cp_model.IntVar], expressie: Expr, deadline: float
) -> int | None:
    """The least a core needs of a capped quantity once its own cap is lifted (unknown when
    that is not proven in time)."""
    seconds = min(2.0, deadline - klok.monotonic())
    if seconds < 0.1:
        return None
    model.model.clear_assumptions()
    model.model.add_assumptions(rest)
    model.model.minimize(expressie)
    solver = _solver(seconds, 1)
    status = solver.solve(model.model)
    model.model.clear_objective()
    if status == cp_model.OPTIMAL:
        return int(solver.objective_value)
    return None


def _redenen(
    model: _Model, groepen: list[tuple[str, tuple[int, ...]]], deadline: float
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
            nodig = _nodig(model, rest, model.na_school_per_lid[t], deadline)
            mijn = tuple(g for g in plgs if t in analyse.groepen[g].leden)
            redenen.append(Reden("na_school_max", mijn, (t,), (), nodig))
        elif soort == "lesuur":
            (school,) = key
            mijn = tuple(g for g in plgs if school in analyse.groepen[g].scholen)
            redenen.append(Reden("vervangers_lesuur", mijn, (), (school,)))
        elif soort == "week":
            school, jaar, week = key
            nodig = _nodig(model, rest, model.week_vraag[(school, (jaar, week))], deadline)
            mijn = tuple(g for g in plgs if school in analyse.groepen[g].scholen)
            redenen.append(Reden("vervangers_week", mijn, (), (school,), nodig, week))
    return redenen
