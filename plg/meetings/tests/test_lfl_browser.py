"""The coach's journeys of recommendation 8 and the LfL compass: tagging a bijeenkomst and
finding it in the archive; preparing an expert's visit from the leervraag and sending it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.meetings.models import Expertbezoek
from plg.meetings.tests.factories import BijeenkomstFactory
from plg.meetings.tests.lfl import met_leervraag
from plg.post.models import Bericht

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LEERVRAAG = "Waarom geven we in het vijfde leerjaar zo weinig feedback die leerlingen helpt?"


def _signed_in(browser: Browser, url: str, user: User) -> Page:
    page = browser.new_context().new_page()
    page.goto(f"{url}/aanmelden/")
    page.fill("#id_username", user.email)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page).to_have_url(f"{url}/")
    return page


def test_the_coach_tags_a_bijeenkomst_and_finds_it_in_the_archive(
    browser: Browser, world: World, live_server: LiveServer
) -> None:
    bijeenkomst = BijeenkomstFactory.create(plg=world.plg)
    coach = _signed_in(browser, live_server.url, world.coach)
    coach.goto(f"{live_server.url}/bijeenkomst/{bijeenkomst.pk}/")
    coach.get_by_text("Welke principes van leiderschap voor leren zie je hier?").click()
    coach.get_by_label("Dialoog").check()
    coach.get_by_role("button", name="Principes bewaren").click()
    expect(coach.get_by_text("De principes bij deze bijeenkomst zijn bewaard.")).to_be_visible()

    coach.get_by_role("link", name="Archief").click()
    dialoog = coach.locator("#kompas-dialoog")
    expect(dialoog).to_contain_text("1 keer")
    expect(dialoog.get_by_role("link")).to_have_count(1)
    expect(coach.locator("#kompas-focus_op_leren")).to_contain_text("0 keer")


def test_the_coach_prepares_an_expert_visit_and_sends_the_questions(
    browser: Browser, world: World, live_server: LiveServer
) -> None:
    met_leervraag(world, LEERVRAAG)
    coach = _signed_in(browser, live_server.url, world.coach)
    coach.goto(f"{live_server.url}/plg/{world.plg.pk}/")
    coach.get_by_role("link", name="Bronnen en experts").click()
    coach.get_by_role("link", name="Naar de bezoeken van experts").click()
    coach.get_by_role("link", name="Een bezoek voorbereiden").click()
    vragen = coach.get_by_label("Onze vragen")
    assert LEERVRAAG in vragen.input_value()
    coach.get_by_label("Naam van de expert").fill("Dr. Feedback")
    coach.get_by_label("E-mailadres van de expert").fill("feedback@hogeschool.example")
    coach.get_by_label("Datum van het bezoek").fill("2099-06-01")
    vragen.fill(vragen.input_value() + "\nHoe maak je feedback haalbaar met 28 leerlingen?")
    coach.get_by_role("button", name="Bezoek bewaren").click()
    expect(coach.get_by_text("Het bezoek is voorbereid.")).to_be_visible()
    expect(
        coach.get_by_role("listitem").filter(has_text="Hoe maak je feedback haalbaar")
    ).to_be_visible()

    coach.get_by_role("button", name="Vragen naar de expert sturen").click()
    expect(coach.get_by_text("De vragen gaan naar Dr. Feedback.")).to_be_visible()
    bezoek = Expertbezoek.objects.get()
    assert bezoek.verstuurd_op is not None
    mail = Bericht.objects.get(aan="feedback@hogeschool.example")
    assert mail.over_id == bezoek.pk
