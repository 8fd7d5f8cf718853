"""Moving one meeting of a month plan before it is applied; the rest of the plan stays put.

Other moments for that PLG are searched as for a procescoach (``slots.search``), with the rest of
the proposal counted as busy time and as substitute load. Each alternative is then checked as
part of the whole plan by the independent validator (``check.fouten``), so a move never breaks
a rule the month planner kept: distance between meetings, caps, nobody in two places.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from django.db import transaction

from plg.core.db import outside_transaction
from plg.planning import check, slots
from plg.planning import problem as p
from plg.planning.models import Maandplan, MaandplanStatus
from plg.planning.services import maandprobleem
from plg.planning.voorstel import Plaatsing, Voorstel, Weggelaten

SHOWN = 5  # alternatives per kind (everyone free, with substitution, after school)


@dataclass(frozen=True)
class Bijsturing:
    """One proposed meeting, the rest of the proposal, and where the meeting could go."""

    groep: p.Groep
    huidig: p.Moment
    probleem: p.Probleem
    rest: p.Plan  # the proposal without this meeting and its substitutions
    kandidaten: list[slots.Voorstel]  # ranked, not yet checked with the rest

    def plan_with(self, keuze: slots.Voorstel) -> p.Plan:
        plaatsingen = {g: list(ids) for g, ids in self.rest.plaatsingen.items()}
        plaatsingen.setdefault(self.groep.id, []).append(keuze.moment.id)
        return replace(
            self.rest,
            plaatsingen=plaatsingen,
            vervangingen=[*self.rest.vervangingen, *keuze.vervangingen],
            niet_geplaatst=_missing(self.probleem, plaatsingen),
        )

    def fits(self, keuze: slots.Voorstel) -> bool:
        """Another moment than now, and the whole plan with it breaks no rule."""
        return keuze.moment.id != self.huidig.id and not check.fouten(
            self.probleem, self.plan_with(keuze)
        )

    def alternatieven(self) -> list[slots.Voorstel]:
        """The best few of each kind that pass the check, best first."""
        found: list[slots.Voorstel] = []
        per_soort: Counter[str] = Counter()
        for kandidaat in self.kandidaten:
            if per_soort[kandidaat.soort] < SHOWN and self.fits(kandidaat):
                found.append(kandidaat)
                per_soort[kandidaat.soort] += 1
        return found


def _missing(probleem: p.Probleem, plaatsingen: dict[int, list[int]]) -> dict[int, int]:
    return {g.id: max(0, g.aantal - len(plaatsingen.get(g.id, []))) for g in probleem.groepen}


Plek = tuple[datetime, timedelta, str, str]  # begin, length, kind, school name


def _plekken(probleem: p.Probleem) -> dict[Plek, p.Moment]:
    """Candidate moments by what a stored meeting records of one (moments exist per length)."""
    return {
        (m.begin, m.einde - m.begin, str(m.soort), probleem.schoolnamen.get(m.school, "")): m
        for m in probleem.momenten
    }


def _plek(plaatsing: Plaatsing) -> Plek:
    return (
        plaatsing.begin,
        timedelta(minutes=plaatsing.minuten),
        plaatsing.soort,
        plaatsing.school,
    )


def _busy_with_rest(probleem: p.Probleem, rest: p.Plan) -> p.Probleem:
    """The rest of the proposal as busy time: members in their meetings, substitutes in class."""
    extra: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
    momenten = {m.id: m for m in probleem.momenten}
    groepen = {g.id: g for g in probleem.groepen}
    for groep_id, ids in rest.plaatsingen.items():
        for moment in (momenten[i] for i in ids):
            for lid in groepen[groep_id].leden:
                extra[lid].append((moment.begin, moment.einde))
    for v in rest.vervangingen:
        extra[v.vervanger].append(p.vervangtijd(probleem, v))
    leerkrachten = {
        pk: replace(leraar, bezet=(*leraar.bezet, *extra[pk])) if pk in extra else leraar
        for pk, leraar in probleem.leerkrachten.items()
    }
    return replace(probleem, leerkrachten=leerkrachten)


@outside_transaction
def bijsturing(maandplan: Maandplan, index: int) -> Bijsturing | None:
    """None when the proposal no longer fits the agendas of today (then compute it again)."""
    voorstel = maandplan.get_voorstel()
    weg = Counter(x.plg for x in voorstel.weggelaten)
    month = maandprobleem(maandplan)
    # What the planner took out, the PLG no longer needs from this plan.
    probleem = replace(
        month,
        groepen=tuple(replace(g, aantal=max(0, g.aantal - weg[g.id])) for g in month.groepen),
    )
    placed = _placed(probleem, voorstel.plaatsingen, index)
    if placed is None:
        return None
    huidig, plaatsingen = placed
    target = voorstel.plaatsingen[index]
    rest = p.Plan(
        methode=voorstel.methode,
        status=p.Status.HAALBAAR,  # moved by hand: a plan, no longer proven the best
        plaatsingen=plaatsingen,
        vervangingen=[v.vervanging for v in voorstel.vervangingen if not v.is_for(target)],
        niet_geplaatst=_missing(probleem, plaatsingen),
    )
    eigen = tuple(v.vervanging for v in voorstel.vervangingen if v.is_for(target))
    groep = next(g for g in probleem.groepen if g.id == target.plg)
    bijsturing = Bijsturing(groep, huidig, probleem, rest, [])
    if check.fouten(probleem, bijsturing.plan_with(slots.Voorstel(huidig, eigen))):
        return None
    load: Counter[tuple[int, tuple[int, int]]] = Counter()
    for v in rest.vervangingen:
        iso = v.dag.isocalendar()
        load[(v.vervanger, (iso.year, iso.week))] += 1
    andere = groep.vaste_dagen + tuple(
        m.dag for m in probleem.momenten if m.id in set(rest.plaatsingen.get(groep.id, []))
    )
    gevonden = slots.search(_busy_with_rest(probleem, rest), groep, load=load, andere=andere)
    return replace(bijsturing, kandidaten=gevonden.voorstellen)


def _placed(
    probleem: p.Probleem, plaatsingen: list[Plaatsing], index: int
) -> tuple[p.Moment, dict[int, list[int]]] | None:
    """Meeting ``index``'s moment, and the moments of the others per PLG; None when one of them
    is no longer a candidate (or its PLG no longer in the plan)."""
    groepen = {g.id for g in probleem.groepen}
    placed: dict[int, list[int]] = defaultdict(list)
    plekken = _plekken(probleem)
    huidig = None
    for n, plaatsing in enumerate(plaatsingen):
        moment = plekken.get(_plek(plaatsing))
        if moment is None or plaatsing.plg not in groepen:
            return None
        if n == index:
            huidig = moment
        else:
            placed[plaatsing.plg].append(moment.id)
    if huidig is None:
        return None
    return huidig, dict(placed)


def _is_meeting(maandplan: Maandplan, index: int, plg: int, was: datetime) -> bool:
    """Meeting ``index`` of a proposal that can still change is this PLG's meeting at ``was``
    (a second tab or planner may have changed the list since the page was shown)."""
    plaatsingen = maandplan.get_voorstel().plaatsingen
    if maandplan.status != MaandplanStatus.KLAAR or not 0 <= index < len(plaatsingen):
        return False
    meeting = plaatsingen[index]
    return (meeting.plg, meeting.begin) == (plg, was)


def _replace(maandplan: Maandplan, found: Bijsturing, plan: p.Plan, voorstel: Voorstel) -> bool:
    """Store the adjusted proposal, under the row lock and only if nobody changed it since."""
    stored = maandplan.voorstel
    nieuw = voorstel.with_plan(found.probleem, plan, voorstel.uitleg)
    with transaction.atomic():
        locked = Maandplan.objects.select_for_update().get(pk=maandplan.pk)
        if locked.status != MaandplanStatus.KLAAR or locked.voorstel != stored:
            return False
        locked.set_voorstel(replace(nieuw, aangepast=True))
        locked.save(update_fields=["voorstel"])
    return True


def move(
    *, maandplan: Maandplan, index: int, plg: int, was: datetime, begin: datetime, school: int
) -> bool:
    """Move meeting ``index`` (the PLG's meeting at ``was``) to another moment; False when
    that moment is not (or no longer) possible, or the proposal changed meanwhile. It stays
    a proposal: nothing is planned or mailed yet.

    The search runs outside the transaction (it can take a second on a large plan); only the
    storing runs under the row lock.
    """
    if not _is_meeting(maandplan, index, plg, was):
        return False
    found = bijsturing(maandplan, index)
    keuze = next(
        (
            v
            for v in (found.kandidaten if found else [])
            if v.moment.begin == begin and v.moment.school == school
        ),
        None,
    )
    if found is None or keuze is None or not found.fits(keuze):
        return False
    return _replace(maandplan, found, found.plan_with(keuze), maandplan.get_voorstel())


def leave_out(*, maandplan: Maandplan, index: int, plg: int, was: datetime) -> bool:
    """Leave meeting ``index`` out of the proposal (the PLG plans it itself, say), with the
    substitutions it needed. It is listed as left out, not as a meeting that did not fit."""
    if not _is_meeting(maandplan, index, plg, was):
        return False
    found = bijsturing(maandplan, index)
    if found is None:
        return False
    as_if_placed = found.plan_with(slots.Voorstel(found.huidig))
    plan = replace(found.rest, niet_geplaatst=as_if_placed.niet_geplaatst)
    voorstel = maandplan.get_voorstel()
    meeting = voorstel.plaatsingen[index]
    weggelaten = [*voorstel.weggelaten, Weggelaten.of(meeting)]
    return _replace(maandplan, found, plan, replace(voorstel, weggelaten=weggelaten))
