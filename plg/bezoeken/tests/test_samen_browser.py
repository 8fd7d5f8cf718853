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


def test_two_colleagues_plan_teach_and_reflect_in_a_co_teaching_series(
    page: Page, site: Site
) -> None:
    sign_in(page, site, site.member)
    page.goto(f"{site.url}/samen/")
    page.get_by_role("link", name="Een reeks starten").click()
    page.get_by_label("Met welke collega?").select_option(label="Kato Test")
    page.get_by_label("Titel").fill("Samen lezen")
    page.locator("#id_klas").fill("2A")
    page.get_by_role("button", name="Reeks starten").click()
    expect(page.get_by_text("De reeks staat klaar.")).to_be_visible()
    page.get_by_label("Wanneer geven we de les?").fill("2030-01-07T10:00")
    page.get_by_label("Wat plannen we?").fill("Jij start, ik sluit af.")
    page.get_by_role("button", name="Les toevoegen").click()
    expect(page.get_by_text("Jij start, ik sluit af.")).to_be_visible()

    page.get_by_role("button", name="Afmelden").click()
    sign_in(page, site, site.colleague)
    page.goto(f"{site.url}/samen/")
    page.get_by_role("link", name="Samen lezen").click()
    page.get_by_role("link", name="Plan en reflectie").click()
    page.get_by_label("Wat merkten we?").fill("De rollen in de groepjes hielpen.")
    page.get_by_role("button", name="Bewaren").click()
    expect(page.get_by_text("De rollen in de groepjes hielpen.")).to_be_visible()
    reeks_url = page.url

    page.get_by_role("button", name="Afmelden").click()
    sign_in(page, site, site.member)
    page.goto(reeks_url)
    expect(page.get_by_text("De rollen in de groepjes hielpen.")).to_be_visible()
    page.get_by_role("button", name="De reeks stoppen").click()
    expect(page.get_by_text("De reeks is gestopt.")).to_be_visible()

    page.get_by_role("button", name="Afmelden").click()
    sign_in(page, site, site.colleague)
    response = page.goto(reeks_url)
    assert response is not None and response.status == 404
