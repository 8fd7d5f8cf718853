"""The main pages work under the Content-Security-Policy: no violation reported by the browser."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Browser, BrowserContext, Page, expect

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.meetings.tests.factories import BijeenkomstFactory
from plg.methods.catalogue import load_catalogue

pytestmark = [pytest.mark.browser]

LISTEN = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
window.print = () => { window.__printed = true; };
"""


class Watched:
    """A browser context whose pages report every CSP violation, from events and the console."""

    def __init__(self, browser: Browser, base: str) -> None:
        self.base = base
        self.context: BrowserContext = browser.new_context()
        self.context.add_init_script(LISTEN)
        self.console: list[str] = []
        self.pages: list[Page] = []

    def page(self) -> Page:
        page = self.context.new_page()
        page.on(
            "console",
            lambda m: self.console.append(m.text) if "Content Security Policy" in m.text else None,
        )
        self.pages.append(page)
        return page

    def goto(self, page: Page, path: str) -> None:
        response = page.goto(self.base + path)
        assert response is not None
        assert "script-src 'self'" in response.headers.get("content-security-policy", ""), path

    def violations(self) -> list[str]:
        found = list(self.console)
        for page in self.pages:
            if not page.is_closed():
                found += page.evaluate("window.__csp || []")
        return found


def sign_in(watched: Watched, page: Page, user: User) -> None:
    watched.goto(page, "/aanmelden/")
    page.fill("#id_username", user.email)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page).to_have_url(f"{watched.base}/")


def test_coach_pages_report_no_csp_violation(
    browser: Browser, world: World, asgi_server: str
) -> None:
    from plg.planning.models import Kalenderfeed

    load_catalogue()
    bijeenkomst = BijeenkomstFactory.create(plg=world.plg, starts_at=timezone.now())
    Kalenderfeed.objects.create(user=world.coach)
    watched = Watched(browser, asgi_server)
    page = watched.page()
    sign_in(watched, page, world.coach)

    # the leervraag check answers through htmx while typing
    watched.goto(page, f"/plg/{world.plg.pk}/leervragen/")
    page.locator("textarea[name=text]").fill("Waarom zouden we huiswerk geven?")
    expect(page.locator("#leervraag-check")).to_contain_text("aandachtspunten")

    # the live page connects its WebSocket
    watched.goto(page, f"/bijeenkomst/{bijeenkomst.pk}/live/")
    expect(page.locator("#live-status")).to_have_text("Verbonden")

    # a click selects the whole calendar link
    watched.goto(page, "/tijd/")
    link = page.locator("#feed-url")
    link.click()
    assert (
        page.evaluate(
            "window.getSelection().toString() || document.activeElement.value.substring(document.activeElement.selectionStart, document.activeElement.selectionEnd)"
        )
        == link.input_value()
    )

    # leaving the PLG asks first; saying no keeps you in it
    watched.goto(page, f"/plg/{world.plg.pk}/leden/")
    page.locator("form[action$='/verlaten/'] button").click()
    page.get_by_role("dialog").get_by_role("button", name="Nee, terug").click()
    expect(page).to_have_url(re.compile(r"/leden/$"))

    # the language menu switches when its button is pressed
    page.select_option("#language", "en")
    page.get_by_role("button", name="Taal kiezen").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")

    assert watched.violations() == []


def test_answering_a_scan_and_printing_its_poster_report_no_csp_violation(
    browser: Browser, world: World, asgi_server: str
) -> None:
    from plg.scans import services

    afname = services.open_afname(opened_by=world.leader, title="Voorjaar", schools=[world.school])
    message = next(m for m in mail.outbox if m.to == [world.member.email])
    link = re.search(r"https?://[^/\s]+(/scan/\S+)", str(message.body))
    assert link
    path = link.group(1)
    watched = Watched(browser, asgi_server)
    page = watched.page()
    watched.goto(page, path)
    page.locator("fieldset.scan-item input[type=radio]").first.check()
    expect(page.locator("#bewaard")).to_contain_text("Bewaard om")

    leader = Watched(browser, asgi_server)
    poster = leader.page()
    sign_in(leader, poster, world.leader)
    leader.goto(poster, f"/scans/{afname.pk}/affiche/{world.school.pk}/")
    poster.get_by_role("button", name="Afdrukken").click()
    assert poster.evaluate("window.__printed === true")

    assert watched.violations() == [] and leader.violations() == []
