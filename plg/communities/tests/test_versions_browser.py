"""Two coaches save the actieplan from the same old form in two browsers, and merge."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.communities.models import Actieplan, Lidmaatschap, Rol

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _signed_in(browser: Browser, url: str, user: User) -> Page:
    page = browser.new_context().new_page()
    page.goto(f"{url}/aanmelden/")
    page.fill("#id_username", user.email)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page).to_have_url(f"{url}/")
    return page


def test_the_second_coach_merges_the_actieplan(
    browser: Browser, world: World, live_server: LiveServer
) -> None:
    Lidmaatschap.objects.filter(plg=world.plg, user=world.member).update(rol=Rol.PROCESCOACH)
    Actieplan.objects.create(
        plg=world.plg,
        author=world.coach,
        target_date=timezone.localdate(),
        gewenste_verandering="Huiswerk met een doel.",
        audience="leiding",
    )
    url = f"{live_server.url}/plg/{world.plg.pk}/actieplan/"
    them = _signed_in(browser, live_server.url, world.member)
    me = _signed_in(browser, live_server.url, world.coach)
    them.goto(url)
    me.goto(url)
    them.fill("#id_aanpak", "Elke week een klas bezoeken.")
    them.get_by_role("button", name="Actieplan bewaren").click()
    expect(them.get_by_text("Het actieplan is bewaard.")).to_be_visible()
    them.context.close()

    me.fill("#id_aanpak", "Ouders bevragen.")
    me.get_by_role("button", name="Actieplan bewaren").click()
    conflict = me.locator(".conflict")
    expect(conflict).to_contain_text("Mehdi Test heeft dit intussen ook bewaard.")
    expect(conflict).to_contain_text("Elke week een klas bezoeken.")
    expect(me.locator("#id_aanpak")).to_have_value("Ouders bevragen.")

    me.fill("#id_aanpak", "Elke week een klas bezoeken. Ouders bevragen.")
    me.get_by_role("button", name="Actieplan bewaren").click()
    expect(me.get_by_text("Het actieplan is bewaard.")).to_be_visible()
    me.context.close()
    assert Actieplan.objects.get().aanpak == "Elke week een klas bezoeken. Ouders bevragen."
