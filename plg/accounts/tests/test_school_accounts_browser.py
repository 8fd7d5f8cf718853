"""The school-account button in a real browser: login page, provider, back in, signed in."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from conftest import World
from plg.accounts.tests.school_provider import Provider
from plg.core.tests.a11y import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_teacher_signs_in_with_the_school_account(
    page: Page, live_server: LiveServer, world: World, provider: Provider
) -> None:
    refused: list[str] = []
    page.on(
        "console",
        lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None,
    )
    provider.person("mehdi", email=world.member.email, email_verified=True)
    page.goto(f"{live_server.url}/aanmelden/")
    assert serious_violations(page) == []
    page.get_by_role("link", name="Aanmelden met je Microsoft-schoolaccount").click()
    page.fill("input[name=sub]", "mehdi")
    page.get_by_role("button", name="Authorize").click()
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.get_by_text("Mehdi").first).to_be_visible()
    assert refused == []


def test_unknown_teacher_reads_why_on_the_login_page(
    page: Page, live_server: LiveServer, world: World, provider: Provider
) -> None:
    provider.person("nieuw", email="nieuw@regenboog.example", email_verified=True)
    page.goto(f"{live_server.url}/aanmelden/")
    page.get_by_role("link", name="Aanmelden met je Microsoft-schoolaccount").click()
    page.fill("input[name=sub]", "nieuw")
    page.get_by_role("button", name="Authorize").click()
    expect(page).to_have_url(f"{live_server.url}/aanmelden/")
    expect(page.get_by_role("alert")).to_contain_text("Dit e-mailadres kennen we hier nog niet")
    expect(page.locator("#id_username")).to_be_visible()
