"""A member opens their own data from their name at the top and downloads it, readable and as
JSON; a beheerder reads who looked at a school's overview."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.communities.models import Notitie
from plg.meetings.tests.pdfs import needs_poppler, pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(browser: Browser, url: str, user: User) -> Page:
    page = browser.new_context(accept_downloads=True).new_page()
    page.goto(f"{url}/aanmelden/")
    page.fill("#id_username", user.email)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    return page


@needs_poppler
def test_a_member_downloads_everything_about_them(
    browser: Browser, world: World, live_server: LiveServer, tmp_path: Path
) -> None:
    Notitie.objects.create(plg=world.plg, author=world.member, text="Wat ik leerde over feedback")
    page = _sign_in(browser, live_server.url, world.member)
    page.get_by_role("link", name=world.member.display_name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn gegevens")
    with page.expect_download() as pdf:
        page.get_by_role("link", name="PDF van mijn gegevens").click()
    saved = tmp_path / "gegevens.pdf"
    pdf.value.save_as(saved)
    assert "Wat ik leerde over feedback" in pdf_text(saved.read_bytes())
    with page.expect_download() as data:
        page.get_by_role("link", name="Mijn gegevens als JSON").click()
    saved = tmp_path / "gegevens.json"
    data.value.save_as(saved)
    notes = json.loads(saved.read_text())["gegevens"]["communities.Notitie"]
    assert [n["text"] for n in notes] == ["Wat ik leerde over feedback"]


def test_a_beheerder_reads_that_a_leader_opened_the_school_overview(
    browser: Browser, world: World, live_server: LiveServer
) -> None:
    leader = _sign_in(browser, live_server.url, world.leader)
    leader.goto(f"{live_server.url}/school/{world.school.pk}/")
    User.objects.filter(pk=world.other_advisor.pk).update(is_staff=True)
    page = _sign_in(browser, live_server.url, world.other_advisor)
    page.get_by_role("navigation").get_by_role("link", name="Raadplegingen").click()
    row = page.locator("tbody tr").first
    expect(row).to_contain_text(world.leader.display_name)
    expect(row).to_contain_text("school_overview")
