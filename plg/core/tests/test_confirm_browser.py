"""What cannot be undone asks first, in a dialog a keyboard and a screen reader use: the focus
moves into it, Escape cancels and the focus returns to the button that asked."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from conftest import Site, World
from plg.core.tests.a11y import serious_violations, too_wide
from plg.core.tests.test_browser_journeys import sign_in
from plg.meetings import services
from plg.meetings.models import AgendaBlok
from plg.methods.models import Stap
from plg.scans import services as scan_services
from plg.scans.models import Afname

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(world: World, live_server: LiveServer) -> Site:
    return Site.of(world, live_server.url)


@pytest.fixture
def phone(browser: Browser) -> Page:
    return browser.new_context(viewport={"width": 390, "height": 844}).new_page()


def _verwerking(site: Site) -> AgendaBlok:
    bijeenkomst = services.plan_bijeenkomst(
        plg=site.plg,
        starts_at=timezone.now() + timedelta(days=3),
        place="Zaal",
        duration_minutes=100,
    )
    return bijeenkomst.blokken.get(stap=Stap.VERWERKING)


def test_escape_keeps_the_block_and_returns_the_focus_to_its_button(
    phone: Page, site: Site
) -> None:
    blok = _verwerking(site)
    sign_in(phone, site, site.coach)
    phone.goto(f"{site.url}/bijeenkomst/{blok.bijeenkomst_id}/")
    remove = (
        phone.locator("#agenda ol.ordered > li").nth(3).get_by_role("button", name="Verwijderen")
    )
    remove.focus()
    phone.keyboard.press("Enter")

    dialog = phone.get_by_role("dialog", name="Dit blok uit de agenda halen?")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("button", name="Nee, terug")).to_be_focused()
    assert serious_violations(phone) == [] and too_wide(phone) == []
    phone.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(remove).to_be_focused()
    assert AgendaBlok.objects.filter(pk=blok.pk).exists()


def test_saying_yes_removes_the_block(phone: Page, site: Site) -> None:
    blok = _verwerking(site)
    sign_in(phone, site, site.coach)
    phone.goto(f"{site.url}/bijeenkomst/{blok.bijeenkomst_id}/")
    phone.locator("#agenda ol.ordered > li").nth(3).get_by_role(
        "button", name="Verwijderen"
    ).click()
    phone.get_by_role("dialog").get_by_role("button", name="Ja, doorgaan").click()
    expect(phone.locator("#agenda ol.ordered > li")).to_have_count(4)
    assert not AgendaBlok.objects.filter(pk=blok.pk).exists()


def test_closing_a_scan_round_asks_first(page: Page, site: Site) -> None:
    afname = scan_services.open_afname(
        opened_by=site.leader, title="Voorjaar", schools=[site.school]
    )
    sign_in(page, site, site.leader)
    page.goto(f"{site.url}/scans/{afname.pk}/")
    close = page.get_by_role("button", name="Afname afsluiten en resultaten berekenen")
    close.click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Daarna kan niemand nog antwoorden.")
    dialog.get_by_role("button", name="Nee, terug").click()
    expect(close).to_be_focused()
    assert Afname.objects.get(pk=afname.pk).is_open

    close.click()
    dialog.get_by_role("button", name="Ja, doorgaan").click()
    expect(page.locator(".messages")).to_contain_text("De afname is afgesloten")
    assert not Afname.objects.get(pk=afname.pk).is_open
