"""The advisor's journey on a phone: start a traject with a leader, set a milestone and mark it
reached, read the network in figures; the leader then finds their own row. Every page passes
axe-core and fits the phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect
from pytest_django.live_server_helper import LiveServer

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.core.tests.a11y import serious_violations, too_wide

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 390, "height": 844}


def _signed_in(browser: Browser, url: str, user: User) -> Page:
    page = browser.new_context(viewport=PHONE, locale="nl-BE").new_page()
    page.goto(f"{url}/aanmelden/")
    page.fill("#id_username", user.email)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page).to_have_url(f"{url}/")
    return page


def _fits(page: Page) -> None:
    assert serious_violations(page) == []
    assert too_wide(page) == []


def test_the_advisor_starts_a_traject_and_follows_it_up(
    browser: Browser, world: World, live_server: LiveServer
) -> None:
    advisor = _signed_in(browser, live_server.url, world.advisor)
    advisor.get_by_role("button", name="Menu").click()
    advisor.get_by_role("link", name="Trajecten").click()
    _fits(advisor)
    advisor.get_by_role("link", name="Een traject starten").click()
    advisor.get_by_label("Naam").fill("Leiderschap voor leren")
    advisor.get_by_label("Start van jaar 1").fill("2025-09-01")
    advisor.get_by_label(f"{world.leader.display_name} – De Regenboog").check()
    _fits(advisor)
    advisor.get_by_role("button", name="Traject starten").click()
    expect(advisor.get_by_text("Het traject staat klaar.")).to_be_visible()
    expect(advisor.get_by_role("heading", name="De Regenboog")).to_be_visible()

    advisor.get_by_text("Een mijlpaal toevoegen").click()
    advisor.locator("#id_titel").fill("Elke school kiest een leervraag")
    advisor.locator("#id_datum").fill("2026-06-01")
    advisor.get_by_role("button", name="Mijlpaal bewaren").click()
    expect(advisor.get_by_text("nog niet bereikt")).to_be_visible()
    advisor.get_by_role("button", name="Bereikt").click()
    expect(advisor.get_by_text("bereikt op")).to_be_visible()
    _fits(advisor)

    advisor.get_by_role("link", name="PLG koppelen of starten").click()
    advisor.get_by_label("PLG in de eigen school").select_option(label=world.plg.name)
    advisor.get_by_role("button", name="Koppelen").click()
    expect(advisor.get_by_role("link", name="Wat de PLG deelt")).to_be_visible()

    advisor.goto(f"{live_server.url}/begeleiding/netwerk/")
    expect(advisor.get_by_role("heading", name="Testnetwerk in cijfers")).to_be_visible()
    _fits(advisor)

    leader = _signed_in(browser, live_server.url, world.leader)
    leader.goto(f"{live_server.url}/trajecten/")
    leader.get_by_role("link", name="Leiderschap voor leren").click()
    expect(leader.get_by_role("heading", name="Jaar 2: de PLG in jouw school")).to_be_visible()
    expect(leader.get_by_text(world.plg.name)).to_be_visible()
    expect(leader.get_by_role("button", name="Mijlpaal bewaren")).to_have_count(0)
    _fits(leader)
