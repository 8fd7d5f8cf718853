"""The school leader reads the report of a team strong in responsibility and dialogue whose
classroom doors mostly stay closed: a mature PLG, as the research would call it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from conftest import PASSWORD, World
from plg.scans import services
from plg.scans.tests.conftest import answer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_team_with_closed_doors_reads_mature_without_the_distinction(
    browser: Browser, world: World, live_server: LiveServer
) -> None:
    afname = services.open_afname(opened_by=world.leader, title="Voorjaar", schools=[world.school])
    turned = {item.key for item in afname.instrument.items() if item.reverse}

    def meant(key: str) -> int:
        value = 2 if key.startswith("gp") else 4
        return 6 - value if key in turned else value

    for _ in range(5):
        answer(afname, world.school, meant)
    services.close_afname(afname=afname)
    page = browser.new_context().new_page()
    page.goto(f"{live_server.url}/aanmelden/")
    page.fill("#id_username", world.leader.email)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.goto(f"{live_server.url}/scans/{afname.pk}/school/{world.school.pk}/")
    expect(page.get_by_role("heading", name="Profiel: volwassen PLG")).to_be_visible()
    expect(page.get_by_text("ook sterk in")).to_have_count(0)
    expect(
        page.get_by_text("zelfs in volwassen PLG's blijft de klasdeur vaak dicht", exact=False)
    ).to_be_visible()
