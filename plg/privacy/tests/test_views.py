"""A person downloads what the werkplaats holds about them; a beheerder reads who looked at
aggregated sensitive pages, never what those pages showed."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.communities.models import Notitie
from plg.communities.sharing import Audience
from plg.meetings.tests.pdfs import needs_poppler, pdf_text
from plg.organisations.tests.factories import SchoolFactory
from plg.privacy.middleware import GEVOELIG
from plg.privacy.models import Raadpleging

pytestmark = pytest.mark.django_db


def _login(client: Client, user: User) -> None:
    assert client.login(username=user.email, password=PASSWORD)


def _download(client: Client, world: World) -> dict[str, Any]:
    _login(client, world.member)
    data: dict[str, Any] = json.loads(client.get(reverse("mijn_gegevens_json")).content)
    return data


def test_the_download_holds_what_they_wrote(client: Client, world: World) -> None:
    Notitie.objects.create(plg=world.plg, author=world.member, text="Mijn eigen notitie")
    notes = _download(client, world)["gegevens"]["communities.Notitie"]
    assert [n["text"] for n in notes] == ["Mijn eigen notitie"]


def test_the_download_leaves_out_what_others_wrote_for_themselves(
    client: Client, world: World
) -> None:
    Notitie.objects.create(
        plg=world.plg, author=world.coach, text="Van de coach", audience=Audience.ALLEEN_IK
    )
    assert "Van de coach" not in json.dumps(_download(client, world))


def test_the_download_holds_no_password_hash(client: Client, world: World) -> None:
    person = _download(client, world)["gegevens"]["accounts.User"]
    assert [sorted(person[0]).count("password"), person[0]["email"]] == [0, world.member.email]


def test_the_download_is_a_file_of_the_format(client: Client, world: World) -> None:
    _login(client, world.member)
    response = client.get(reverse("mijn_gegevens_json"))
    assert response["Content-Disposition"].startswith('attachment; filename="mijn-gegevens-')
    assert json.loads(response.content)["formaat"] == "plg-inzage/1"


@needs_poppler
def test_the_pdf_reads_what_they_wrote(client: Client, world: World) -> None:
    Notitie.objects.create(plg=world.plg, author=world.member, text="Leesbaar in de PDF")
    _login(client, world.member)
    response = client.get(reverse("mijn_gegevens_pdf"))
    assert "Leesbaar in de PDF" in pdf_text(response.content)


def test_the_account_page_offers_both_downloads(client: Client, world: World) -> None:
    _login(client, world.member)
    page = client.get(reverse("mijn_gegevens")).content.decode()
    assert reverse("mijn_gegevens_pdf") in page and reverse("mijn_gegevens_json") in page


def test_opening_a_school_overview_is_logged_without_its_content(
    client: Client, world: World
) -> None:
    _login(client, world.leader)
    client.get(reverse("school_overview", args=[world.school.pk]))
    logged = Raadpleging.objects.get()
    assert (logged.wie, logged.wat, logged.onderwerp) == (
        world.leader,
        "school_overview",
        f"pk={world.school.pk}",
    )


def test_a_refused_overview_is_not_logged(client: Client, world: World) -> None:
    _login(client, world.leader)
    other = SchoolFactory.create()
    client.get(reverse("school_overview", args=[other.pk]))
    assert not Raadpleging.objects.exists()


def test_an_ordinary_page_is_not_logged(client: Client, world: World) -> None:
    _login(client, world.leader)
    client.get(reverse("home"))
    assert not Raadpleging.objects.exists()
    assert "home" not in GEVOELIG


def _staff(world: World) -> User:
    world.other_advisor.is_staff = True
    world.other_advisor.save()
    return world.other_advisor


def test_a_beheerder_reads_who_looked(client: Client, world: World) -> None:
    Raadpleging.objects.create(wie=world.leader, wat="scan_rapport", onderwerp="pk=1 school_pk=2")
    _login(client, _staff(world))
    page = client.get(reverse("raadplegingen")).content.decode()
    assert world.leader.display_name in page and "scan_rapport" in page


def test_the_dpo_export_lists_every_view(client: Client, world: World) -> None:
    Raadpleging.objects.create(wie=world.leader, wat="traject", onderwerp="pk=4")
    _login(client, _staff(world))
    rows = client.get(reverse("raadplegingen_csv")).content.decode("utf-8-sig").splitlines()
    assert len(rows) == 2 and world.leader.email in rows[1] and "traject" in rows[1]


def test_the_log_stays_when_an_account_is_removed(world: World) -> None:
    Raadpleging.objects.create(wie=world.leader, wat="traject", onderwerp="pk=4")
    world.leader.delete()
    assert Raadpleging.objects.get().wie is None
