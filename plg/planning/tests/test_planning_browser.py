"""Tijd maken in a real browser: the coach finds a moment, the planner plans a month."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from plg.core.tests.test_browser_journeys import sign_in
from plg.meetings.models import Bijeenkomst
from plg.methods.catalogue import load_catalogue

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(rooster: Any, live_server: Any) -> Any:
    load_catalogue()
    rooster.url = live_server.url
    return rooster


def test_the_coach_asks_when_we_can_meet_and_picks_a_moment(page: Page, site: Any) -> None:
    sign_in(page, site, site.coach)
    page.goto(f"{site.url}/plg/{site.plg.pk}/")
    page.get_by_role("link", name="Wanneer kunnen we samenkomen?").click()
    page.get_by_role("button", name="Zoeken").click()
    free = page.locator("section", has_text="Iedereen vrij, zonder vervanging")
    expect(free.locator(".proposal").first).to_contain_text("13:15")
    with_cover = page.locator("section", has_text="Met vervanging tijdens de lesuren")
    expect(with_cover.locator(".proposal").first).to_contain_text("door Kato Test")
    first = free.locator(".proposal").first
    first.get_by_label("Plaats").fill("Leraarskamer")
    first.get_by_role("button", name="Dit moment kiezen").click()
    expect(page.get_by_text("De bijeenkomst is gepland")).to_be_visible()
    bijeenkomst = Bijeenkomst.objects.get(plg=site.plg)
    assert bijeenkomst.place == "Leraarskamer"
    assert {m.to[0] for m in mail.outbox} == {site.coach.email, site.member.email}
