"""A visit round in a real browser: the leader opens it, two teachers sign up, the leader
computes and applies it and sees figures only; a teacher then sees their own visit."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from conftest import Site
from plg.core.tests.test_browser_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(rooster: Any, live_server: Any) -> Site:
    return Site.of(rooster, live_server.url)


def test_a_round_from_opening_to_everyone_seeing_their_own_visits(page: Page, site: Any) -> None:
    van = timezone.localdate() + timedelta(days=1)
    sign_in(page, site, site.leader)
    page.goto(f"{site.url}/school/{site.school.pk}/bezoekrondes/")
    page.fill("#id_titel", "Kijken bij elkaar")
    page.fill("#id_van", van.isoformat())
    page.fill("#id_tot", (van + timedelta(days=13)).isoformat())
    page.fill("#id_bezoeken_per_persoon", "1")
    page.fill("#id_bezocht_per_persoon", "1")
    page.get_by_role("button", name="Ronde openzetten").click()
    expect(page.get_by_text("De ronde staat open")).to_be_visible()
    ronde_url = page.url

    for teacher in (site.member, site.colleague):
        page.context.clear_cookies()
        sign_in(page, site, teacher)
        page.goto(ronde_url)
        page.get_by_role("button", name="Ik doe mee").click()
        expect(page.get_by_text("Je doet mee.").first).to_be_visible()

    page.context.clear_cookies()
    sign_in(page, site, site.leader)
    page.goto(ronde_url)
    expect(page.get_by_text("2 collega's doen mee.")).to_be_visible()
    page.get_by_role("button", name="Voorstel berekenen").click()
    expect(page.get_by_text("2 / 2")).to_be_visible(timeout=30_000)
    expect(page.locator("main")).not_to_contain_text(site.member.display_name)
    page.get_by_role("button", name="Zo inplannen").click()
    expect(page.get_by_text("2 klasbezoeken zijn ingepland")).to_be_visible()

    page.context.clear_cookies()
    sign_in(page, site, site.member)
    page.goto(ronde_url)
    expect(page.get_by_text(f"je gaat kijken bij {site.colleague.display_name}")).to_be_visible()
