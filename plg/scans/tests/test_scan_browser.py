"""Answering the PLG-scan on a phone: leave half-way, come back with the same link, submit once."""

from __future__ import annotations

import re

import pytest
from django.core.mail import EmailMessage
from playwright.sync_api import Browser, BrowserContext, Page, expect
from pytest_django import Settings

from conftest import World
from plg.scans.models import Afname, Antwoord, Antwoordset

pytestmark = [pytest.mark.browser]


def _phone(browser: Browser) -> BrowserContext:
    return browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )


def _found(pattern: str, text: str) -> str:
    match = re.search(pattern, text)
    assert match, pattern
    return match.group(1)


def _answer_part(page: Page, value: str) -> None:
    names = page.locator("fieldset.scan-item input[type=radio]").evaluate_all(
        "inputs => [...new Set(inputs.map(i => i.name))]"
    )
    for name in names:
        page.locator(f"input[name='{name}'][value='{value}']").check()
    textarea = page.locator("textarea")
    if textarea.count():
        textarea.fill("We keken samen naar een les.")


def test_answer_on_a_phone_leave_and_come_back(
    browser: Browser, world: World, asgi_server: str, wave: Afname, mailoutbox: list[EmailMessage]
) -> None:
    message = next(m for m in mailoutbox if m.to == [world.member.email])
    path = _found(r"(/scan/[^\s]+/)", str(message.body))
    context = _phone(browser)
    page = context.new_page()
    page.goto(asgi_server + path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Collectieve verantwoordelijkheid")
    # the scale fits the phone: no sideways scrolling
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.locator("input[name='cv1'][value='5']").check()
    expect(page.locator("#bewaard")).to_contain_text("Bewaard om")
    _answer_part(page, "4")
    page.get_by_role("button", name="Volgende").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reflectieve dialoog")
    page.locator("input[name='rd1'][value='2']").check()
    expect(page.locator("#bewaard")).to_contain_text("Bewaard om")
    page.close()  # leaves half-way: no button pressed on this part

    again = context.new_page()
    again.goto(asgi_server + path)  # opens where they stopped: the part left half-way
    expect(again.get_by_role("heading", level=1)).to_have_text("Reflectieve dialoog")
    expect(again.locator("input[name='rd1'][value='2']")).to_be_checked()
    again.get_by_role("button", name="Vorige").click()
    expect(again.locator("input[name='cv1'][value='4']")).to_be_checked()
    again.get_by_role("button", name="Volgende").click()
    while again.locator("fieldset.scan-item").count():
        _answer_part(again, "3" if again.locator("input[name='rolgroep']").count() == 0 else "1")
        again.get_by_role("button", name="Volgende").click()
    expect(again.get_by_role("heading", level=1)).to_have_text("Klaar om in te dienen?")
    again.get_by_role("button", name="Indienen").click()
    expect(again.get_by_role("heading", level=1)).to_have_text("Dank je wel")
    assert Antwoordset.objects.filter(submitted=True).count() == 1
    assert Antwoord.objects.get(item="rd1").value == 3  # answered again before submitting
    again.goto(asgi_server + path)
    expect(again.get_by_role("heading", level=1)).to_have_text("Dank je wel")
    context.close()


def test_go_on_on_another_device_with_the_mailed_link(
    browser: Browser,
    world: World,
    asgi_server: str,
    wave: Afname,
    mailoutbox: list[EmailMessage],
    settings: Settings,
) -> None:
    from django.core import mail

    settings.SITE_URL = asgi_server  # the mailed link leads to the site's own address
    message = next(m for m in mailoutbox if m.to == [world.member.email])
    path = _found(r"(/scan/[^\s]+/)", str(message.body))
    laptop = browser.new_context()
    page = laptop.new_page()
    page.goto(asgi_server + path)
    page.locator("input[name='cv1'][value='5']").check()
    expect(page.locator("#bewaard")).to_contain_text("Bewaard om")
    page.get_by_text("Later verdergaan op een ander toestel?").click()
    page.get_by_label("Je e-mailadres").fill("mij@thuis.example")
    page.get_by_role("button", name="Stuur mij de link").click()
    expect(page.get_by_text("De link is verstuurd")).to_be_visible()
    link = _found(r"(https?://\S+#\S+)", str(mail.outbox[-1].body))
    laptop.close()

    phone = _phone(browser)
    other = phone.new_page()
    other.goto(link)
    expect(other.get_by_role("heading", level=1)).to_have_text(
        "Je antwoorden staan klaar op dit toestel"
    )
    assert "#" not in other.url  # the key left the address bar and the history
    other.goto(asgi_server + path)
    expect(other.locator("input[name='cv1'][value='5']")).to_be_checked()
    phone.close()
