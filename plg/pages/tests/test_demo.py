"""The demo: its school calendar has the Christmas holidays as Flemish schools have them, and
its school leader sees what the school does in each other's classes; its scans look like the
research."""

from __future__ import annotations

from datetime import date

import pytest

from plg.accounts.models import User
from plg.bezoeken.aggregates import praktijk
from plg.bezoeken.schooljaar import dit_trimester
from plg.organisations.models import School
from plg.pages.management.commands.seed_demo import _kerstvakantie, build_demo, reset_demo
from plg.scans.models import Resultaat
from plg.scans.results import characteristic_scores


@pytest.mark.parametrize(
    ("today", "holidays"),
    [
        (date(2026, 11, 23), (date(2026, 12, 21), date(2027, 1, 3))),  # Christmas on a Friday
        (date(2027, 2, 1), (date(2026, 12, 21), date(2027, 1, 3))),  # same school year
        (date(2024, 9, 1), (date(2024, 12, 23), date(2025, 1, 5))),  # on a Wednesday
        (date(2021, 10, 1), (date(2021, 12, 27), date(2022, 1, 9))),  # on a Saturday
        (date(2022, 12, 1), (date(2022, 12, 26), date(2023, 1, 8))),  # on a Sunday
    ],
)
def test_the_christmas_holidays_of_the_school_year(
    today: date, holidays: tuple[date, date]
) -> None:
    assert _kerstvakantie(today) == holidays


@pytest.mark.django_db
def test_the_demo_school_leader_sees_visits_and_sint_jozef_too_few() -> None:
    build_demo()
    schools = {school.name: school.pk for school in School.objects.all()}
    shown = praktijk(schools.values(), [dit_trimester()])
    regenboog = shown[schools["Basisschool De Regenboog"]][0]
    assert regenboog.bezoeken and regenboog.aandeel and regenboog.koppels
    assert [vorm.label for vorm in regenboog.vormen] == ["klasbezoek", "blitsbezoek", "co-teaching"]
    assert shown[schools["Basisschool Sint-Jozef"]][0].leeg


@pytest.mark.django_db
def test_the_demo_can_be_removed_to_load_it_again() -> None:
    build_demo()
    reset_demo()
    assert not User.objects.filter(email__endswith=".example").exists()
    assert not School.objects.exists()


@pytest.mark.django_db
def test_the_demo_scans_tell_the_research_story() -> None:
    """Deprivatised practice is the weakest characteristic everywhere, and De Regenboog grows
    into a mature PLG while its classroom doors mostly stay closed."""
    build_demo()
    waves = Resultaat.objects.filter(afname__plg=None).select_related("afname")
    for resultaat in waves:
        scores = characteristic_scores(resultaat.afname.instrument, resultaat.data)
        assert min(scores, key=scores.__getitem__) == "gedeprivatiseerde_praktijk"
    regenboog = {
        r.afname.title: r.profiel for r in waves.filter(school__name="Basisschool De Regenboog")
    }
    assert regenboog == {"PLG-scan najaar": "ontwikkelend", "PLG-scan voorjaar": "volwassen"}


@pytest.mark.django_db
def test_the_demo_school_leader_has_a_tandem_with_an_open_request_and_invitation() -> None:
    from plg.tandem.models import Tandem

    build_demo()
    tandem = Tandem.objects.get(schoolleider__email="directie@regenboog.example")
    assert tandem.is_akkoord and tandem.momenten.count() == 2
    assert [s.is_open for s in tandem.steunvragen.order_by("id")] == [False, True]
    assert tandem.uitnodigingen.get().komt is None
    assert not Tandem.objects.get(schoolleider__email="directie@sintjozef.example").is_akkoord
