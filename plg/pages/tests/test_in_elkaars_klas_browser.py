"""The school leader, on a phone, reads what the school does in each other's classes."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from conftest import Site, World
from plg.core.tests.test_browser_journeys import sign_in
from plg.pages.tests.test_in_elkaars_klas import MARKERS, _ring, _teachers

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(world: World, live_server: LiveServer) -> Site:
    return Site.of(world, live_server.url)


def test_the_leader_reads_the_counts_of_visits_on_a_phone(page: Page, site: Site) -> None:
    _ring(site.school, _teachers(site.school, 6))
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, site, site.leader)
    page.goto(f"{site.url}/school/{site.school.pk}/")
    block = page.locator("section", has=page.get_by_role("heading", name="In elkaars klas"))
    expect(block).to_contain_text("6 bezoeken in elkaars klas")
    expect(block).to_contain_text("60% van het team deed mee")
    text = page.locator("body").inner_text()
    assert [marker for marker in MARKERS if marker in text] == []
