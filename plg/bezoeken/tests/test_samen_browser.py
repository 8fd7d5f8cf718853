"""A blitsbezoek in a real browser: the visitor leaves feedback on a phone, the observed teacher
reads it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from conftest import Site, World
from plg.bezoeken.tests.factories_samen import BlitsbezoekFactory
from plg.core.tests.test_browser_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(world: World, live_server: LiveServer) -> Site:
    return Site.of(world, live_server.url)


def test_a_blitsbezoeks_feedback_left_on_a_phone_is_read_by_the_observed_teacher(
    page: Page, site: Site
) -> None:
    BlitsbezoekFactory.create(
        geobserveerde=site.member, bezoeker=site.colleague, school=site.school
    )
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, site, site.colleague)
    page.goto(f"{site.url}/samen/")
    page.get_by_role("link", name="bij Mehdi Test").click()
    page.get_by_role("link", name="Feedback geven").click()
    page.get_by_label("Eén zin waardering: wat zag je dat werkte?").fill(
        "Iedereen kwam meteen aan het werk."
    )
    page.get_by_label("Eén vraag: waar ben je benieuwd naar?").fill("Hoe heb je dat ingeoefend?")
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_text("Dank je.")).to_be_visible()

    page.get_by_role("button", name="Afmelden").click()
    sign_in(page, site, site.member)
    page.goto(f"{site.url}/samen/")
    expect(page.get_by_text("Iedereen kwam meteen aan het werk.")).to_be_visible()
    expect(page.get_by_text("Hoe heb je dat ingeoefend?")).to_be_visible()
