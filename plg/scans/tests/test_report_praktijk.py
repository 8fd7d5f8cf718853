"""Next to the score of deprivatised practice, the report shows what the school does about it:
the visits around each wave, counts only, hidden for small groups."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.bezoeken.models import Nagesprek, Soort
from plg.bezoeken.tests.factories import KlasbezoekFactory
from plg.organisations.models import Functie, School
from plg.organisations.tests.factories import AanstellingFactory
from plg.scans import services
from plg.scans.models import Afname
from plg.scans.reports import build_report
from plg.scans.tests.conftest import answer

MARKERS = ("Zuleikamarker", "Vandermarkerlaan", "LESMARKER", "NOTAMARKER")


def _wave(world: World, title: str = "Scan", days_ago: int = 0) -> Afname:
    afname = services.open_afname(opened_by=world.leader, title=title, schools=[world.school])
    for i in range(6):
        answer(afname, world.school, 2 + i % 3, comments={"leeropbrengsten": f"c{i}"})
    services.close_afname(afname=afname)
    Afname.objects.filter(pk=afname.pk).update(opened_at=timezone.now() - timedelta(days=days_ago))
    afname.refresh_from_db()
    return afname


def _ring(school: School, n: int, days_ago: int, soort: str = Soort.KLASBEZOEK) -> None:
    people: list[User] = [
        AanstellingFactory.create(
            school=school,
            functie=Functie.LERAAR,
            user__first_name=f"Zuleikamarker{i}",
            user__last_name="Vandermarkerlaan",
        ).user
        for i in range(n)
    ]
    begin = timezone.now() - timedelta(days=days_ago)
    for i, person in enumerate(people):
        bezoek = KlasbezoekFactory.create(
            soort=soort,
            school=school,
            geobserveerde=person,
            bezoeker=people[(i + 1) % n],
            les="LESMARKER",
            begin=begin,
        )
        Nagesprek.objects.create(bezoek=bezoek, author=person, wat_zag_je="NOTAMARKER")


def _shown(afname: Afname, world: World) -> list[tuple[str, int | None]]:
    report = build_report(afname, world.school, minimum=5)
    return [(p.tijdvak.label, p.bezoeken) for p in report.praktijk]


def test_the_report_counts_the_visits_of_the_year_before_the_wave(world: World) -> None:
    _ring(world.school, 6, days_ago=30)
    afname = _wave(world)
    assert _shown(afname, world) == [("het jaar voor Scan", 6), ("sinds Scan", None)]


def test_the_evolution_follows_the_earlier_waves(world: World) -> None:
    _wave(world, "Najaar", days_ago=200)
    afname = _wave(world, "Voorjaar", days_ago=20)
    _ring(world.school, 5, days_ago=300)
    _ring(world.school, 7, days_ago=100)
    _ring(world.school, 6, days_ago=5, soort=Soort.BLITS)
    assert _shown(afname, world) == [
        ("het jaar voor Najaar", 5),
        ("tussen Najaar en Voorjaar", 7),
        ("sinds Voorjaar", 6),
    ]


def test_an_earlier_wave_is_followed_up_to_the_next_one(world: World) -> None:
    najaar = _wave(world, "Najaar", days_ago=200)
    _wave(world, "Voorjaar", days_ago=20)
    _ring(world.school, 5, days_ago=5)
    labels = [label for label, _ in _shown(najaar, world)]
    assert labels == ["het jaar voor Najaar", "tussen Najaar en Voorjaar"]


def test_a_small_group_shows_the_calm_sentence_in_the_report(client: Client, world: World) -> None:
    _ring(world.school, 3, days_ago=30)
    afname = _wave(world)
    client.login(username=world.leader.email, password=PASSWORD)
    html = client.get(reverse("scan_rapport", args=[afname.pk, world.school.pk])).content.decode()
    assert "Wat we eraan doen" in html
    assert "Te weinig deelnemers om cijfers te tonen." in html


def test_the_report_page_shows_counts_and_never_names(client: Client, world: World) -> None:
    _ring(world.school, 6, days_ago=30)
    afname = _wave(world)
    client.login(username=world.leader.email, password=PASSWORD)
    html = client.get(reverse("scan_rapport", args=[afname.pk, world.school.pk])).content.decode()
    assert re.search(r"<td>6</td>", html)
    assert [marker for marker in MARKERS if marker in html] == []


def test_a_zelfscan_has_no_visits_beside_it(world: World) -> None:
    afname = services.open_zelfscan(plg=world.plg, opened_by=world.coach, title="Zelfscan")
    for i in range(3):
        answer(afname, None, 1 + i % 4)
    services.close_afname(afname=afname)
    assert build_report(afname, None, minimum=3).praktijk == []


def test_the_report_asks_as_often_with_many_visits(client: Client, world: World) -> None:
    afname = _wave(world)
    client.login(username=world.leader.email, password=PASSWORD)
    url = reverse("scan_rapport", args=[afname.pk, world.school.pk])
    _ring(world.school, 3, days_ago=3)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    _ring(world.school, 30, days_ago=3)
    _ring(world.school, 30, days_ago=300, soort=Soort.CO_TEACHING)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


@pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils installs with make test"
)
def test_the_pdf_shows_what_we_do_on_one_page_without_names(
    client: Client, world: World, tmp_path: Path
) -> None:
    _wave(world, "Eerder", days_ago=100)
    _ring(world.school, 6, days_ago=50)
    afname = _wave(world, "Nu", days_ago=1)
    client.login(username=world.leader.email, password=PASSWORD)
    response = client.get(reverse("scan_rapport_pdf", args=[afname.pk, world.school.pk]))
    pdf = tmp_path / "rapport.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Wat we eraan doen" in text
    assert "Tussen Eerder en Nu" in text
    assert [marker for marker in MARKERS if marker in text] == []
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+1$", pages, re.M), pages
