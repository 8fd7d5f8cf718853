"""A member reads the Zelfscan's result on a phone: the examples from practice first, then how
the answers spread, and the rounded figure last."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from conftest import PASSWORD, World
from plg.scans import services
from plg.scans.tests.conftest import answer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_member_reads_the_examples_before_the_figures_on_a_phone(
    browser: Browser, world: World, live_server: LiveServer
) -> None:
    afname = services.open_zelfscan(plg=world.plg, opened_by=world.coach, title="Bij de start")
    for n in range(4):
        answer(
            afname,
            None,
            1 + n % 2,
            rolgroep=None,
            comments={"focus_op_leren": f"Voorbeeld {n}: samen huiswerk nakijken."},
        )
    services.close_afname(afname=afname)
    page = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True).new_page()
    page.goto(f"{live_server.url}/aanmelden/")
    page.fill("#id_username", world.member.email)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.goto(f"{live_server.url}/plg/{world.plg.pk}/zelfscan/{afname.pk}/")
    pillar = page.get_by_role("region", name="Focus op leren")
    expect(pillar.get_by_role("heading", level=3).first).to_have_text("Uit jullie praktijk")
    expect(pillar.get_by_text("Voorbeeld 0: samen huiswerk nakijken.")).to_be_visible()
    expect(pillar.locator(".spread li").first).to_contain_text("nog niet: 2")
    expect(pillar.locator(".spread li").first).to_contain_text("een begin: 2")
    expect(pillar.get_by_text("Gemiddeld 1,5 op 4")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
