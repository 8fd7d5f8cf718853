"""A teacher searches the library on a phone as they type, and a group writing its leervraag
sees what others already looked into."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect
from pytest_django.live_server_helper import LiveServer

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.bibliotheek.tests.factories import BibliotheekitemFactory
from plg.core.tests.a11y import serious_violations, too_wide

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 390, "height": 844}


def _signed_in(browser: Browser, url: str, user: User) -> Page:
    page = browser.new_context(viewport=PHONE).new_page()
    page.goto(f"{url}/aanmelden/")
    page.fill("#id_username", user.email)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page).to_have_url(f"{url}/")
    return page


def _bibliotheek() -> None:
    BibliotheekitemFactory.create(
        slug="leesmotivatie",
        titel="Lezen omdat je het graag doet",
        leervraag="Waarom lezen onze kinderen zo weinig voor hun plezier?",
        themas=["Leesmotivatie"],
    )
    BibliotheekitemFactory.create(
        slug="huistaken",
        titel="Huistaken met zin",
        leervraag="Wat leren onze leerlingen van huistaken?",
        themas=["Huiswerkbeleid"],
    )


def test_results_follow_the_words_typed_with_the_found_words_marked(
    browser: Browser, world: World, live_server: LiveServer
) -> None:
    _bibliotheek()
    page = _signed_in(browser, live_server.url, world.member)
    page.goto(f"{live_server.url}/bibliotheek/")
    page.get_by_label("Waar zoek je naar?").press_sequentially("huiswerk")
    treffers = page.locator("#treffers")
    expect(treffers).to_contain_text("1 PLG gevonden")
    expect(treffers.locator("mark").first).to_have_text("Huistaken")
    expect(treffers).not_to_contain_text("Lezen omdat je het graag doet")
    assert serious_violations(page) == []
    assert too_wide(page) == []


def test_a_typing_error_still_leads_to_the_entry(
    browser: Browser, world: World, live_server: LiveServer
) -> None:
    _bibliotheek()
    page = _signed_in(browser, live_server.url, world.member)
    page.goto(f"{live_server.url}/bibliotheek/")
    page.get_by_label("Waar zoek je naar?").press_sequentially("leesmotvatie")
    page.locator("#treffers").get_by_role("link", name="Lezen omdat je het graag doet").click()
    expect(page).to_have_url(f"{live_server.url}/bibliotheek/item/leesmotivatie/")


def test_writing_a_leervraag_shows_what_others_looked_into(
    browser: Browser, world: World, live_server: LiveServer
) -> None:
    _bibliotheek()
    page = _signed_in(browser, live_server.url, world.member)
    page.goto(f"{live_server.url}/plg/{world.plg.pk}/leervragen/")
    page.get_by_label("Leervraag").press_sequentially("Waarom geven we huiswerk?")
    verwant = page.locator("#leervraag-verwant")
    expect(verwant).to_contain_text("Anderen zochten al naar")
    expect(verwant).to_contain_text("Huistaken met zin")
    assert serious_violations(page) == []
    assert too_wide(page) == []
