"""The school's choice between school hours and after school: the plan follows it, and every
proposal shows what each choice would cost."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import DjangoCaptureOnCommitCallbacks

from conftest import PASSWORD
from plg.planning import services
from plg.planning.costs import gewichten
from plg.planning.models import MaandplanStatus
from plg.planning.problem import Afweging, Groep, Probleem, Soort
from plg.planning.solver import plan_cpsat
from plg.planning.tests.test_maandplan import plan
from plg.planning.tests.test_solver import ALLE_UREN, WEEK, leraar, maak
from plg.roosters.models import Les


def kleine_maand(afweging: Afweging = Afweging.SCHOOLUREN) -> Probleem:
    """An Maes and Bart Aerts teach every period, Carla Claes none; three colleagues are free
    to cover. Meeting in school hours costs 4 covered periods (two members, two periods);
    after school costs 3 members × 100 minutes."""
    return replace(
        maak(
            [
                leraar(1, "An Maes", uren=ALLE_UREN),
                leraar(2, "Bart Aerts", uren=ALLE_UREN),
                leraar(3, "Carla Claes"),
                leraar(4, "Sofie Claes"),
                leraar(5, "Tom Smets"),
                leraar(6, "Lien Wouters"),
            ],
            [Groep(1, "Lezen", (1, 2, 3), (1,), aantal=1)],
            WEEK,
        ),
        afweging=afweging,
    )


def soorten(probleem: Probleem) -> list[Soort]:
    gekozen = plan_cpsat(probleem, seconds=5, workers=1, deterministisch=True)
    momenten = {m.id: m for m in probleem.momenten}
    return [momenten[i].soort for ids in gekozen.plaatsingen.values() for i in ids]


def test_by_default_a_meeting_goes_in_school_hours_when_cover_is_possible() -> None:
    probleem = kleine_maand()
    assert Probleem(probleem.kalenders, {}, (), ()).afweging == Afweging.SCHOOLUREN
    assert soorten(probleem) == [Soort.LES]


def test_choosing_after_school_moves_the_meeting_after_school() -> None:
    assert soorten(kleine_maand(Afweging.NA_SCHOOL)) == [Soort.NA_SCHOOL]


def test_balanced_counts_a_covered_period_as_much_as_a_period_after_school() -> None:
    # 4 covered periods against 3 members × 2 periods after school: school hours are cheaper
    assert soorten(kleine_maand(Afweging.EVENWICHT)) == [Soort.LES]
    # with Carla teaching too, 6 against 6: the tie goes to nobody covering
    carla = leraar(3, "Carla Claes", uren=ALLE_UREN)
    drie = kleine_maand(Afweging.EVENWICHT)
    drie = replace(drie, leerkrachten={**drie.leerkrachten, 3: carla})
    assert soorten(drie) == [Soort.NA_SCHOOL]


@pytest.mark.parametrize("afweging", list(Afweging))
def test_each_level_of_the_cost_outweighs_everything_below_it(afweging: Afweging) -> None:
    probleem = kleine_maand(afweging)
    w = gewichten(probleem)
    lesuren = 3 * 2  # at most two periods to cover for each of three members
    na_school = 3 * 2  # three members, a meeting of two periods
    last = probleem.vervang_max_week
    assert w.onbezet > w.vervanging * lesuren + w.na_school * na_school + w.last * last
    assert min(w.vervanging, w.na_school) > w.last * last
    if afweging == Afweging.SCHOOLUREN:
        assert w.na_school > w.vervanging * lesuren + w.last * last
    elif afweging == Afweging.NA_SCHOOL:
        assert w.vervanging > w.na_school * na_school + w.last * last
    else:
        assert w.vervanging == w.na_school


def test_the_cost_of_each_choice_is_computed_on_a_small_month() -> None:
    probleem = kleine_maand()
    gekozen = plan_cpsat(probleem, seconds=5, workers=1, deterministisch=True)
    cijfers = {
        a.afweging: (a.vervanguren, a.na_school_minuten, a.na_school_bijeenkomsten)
        for a in services.alternatieven(probleem, gekozen, 5)
    }
    assert cijfers == {
        "schooluren": (4, 0, 0),
        "evenwicht": (4, 0, 0),
        "na_school": (0, 300, 1),
    }


# --- in the database ----------------------------------------------------------------------


@pytest.fixture
def hele_dag(rooster: Any) -> Any:
    """The member teaches every period, so meeting in school hours needs cover."""
    Les.objects.bulk_create(
        Les(
            school=rooster.school,
            leerkracht=rooster.member,
            dag=dag,
            lesuur=uur,
            groep="3A",
            vak="wiskunde",
        )
        for dag in range(5)
        for uur in (5, 6, 7, 8)
    )
    return rooster


@pytest.mark.django_db
def test_a_proposal_shows_what_each_choice_would_cost(
    hele_dag: Any,
    client: Client,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    maandplan = plan(hele_dag, django_capture_on_commit_callbacks)
    voorstel = maandplan.get_voorstel()
    assert voorstel.afweging == "schooluren"
    assert {x.soort for x in voorstel.plaatsingen} == {"les"}
    cijfers = {a.afweging: (a.vervanguren, a.na_school_minuten) for a in voorstel.alternatieven}
    assert cijfers == {"schooluren": (4, 0), "evenwicht": (4, 0), "na_school": (0, 400)}
    client.login(username=hele_dag.leader.email, password=PASSWORD)
    text = client.get(reverse("maandplan", args=[maandplan.pk])).content.decode()
    assert "Wat elke keuze kost" in text
    assert "6,7 u" in text or "6.7 u" in text  # 400 minutes after school


@pytest.mark.django_db
def test_taking_another_choice_swaps_the_proposal_for_its_plan(
    hele_dag: Any,
    client: Client,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    maandplan = plan(hele_dag, django_capture_on_commit_callbacks)
    client.login(username=hele_dag.leader.email, password=PASSWORD)
    url = reverse("maandplan_afweging", args=[maandplan.pk])
    assert client.post(url, {"afweging": "na_school"}).status_code == 302
    maandplan.refresh_from_db()
    voorstel = maandplan.get_voorstel()
    assert voorstel.afweging == "na_school"
    assert {x.soort for x in voorstel.plaatsingen} == {"na_school"}
    assert voorstel.vervangingen == [] and voorstel.aantal_vervanguren == 0
    assert services.latest_afweging(hele_dag.school) == Afweging.NA_SCHOOL


@pytest.mark.django_db
def test_an_applied_plan_keeps_its_choice(
    hele_dag: Any,
    client: Client,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    maandplan = plan(hele_dag, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.apply_maandplan(maandplan=maandplan)
    client.login(username=hele_dag.leader.email, password=PASSWORD)
    client.post(reverse("maandplan_afweging", args=[maandplan.pk]), {"afweging": "na_school"})
    maandplan.refresh_from_db()
    assert maandplan.status == MaandplanStatus.TOEGEPAST
    assert maandplan.get_voorstel().afweging == "schooluren"


@pytest.mark.django_db
def test_the_month_form_starts_from_the_schools_last_choice(
    hele_dag: Any,
    client: Client,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    client.login(username=hele_dag.leader.email, password=PASSWORD)
    url = reverse("maandplannen", args=[hele_dag.school.pk])
    assert re.search(r'value="schooluren"[^>]*checked', client.get(url).content.decode())
    plan(hele_dag, django_capture_on_commit_callbacks, afweging=Afweging.EVENWICHT)
    assert re.search(r'value="evenwicht"[^>]*checked', client.get(url).content.decode())


@pytest.mark.django_db
def test_an_unknown_choice_is_refused_with_a_message_and_changes_nothing(
    hele_dag: Any,
    client: Client,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    maandplan = plan(hele_dag, django_capture_on_commit_callbacks)
    client.login(username=hele_dag.leader.email, password=PASSWORD)
    response = client.post(
        reverse("maandplan_afweging", args=[maandplan.pk]), {"afweging": "'; drop"}, follow=True
    )
    assert "Kies een van de drie keuzes." in response.content.decode()
    maandplan.refresh_from_db()
    assert maandplan.get_voorstel().afweging == "schooluren"
