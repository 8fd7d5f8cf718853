"""A member opens Mijn leerlog from the menu, reads what they wrote after a bijeenkomst and a
class visit, and downloads it as a PDF for their professional file."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from conftest import PASSWORD, World
from plg.bezoeken.models import Meegenomen
from plg.bezoeken.tests.factories import bezoek_bij_member
from plg.meetings.models import LeerlogEntry
from plg.meetings.tests.factories import BijeenkomstFactory
from plg.meetings.tests.pdfs import needs_poppler, pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@needs_poppler
def test_a_member_downloads_their_leerlog_for_their_professional_file(
    browser: Browser, world: World, live_server: LiveServer, tmp_path: Path
) -> None:
    bijeenkomst = BijeenkomstFactory.create(
        plg=world.plg, starts_at=timezone.now() - timedelta(days=8)
    )
    LeerlogEntry.objects.create(
        bijeenkomst=bijeenkomst, author=world.member, vaardigheden="Wachttijd na een vraag"
    )
    bezoek = bezoek_bij_member(
        world,
        geobserveerde=world.colleague,
        bezoeker=world.member,
        begin=timezone.now() - timedelta(days=2),
    )
    Meegenomen.objects.create(bezoek=bezoek, author=world.member, tekst="Een stille start")
    page = browser.new_context(accept_downloads=True).new_page()
    page.goto(f"{live_server.url}/aanmelden/")
    page.fill("#id_username", world.member.email)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.get_by_role("navigation").get_by_role("link", name="Mijn leerlog").click()
    moments = page.locator("article.leerlog-moment")
    expect(moments).to_have_count(2)
    expect(moments.nth(0)).to_contain_text("Wachttijd na een vraag")
    expect(moments.nth(1)).to_contain_text("Een stille start")
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF van mijn hele leerlog").click()
    assert download.value.suggested_filename == "mijn-leerlog.pdf"
    saved = tmp_path / "leerlog.pdf"
    download.value.save_as(saved)
    text = pdf_text(saved.read_bytes())
    assert "Wachttijd na een vraag" in text and "Een stille start" in text
    assert world.colleague.display_name not in text
