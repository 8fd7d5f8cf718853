"""What a page marks hidden is not shown, whatever the stylesheet says about its class: a card
typed into a form that should not be there yet is silently lost."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect

from conftest import World
from plg.live.tests.test_live_browser import open_live, sign_in
from plg.meetings.tests.factories import BijeenkomstFactory

pytestmark = [pytest.mark.browser]


def test_the_card_form_waits_for_a_step_with_a_board(
    browser: Browser, world: World, asgi_server: str
) -> None:
    bijeenkomst = BijeenkomstFactory.create(plg=world.plg, starts_at=timezone.now())
    coach = browser.new_page()
    sign_in(coach, asgi_server, world.coach)
    open_live(coach, asgi_server, bijeenkomst)  # no step started yet
    expect(coach.locator("#live-board")).to_contain_text("start zo de eerste stap")
    expect(coach.locator("#live-add")).to_be_hidden()
    expect(coach.locator("#oase-evaluate")).to_be_hidden()
