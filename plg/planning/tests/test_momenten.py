"""The slot finder for one PLG: ranked, checked against timetables, calendars and busy times."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from django.core.mail import EmailMessage
from pytest_django.fixtures import DjangoCaptureOnCommitCallbacks

from plg.accounts.models import User
from plg.communities import services as community_services
from plg.communities.models import Lidmaatschap
from plg.meetings.models import Herinnering
from plg.organisations.models import School
from plg.planning import services
from plg.planning.models import Vervangbeurt
from plg.planning.problem import BRUSSELS, Probleem, Soort
from plg.planning.slots import Zoekresultaat
from plg.planning.tests.conftest import MONDAY
from plg.roosters.models import Bezetting, Les, SoortVrij
from plg.roosters.services import add_vrije_dagen, kalender_van

pytestmark = pytest.mark.django_db


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=BRUSSELS)


def search(w: Any, van: date = MONDAY, tot: date | None = None) -> tuple[Probleem, Zoekresultaat]:
    return services.search_momenten(plg=w.plg, van=van, tot=tot or van + timedelta(days=4))


def test_best_moment_needs_nobody_to_be_replaced(rooster: Any) -> None:
    _probleem, resultaat = search(rooster)
    best = resultaat.voorstellen[0]
    assert best.iedereen_vrij
    assert best.moment.begin == at(MONDAY, 13, 15)
    assert best.moment.soort == Soort.LES


def test_a_morning_moment_names_the_free_colleague_for_each_period(rooster: Any) -> None:
    _probleem, resultaat = search(rooster)
    morning = next(v for v in resultaat.voorstellen if v.moment.begin == at(MONDAY, 8, 30))
    assert [(v.lesuur, v.groep, v.vervanger) for v in morning.vervangingen] == [
        (1, "3A", rooster.colleague.pk),
        (2, "3A", rooster.colleague.pk),
    ]
    assert morning.vrij == 1  # the coach teaches no class


def test_after_school_moments_are_marked_as_extra_burden_and_ranked_last(rooster: Any) -> None:
    _probleem, resultaat = search(rooster)
    after = [v for v in resultaat.voorstellen if v.na_school]
    assert after and all(not v.iedereen_vrij for v in after)
    assert resultaat.voorstellen.index(after[0]) > resultaat.voorstellen.index(
        resultaat.groep("vervanging")[-1]
    )


def test_a_weekly_cap_stops_a_substitute_from_covering_more(rooster: Any) -> None:
    services_load = services.week_load(MONDAY, MONDAY)
    assert not services_load
    kalender = kalender_van(rooster.school)
    kalender.vervang_max_week = 1
    kalender.save()
    _probleem, resultaat = search(rooster)
    assert not resultaat.groep("vervanging")
    assert resultaat.zonder_vervanger > 0


def test_an_imported_busy_time_removes_the_moment(rooster: Any) -> None:
    Bezetting.objects.create(user=rooster.member, begin=at(MONDAY, 13, 0), einde=at(MONDAY, 14, 0))
    _probleem, resultaat = search(rooster)
    assert at(MONDAY, 13, 15) not in {v.moment.begin for v in resultaat.voorstellen}


def test_holidays_have_no_moments_and_a_day_without_pupils_needs_no_substitutes(
    rooster: Any,
) -> None:
    kalender = kalender_van(rooster.school)
    add_vrije_dagen(
        kalender=kalender, van=MONDAY, tot=MONDAY, soort=SoortVrij.VAKANTIE, omschrijving="Vrij"
    )
    tuesday = MONDAY + timedelta(days=1)
    add_vrije_dagen(
        kalender=kalender,
        van=tuesday,
        tot=tuesday,
        soort=SoortVrij.ZONDER_LEERLINGEN,
        omschrijving="Studiedag",
    )
    _probleem, resultaat = search(rooster)
    days = {v.moment.dag for v in resultaat.voorstellen}
    assert MONDAY not in days
    studiedag = [v for v in resultaat.voorstellen if v.moment.dag == tuesday]
    assert [v.moment.soort for v in studiedag] == [Soort.VRIJ]
    assert resultaat.voorstellen[0] == studiedag[0]


def test_a_cross_school_plg_meets_only_after_school(rooster: Any) -> None:
    sister_teacher = _teacher(rooster, rooster.sister, "sofie@sintjozef.example")
    plg = community_services.create_plg(
        coach=rooster.coach, name="Samen over scholen", schools=[rooster.school, rooster.sister]
    )
    Lidmaatschap.objects.create(plg=plg, user=sister_teacher)
    _probleem, resultaat = services.search_momenten(
        plg=plg, van=MONDAY, tot=MONDAY + timedelta(days=4)
    )
    assert resultaat.voorstellen
    assert {v.moment.soort for v in resultaat.voorstellen} == {Soort.NA_SCHOOL}


def test_a_wednesday_afternoon_is_after_school_time(rooster: Any) -> None:
    wednesday = MONDAY + timedelta(days=2)
    _probleem, resultaat = search(rooster, van=wednesday, tot=wednesday)
    afternoon = [v for v in resultaat.voorstellen if v.moment.begin.hour >= 12]
    assert [v.moment.soort for v in afternoon] == [Soort.NA_SCHOOL]


def test_choosing_a_moment_plans_it_names_substitutes_and_tells_everyone(
    rooster: Any,
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    probleem, resultaat = search(rooster)
    morning = next(v for v in resultaat.voorstellen if v.moment.begin == at(MONDAY, 8, 30))
    with django_capture_on_commit_callbacks(execute=True):
        bijeenkomst = services.plan_voorstel(
            plg=rooster.plg, probleem=probleem, voorstel=morning, place="Leraarskamer"
        )
    assert bijeenkomst.starts_at == at(MONDAY, 8, 30)
    assert bijeenkomst.blokken.count() == 5
    beurten = Vervangbeurt.objects.filter(bijeenkomst=bijeenkomst)
    assert [(b.vervanger, b.lesuur, b.groep) for b in beurten] == [
        (rooster.colleague, 1, "3A"),
        (rooster.colleague, 2, "3A"),
    ]
    by_recipient = {m.to[0]: m for m in mailoutbox}
    assert set(by_recipient) == {rooster.coach.email, rooster.member.email, rooster.colleague.email}
    ics = by_recipient[rooster.member.email].attachments[0]
    assert ics[0] == "bijeenkomst.ics" and "DTSTART;TZID=Europe/Brussels:20270301T083000" in ics[1]
    assert "3A" in by_recipient[rooster.colleague.email].body
    assert set(
        Herinnering.objects.filter(bijeenkomst=bijeenkomst).values_list("soort", flat=True)
    ) == {
        "vooraf",
        "leerlog",
    }


def test_once_planned_the_moment_and_the_substitute_are_taken(rooster: Any) -> None:
    probleem, resultaat = search(rooster)
    morning = next(v for v in resultaat.voorstellen if v.moment.begin == at(MONDAY, 8, 30))
    services.plan_voorstel(plg=rooster.plg, probleem=probleem, voorstel=morning, place="")
    _probleem, again = search(rooster)
    begins = {v.moment.begin for v in again.voorstellen}
    assert at(MONDAY, 8, 30) not in begins
    # the colleague covered two periods this week: the cap of two is reached
    assert not again.groep("vervanging")


def _teacher(w: Any, school: School, email: str) -> User:
    from plg.organisations.models import Aanstelling, Functie

    user = User.objects.create_user(email, "x", first_name="Sofie", last_name="Test")
    Aanstelling.objects.create(user=user, school=school, functie=Functie.LERAAR)
    kalender_van(school)
    Les.objects.create(school=school, leerkracht=user, dag=0, lesuur=1, groep="1A", vak="lezen")
    return user


def test_a_designated_substitute_of_a_sister_school_covers_when_free_there(rooster: Any) -> None:
    from plg.roosters.models import Kruisvervanger

    Les.objects.filter(leerkracht=rooster.colleague).delete()  # no colleague left to cover
    _probleem, before = search(rooster)
    assert not before.groep("vervanging")
    sofie = _teacher(rooster, rooster.sister, "sofie@sintjozef.example")
    Kruisvervanger.objects.create(school=rooster.school, user=sofie)
    _probleem, after = search(rooster)
    tuesday = next(
        v for v in after.voorstellen if v.moment.begin == at(MONDAY + timedelta(days=1), 8, 30)
    )
    assert {v.vervanger for v in tuesday.vervangingen} == {sofie.pk}
    monday = [v for v in after.voorstellen if v.moment.begin == at(MONDAY, 8, 30)]
    assert not monday  # she teaches her own class then
