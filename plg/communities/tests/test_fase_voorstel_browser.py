"""The coach chooses the leervraag, and the PLG page then suggests the phase actieplan: the
coach confirms it with one button; a member sees no suggestion."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.communities import services
from plg.communities.models import PLG, Fase

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _signed_in(browser: Browser, url: str, user: User) -> Page:
    page = browser.new_context().new_page()
    page.goto(f"{url}/aanmelden/")
    page.fill("#id_username", user.email)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page).to_have_url(f"{url}/")
    return page


def test_the_coach_confirms_the_phase_the_chosen_leervraag_suggests(
    browser: Browser, world: World, live_server: LiveServer
) -> None:
    PLG.objects.filter(pk=world.plg.pk).update(fase=Fase.LEERVRAAG)
    services.add_leervraag(
        plg=world.plg, text="Waarom maken leerlingen hun huiswerk niet?", author=world.member
    )
    plg_page = f"{live_server.url}/plg/{world.plg.pk}/"
    coach = _signed_in(browser, live_server.url, world.coach)
    coach.goto(plg_page)
    expect(coach.get_by_role("heading", name="Een volgende fase?")).to_have_count(0)
    coach.goto(f"{plg_page}leervragen/")
    coach.get_by_role("button", name="Kies als leervraag").first.click()
    expect(coach.get_by_text("Dit is nu de leervraag van de PLG.")).to_be_visible()

    coach.goto(plg_page)
    expect(coach.get_by_role("heading", name="Een volgende fase?")).to_be_visible()
    member = _signed_in(browser, live_server.url, world.member)
    member.goto(plg_page)
    expect(member.get_by_role("heading", name="Onze leervraag")).to_be_visible()
    expect(member.get_by_role("heading", name="Een volgende fase?")).to_have_count(0)
    assert PLG.objects.get(pk=world.plg.pk).fase == Fase.LEERVRAAG

    coach.get_by_role("button", name="Naar de fase 'actieplan'").click()
    expect(coach.get_by_text("De PLG staat nu in de fase 'actieplan'.")).to_be_visible()
    expect(coach.get_by_role("heading", name="Een volgende fase?")).to_have_count(0)
    assert PLG.objects.get(pk=world.plg.pk).fase == Fase.ACTIEPLAN
