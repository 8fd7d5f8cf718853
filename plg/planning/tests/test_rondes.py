"""The visit-round planners: the validator names every broken rule, and on small random rounds
CP-SAT's plan is valid, places at least as many visits as the greedy one and costs no more.

School 1 starts at 08:20: periods 1-2 08:20-10:00, 3-4 10:15-11:55, lunch, 5-6 12:45-14:25,
7-8 14:35-16:15. School 2 starts at 08:25. The round runs Monday 1 and Tuesday 2 March 2027.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plg.planning.problem import BRUSSELS, Leerkracht, Status, Vervanging
from plg.planning.rondes.check import fouten
from plg.planning.rondes.cpsat import plan_cpsat
from plg.planning.rondes.greedy import plan_greedy
from plg.planning.rondes.probleem import Bezoek, Ronde, Rondeplan, kosten
from plg.planning.tests.generator import kalender
from plg.planning.tests.rondes_generator import generate_ronde

MA, DI = date(2027, 3, 1), date(2027, 3, 2)
ANNA, BERT, CIS, DIRK, ELLA, FIEN, GERT, HANS = range(1, 9)


def les(*uren: tuple[int, int], klas: str) -> dict[tuple[int, int], str]:
    return {uur: klas for uur in uren}


def leraar(
    ident: int, naam: str, lessen: dict[tuple[int, int], str], school: int = 1
) -> Leerkracht:
    return Leerkracht(ident, naam, school, lessen)


def ronde(**changes: object) -> Ronde:
    """Anna teaches Monday morning, Bert Monday afternoon, Cis both; Dirk covers; Ella is
    part-time (Tuesday only); Hans teaches at school 2."""
    leraren = [
        leraar(ANNA, "Anna", les((0, 1), (0, 2), (0, 3), (0, 4), (1, 1), (1, 2), klas="1A")),
        leraar(BERT, "Bert", les((0, 5), (0, 6), (0, 7), (0, 8), (1, 3), (1, 4), klas="2B")),
        leraar(CIS, "Cis", les((0, 1), (0, 2), (0, 5), (0, 6), (1, 5), klas="3C")),
        leraar(DIRK, "Dirk", les((0, 3), (0, 4), (1, 1), klas="4D")),
        leraar(ELLA, "Ella", les(*((1, p) for p in range(1, 9)), klas="5E")),
        leraar(FIEN, "Fien", les((0, 5), (0, 6), (1, 8), klas="6F")),
        leraar(GERT, "Gert", les((0, 5), (1, 8), klas="6G")),
        leraar(HANS, "Hans", les((0, 2), (0, 3), (1, 2), klas="1H"), school=2),
    ]
    basis = Ronde(
        kalenders={1: kalender(1, time(8, 20)), 2: kalender(2, time(8, 25))},
        leerkrachten={t.id: t for t in leraren},
        deelnemers=(ANNA, BERT, CIS, ELLA, FIEN, GERT),
        van=MA,
        tot=DI,
        bezoeken=1,
        bezocht=1,
    )
    return replace(basis, **changes)  # type: ignore[arg-type]


def plan(
    r: Ronde,
    bezoeken: list[Bezoek],
    vervangingen: list[Vervanging] = (),  # type: ignore[assignment]
) -> Rondeplan:
    return Rondeplan(
        "hand", Status.HAALBAAR, bezoeken, list(vervangingen), max(0, r.doel - len(bezoeken))
    )


def bezoek(o: int, v: int, dag: date, lesuur: int, klas: str) -> Bezoek:
    return Bezoek(o, v, dag, lesuur, klas)


def fout(r: Ronde, p: Rondeplan, tekst: str) -> bool:
    gevonden = fouten(r, p)
    return any(tekst in f for f in gevonden)


BERT_BIJ_ANNA = bezoek(ANNA, BERT, MA, 1, "1A")
CIS_BIJ_BERT = bezoek(BERT, CIS, MA, 5, "2B")  # Cis teaches then: Dirk covers her 3C
DIRK_DEKT_CIS = Vervanging(CIS, DIRK, 1, MA, 5, "3C")


def test_a_valid_round_has_no_errors() -> None:
    r = ronde()
    assert fouten(r, plan(r, [BERT_BIJ_ANNA, CIS_BIJ_BERT], [DIRK_DEKT_CIS])) == []


def test_nobody_visits_themselves() -> None:
    r = ronde()
    assert fout(r, plan(r, [bezoek(ANNA, ANNA, MA, 1, "1A")]), "bezoekt zichzelf")


def test_only_participants_are_planned() -> None:
    r = ronde()
    assert fout(r, plan(r, [bezoek(ANNA, DIRK, MA, 1, "1A")]), "niet ingeschreven")


def test_a_visit_lies_within_the_round() -> None:
    r = ronde()
    assert fout(r, plan(r, [bezoek(ANNA, BERT, date(2027, 3, 8), 1, "1A")]), "buiten de periode")


def test_colleagues_of_another_school_only_when_the_round_says_so() -> None:
    r = ronde(deelnemers=(ANNA, HANS))
    p = plan(r, [bezoek(HANS, ANNA, MA, 2, "1H")])
    assert fout(r, p, "andere school")


def test_a_part_timer_is_not_at_school_on_their_day_off() -> None:
    r = ronde()
    assert fout(r, plan(r, [bezoek(ANNA, ELLA, MA, 1, "1A")]), "die dag niet op school")


def test_the_observed_teacher_teaches_then() -> None:
    r = ronde()
    assert fout(r, plan(r, [bezoek(ANNA, BERT, MA, 6, "1A")]), "geeft dan geen les")


def test_the_class_is_the_one_of_the_timetable() -> None:
    r = ronde()
    assert fout(r, plan(r, [bezoek(ANNA, BERT, MA, 1, "6Z")]), "klas 6Z klopt niet")


def test_the_visitor_is_not_busy_by_the_month_plan() -> None:
    vergadering = (
        datetime(2027, 3, 1, 8, 0, tzinfo=BRUSSELS),
        datetime(2027, 3, 1, 9, 0, tzinfo=BRUSSELS),
    )
    r = ronde()
    r = replace(
        r,
        leerkrachten={**r.leerkrachten, BERT: replace(r.leerkrachten[BERT], bezet=(vergadering,))},
    )
    assert fout(r, plan(r, [BERT_BIJ_ANNA]), "is dan bezet")


def test_travel_time_makes_the_next_lesson_of_a_visitor_from_elsewhere_need_cover() -> None:
    """Hans (school 2, period 2 from 09:15) visits Anna's 08:20 lesson: with 20 minutes of
    travel he is back at 09:30, so his own period 2 must be covered."""
    r = ronde(deelnemers=(ANNA, HANS), over_scholen=True)
    assert fout(r, plan(r, [bezoek(ANNA, HANS, MA, 1, "1A")]), "0 keer vervangen")
    assert fouten(replace(r, reistijd=0), plan(r, [bezoek(ANNA, HANS, MA, 1, "1A")])) == []


def test_no_pair_twice_in_a_round() -> None:
    r = ronde(bezoeken=2, bezocht=2)
    p = plan(r, [BERT_BIJ_ANNA, bezoek(ANNA, BERT, DI, 1, "1A")])
    assert fout(r, p, "Bert bezoekt Anna 2 keer")


def test_nobody_is_visited_twice_a_day() -> None:
    r = ronde(bezoeken=2, bezocht=2)
    p = plan(r, [BERT_BIJ_ANNA, bezoek(ANNA, GERT, MA, 3, "1A")])
    assert fout(r, p, "Anna wordt bezocht 2 keer")


def test_a_visitor_makes_one_visit_a_day() -> None:
    r = ronde(bezoeken=2, bezocht=2)
    p = plan(r, [BERT_BIJ_ANNA, bezoek(CIS, BERT, MA, 2, "3C")])
    assert fout(r, p, "Bert gaat op bezoek 2 keer")


def test_nobody_makes_more_visits_than_asked() -> None:
    r = ronde()
    p = plan(r, [BERT_BIJ_ANNA, bezoek(CIS, BERT, DI, 5, "3C")])
    assert fout(r, p, "Bert doet 2 bezoeken")


def test_nobody_receives_more_visits_than_asked() -> None:
    r = ronde()
    p = plan(r, [BERT_BIJ_ANNA, bezoek(ANNA, GERT, DI, 1, "1A")])
    assert fout(r, p, "Anna krijgt 2 bezoeken")


def test_nobody_is_observed_while_away_on_a_visit() -> None:
    r = ronde(bezoeken=2, bezocht=2)
    p = plan(r, [CIS_BIJ_BERT, bezoek(CIS, ANNA, MA, 5, "3C")], [DIRK_DEKT_CIS])
    assert fout(r, p, "tegelijk")
    assert fout(r, p, "wordt bezocht")


def test_every_lesson_the_visitor_leaves_is_covered() -> None:
    r = ronde()
    assert fout(r, plan(r, [CIS_BIJ_BERT]), "0 keer vervangen")


def test_no_cover_for_someone_who_is_not_away() -> None:
    r = ronde()
    p = plan(r, [BERT_BIJ_ANNA], [Vervanging(BERT, DIRK, 1, MA, 5, "2B")])
    assert fout(r, p, "niet op bezoek")


def test_the_substitute_is_free_then() -> None:
    r = ronde()
    p = plan(r, [CIS_BIJ_BERT], [Vervanging(CIS, FIEN, 1, MA, 5, "3C")])
    assert fout(r, p, "Fien kan niet vervangen")


def test_the_substitute_is_not_on_a_visit_then() -> None:
    r = ronde(bezoeken=2, bezocht=2)
    p = plan(
        r,
        [CIS_BIJ_BERT, bezoek(GERT, ANNA, MA, 5, "6G")],
        [Vervanging(CIS, ANNA, 1, MA, 5, "3C")],
    )
    assert fout(r, p, "Anna is dan zelf op bezoek")


def test_a_substitute_covers_one_class_at_a_time() -> None:
    r = ronde()
    p = plan(
        r,
        [CIS_BIJ_BERT, bezoek(GERT, FIEN, MA, 5, "6G")],
        [DIRK_DEKT_CIS, Vervanging(FIEN, DIRK, 1, MA, 5, "6F")],
    )
    assert fout(r, p, "twee klassen tegelijk")


def test_cover_stays_within_the_monthly_cap() -> None:
    r = ronde(vervang_max_maand=0)
    assert fout(r, plan(r, [CIS_BIJ_BERT], [DIRK_DEKT_CIS]), "meer dan 0")


def test_the_plan_says_how_many_visits_are_missing() -> None:
    r = ronde()
    p = plan(r, [BERT_BIJ_ANNA])
    p.niet_geplaatst = 0
    assert fout(r, p, "niet geplaatst, maar het plan zegt 0")


def test_cpsat_plans_the_small_round_without_cover_and_validly() -> None:
    r = ronde(deelnemers=(ANNA, BERT, CIS, GERT))
    p = plan_cpsat(r, seconds=2, workers=1)
    assert fouten(r, p) == []
    assert p.niet_geplaatst == 0
    assert p.status == Status.OPTIMAAL


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(1, 10_000),
    leraren=st.integers(3, 9),
    schools=st.integers(1, 2),
    bezoeken=st.integers(1, 3),
    minuten=st.sampled_from([15, 50]),
    cap=st.integers(0, 3),
)
def test_cpsat_is_valid_and_never_worse_than_greedy(
    seed: int, leraren: int, schools: int, bezoeken: int, minuten: int, cap: int
) -> None:
    r = generate_ronde(
        schools,
        seed,
        leerkrachten=leraren,
        bezoeken=bezoeken,
        minuten=minuten,
        over_scholen=schools > 1,
        vervang_max_maand=cap,
        van=MA,
        tot=date(2027, 3, 5),
    )
    greedy = plan_greedy(r)
    cpsat = plan_cpsat(r, seconds=2, workers=1)
    assert fouten(r, greedy) == []
    assert fouten(r, cpsat) == []
    assert len(cpsat.bezoeken) >= len(greedy.bezoeken)
    assert kosten(r, cpsat) <= kosten(r, greedy)


def test_a_part_timer_does_not_cover_on_their_day_off() -> None:
    r = ronde()
    p = plan(r, [CIS_BIJ_BERT], [Vervanging(CIS, ELLA, 1, MA, 5, "3C")])
    assert fout(r, p, "Ella kan niet vervangen")


def test_nobody_is_visited_on_a_holiday() -> None:
    r = ronde()
    vakantie = replace(r.kalenders[1], vakantie=frozenset({MA}))
    r = replace(r, kalenders={**r.kalenders, 1: vakantie})
    assert fout(r, plan(r, [BERT_BIJ_ANNA]), "geeft dan geen les")
