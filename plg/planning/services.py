"""Turning a chosen moment or a month plan into bijeenkomsten with their substitution duties
(announced through ``meetings.services.plan_and_announce_bijeenkomst``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from plg.accounts.models import User
from plg.communities.models import PLG
from plg.core.db import outside_transaction
from plg.meetings.models import Bijeenkomst
from plg.meetings.services import plan_and_announce_bijeenkomst
from plg.organisations.models import Scholengemeenschap, School
from plg.planning import build, mails, slots
from plg.planning import problem as p
from plg.planning.explain import uitleg
from plg.planning.greedy import plan_slim
from plg.planning.models import (
    Maandplan,
    MaandplanStatus,
    Vervangbeurt,
    first_of_month,
)
from plg.planning.solver import plan_cpsat
from plg.planning.voorstel import Alternatief, Voorstel, alternatief
from plg.post.models import Bericht

MAX_SEARCH_DAYS = 62


def week_load(van: date, tot: date) -> Counter[tuple[int, tuple[int, int]]]:
    """Periods each substitute already covers, per ISO week, in the weeks of this range."""
    monday = van - timedelta(days=van.weekday())
    load: Counter[tuple[int, tuple[int, int]]] = Counter()
    for vervanger, datum in Vervangbeurt.objects.filter(
        datum__gte=monday, datum__lte=tot + timedelta(days=6)
    ).values_list("vervanger_id", "datum"):
        iso = datum.isocalendar()
        load[(vervanger, (iso.year, iso.week))] += 1
    return load


@outside_transaction
def search_momenten(*, plg: PLG, van: date, tot: date) -> tuple[p.Probleem, slots.Zoekresultaat]:
    schools = list(plg.schools.all())
    probleem = build.probleem(schools=schools, plgs=[plg], van=van, tot=tot, aantal=1)
    groep = probleem.groepen[0]
    andere = tuple(
        timezone.localtime(starts_at).date()
        for starts_at in plg.bijeenkomsten.filter(
            starts_at__date__gte=van - timedelta(days=31),
            starts_at__date__lte=tot + timedelta(days=31),
        ).values_list("starts_at", flat=True)
    )
    return probleem, slots.search(probleem, groep, load=week_load(van, tot), andere=andere)


def _store_duties(
    bijeenkomst: Bijeenkomst, *, duties: list[tuple[p.Vervanging, tuple[datetime, datetime]]]
) -> None:
    """The substitutions of a planned bijeenkomst, each at the time its period runs."""
    Vervangbeurt.objects.bulk_create(
        Vervangbeurt.for_vervanging(bijeenkomst, v, tijd) for v, tijd in duties
    )


def _with_substitutes(
    store_duties: Callable[[Bijeenkomst], object], *, door: User | None
) -> Callable[[Bijeenkomst], list[Bericht]]:
    """What a planned bijeenkomst brings along: its substitution duties, stored, and the mails
    that tell the substitutes."""

    def arrange(bijeenkomst: Bijeenkomst) -> list[Bericht]:
        store_duties(bijeenkomst)
        return mails.vervangingen(bijeenkomst, door=door)

    return arrange


@transaction.atomic
def plan_voorstel(
    *,
    plg: PLG,
    probleem: p.Probleem,
    voorstel: slots.Voorstel,
    place: str,
    door: User | None = None,
) -> Bijeenkomst:
    """The coach picked a moment: plan it, name the substitutes, tell everyone."""
    moment = voorstel.moment
    return plan_and_announce_bijeenkomst(
        plg=plg,
        starts_at=moment.begin,
        place=place,
        duration_minutes=int((moment.einde - moment.begin).total_seconds() // 60),
        door=door,
        arrange=_with_substitutes(
            partial(
                _store_duties,
                duties=[(v, p.vervangtijd(probleem, v)) for v in voorstel.vervangingen],
            ),
            door=door,
        ),
    )


def month_range(maand: date) -> tuple[date, date]:
    first = first_of_month(maand)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def start_maandplan(
    *,
    door: User,
    maand: date,
    scholengemeenschap: Scholengemeenschap,
    school: School | None = None,
    aantal: int = 2,
    min_dagen_tussen: int = 7,
    afweging: p.Afweging = p.Afweging.SCHOOLUREN,
) -> Maandplan:
    """Record the request and compute it in the background: the solver may take seconds."""
    from plg.planning.tasks import compute_maandplan

    maandplan = Maandplan.objects.create(
        school=school,
        scholengemeenschap=scholengemeenschap,
        maand=first_of_month(maand),
        door=door,
        voorstel=Voorstel(
            aantal=aantal, min_dagen_tussen=min_dagen_tussen, afweging=afweging.value
        ).to_json(),
    )
    transaction.on_commit(lambda: compute_maandplan.enqueue(maandplan.pk))
    return maandplan


def scope_of(maandplan: Maandplan) -> tuple[list[School], list[PLG]]:
    if maandplan.school is not None:
        schools = [maandplan.school]
    else:
        schools = list(maandplan.scholengemeenschap.schools.all())
    plgs = list(
        PLG.objects.of_schools([s.pk for s in schools])
        .exclude(fase="afgesloten")
        .prefetch_related("schools")
        .distinct()
    )
    return schools, plgs


def maandprobleem(maandplan: Maandplan) -> p.Probleem:
    schools, plgs = scope_of(maandplan)
    van, tot = month_range(maandplan.maand)
    van = max(van, timezone.localdate() + timedelta(days=1))
    voorstel = maandplan.get_voorstel()
    probleem = build.probleem(
        schools=schools,
        plgs=plgs,
        van=van,
        tot=max(van, tot),
        aantal=voorstel.aantal,
        min_dagen_tussen=voorstel.min_dagen_tussen,
    )
    return replace(probleem, afweging=p.Afweging(voorstel.afweging))


def _plan(probleem: p.Probleem, seconds: float) -> p.Plan:
    """CP-SAT first; if it finds nothing in time, the smart greedy plan is the fallback."""
    plan = plan_cpsat(probleem, seconds=seconds)
    return plan_slim(probleem) if plan.status == p.Status.ONBEKEND else plan


def alternatieven(probleem: p.Probleem, plan: p.Plan, seconds: float) -> list[Alternatief]:
    """The month under each choice, the asked one being ``plan``. Only for a complete plan: the
    choices weigh costs, not rules, so a month that does not fit fits under none of them."""
    if plan.onbezet or plan.status == p.Status.ONHAALBAAR:
        return []
    result = []
    for afweging in p.Afweging:
        ander = replace(probleem, afweging=afweging)
        plan_ervan = plan if afweging == probleem.afweging else _plan(ander, seconds)
        if not plan_ervan.onbezet:
            result.append(alternatief(ander, plan_ervan))
    return result


@outside_transaction
def calculate_maandplan(maandplan: Maandplan) -> MaandplanStatus:
    """The plan of the school's choice, and what the other choices would give (each with half
    the time: they only need to show the trade-off)."""
    probleem = maandprobleem(maandplan)
    plan = _plan(probleem, settings.PLANNER_SECONDS)
    status = (
        MaandplanStatus.ONHAALBAAR if plan.status == p.Status.ONHAALBAAR else MaandplanStatus.KLAAR
    )
    asked = maandplan.get_voorstel()
    voorstel = replace(
        Voorstel(
            aantal=asked.aantal, min_dagen_tussen=asked.min_dagen_tussen, afweging=asked.afweging
        ),
        alternatieven=alternatieven(probleem, plan, settings.PLANNER_SECONDS / 2),
    )
    maandplan.set_voorstel(voorstel.with_plan(probleem, plan, uitleg(probleem, plan.redenen)))
    maandplan.status = status
    maandplan.save(update_fields=["voorstel", "status"])
    return status


@transaction.atomic
def choose_afweging(*, maandplan: Maandplan, afweging: p.Afweging) -> bool:
    """The planner takes the plan of another choice; only while the proposal is open."""
    maandplan = Maandplan.objects.select_for_update().get(pk=maandplan.pk)
    voorstel = maandplan.get_voorstel()
    if maandplan.status != MaandplanStatus.KLAAR or all(
        a.afweging != afweging for a in voorstel.alternatieven
    ):
        return False
    maandplan.set_voorstel(voorstel.with_afweging(afweging.value))
    maandplan.save(update_fields=["voorstel"])
    return True


def latest_afweging(school: School) -> p.Afweging:
    """The choice of the school's last month plan; the research's default before that."""
    laatste = (
        Maandplan.objects.filter(school=school).values_list("voorstel__afweging", flat=True).first()
    )
    if laatste not in set(p.Afweging):
        return p.Afweging.SCHOOLUREN
    return p.Afweging(laatste)


@transaction.atomic
def apply_maandplan(*, maandplan: Maandplan, door: User | None = None) -> list[Bijeenkomst]:
    """Every proposed meeting becomes a bijeenkomst with its duties; all of them or none."""
    maandplan = Maandplan.objects.select_for_update().get(pk=maandplan.pk)
    if maandplan.status != MaandplanStatus.KLAAR:
        return []
    voorstel = maandplan.get_voorstel()
    plgs = PLG.objects.in_bulk([x.plg for x in voorstel.plaatsingen])
    created: list[Bijeenkomst] = []
    for plaatsing in voorstel.plaatsingen:
        duties = [(v.vervanging, v.tijd) for v in voorstel.vervangingen if v.is_for(plaatsing)]
        created.append(
            plan_and_announce_bijeenkomst(
                plg=plgs[plaatsing.plg],
                starts_at=plaatsing.begin,
                place="",
                duration_minutes=plaatsing.minuten,
                door=door,
                arrange=_with_substitutes(partial(_store_duties, duties=duties), door=door),
            )
        )
    maandplan.status = MaandplanStatus.TOEGEPAST
    maandplan.toegepast_op = timezone.now()
    maandplan.save(update_fields=["status", "toegepast_op"])
    return created
