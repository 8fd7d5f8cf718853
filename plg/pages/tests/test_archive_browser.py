"""A member opens the archive of a closed PLG and reads how the leervraag grew: the versions in
order, without who wrote them and without a score."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from conftest import PASSWORD, World
from plg.communities import services
from plg.communities.models import PLG, Fase

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_member_reads_how_the_question_grew_without_names_or_scores(
    browser: Browser, world: World, live_server: LiveServer
) -> None:
    vraag = services.add_leervraag(plg=world.plg, text="Huiswerk?", author=world.member)
    services.revise_leervraag(
        leervraag=vraag, text="Waarom maken leerlingen hun huiswerk niet?", author=world.coach
    )
    PLG.objects.filter(pk=world.plg.pk).update(fase=Fase.AFGESLOTEN)
    page = browser.new_context().new_page()
    page.goto(f"{live_server.url}/aanmelden/")
    page.fill("#id_username", world.member.email)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.goto(f"{live_server.url}/plg/{world.plg.pk}/archief/")
    page.get_by_text("Hoe de vraag groeide").click()
    versions = page.locator("details ol li")
    expect(versions).to_have_count(2)
    expect(versions.nth(0)).to_contain_text("Huiswerk?")
    expect(versions.nth(1)).to_contain_text("Waarom maken leerlingen hun huiswerk niet?")
    for n in range(2):
        expect(versions.nth(n)).not_to_contain_text(world.member.display_name)
        expect(versions.nth(n)).not_to_contain_text(world.coach.display_name)
        expect(versions.nth(n)).not_to_contain_text("/6")
