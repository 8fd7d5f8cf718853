"""The tandem as the two live it: the coach proposes the agreement from the PLG's tab, the
leader finds it on their home page and agrees, the coach asks for time, the leader answers; a
member of the PLG reads what was agreed about sharing, never the support or the notes."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.tandem.models import Antwoord, Steunvraag, Tandem

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _signed_in(browser: Browser, url: str, user: User) -> Page:
    page = browser.new_context().new_page()
    page.goto(f"{url}/aanmelden/")
    page.fill("#id_username", user.email)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page).to_have_url(f"{url}/")
    return page


def _coach_proposes(coach: Page, plg_page: str, leader: User) -> None:
    coach.goto(plg_page)
    coach.get_by_role("link", name="Tandem").click()
    coach.get_by_label("Met welke schoolleider vorm je een tandem?").select_option(
        label=leader.display_name
    )
    coach.get_by_label("Wat we met de schoolleider delen").fill("De leervraag en de mijlpalen.")
    coach.get_by_label("Wat binnen de PLG blijft").fill("Wie wat zei, en de leerlogs.")
    coach.get_by_label("Wanneer we overleggen").fill("Een halfuur na elke tweede bijeenkomst.")
    coach.locator("#id_tijd").fill("Twee lesuren per maand.")
    coach.get_by_role("button", name="Afspraak voorstellen").click()
    expect(coach.get_by_text("Wacht op het akkoord van de ander.")).to_be_visible()


def test_coach_and_leader_agree_and_the_leader_answers_a_request_for_time(
    browser: Browser, world: World, live_server: LiveServer
) -> None:
    plg_page = f"{live_server.url}/plg/{world.plg.pk}/"
    coach = _signed_in(browser, live_server.url, world.coach)
    _coach_proposes(coach, plg_page, world.leader)

    leader = _signed_in(browser, live_server.url, world.leader)
    leader.get_by_role("link", name=world.plg.name).click()
    leader.get_by_role("button", name="Akkoord").click()
    expect(leader.get_by_text("Jullie afspraak staat.")).to_be_visible()

    coach.reload()
    coach.get_by_label("tijd", exact=True).check()
    coach.get_by_label("Wat heeft de PLG nodig?").fill("Een halve dag om bij elkaar te kijken.")
    coach.get_by_role("button", name="Vraag stellen").click()
    expect(coach.get_by_text("Nog geen antwoord.")).to_be_visible()

    leader.reload()
    leader.get_by_label("komt er").check()
    leader.get_by_label("Toelichting").fill("Op 12 maart, de zorgcoördinator vervangt.")
    leader.get_by_role("button", name="Antwoorden").click()
    coach.reload()
    expect(coach.get_by_text("Op 12 maart, de zorgcoördinator vervangt.")).to_be_visible()
    assert Tandem.objects.get().is_akkoord
    assert Steunvraag.objects.get().antwoord == Antwoord.JA

    member = _signed_in(browser, live_server.url, world.member)
    member.goto(plg_page)
    expect(member.get_by_text("Wie wat zei, en de leerlogs.")).to_be_visible()
    expect(member.get_by_role("link", name="Tandem")).to_have_count(0)
    expect(member.get_by_text("Twee lesuren per maand.")).to_have_count(0)
