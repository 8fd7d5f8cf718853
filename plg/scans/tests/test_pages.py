"""Scan pages: bounded queries, the report and its PDF, the poster, links that are not yours."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.mail import EmailMessage
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django import Settings

from conftest import PASSWORD, World
from plg.organisations.models import School
from plg.scans import services
from plg.scans.models import Afname
from plg.scans.tests.conftest import answer


def _closed_wave(world: World, respondents: int, title: str = "Scan") -> Afname:
    afname = services.open_afname(opened_by=world.leader, title=title, schools=[world.school])
    for i in range(respondents):
        answer(
            afname, world.school, 2 + i % 3, rolgroep=i % 2, comments={"leeropbrengsten": f"c{i}"}
        )
    services.close_afname(afname=afname)
    return afname


def _zelfscan(world: World, respondents: int) -> Afname:
    afname = services.open_zelfscan(plg=world.plg, opened_by=world.coach, title="Zelfscan")
    for i in range(respondents):
        answer(afname, None, 1 + i % 4)
    services.close_afname(afname=afname)
    return afname


def _grow(world: World, n: int) -> None:
    for i in range(n):
        _closed_wave(world, 5 + n, title=f"Scan {i}")
        _zelfscan(world, 3 + n)
        School.objects.create(scholengemeenschap=world.sg, name=f"Extra {n}-{i}")


def _latest(world: World) -> Afname:
    return Afname.objects.filter(plg=None, closed_at__isnull=False).order_by("-opened_at")[0]


def _latest_zelfscan(world: World) -> Afname:
    return Afname.objects.filter(plg=world.plg).order_by("-opened_at")[0]


Args = Callable[[World], list[object]]

PAGES: list[tuple[str, str, Args]] = [
    ("member", "scans", lambda w: []),
    ("leader", "scans", lambda w: []),
    ("leader", "scan_afname", lambda w: [_latest(w).pk]),
    ("leader", "scan_rapport", lambda w: [_latest(w).pk, w.school.pk]),
    ("member", "scan_rapport", lambda w: [_latest(w).pk, w.school.pk]),
    ("advisor", "begeleiding_scans", lambda w: []),
    ("member", "zelfscans", lambda w: [w.plg.pk]),
    ("member", "zelfscan_resultaat", lambda w: [w.plg.pk, _latest_zelfscan(w).pk]),
]


def _count(client: Client, world: World, persona: str, name: str, args: Args) -> int:
    client.login(username=world.persona(persona).email, password=PASSWORD)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse(name, args=args(world)))
        assert response.status_code == 200
    return len(ctx)


@pytest.mark.parametrize(("persona", "name", "args"), PAGES, ids=[f"{p[1]}-{p[0]}" for p in PAGES])
def test_queries_do_not_grow_with_data(
    client: Client, world: World, persona: str, name: str, args: Args
) -> None:
    _grow(world, 2)  # from the second wave on, a report also reads the one before
    small = _count(client, world, persona, name, args)
    _grow(world, 6)
    large = _count(client, world, persona, name, args)
    assert large == small, f"{name}: {small} queries with 2 waves, {large} with 8"


def test_answer_page_queries_do_not_grow_with_answers(
    client: Client, world: World, wave: Afname, mailoutbox: list[EmailMessage]
) -> None:
    page = reverse("scan_start", args=[wave.toegangen.exclude(email="").earliest("pk").token])
    client.get(page)
    client.post(page + "bewaar/", {"cv1": "3"})
    with CaptureQueriesContext(connection) as before:
        client.get(page + "?deel=3")
    client.post(page + "bewaar/", {item.key: "3" for item in wave.instrument.items()})
    with CaptureQueriesContext(connection) as after:
        client.get(page + "?deel=3")
    assert len(after) == len(before)


def test_report_shows_profile_distribution_and_advice(client: Client, world: World) -> None:
    afname = _closed_wave(world, 6)
    client.login(username=world.colleague.email, password=PASSWORD)
    html = client.get(reverse("scan_rapport", args=[afname.pk, world.school.pk])).content.decode()
    assert "Profiel:" in html
    assert "Collectieve verantwoordelijkheid" in html
    assert '<svg class="bar"' in html
    assert "Een volgende stap" in html
    assert "c0" in html  # comments, with six respondents


@pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils installs with make test"
)
def test_pdf_is_one_page_with_the_profile(client: Client, world: World, tmp_path: Path) -> None:
    _closed_wave(world, 8, title="Eerder")
    afname = _closed_wave(world, 12)  # with an evolution and twelve comments
    client.login(username=world.leader.email, password=PASSWORD)
    response = client.get(reverse("scan_rapport_pdf", args=[afname.pk, world.school.pk]))
    assert response["Content-Type"] == "application/pdf"
    pdf = tmp_path / "rapport.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "De Regenboog" in text
    assert "Profiel:" in text
    assert "Reflectieve dialoog" in text
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+1$", pages, re.M), pages


def test_poster_shows_a_qr_code_that_leads_to_the_scan(
    client: Client, world: World, wave: Afname
) -> None:
    client.login(username=world.leader.email, password=PASSWORD)
    html = client.get(reverse("scan_affiche", args=[wave.pk, world.school.pk])).content.decode()
    poster = wave.toegangen.get(soort="affiche")
    assert "<svg" in html
    assert reverse("scan_start", args=[poster.token]) in html


def test_a_zelfscan_link_opens_only_for_its_member(client: Client, world: World) -> None:
    afname = services.open_zelfscan(plg=world.plg, opened_by=world.coach, title="Start")
    toegang = services.toegang_for_member(afname=afname, user=world.member)
    client.login(username=world.coach.email, password=PASSWORD)
    assert client.get(reverse("scan_start", args=[toegang.token])).status_code == 404
    client.login(username=world.member.email, password=PASSWORD)
    assert client.get(reverse("scan_start", args=[toegang.token])).status_code == 200


def test_a_report_of_an_open_wave_does_not_exist(
    client: Client, world: World, wave: Afname
) -> None:
    client.login(username=world.leader.email, password=PASSWORD)
    assert client.get(reverse("scan_rapport", args=[wave.pk, world.school.pk])).status_code == 404


def test_the_poster_leads_to_the_site_whatever_host_the_request_named(
    client: Client, world: World, wave: Afname, settings: Settings
) -> None:
    settings.SITE_URL = "https://plg.example"
    client.login(username=world.leader.email, password=PASSWORD)
    url = reverse("scan_affiche", args=[wave.pk, world.school.pk])
    html = client.get(url, HTTP_HOST="evil.example").content.decode()
    poster = wave.toegangen.get(soort="affiche")
    assert "https://plg.example" + reverse("scan_start", args=[poster.token]) in html
    assert "evil.example" not in html
