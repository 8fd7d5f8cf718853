"""On a phone, the coach fills in the check-out and shapes the agenda: a problem is summed up
where the page opens and leads to its field; a block is changed where it stands."""

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
from plg.meetings.models import AgendaBlok, Bijeenkomst
from plg.methods.models import Stap

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(world: World, live_server: LiveServer) -> Site:
    return Site.of(world, live_server.url)


@pytest.fixture
def phone(browser: Browser) -> Page:
    return browser.new_context(viewport={"width": 390, "height": 844}).new_page()


def _plan(site: Site, days: int) -> Bijeenkomst:
    return services.plan_bijeenkomst(
        plg=site.plg,
        starts_at=timezone.now() + timedelta(days=days),
        place="Zaal",
        duration_minutes=100,
    )


def test_a_problem_in_the_second_assignment_opens_the_page_at_a_summary_that_leads_to_it(
    phone: Page, site: Site
) -> None:
    bijeenkomst = _plan(site, days=-1)
    sign_in(phone, site, site.coach)
    phone.goto(f"{site.url}/bijeenkomst/{bijeenkomst.pk}/terugblik/")
    expect(phone.get_by_role("radio", name="---------")).to_have_count(0)
    expect(phone.get_by_role("radio", checked=True)).to_have_count(1)  # who may read it
    expect(phone.get_by_label("Verwijderen")).to_have_count(0)
    phone.get_by_label("ja", exact=True).check()
    phone.fill("#id_opdracht-1-description", "Een artikel zoeken")
    phone.get_by_role("button", name="Check-out bewaren").click()

    summary = phone.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    assert serious_violations(phone) == [] and too_wide(phone) == []
    summary.get_by_role("link", name="Opdracht 2 · ").first.click()
    expect(phone.locator("#id_opdracht-1-owner")).to_be_focused()
    expect(phone.locator("#id_opdracht-1-description")).to_have_value("Een artikel zoeken")


def test_the_coach_changes_the_minutes_of_a_block_where_it_stands(phone: Page, site: Site) -> None:
    bijeenkomst = _plan(site, days=3)
    blok = bijeenkomst.blokken.get(stap=Stap.VERWERKING)
    sign_in(phone, site, site.coach)
    phone.goto(f"{site.url}/bijeenkomst/{bijeenkomst.pk}/")
    phone.get_by_role("link", name="Bewerken: verwerking").click()

    form = phone.locator("form.agenda-edit")
    expect(phone.locator(f"#id_blok-{blok.pk}-stap")).to_be_focused()
    assert serious_violations(phone) == [] and too_wide(phone) == []
    form.get_by_label("minuten").fill("35")
    form.get_by_role("button", name="Blok bewaren").click()

    expect(form).to_have_count(0)
    row = phone.locator("#agenda ol.ordered > li").nth(3)
    expect(row).to_contain_text("35 min")
    expect(phone.locator(f"#bewerk-blok-{blok.pk}")).to_be_focused()
    assert AgendaBlok.objects.get(pk=blok.pk).minutes == 35


def test_a_mistake_in_a_block_is_shown_in_the_block_and_cancelling_leaves_it(
    phone: Page, site: Site
) -> None:
    bijeenkomst = _plan(site, days=3)
    blok = bijeenkomst.blokken.get(stap=Stap.VERWERKING)
    sign_in(phone, site, site.coach)
    phone.goto(f"{site.url}/bijeenkomst/{bijeenkomst.pk}/")
    phone.get_by_role("link", name="Bewerken: verwerking").click()
    form = phone.locator("form.agenda-edit")
    form.get_by_label("minuten").fill("999")
    form.get_by_role("button", name="Blok bewaren").click()

    expect(form.locator(".error-summary")).to_be_focused()
    expect(form).to_contain_text("Kies tussen 1 en 240 minuten.")
    form.get_by_role("link", name="Annuleren").click()
    expect(phone.locator("form.agenda-edit")).to_have_count(0)
    expect(phone.locator(f"#bewerk-blok-{blok.pk}")).to_be_focused()
    assert AgendaBlok.objects.get(pk=blok.pk).minutes == blok.minutes
