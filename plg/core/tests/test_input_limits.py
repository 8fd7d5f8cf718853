"""Every input has a sensible limit and a clear Dutch message that names the field; nothing of
a refused form is stored or mailed."""

from __future__ import annotations

import html
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD
from plg.communities.models import PLG
from plg.meetings.models import Bijeenkomst

MEGABYTE = "Ik schrijf en ik schrijf. " * 42_000


def login(client: Any, user: Any) -> Any:
    assert client.login(username=user.email, password=PASSWORD)
    return client


def page(response: Any) -> str:
    return html.unescape(response.content.decode())


# --- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize("when", ["0001-01-01T10:00", "9999-12-31T10:00"])
def test_a_bijeenkomst_in_year_1_or_9999_is_refused_naming_the_field(
    client: Any, world: Any, when: str
) -> None:
    login(client, world.coach)
    response = client.post(
        reverse("bijeenkomst_nieuw", args=[world.plg.pk]),
        {"starts_at": when, "place": "Zaal", "duration_minutes": "60"},
    )
    assert response.status_code == 200
    text = page(response)
    assert "Datum en uur" in text and "Kies een datum tussen" in text
    assert when in text  # what was typed stays
    assert not Bijeenkomst.objects.exists()


@pytest.mark.parametrize("year", ["0001", "9999"])
def test_choosing_a_moment_in_year_1_or_9999_is_refused(client: Any, world: Any, year: str) -> None:
    login(client, world.coach)
    response = client.post(
        reverse("plg_moment_kiezen", args=[world.plg.pk]),
        {"begin": f"{year}-03-01T08:30:00+01:00", "van": f"{year}-03-01", "tot": f"{year}-03-02"},
        follow=True,
    )
    assert response.status_code == 200
    assert "Kies een datum tussen" in page(response)
    assert not Bijeenkomst.objects.exists()


@pytest.mark.parametrize("year", ["0001", "9999"])
def test_searching_moments_in_year_1_or_9999_is_refused(client: Any, world: Any, year: str) -> None:
    login(client, world.coach)
    response = client.get(
        reverse("plg_momenten", args=[world.plg.pk]),
        {"van": f"{year}-03-01", "tot": f"{year}-03-20"},
    )
    assert response.status_code == 200
    assert "Kies een datum tussen" in page(response)


@pytest.mark.parametrize(
    ("van", "tot"), [("0001-01-01", "0001-12-31"), ("9999-01-01", "9999-12-31")]
)
def test_my_calendar_range_in_year_1_or_9999_is_refused(
    client: Any, world: Any, van: str, tot: str
) -> None:
    login(client, world.member)
    ics = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\n"
        "DTSTART:20270302T130000Z\r\nDTEND:20270302T150000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    response = client.post(
        reverse("tijd_bezet"),
        {"bestand": SimpleUploadedFile("a.ics", ics.encode()), "van": van, "tot": tot},
    )
    assert response.status_code == 422
    assert "Kies een datum tussen" in page(response)


# --- files ------------------------------------------------------------------------------------


def test_a_csv_header_of_more_than_128_kb_names_the_file_and_the_line(
    client: Any, world: Any
) -> None:
    login(client, world.leader)
    header = "leerkracht;dag;lesuur;groep;" + "vak" * 50_000
    response = client.post(
        reverse("rooster_import", args=[world.school.pk]),
        {
            "soort": "csv",
            "bestand": SimpleUploadedFile("lessen.csv", f"{header}\nx;ma;1;3A;wis\n".encode()),
        },
    )
    assert response.status_code == 422
    text = page(response)
    assert "lessen.csv" in text and "regel 1" in text


# --- text -------------------------------------------------------------------------------------


def test_a_megabyte_praktijknood_is_refused_and_nothing_is_stored(client: Any, world: Any) -> None:
    login(client, world.coach)
    response = client.post(
        reverse("plg_edit", args=[world.plg.pk]),
        {"name": world.plg.name, "praktijknood": MEGABYTE},
    )
    assert response.status_code == 200
    assert "Praktijknood" in page(response) and "niet meer dan 4000 tekens" in page(response)
    assert PLG.objects.get().praktijknood == "Het huiswerkbeleid loopt stroef."


def test_a_megabyte_invitation_message_is_not_mailed(client: Any, world: Any) -> None:
    login(client, world.coach)
    client.post(
        reverse("plg_leden", args=[world.plg.pk]),
        {"email": "nieuw@regenboog.example", "school": world.school.pk, "message": MEGABYTE},
    )
    assert not mail.outbox


def test_a_megabyte_leerlog_is_refused(client: Any, world: Any) -> None:
    from plg.meetings import services
    from plg.meetings.models import LeerlogEntry

    bijeenkomst = services.plan_bijeenkomst(
        plg=world.plg,
        starts_at=timezone.now() - timedelta(days=1),
        place="Zaal",
        duration_minutes=60,
    )
    login(client, world.member)
    response = client.post(
        reverse("leerlog", args=[bijeenkomst.pk]),
        {"kennis_inzicht": MEGABYTE, "audience": "plg"},
    )
    assert response.status_code == 200
    assert "niet meer dan 4000 tekens" in page(response)
    assert not LeerlogEntry.objects.exists()


@pytest.mark.parametrize("name", ["Huiswerk\nBcc: iedereen@example.org", "Huis\x07werk"])
def test_a_plg_name_with_a_newline_or_control_character_is_refused(
    client: Any, world: Any, name: str
) -> None:
    login(client, world.coach)
    response = client.post(
        reverse("plg_edit", args=[world.plg.pk]),
        {"name": name, "praktijknood": "Iets"},
    )
    assert response.status_code == 200
    assert "Naam" in page(response) and "op één regel" in page(response)
    assert PLG.objects.get().name == "Huiswerk met betekenis"


def test_a_new_account_name_with_a_newline_is_refused(client: Any, world: Any) -> None:
    from plg.communities.models import Uitnodiging

    invitation = Uitnodiging.objects.create(
        plg=world.plg, email="nieuw@regenboog.example", school=world.school, invited_by=world.coach
    )
    response = client.post(
        reverse("uitnodiging", args=[invitation.token]),
        {
            "first_name": "Eva\r\nBcc: x@example.org",
            "last_name": "Peeters",
            "password1": "een-lang-wachtwoord-9",
            "password2": "een-lang-wachtwoord-9",
        },
    )
    assert response.status_code == 200
    assert "Voornaam" in page(response) and "op één regel" in page(response)


def test_a_wave_title_with_a_newline_is_refused(client: Any, world: Any) -> None:
    from plg.scans.models import Afname

    login(client, world.leader)
    response = client.post(
        reverse("scan_nieuw"),
        {"title": "Scan\nBcc: x@example.org", "schools": [world.school.pk], "team": "on"},
    )
    assert response.status_code == 200
    assert "op één regel" in page(response)
    assert not Afname.objects.exists() and not mail.outbox


def test_a_guest_name_with_a_newline_is_refused(client: Any, world: Any) -> None:
    from plg.live.models import Gastlink, LiveSessie
    from plg.meetings import services

    bijeenkomst = services.plan_bijeenkomst(
        plg=world.plg, starts_at=timezone.now(), place="Zaal", duration_minutes=60
    )
    LiveSessie.objects.create(bijeenkomst=bijeenkomst, opened_by=world.coach)
    login(client, world.coach)
    client.post(
        reverse("live_gast_nieuw", args=[bijeenkomst.pk]),
        {"name": "Expert\nmet twee regels", "hours": "4"},
    )
    assert not Gastlink.objects.exists()


def test_a_werkvorm_name_with_a_newline_is_refused(client: Any, world: Any) -> None:
    from plg.methods.models import Werkvorm

    login(client, world.coach)
    before = Werkvorm.objects.count()
    response = client.post(
        reverse("werkvorm_nieuw"),
        {
            "school": world.school.pk,
            "name": "Stil\nschrijven",
            "summary": "Eerst alleen",
            "wat": "a",
            "waarom": "b",
            "hoe": "c",
            "minutes": "10",
            "steps": ["input"],
        },
    )
    assert response.status_code == 200 and "op één regel" in page(response)
    assert Werkvorm.objects.count() == before


# --- NUL bytes --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/scan/abc%00def/",
        "/uitnodiging/abc%00def/",
        "/agenda/abc%00def.ics",
        "/gast/abc%00def/",
        "/plg/nieuw/?naam=a%00b",
    ],
)
def test_a_nul_byte_in_a_link_is_refused(client: Any, world: Any, path: str) -> None:
    login(client, world.coach)
    assert client.get(path).status_code == 400


def test_a_nul_byte_in_a_form_is_refused_and_nothing_is_stored(client: Any, world: Any) -> None:
    from plg.communities.models import Notitie

    login(client, world.coach)
    response = client.post(
        reverse("notitie_nieuw", args=[world.plg.pk]), {"text": "a\x00b", "audience": "plg"}
    )
    assert response.status_code == 400
    assert "NUL" in page(response) or "teken" in page(response)
    assert not Notitie.objects.exists()


def test_another_bad_request_does_not_blame_a_nul_character(client: Any, world: Any) -> None:
    """Too many fields in one form is refused too (400), for a reason of its own."""
    login(client, world.coach)
    fields = {f"veld{i}": "x" for i in range(1200)}
    response = client.post(reverse("notitie_nieuw", args=[world.plg.pk]), fields)
    assert response.status_code == 400
    assert "NUL" not in page(response)
    assert "konden we niet verwerken" in page(response)
