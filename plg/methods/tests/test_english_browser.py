"""A teacher who reads English chooses it in the menu and reads a werkvorm and its steps."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, ViewportSize, expect
from pytest_django.live_server_helper import LiveServer

from conftest import PASSWORD, World
from plg.core.tests.a11y import serious_violations, too_wide
from plg.methods.catalogue import load_catalogue
from plg.methods.models import Werkvorm

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 390, "height": 844}


def test_a_member_switches_to_english_and_reads_a_werkvorm_and_its_steps(
    browser: Browser, world: World, live_server: LiveServer
) -> None:
    load_catalogue()
    oase = Werkvorm.objects.get(slug="oase", school=None)
    english = oase.translations["en"]
    steps = [line.split(". ", 1)[1] for line in english["hoe"].splitlines() if line[:1].isdigit()]
    page = browser.new_context(viewport=PHONE).new_page()
    page.goto(f"{live_server.url}/aanmelden/")
    page.fill("#id_username", world.member.email)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/werkvormen/")
    page.get_by_label("Taal").select_option("en")
    page.get_by_role("button", name="Taal kiezen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Methods")
    page.get_by_role("link", name=english["name"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(english["name"])
    expect(page.locator("p.lead")).to_have_text(english["summary"])
    how = page.locator("section.card", has=page.get_by_role("heading", name="How"))
    expect(how.get_by_role("listitem")).to_have_text(steps)
    expect(page.locator("main")).not_to_contain_text(oase.summary)
    assert serious_violations(page) == []
    assert too_wide(page) == []
