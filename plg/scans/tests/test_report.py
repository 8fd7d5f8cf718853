"""A closed wave's report: profile, spread and advice, its one-page PDF; an open wave has none."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, World
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


def test_report_shows_profile_distribution_and_advice(client: Client, world: World) -> None:
    afname = _closed_wave(world, 6)
    client.login(username=world.colleague.email, password=PASSWORD)
    html = client.get(reverse("scan_rapport", args=[afname.pk, world.school.pk])).content.decode()
    assert "Profiel:" in html
    assert "Collectieve verantwoordelijkheid" in html
    assert '<svg class="bar"' in html
    assert "Een volgende stap" in html
    assert "c0" in html  # comments, with six respondents


def test_report_names_the_distinction_and_how_the_rule_reads(client: Client, world: World) -> None:
    afname = services.open_afname(opened_by=world.leader, title="Scan", schools=[world.school])
    turned = {item.key for item in afname.instrument.items() if item.reverse}
    for _ in range(5):
        answer(afname, world.school, lambda key: 2 if key in turned else 4)
    services.close_afname(afname=afname)
    client.login(username=world.leader.email, password=PASSWORD)
    html = client.get(reverse("scan_rapport", args=[afname.pk, world.school.pk])).content.decode()
    assert "Profiel: volwassen PLG" in html
    assert "· ook sterk in gedeprivatiseerde praktijk" in html
    assert (
        "Volwassen als collectieve verantwoordelijkheid en reflectieve dialoog sterk zijn" in html
    )


def test_report_of_a_developing_school_shows_no_distinction(client: Client, world: World) -> None:
    afname = _closed_wave(world, 6)
    client.login(username=world.leader.email, password=PASSWORD)
    html = client.get(reverse("scan_rapport", args=[afname.pk, world.school.pk])).content.decode()
    assert "Profiel:" in html and "ook sterk in" not in html


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


@pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils installs with make test"
)
def test_pdf_of_a_mature_school_with_the_distinction_is_one_page(
    client: Client, world: World, tmp_path: Path
) -> None:
    for title, respondents in (("Eerder", 8), ("Nu", 12)):
        afname = services.open_afname(opened_by=world.leader, title=title, schools=[world.school])
        for i in range(respondents):
            answer(
                afname,
                world.school,
                4 + i % 2,
                rolgroep=i % 2,
                comments={"leeropbrengsten": f"c{i}"},
            )
        services.close_afname(afname=afname)
    client.login(username=world.leader.email, password=PASSWORD)
    response = client.get(reverse("scan_rapport_pdf", args=[afname.pk, world.school.pk]))
    pdf = tmp_path / "rapport.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "ook sterk in gedeprivatiseerde praktijk" in text
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+1$", pages, re.M), pages


def test_a_report_of_an_open_wave_does_not_exist(
    client: Client, world: World, wave: Afname
) -> None:
    client.login(username=world.leader.email, password=PASSWORD)
    assert client.get(reverse("scan_rapport", args=[wave.pk, world.school.pk])).status_code == 404
