"""A teacher finds the team page from the menu and takes the proposal to the
personeelsvergadering."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from conftest import PASSWORD, World
from plg.communities.sharing import Audience
from plg.communities.tests.factories_team import AfrondingFactory, MijlpaalFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils installs with make test")
def test_a_teacher_finds_the_team_page_and_takes_the_proposal_along(
    browser: Browser, world: World, live_server: LiveServer
) -> None:
    AfrondingFactory.create(plg=world.plg, voorstel="Elke klas leest elke dag een kwartier vrij.")
    MijlpaalFactory.create(plg=world.plg, title="Alleen voor ons", audience=Audience.PLG)
    page = browser.new_context(accept_downloads=True).new_page()
    page.goto(f"{live_server.url}/aanmelden/")
    page.fill("#id_username", world.colleague.email)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page).to_have_url(f"{live_server.url}/")

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Ons team").click()
    expect(page.get_by_role("heading", name=f"Team {world.school.name}")).to_be_visible()
    expect(page.get_by_text("Elke klas leest elke dag een kwartier vrij.")).to_be_visible()
    expect(page.get_by_text("Alleen voor ons")).to_have_count(0)

    with page.expect_download() as download:
        page.get_by_role("link", name="Voorstel als PDF").click()
    path = download.value.path()
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    fields = {
        k.strip(): v.strip() for k, _, v in (ln.partition(":") for ln in info.stdout.splitlines())
    }
    assert fields["Pages"] == "1"
    assert fields["Page size"].endswith("(A4)")
