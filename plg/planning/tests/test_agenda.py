"""Calendar feeds and time accounts."""

from __future__ import annotations

import html
from datetime import datetime, time, timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from conftest import PASSWORD
from plg.accounts.models import User
from plg.meetings.services import plan_bijeenkomst
from plg.planning import accounts
from plg.planning.models import Kalenderfeed, Vervangbeurt
from plg.planning.problem import BRUSSELS, Vervanging

pytestmark = pytest.mark.django_db


def local(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=BRUSSELS)


def feed_of(client: Client, user: User) -> Calendar:
    feed = Kalenderfeed.objects.create(user=user)
    response = client.get(reverse("agenda_feed", args=[feed.token]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (local(2027, 3, 26, 14), local(2027, 3, 29, 14)),  # last Sunday of March: 28 March
        (local(2027, 10, 29, 14), local(2027, 11, 1, 14)),  # last Sunday of October: 31 Oct
    ],
)
def test_the_feed_keeps_wall_clock_time_across_the_clock_change(
    world: Any, client: Client, before: datetime, after: datetime
) -> None:
    for starts_at in (before, after):
        plan_bijeenkomst(plg=world.plg, starts_at=starts_at, place="", duration_minutes=100)
    calendar = feed_of(client, world.member)
    events = sorted(calendar.walk("VEVENT"), key=lambda e: e.decoded("dtstart"))
    starts = [e.decoded("dtstart") for e in events]
    assert [s.time() for s in starts] == [time(14, 0), time(14, 0)]
    assert {str(s.tzinfo) for s in starts} == {"Europe/Brussels"}
    # the same wall-clock time is a different UTC hour on either side of the change
    assert {s.utcoffset() for s in starts} == {timedelta(hours=1), timedelta(hours=2)}
    assert calendar.walk("VTIMEZONE"), "the zone definition travels with the feed"
    assert [e.decoded("dtend") - e.decoded("dtstart") for e in events] == [
        timedelta(minutes=100)
    ] * 2


def test_the_feed_holds_bijeenkomsten_of_my_plgs_and_my_substitution_duties(
    world: Any, client: Client
) -> None:
    soon = timezone.now() + timedelta(days=3)
    bijeenkomst = plan_bijeenkomst(
        plg=world.plg, starts_at=soon, place="Zaal", duration_minutes=100
    )
    Vervangbeurt.for_vervanging(
        bijeenkomst,
        Vervanging(world.member.pk, world.colleague.pk, world.school.pk, soon.date(), 1, "3A"),
        (soon, soon + timedelta(minutes=50)),
    ).save()
    member = [str(e["summary"]) for e in feed_of(client, world.member).walk("VEVENT")]
    colleague = feed_of(client, world.colleague).walk("VEVENT")
    outsider = feed_of(client, world.outsider).walk("VEVENT")
    assert member == ["PLG Huiswerk met betekenis"]
    assert [str(e["summary"]) for e in colleague] == ["Vervanging 3A (lesuur 1)"]
    assert outsider == []


def test_a_duty_reads_the_same_on_my_time_page_and_in_my_calendar(
    world: Any, client: Client
) -> None:
    soon = timezone.localtime() + timedelta(days=3)
    begin = soon.replace(hour=10, minute=25, second=0, microsecond=0)
    bijeenkomst = plan_bijeenkomst(plg=world.plg, starts_at=begin, place="", duration_minutes=100)
    beurt = Vervangbeurt.for_vervanging(
        bijeenkomst,
        Vervanging(world.member.pk, world.colleague.pk, world.school.pk, begin.date(), 3, "3A"),
        (begin, begin + timedelta(minutes=50)),
    )
    beurt.save()
    assert beurt.omschrijving == "lesuur 3 (10:25–11:15): 3A, voor Mehdi Test"
    [event] = feed_of(client, world.colleague).walk("VEVENT")
    assert (str(event["summary"]), str(event["description"])) == (beurt.titel, beurt.uitleg)
    client.login(username=world.colleague.email, password=PASSWORD)
    page = html.unescape(client.get(reverse("tijd")).content.decode())
    assert beurt.omschrijving in page


def test_a_revoked_feed_link_stops_working_and_a_new_one_replaces_it(
    world: Any, client: Client
) -> None:
    client.login(username=world.member.email, password=PASSWORD)
    client.post(reverse("feed_nieuw"))
    old = Kalenderfeed.objects.get(user=world.member)
    assert client.get(reverse("agenda_feed", args=[old.token])).status_code == 200
    client.post(reverse("feed_nieuw"))
    assert client.get(reverse("agenda_feed", args=[old.token])).status_code == 404
    new = Kalenderfeed.objects.get(user=world.member, revoked_at__isnull=True)
    assert client.get(reverse("agenda_feed", args=[new.token])).status_code == 200
    client.post(reverse("feed_intrekken"))
    assert client.get(reverse("agenda_feed", args=[new.token])).status_code == 404
    assert new.token not in client.get(reverse("tijd")).content.decode()


def test_a_teachers_account_shows_time_given_and_time_planned_apart(world: Any) -> None:
    month = local(2027, 3, 1, 0).date()
    for day in (3, 17):
        plan_bijeenkomst(
            plg=world.plg, starts_at=local(2027, 3, day, 15, 45), place="", duration_minutes=100
        )
    march, april = accounts.teacher_account(
        world.member, [month, month.replace(month=4)], nu=local(2027, 3, 10, 12)
    )
    assert (march.gegeven, march.gepland) == (100, 100)
    assert (april.gegeven, april.gepland) == (0, 0)
    assert accounts.teacher_account(world.colleague, [month])[0].gegeven == 0


def test_a_school_sees_the_time_it_made_available_by_kind(world: Any) -> None:
    month = local(2027, 3, 1, 0).date()
    plan_bijeenkomst(  # Wednesday afternoon, after the last period
        plg=world.plg, starts_at=local(2027, 3, 3, 15, 45), place="", duration_minutes=100
    )
    plan_bijeenkomst(  # Thursday morning, during lessons
        plg=world.plg, starts_at=local(2027, 3, 11, 9, 0), place="", duration_minutes=100
    )
    (march,) = accounts.school_account(world.school, [month])
    assert (march.bijeenkomsten, march.schooluren, march.na_school) == (2, 200, 200)
    assert (march.zonder_leerlingen, march.totaal) == (0, 400)


@pytest.mark.parametrize(("persona", "page"), [("member", "tijd"), ("leader", "school_tijd")])
def test_no_page_about_time_says_who_reached_a_norm(
    world: Any, client: Client, persona: str, page: str
) -> None:
    nu = timezone.now()
    for days in (-3, -1, 2):
        plan_bijeenkomst(
            plg=world.plg, starts_at=nu + timedelta(days=days), place="", duration_minutes=100
        )
    client.login(username=getattr(world, persona).email, password=PASSWORD)
    args = [world.school.pk] if page == "school_tijd" else []
    text = client.get(reverse(page, args=args)).content.decode().lower()
    for word in ("gehaald", "richtwaarde", "<progress", " van 4"):
        assert word not in text
