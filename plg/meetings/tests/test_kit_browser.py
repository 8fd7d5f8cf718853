"""A coach prepares a bijeenkomst without screens: from its page to the kit, and the PDF with
the agenda, the sheet of the werkvorm on the agenda and the check-out form."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from conftest import PASSWORD, World
from plg.meetings.tests.factories import BijeenkomstFactory
from plg.meetings.tests.pdfs import needs_poppler, paper, pdf_text
from plg.methods.catalogue import load_catalogue
from plg.methods.models import Stap, Werkvorm

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@needs_poppler
def test_a_coach_prints_the_kit_from_a_bijeenkomst(
    browser: Browser, world: World, live_server: LiveServer, tmp_path: Path
) -> None:
    load_catalogue()
    bijeenkomst = BijeenkomstFactory.create(plg=world.plg, doelen="Een startvraag kiezen")
    blok = bijeenkomst.blokken.get(stap=Stap.VERWERKING)
    blok.werkvorm = Werkvorm.objects.get(slug="kandoe", school=None)
    blok.save()
    page = browser.new_context(accept_downloads=True).new_page()
    page.goto(f"{live_server.url}/aanmelden/")
    page.fill("#id_username", world.coach.email)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.goto(f"{live_server.url}/bijeenkomst/{bijeenkomst.pk}/")
    page.get_by_role("link", name="Afdrukken voor een bijeenkomst zonder scherm").click()
    kandoe = page.locator("li.card", has_text="KanDoe-cirkel")
    expect(kandoe).to_contain_text("op de agenda")
    with page.expect_download() as download:
        page.get_by_role("link", name="Alles voor deze bijeenkomst (PDF)").click()
    saved = tmp_path / "kit.pdf"
    download.value.save_as(saved)
    pdf = saved.read_bytes()
    assert paper(pdf) == ["A4", "A3", "A4"]  # agenda, KanDoe circle, check-out
    assert "Een startvraag kiezen" in pdf_text(pdf)
