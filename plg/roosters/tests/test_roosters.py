"""Storing imports (all or nothing), the school calendar, and who sees a timetable."""

from __future__ import annotations

import html
from datetime import time
from typing import TYPE_CHECKING, Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD
from plg.accounts.models import User
from plg.organisations.models import School
from plg.roosters.models import Bezetting, Leerkrachtcode, Les, Lesuur, Planner, Roosterimport
from plg.roosters.services import kalender_van

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse

pytestmark = pytest.mark.django_db

GOOD = (
    "leerkracht;dag;lesuur;groep;vak\n"
    "member@regenboog.example;ma;1;3A;wiskunde\n"
    "member@regenboog.example;di;2;3A;taal\n"
    "colleague@regenboog.example;wo;3;4B;muzo\n"
)


def login(client: Client, user: User) -> Client:
    client.login(username=user.email, password=PASSWORD)
    return client


def upload(client: Client, school: School, soort: str, **files: Any) -> _MonkeyPatchedWSGIResponse:
    data = {"soort": soort, **files}
    return client.post(reverse("rooster_import", args=[school.pk]), data)


def csv_file(text: str, name: str = "lessen.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("cp1252"), content_type="text/csv")


def test_a_good_csv_replaces_the_timetable(world: Any, client: Client) -> None:
    login(client, world.leader)
    kalender_van(world.school)
    Les.objects.create(school=world.school, leerkracht=world.coach, dag=4, lesuur=7, groep="oud")
    response = upload(client, world.school, "csv", bestand=csv_file(GOOD))
    assert response.status_code == 302
    assert sorted(Les.objects.values_list("leerkracht__email", "dag", "lesuur", "groep")) == [
        ("colleague@regenboog.example", 2, 3, "4B"),
        ("member@regenboog.example", 0, 1, "3A"),
        ("member@regenboog.example", 1, 2, "3A"),
    ]
    assert Roosterimport.objects.get().aantal == 3


def test_an_unknown_teacher_stores_nothing_and_names_file_line_and_field(
    world: Any, client: Client
) -> None:
    login(client, world.leader)
    kalender_van(world.school)
    Les.objects.create(school=world.school, leerkracht=world.coach, dag=4, lesuur=7, groep="oud")
    bad = GOOD + "outsider@vlieger.example;do;1;5C;LO\nnobody@example.org;vr;1;6A;LO\n"
    response = upload(client, world.school, "csv", bestand=csv_file(bad))
    assert response.status_code == 422
    text = response.content.decode()
    assert "lessen.csv, regel 5, veld" in text and "outsider@vlieger.example" in text
    assert "regel 6" in text
    assert list(Les.objects.values_list("groep", flat=True)) == ["oud"]
    assert not Roosterimport.objects.exists()


def test_a_malformed_csv_lists_every_error_and_keeps_the_old_timetable(
    world: Any, client: Client
) -> None:
    login(client, world.leader)
    response = upload(
        client,
        world.school,
        "csv",
        bestand=csv_file(
            "leerkracht;dag;lesuur;groep;vak\nmember@regenboog.example;zondag;x;3A;w\n"
        ),
    )
    text = html.unescape(response.content.decode())
    assert response.status_code == 422
    assert "regel 2, veld 'dag'" in text and "regel 2, veld 'lesuur'" in text
    assert not Les.objects.exists()


def test_a_period_outside_the_school_calendar_is_refused(world: Any, client: Client) -> None:
    login(client, world.leader)
    response = upload(
        client,
        world.school,
        "csv",
        bestand=csv_file("leerkracht;dag;lesuur;groep;vak\nmember@regenboog.example;ma;9;3A;w\n"),
    )
    assert response.status_code == 422
    assert "lesuur 9 bestaat niet" in response.content.decode()


def test_untis_files_link_codes_to_people_and_import_the_timetable(
    world: Any, client: Client
) -> None:
    login(client, world.leader)
    kalender_van(world.school)
    teachers = (
        '"MEM","Test",' + ",".join([""] * 26) + ',"Mehdi",,,,"member@regenboog.example"\n'
        '"KAT","Test",' + ",".join([""] * 26) + ',"Kato"\n'
    )
    lessons = '1,"3A","MEM","WIS","A1",1,1,1\n2,"4B","KAT","TAAL","A2",3,5,1\n'
    response = upload(
        client,
        world.school,
        "untis",
        leerkrachten=SimpleUploadedFile("GPU004.TXT", teachers.encode("cp1252")),
        lessen=SimpleUploadedFile("GPU001.TXT", lessons.encode("cp1252")),
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert dict(Leerkrachtcode.objects.values_list("code", "user__email")) == {
        "MEM": "member@regenboog.example",
        "KAT": "colleague@regenboog.example",
    }
    assert sorted(Les.objects.values_list("leerkracht__email", "dag", "lesuur")) == [
        ("colleague@regenboog.example", 2, 5),
        ("member@regenboog.example", 0, 1),
    ]


def test_an_untis_teacher_nobody_knows_stops_the_whole_import(world: Any, client: Client) -> None:
    login(client, world.leader)
    teachers = '"XYZ","Onbekend",' + ",".join([""] * 26) + ',"Iemand"\n'
    response = upload(
        client,
        world.school,
        "untis",
        leerkrachten=SimpleUploadedFile("GPU004.TXT", teachers.encode()),
        lessen=SimpleUploadedFile("GPU001.TXT", b'1,"3A","XYZ","WIS","A1",1,1,1\n'),
    )
    assert response.status_code == 422
    assert "GPU004.TXT, regel 1" in response.content.decode()
    assert not Leerkrachtcode.objects.exists() and not Les.objects.exists()


def test_the_planner_imports_someones_busy_times_without_titles(world: Any, client: Client) -> None:
    login(client, world.leader)
    ics = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\n"
        "DTSTART;TZID=Europe/Brussels:20270302T140000\r\n"
        "DTEND;TZID=Europe/Brussels:20270302T160000\r\nSUMMARY:Dokter\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    response = client.post(
        reverse("rooster_import", args=[world.school.pk]),
        {
            "soort": "ical",
            "persoon": world.member.pk,
            "van": "2027-03-01",
            "tot": "2027-03-31",
            "bestand": SimpleUploadedFile("agenda.ics", ics.encode()),
        },
    )
    assert response.status_code == 302
    (blok,) = Bezetting.objects.filter(user=world.member)
    assert blok.begin.isoformat() == "2027-03-02T13:00:00+00:00"
    assert not hasattr(blok, "summary")


def test_a_teacher_shares_their_own_busy_times(world: Any, client: Client) -> None:
    login(client, world.member)
    ics = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\n"
        "DTSTART:20270302T130000Z\r\nDTEND:20270302T150000Z\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    response = client.post(
        reverse("tijd_bezet"),
        {
            "van": "2027-03-01",
            "tot": "2027-03-31",
            "bestand": SimpleUploadedFile("a.ics", ics.encode()),
        },
    )
    assert response.status_code == 302
    assert Bezetting.objects.filter(user=world.member).count() == 1
    broken = client.post(
        reverse("tijd_bezet"),
        {
            "van": "2027-03-01",
            "tot": "2027-03-31",
            "bestand": SimpleUploadedFile("a.ics", b"nonsense"),
        },
    )
    assert broken.status_code == 422 and "a.ics" in broken.content.decode()
    assert Bezetting.objects.filter(user=world.member).count() == 1


def test_the_school_calendar_periods_are_typed_one_per_line(world: Any, client: Client) -> None:
    login(client, world.leader)
    url = reverse("school_kalender", args=[world.school.pk])
    data = {
        "woensdag_tot": 4,
        "na_school": "15:45",
        "vrij_begin": "09:00",
        "vervang_max_week": 2,
        "na_school_max_maand": 2,
        "lesuren_tekst": "08:25-09:15\n09:15-10:05\n10:20-11:10\n11:10-12:00\n13:00-13:50",
    }
    assert client.post(url, data).status_code == 302
    assert [(u.nummer, u.begin) for u in Lesuur.objects.all()][-1] == (5, time(13, 0))
    bad = client.post(url, data | {"lesuren_tekst": "08:25-09:15\nnegen uur"})
    assert bad.status_code == 200
    text = bad.content.decode()
    assert "regel 2" in text and "negen uur" in text  # the form keeps what was typed
    assert Lesuur.objects.count() == 5


def test_vrije_dagen_are_added_and_a_wrong_order_is_explained(world: Any, client: Client) -> None:
    login(client, world.leader)
    url = reverse("vrije_dagen_nieuw", args=[world.school.pk])
    ok = client.post(
        url,
        {"van": "2027-02-15", "tot": "2027-02-19", "soort": "vakantie", "omschrijving": "Krokus"},
    )
    assert ok.status_code == 302
    bad = client.post(url, {"van": "2027-02-19", "tot": "2027-02-15", "soort": "vakantie"})
    assert "De laatste dag ligt voor de eerste." in bad.content.decode()
    assert kalender_van(world.school).vrije_dagen.count() == 1


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("member", 200),  # their own week
        ("leader", 200),
        ("planner", 200),
        ("colleague", 404),  # never a colleague's week
        ("coach", 404),
        ("other_leader", 404),
        ("advisor", 404),
    ],
)
def test_a_teachers_timetable_is_for_them_the_leader_and_the_planner(
    world: Any, client: Client, persona: str, status: int
) -> None:
    kalender_van(world.school)
    Planner.objects.create(school=world.school, user=world.coach) if persona == "planner" else None
    user = world.coach if persona == "planner" else getattr(world, persona)
    login(client, user)
    url = reverse("leerkracht_rooster", args=[world.school.pk, world.member.pk])
    assert client.get(url).status_code == status


def test_only_a_leader_names_planners(world: Any, client: Client) -> None:
    Planner.objects.create(school=world.school, user=world.coach)
    login(client, world.coach)
    url = reverse("school_rollen", args=[world.school.pk])
    client.post(url, {"action": "planner", "persoon": world.colleague.pk})
    assert list(Planner.objects.values_list("user", flat=True)) == [world.coach.pk]
    login(client, world.leader)
    client.post(url, {"action": "planner", "persoon": world.colleague.pk})
    assert set(Planner.objects.values_list("user", flat=True)) == {
        world.coach.pk,
        world.colleague.pk,
    }
