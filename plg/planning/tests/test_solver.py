"""The month planners: small months with a known answer, the reasons when there is none, and
invariants on random small scholengemeenschappen (every plan valid, CP-SAT never worse).

School 1 ("De Regenboog") starts at 08:20: periods 1-2 08:20-10:00, 3-4 10:15-11:55 (a meeting
there ends before noon), lunch, 5-8 12:45-16:15; after school from 16:30, on Wednesday from
12:40. Most people below are busy every afternoon so that only morning moments remain.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plg.planning.analysis import analyse_month
from plg.planning.assignment import assign_vervangers
from plg.planning.check import fouten
from plg.planning.costs import kosten
from plg.planning.explain import uitleg
from plg.planning.greedy import plan_naief, plan_slim
from plg.planning.problem import (
    BRUSSELS,
    Groep,
    Leerkracht,
    Plan,
    Probleem,
    Reden,
    Soort,
    Status,
    dagen,
    momenten,
)
from plg.planning.solver import plan_cpsat
from plg.planning.tests.generator import generate, kalender

WEEK = (date(2027, 3, 1), date(2027, 3, 5))  # ISO week 9, Monday to Friday
TWEE_WEKEN = (date(2027, 3, 1), date(2027, 3, 12))
ALLE_UREN = frozenset((d, p) for d in range(5) for p in range(1, 9) if not (d == 2 and p > 4))


def leraar(
    ident: int,
    naam: str,
    school: int = 1,
    uren: Iterable[tuple[int, int]] = (),
    bezet: Iterable[tuple[datetime, datetime]] = (),
) -> Leerkracht:
    return Leerkracht(ident, naam, school, {u: "3A" for u in uren}, tuple(bezet))


def om(dag: date, uur: int, minuut: int = 0) -> datetime:
    return datetime.combine(dag, time(uur, minuut), tzinfo=BRUSSELS)


def middagen(van: date, tot: date) -> list[tuple[datetime, datetime]]:
    """Busy from noon every day: no after-school meetings, no afternoon ones."""
    return [(om(d, 12), om(d, 20)) for d in dagen(van, tot)]


def maak(
    leraren: Iterable[Leerkracht],
    groepen: Iterable[Groep],
    periode: tuple[date, date] = WEEK,
    scholen: dict[int, time] | None = None,
    **extra: Any,
) -> Probleem:
    kalenders = {s: kalender(s, begin) for s, begin in (scholen or {1: time(8, 20)}).items()}
    return Probleem(
        kalenders,
        {t.id: t for t in leraren},
        tuple(groepen),
        tuple(momenten(kalenders.values(), *periode, 100)),
        schoolnamen={1: "De Regenboog", 2: "Het Spoor"},
        **extra,
    )


def planners(
    probleem: Probleem, seconds: float = 5.0, *, deterministisch: bool = False
) -> list[Plan]:
    cpsat = plan_cpsat(
        probleem,
        seconds=seconds,
        workers=1 if deterministisch else 2,
        deterministisch=deterministisch,
    )
    plannen = [plan_naief(probleem), plan_slim(probleem), cpsat]
    for plan in plannen:
        assert fouten(probleem, plan) == [], plan.methode
    return plannen


def moment_op(probleem: Probleem, plan: Plan, groep: int) -> list[datetime]:
    begin = {m.id: m.begin for m in probleem.momenten}
    return [begin[i] for i in plan.plaatsingen.get(groep, [])]


def soorten(plan: Plan) -> list[str]:
    return [r.soort for r in plan.redenen]


# --- known answers ---------------------------------------------------------------------------


def test_the_only_moment_without_substitutes_is_chosen() -> None:
    vrij = ALLE_UREN - {(1, 3), (1, 4)}  # both members are free Tuesday periods 3-4
    probleem = maak(
        [
            leraar(1, "An Maes", uren=vrij, bezet=middagen(*WEEK)),
            leraar(2, "Bart Aerts", uren=vrij, bezet=middagen(*WEEK)),
            leraar(3, "Sofie Claes"),
            leraar(4, "Tom Smets"),
        ],
        [Groep(1, "Lezen", (1, 2), (1,), aantal=1)],
    )
    for plan in planners(probleem):
        assert moment_op(probleem, plan, 1) == [om(date(2027, 3, 2), 10, 15)], plan.methode
        assert plan.vervanguren == 0
    cpsat = plan_cpsat(probleem, seconds=5)
    assert cpsat.status == Status.OPTIMAAL
    assert cpsat.gap_percent == 0


def test_a_member_busy_at_every_moment_is_named() -> None:
    hele_week = [(om(WEEK[0], 0), om(WEEK[1] + timedelta(days=1), 0))]
    probleem = maak(
        [
            leraar(1, "An Maes"),
            leraar(2, "Bart Aerts"),
            leraar(3, "Carla Claes", bezet=hele_week),
        ],
        [Groep(1, "Lezen", (1, 2, 3), (1,), aantal=1)],
    )
    plan = plan_cpsat(probleem, seconds=5)
    assert plan.status == Status.ONHAALBAAR
    assert plan.redenen[0] == Reden("geen_moment", (1,), (3,), (1,), plan.redenen[0].waarde)
    tekst = " ".join(uitleg(probleem, plan.redenen))
    assert "PLG Lezen vindt deze maand geen enkel moment" in tekst
    assert "Carla Claes (PLG Lezen) staat in de agenda als bezet op 1 maart" in tekst
    assert plan.onbezet == 1 and fouten(probleem, plan) == []


def test_a_member_teaching_at_the_other_school_is_named_with_the_weekdays() -> None:
    # Het Spoor starts at 09:00, so its 8th period (16:05-16:55) runs into De Regenboog's
    # after-school moment (16:30); Jan is busy on Wednesday and An every evening from 18:15.
    jan_uren = {(d, 8) for d in (0, 1, 3, 4)}
    probleem = maak(
        [
            leraar(1, "An Maes", bezet=[(om(d, 18, 15), om(d, 22)) for d in dagen(*WEEK)]),
            leraar(
                2,
                "Jan Peeters",
                2,
                jan_uren,
                [(om(date(2027, 3, 3), 12), om(date(2027, 3, 3), 20))],
            ),
        ],
        [Groep(1, "Lezen", (1, 2), (1, 2), aantal=1)],
        scholen={1: time(8, 20), 2: time(9, 0)},
    )
    plan = plan_cpsat(probleem, seconds=5)
    assert plan.status == Status.ONHAALBAAR
    assert plan.redenen[0].soort == "geen_moment"
    assert plan.redenen[0].leerkrachten == (2, 1)
    zinnen = uitleg(probleem, plan.redenen)
    assert (
        "Jan Peeters (PLG Lezen) geeft elke maandag, dinsdag, donderdag en vrijdag les op de "
        "momenten dat PLG Lezen kan samenkomen, en staat in de agenda als bezet op 3 maart."
    ) in zinnen
    assert any(z.startswith("An Maes (PLG Lezen) staat in de agenda als bezet") for z in zinnen)
    assert any("alleen na school" in z for z in zinnen)


def test_after_school_cap_below_two_cross_school_plgs_is_explained() -> None:
    probleem = maak(
        [
            leraar(1, "Tom Smets"),
            leraar(2, "An Maes"),
            leraar(3, "Bart Aerts", 2),
            leraar(4, "Els Jacobs"),
            leraar(5, "Koen Wouters", 2),
        ],
        [
            Groep(1, "Lezen", (1, 2, 3), (1, 2)),
            Groep(2, "STEM", (1, 4, 5), (1, 2)),
        ],
        TWEE_WEKEN,
        scholen={1: time(8, 20), 2: time(8, 30)},
    )
    naief, slim, cpsat = planners(probleem)
    assert cpsat.status == Status.ONHAALBAAR
    assert cpsat.redenen == [Reden("na_school_limiet", (1, 2), (1,), (), 4)]
    assert uitleg(probleem, cpsat.redenen) == [
        "Tom Smets zit in PLG Lezen en PLG STEM, over scholen heen: zo'n PLG komt alleen na "
        "school of op een dag zonder leerlingen samen. Daarvoor moet Tom Smets 4 keer na school "
        "vergaderen, maar een leerkracht mag dat maar 2 keer per maand."
    ]
    assert cpsat.onbezet == naief.onbezet == slim.onbezet == 2
    for plan in (naief, slim, cpsat):
        soort = {m.id: m.soort for m in probleem.momenten}
        assert all(soort[i] == Soort.NA_SCHOOL for ids in plan.plaatsingen.values() for i in ids)


def _weekcap(periode: tuple[date, date]) -> Probleem:
    """An teaches all day, Bart not at all; Sofie is the only one who can cover An's classes."""
    return maak(
        [
            leraar(1, "An Maes", uren=ALLE_UREN, bezet=middagen(*periode)),
            leraar(2, "Bart Aerts", bezet=middagen(*periode)),
            leraar(3, "Sofie Claes"),
        ],
        [Groep(1, "Lezen", (1, 2), (1,), aantal=2, min_dagen_tussen=1)],
        periode,
    )


def test_weekly_substitute_cap_spreads_the_meetings_over_two_weeks() -> None:
    probleem = _weekcap(TWEE_WEKEN)
    for plan in planners(probleem):
        weken = [b.isocalendar().week for b in moment_op(probleem, plan, 1)]
        assert sorted(weken) == [9, 10], plan.methode
        assert plan.vervanguren == 4
    assert plan_cpsat(probleem, seconds=5).status == Status.OPTIMAAL


def test_weekly_substitute_cap_in_a_single_week_is_infeasible_and_explained() -> None:
    probleem = _weekcap(WEEK)
    plan = plan_cpsat(probleem, seconds=5)
    assert plan.status == Status.ONHAALBAAR
    assert soorten(plan) == ["botsing", "vervangers_week"]
    assert plan.redenen[1] == Reden("vervangers_week", (1,), (), (1,), 4, 9)
    assert uitleg(probleem, plan.redenen) == [
        "PLG Lezen krijgt niet al haar bijeenkomsten ingepland.",
        "De vervangers van De Regenboog mogen maar 2 lesuren per week vervangen; in de week "
        "van 1 maart zijn er 4 nodig.",
    ]
    assert plan.onbezet == 1 and fouten(probleem, plan) == []


def test_no_substitute_ever_free_is_explained() -> None:
    probleem = maak(
        [
            leraar(1, "An Maes", uren=ALLE_UREN, bezet=middagen(*WEEK)),
            leraar(2, "Bart Aerts", uren=ALLE_UREN, bezet=middagen(*WEEK)),
        ],
        [Groep(1, "Lezen", (1, 2), (1,), aantal=1)],
    )
    plan = plan_cpsat(probleem, seconds=5)
    assert soorten(plan) == ["geen_moment", "geen_vervanger"]
    assert plan.redenen[1].scholen == (1,) and plan.redenen[1].leerkrachten == (1, 2)
    assert any(
        z.startswith("Op De Regenboog is er niemand vrij om de lessen van An Maes en Bart Aerts")
        for z in uitleg(probleem, plan.redenen)
    )


def test_minimum_distance_costs_substitutes_rather_than_being_broken() -> None:
    vrij = ALLE_UREN - {(0, 1), (0, 2), (3, 1), (3, 2)}  # free Monday and Thursday at 08:20
    probleem = maak(
        [
            leraar(1, "An Maes", uren=vrij, bezet=middagen(*TWEE_WEKEN)),
            leraar(2, "Bart Aerts", uren=vrij, bezet=middagen(*TWEE_WEKEN)),
        ]
        + [leraar(t, f"Vervanger {t}") for t in (3, 4, 5)],
        [Groep(1, "Lezen", (1, 2), (1,), aantal=2, min_dagen_tussen=11)],
        TWEE_WEKEN,
    )
    for plan in planners(probleem):
        eerste, tweede = sorted(moment_op(probleem, plan, 1))
        assert (tweede.date() - eerste.date()).days >= 11, plan.methode
    cpsat = plan_cpsat(probleem, seconds=5)
    assert cpsat.status == Status.OPTIMAAL
    # free moments are at most 10 days apart: Monday the 1st, then a Friday meeting with 2x2 covered
    dagen_ = [b.date() for b in moment_op(probleem, cpsat, 1)]
    assert dagen_ == [date(2027, 3, 1), date(2027, 3, 12)]
    assert cpsat.vervanguren == 4


def test_overlapping_memberships_are_never_double_booked() -> None:
    vrij = ALLE_UREN - {(1, 3), (1, 4)}
    leden = [
        leraar(t, naam, uren=vrij, bezet=middagen(*WEEK))
        for t, naam in ((1, "An Maes"), (2, "Bart Aerts"), (3, "Carla Claes"))
    ]
    probleem = maak(
        leden + [leraar(t, f"Vervanger {t}") for t in (4, 5, 6, 7)],
        [Groep(1, "Lezen", (1, 2), (1,), aantal=1), Groep(2, "STEM", (2, 3), (1,), aantal=1)],
    )
    for plan in planners(probleem):
        assert moment_op(probleem, plan, 1) != moment_op(probleem, plan, 2), plan.methode
    cpsat = plan_cpsat(probleem, seconds=5)
    assert cpsat.status == Status.OPTIMAAL and cpsat.vervanguren == 4


def test_two_plgs_wanting_the_one_moment_of_their_shared_member_are_explained() -> None:
    dinsdag = date(2027, 3, 2)
    alleen_dinsdag = [
        (om(WEEK[0], 0), om(dinsdag, 10, 15)),
        (om(dinsdag, 11, 55), om(date(2027, 3, 6), 0)),
    ]
    probleem = maak(
        [
            leraar(t, naam, bezet=alleen_dinsdag)
            for t, naam in ((1, "An Maes"), (2, "Bart Aerts"), (3, "Carla Claes"))
        ],
        [Groep(1, "Lezen", (1, 2), (1,), aantal=1), Groep(2, "STEM", (2, 3), (1,), aantal=1)],
    )
    plan = plan_cpsat(probleem, seconds=5)
    assert plan.status == Status.ONHAALBAAR
    assert plan.redenen == [Reden("botsing", (1, 2), (2,), (1,))]
    assert uitleg(probleem, plan.redenen) == [
        "PLG Lezen en PLG STEM kunnen niet allebei al hun bijeenkomsten krijgen.",
        "Ze hebben Bart Aerts als gemeenschappelijk lid, en die kan niet op twee plaatsen "
        "tegelijk zijn.",
    ]
    assert plan.onbezet == 1


# --- generated scholengemeenschappen ---------------------------------------------------------


def test_cross_school_plgs_only_meet_after_school_or_on_free_days() -> None:
    probleem = generate(2, 5, leerkrachten=30, plgs=3, over_scholen=0.5)
    soort = {m.id: m.soort for m in probleem.momenten}
    over = [g.id for g in probleem.groepen if g.over_scholen]
    assert over
    plannen = planners(probleem)
    assert plannen[-1].onbezet == 0
    for plan in plannen:
        for g in over:
            assert all(soort[i] != Soort.LES for i in plan.plaatsingen.get(g, []))


def test_all_three_planners_give_valid_plans_for_a_generated_month() -> None:
    probleem = generate(2, 3)
    naief, slim, cpsat = planners(probleem, seconds=10)
    assert cpsat.status == Status.OPTIMAAL
    assert cpsat.onbezet == 0 and cpsat.max_vervanger_last <= 3
    assert kosten(probleem, cpsat) <= min(kosten(probleem, naief), kosten(probleem, slim))
    assert cpsat.objective == kosten(probleem, cpsat) == cpsat.bound


def test_the_checker_finds_broken_rules() -> None:
    probleem = generate(2, 3)
    plan = plan_cpsat(probleem, seconds=10)
    assert plan.vervangingen
    zonder = Plan("x", plan.status, plan.plaatsingen, plan.vervangingen[1:], plan.niet_geplaatst)
    assert any("0 keer vervangen" in f for f in fouten(probleem, zonder))
    g, ids = next(iter(plan.plaatsingen.items()))
    dubbel = Plan("x", plan.status, {**plan.plaatsingen, g: [ids[0], ids[0]]}, [], {})
    assert any("hetzelfde moment" in f for f in fouten(probleem, dubbel))
    leeg = Plan("x", plan.status)
    assert any("niet geplaatst" in f for f in fouten(probleem, leeg))


@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    seed=st.integers(0, 10**6),
    scholen=st.integers(1, 3),
    plgs=st.integers(1, 3),
    cap=st.integers(1, 2),
)
def test_invariants_on_small_random_months(seed: int, scholen: int, plgs: int, cap: int) -> None:
    probleem = generate(
        scholen, seed, leerkrachten=14, plgs=plgs, van=TWEE_WEKEN[0], tot=TWEE_WEKEN[1],
        vervang_max_week=cap, na_school_max_maand=cap,
    )  # fmt: skip
    naief, slim, cpsat = planners(probleem, deterministisch=True)
    beste_greedy = min(naief.onbezet, slim.onbezet)
    if cpsat.status == Status.OPTIMAAL:
        assert kosten(probleem, cpsat) <= kosten(probleem, naief)
        assert kosten(probleem, cpsat) <= kosten(probleem, slim)
    if beste_greedy == 0:
        assert cpsat.status in (Status.OPTIMAAL, Status.HAALBAAR)
    if cpsat.status == Status.ONHAALBAAR:
        assert cpsat.redenen and all(uitleg(probleem, cpsat.redenen))
        assert 0 < cpsat.onbezet <= beste_greedy
    else:
        assert cpsat.onbezet == 0 and not cpsat.redenen


def _designated_substitute_month() -> Probleem:
    """Seed 26240: Het Spoor's PLG 2 can meet on Tuesday 9 March 14:40 only if a teacher of
    De Regenboog who also covers at Het Spoor is free, and PLG 4 of De Regenboog has a meeting
    at 14:30 that day holding that teacher."""
    return generate(
        3, 26240, leerkrachten=14, plgs=2, van=TWEE_WEKEN[0], tot=TWEE_WEKEN[1],
        vervang_max_week=1, na_school_max_maand=1,
    )  # fmt: skip


def test_cpsat_places_as_many_as_the_greedy_planners_when_a_substitute_is_in_a_meeting() -> None:
    probleem = _designated_substitute_month()
    naief, slim, cpsat = planners(probleem)  # every plan passes the validator
    assert naief.onbezet == 2
    assert cpsat.status == Status.ONHAALBAAR
    assert cpsat.onbezet <= min(naief.onbezet, slim.onbezet)


def test_a_staffing_core_names_the_meeting_that_holds_the_substitute() -> None:
    """A core is cut off for the rest of the search, so it must be unstaffable on its own: the
    meeting that keeps a substitute busy belongs to it (the cut once forbade Het Spoor's
    moment for good, though it can be staffed when De Regenboog meets at another time)."""
    probleem = _designated_substitute_month()
    analyse = analyse_month(probleem)
    spoor = {m.id: m for m in probleem.momenten}[108]
    assert (spoor.school, spoor.begin) == (2, om(date(2027, 3, 9), 14, 40))
    assert assign_vervangers(analyse, {2: [108]})[0] is not None
    vervangingen, kern = assign_vervangers(analyse, {2: [108], 4: [44]})
    assert vervangingen is None
    assert sorted(kern) == [(2, 108), (4, 44)]
    assert assign_vervangers(analyse, _per_groep(kern))[0] is None


def _per_groep(kern: Iterable[tuple[int, int]]) -> dict[int, list[int]]:
    result: dict[int, list[int]] = {}
    for g, ident in kern:
        result.setdefault(g, []).append(ident)
    return result


# --- the clock change ------------------------------------------------------------------------


def _begin(probleem: Probleem, dag: date, soort: Soort = Soort.LES) -> list[datetime]:
    return sorted(m.begin for m in probleem.momenten if m.dag == dag and m.soort == soort)


def test_moments_keep_their_wall_clock_time_over_the_spring_clock_change() -> None:
    # the last Sunday of March 2027 is the 28th
    probleem = generate(
        1,
        1,
        leerkrachten=10,
        plgs=1,
        van=date(2027, 3, 22),
        tot=date(2027, 4, 2),
        vakantie=frozenset(),
    )
    start = probleem.kalenders[1].lesuren[0].begin
    voor, na = _begin(probleem, date(2027, 3, 26))[0], _begin(probleem, date(2027, 3, 29))[0]
    assert voor.time() == na.time() == start
    assert voor.utcoffset() == timedelta(hours=1) and na.utcoffset() == timedelta(hours=2)
    assert (_begin(probleem, date(2027, 3, 29), Soort.NA_SCHOOL)[0].time()) == probleem.kalenders[
        1
    ].na_school


def test_busy_times_in_utc_block_the_right_moments_after_the_clock_change() -> None:
    maandag = date(2027, 3, 29)  # CEST: 08:20 in Brussels is 06:20 UTC
    bezet = [(datetime(2027, 3, 29, 6, 20, tzinfo=UTC), datetime(2027, 3, 29, 8, 0, tzinfo=UTC))]
    probleem = maak(
        [leraar(1, "An Maes", bezet=bezet), leraar(2, "Bart Aerts")],
        [Groep(1, "Lezen", (1, 2), (1,), aantal=1)],
        (date(2027, 3, 22), date(2027, 4, 2)),
    )
    analyse = analyse_month(probleem)
    geblokt = sorted(analyse.momenten[i].begin for i in analyse.blokkeerders[1])
    assert geblokt == [om(maandag, 8, 20), om(maandag, 9, 10)]
    assert om(date(2027, 3, 22), 8, 20) not in geblokt


def test_a_plan_over_the_autumn_clock_change_is_valid_at_the_right_times() -> None:
    # the last Sunday of October 2026 is the 25th; only Monday the 26th at 10:15 is free
    van, tot = date(2026, 10, 19), date(2026, 10, 30)
    maandag = date(2026, 10, 26)
    behalve = [
        (om(van, 0), om(maandag, 10, 15)),
        (om(maandag, 11, 55), om(tot + timedelta(days=1), 0)),
    ]
    probleem = maak(
        [
            leraar(1, "An Maes", bezet=behalve),
            leraar(2, "Bart Aerts", uren=ALLE_UREN),
            leraar(3, "Sofie Claes"),
        ],
        [Groep(1, "Lezen", (1, 2), (1,), aantal=1)],
        (van, tot),
    )
    for plan in planners(probleem):
        (begin,) = moment_op(probleem, plan, 1)
        assert begin == om(maandag, 10, 15) and begin.utcoffset() == timedelta(hours=1)
        assert [(v.lesuur, v.vervanger) for v in plan.vervangingen] == [(3, 3), (4, 3)]


def test_a_meeting_planned_by_hand_is_kept_at_distance() -> None:
    vrij = ALLE_UREN - {(1, 3), (1, 4)}  # free together only on Tuesdays, periods 3-4
    leden = [
        leraar(1, "An Maes", uren=vrij, bezet=middagen(*TWEE_WEKEN)),
        leraar(2, "Bart Aerts", uren=vrij, bezet=middagen(*TWEE_WEKEN)),
    ]
    vervangers = [leraar(t, f"Vervanger {t}") for t in (3, 4, 5)]
    # planned by hand on Wednesday 3 March: Tuesday the 2nd (free, no cover) is too close
    groep = Groep(1, "Lezen", (1, 2), (1,), aantal=1, vaste_dagen=(date(2027, 3, 3),))
    probleem = maak([*leden, *vervangers], [groep], TWEE_WEKEN)
    for plan in planners(probleem):
        [begin] = moment_op(probleem, plan, 1)
        assert begin.date() >= date(2027, 3, 10), plan.methode
    te_dicht = next(m for m in probleem.momenten if m.begin == om(date(2027, 3, 2), 10, 15))
    plan = Plan("hand", Status.HAALBAAR, plaatsingen={1: [te_dicht.id]})
    assert any("te dicht bij de bijeenkomst van 2027-03-03" in f for f in fouten(probleem, plan))
