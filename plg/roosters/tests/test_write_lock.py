"""An upload is read before anything is written: while a large file is parsed, everyone else
can still write (on SQLite one writer holds the whole database)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse

from plg.communities.models import Notitie
from plg.roosters.imports import ical, lessen_csv, text, untis
from plg.roosters.models import Bezetting, Les
from plg.roosters.services import kalender_van
from plg.roosters.tests.test_roosters import login

pytestmark = pytest.mark.django_db(transaction=True)


def large_ics(events: int = 2000) -> bytes:
    start = date(2027, 3, 1)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN"]
    for n in range(events):
        day = start + timedelta(days=n % 90)
        hour = 8 + n % 8
        lines += [
            "BEGIN:VEVENT",
            f"UID:{n}@test",
            "DTSTAMP:20270101T000000Z",
            f"DTSTART:{day:%Y%m%d}T{hour:02d}0000Z",
            f"DTEND:{day:%Y%m%d}T{hour:02d}3000Z",
            f"SUMMARY:Afspraak {n}",
            "END:VEVENT",
        ]
    return ("\r\n".join([*lines, "END:VCALENDAR"]) + "\r\n").encode()


def large_csv(world: Any, rows: int = 3000) -> bytes:
    lines = ["leerkracht;dag;lesuur;groep;vak"]
    lines += [
        f"member@regenboog.example;{['ma', 'di', 'wo', 'do', 'vr'][n % 5]};{1 + n % 7};3A;wis"
        for n in range(rows)
    ]
    return "\n".join(lines).encode()


def _while_parsing(monkeypatch: Any, upload: Callable[[], Any]) -> tuple[Any, bool]:
    """Run the upload in a thread, hold its parser at the start (every reader decodes the bytes
    first), write meanwhile on this thread's own connection (waiting at most half a second),
    then let the parser go on."""
    parsing, go_on = threading.Event(), threading.Event()
    real = text.read_text

    def held(*args: Any, **kwargs: Any) -> Any:
        parsing.set()
        go_on.wait(10)
        return real(*args, **kwargs)

    for reader in (lessen_csv, untis, ical):
        monkeypatch.setattr(reader, "read_text", held)
    result: dict[str, Any] = {}
    worker = threading.Thread(target=lambda: result.setdefault("response", upload()))
    worker.start()
    assert parsing.wait(10), "the upload never reached its parser"
    try:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA busy_timeout = 500")
        Notitie.objects.create(plg=_plg(), author=_author(), text="tussendoor")
        wrote = True
    except Exception:  # database is locked / database table is locked
        wrote = False
    finally:
        go_on.set()
        worker.join(20)
    return result.get("response"), wrote


def _plg() -> Any:
    from plg.communities.models import PLG

    return PLG.objects.get()


def _author() -> Any:
    from plg.accounts.models import User

    return User.objects.get(email="coach@regenboog.example")


@pytest.fixture(autouse=True)
def _sqlite_only() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("the whole-database write lock is SQLite's")


def test_others_can_write_while_a_large_calendar_is_read(
    world: Any, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    login(client, world.member)
    response, wrote = _while_parsing(
        monkeypatch,
        lambda: client.post(
            reverse("tijd_bezet"),
            {
                "bestand": SimpleUploadedFile("agenda.ics", large_ics()),
                "van": "2027-03-01",
                "tot": "2027-06-30",
            },
        ),
    )
    assert wrote, "a small write failed while the calendar file was being read"
    assert response.status_code == 302
    assert Bezetting.objects.filter(user=world.member).exists()


def test_others_can_write_while_a_large_timetable_is_read(
    world: Any, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    login(client, world.leader)
    kalender_van(world.school)
    response, wrote = _while_parsing(
        monkeypatch,
        lambda: client.post(
            reverse("rooster_import", args=[world.school.pk]),
            {"soort": "csv", "bestand": SimpleUploadedFile("lessen.csv", large_csv(world))},
        ),
    )
    assert wrote, "a small write failed while the timetable file was being read"
    assert response.status_code == 302
    assert Les.objects.filter(school=world.school).count() == 35
