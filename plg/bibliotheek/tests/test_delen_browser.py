"""A closed PLG shares its path: the coach writes, the member agrees, the coach publishes, and
a teacher of another school sets out from it. On a phone, with axe-core on every page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect
from pytest_django.live_server_helper import LiveServer

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.bibliotheek.tests.factories import close
from plg.core.tests.a11y import serious_violations, too_wide

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE: ViewportSize = {"width": 390, "height": 844}


def _signed_in(browser: Browser, live_server: LiveServer, user: User) -> Page:
    page = browser.new_context(viewport=PHONE, locale="nl-BE").new_page()
    page.goto(f"{live_server.url}/aanmelden/")
    page.fill("#id_username", user.email)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page).to_have_url(f"{live_server.url}/")
    return page


def _usable(page: Page) -> None:
    assert serious_violations(page) == []
    assert too_wide(page) == []


def test_a_closed_plg_shares_its_path_and_another_school_sets_out_from_it(
    browser: Browser, world: World, live_server: LiveServer
) -> None:
    close(world)
    coach = _signed_in(browser, live_server, world.coach)
    coach.goto(f"{live_server.url}/plg/{world.plg.pk}/archief/")
    coach.get_by_role("link", name="Ons pad delen in de bibliotheek").click()
    expect(coach.get_by_label("Praktijknood")).to_have_value("Het huiswerkbeleid loopt stroef.")
    _usable(coach)
    coach.get_by_label("lager onderwijs").check()
    coach.get_by_label("Leervraag").fill("Hoe geven we huiswerk dat betekenis heeft?")
    coach.get_by_label("iedereen op deze werkplaats").check()
    coach.get_by_role("button", name="Bewaren").click()
    coach.get_by_role("button", name="Ik stem in met deze tekst").click()
    expect(coach.get_by_role("button", name="Publiceren in de bibliotheek")).to_be_disabled()

    member = _signed_in(browser, live_server, world.member)
    member.goto(f"{live_server.url}/plg/{world.plg.pk}/bibliotheek/")
    expect(member.get_by_text("Hoe geven we huiswerk dat betekenis heeft?")).to_be_visible()
    _usable(member)
    member.get_by_role("button", name="Ik stem in met deze tekst").click()

    coach.reload()
    coach.get_by_role("button", name="Publiceren in de bibliotheek").click()
    expect(coach.get_by_role("heading", name="Huiswerk met betekenis")).to_be_visible()
    _usable(coach)

    reader = _signed_in(browser, live_server, world.outsider)
    reader.goto(coach.url)
    entry = reader.locator("article.bibliotheekitem")
    expect(entry).not_to_contain_text(world.coach.first_name)
    expect(entry).not_to_contain_text(world.member.first_name)
    reader.get_by_role("link", name="Een PLG starten vanuit dit item").click()
    _usable(reader)
    reader.get_by_role("button", name="PLG starten").click()
    expect(reader.get_by_text("Hoe geven we huiswerk dat betekenis heeft?")).to_be_visible()
