"""Keyboard and small screens: a skip link, a menu that folds away on a phone, a language menu
that waits for its button, and focus that stays on the control after htmx redraws a list."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from conftest import Site, World
from plg.communities import services
from plg.core.tests.test_browser_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(world: World, live_server: LiveServer) -> Site:
    return Site.of(world, live_server.url)


def test_the_first_tab_offers_a_skip_link_to_the_content(page: Page, site: Site) -> None:
    sign_in(page, site, site.member)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Naar de inhoud")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main#inhoud")).to_be_focused()


def test_on_a_phone_the_menu_folds_away_behind_one_button(browser: Browser, site: Site) -> None:
    page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    sign_in(page, site, site.member)
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    toggle = page.get_by_role("button", name="Menu")
    expect(menu).to_be_hidden()
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(menu.get_by_role("link", name="Mijn tijd")).to_be_visible()
    page.context.close()


def test_on_a_laptop_the_menu_is_always_there(page: Page, site: Site) -> None:
    sign_in(page, site, site.member)
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_visible()
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()


def test_choosing_a_language_waits_for_its_button(page: Page, site: Site) -> None:
    sign_in(page, site, site.member)
    page.select_option("#language", "en")
    expect(page.get_by_role("link", name="Mijn tijd")).to_be_visible()  # nothing changed yet
    page.get_by_role("button", name="Taal kiezen").click()
    expect(page.get_by_role("link", name="My time")).to_be_visible()


def test_moving_a_theme_up_keeps_the_focus_on_the_same_theme(page: Page, site: Site) -> None:
    first, second = services.add_themas(
        plg=site.plg, titles=["Lezen", "Rekenen"], author=site.coach
    )
    sign_in(page, site, site.coach)
    page.goto(f"{site.url}/plg/{site.plg.pk}/themas/")
    page.locator(f"#hoger-thema-{second.pk}").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#prioriteit li").first).to_contain_text("Rekenen")
    # now first, its "up" is disabled: the focus goes to the next usable button of its row
    expect(page.locator(f"#lager-thema-{second.pk}")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#prioriteit li").first).to_contain_text("Lezen")
    expect(page.locator(f"#hoger-thema-{second.pk}")).to_be_focused()
    assert first.pk != second.pk
