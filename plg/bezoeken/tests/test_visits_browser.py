"""Class visits in a real browser: observing on a phone while the network drops, and the whole
journey from the invitation to the conversation afterwards."""

from __future__ import annotations

from collections import Counter

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from pytest_django.live_server_helper import LiveServer

from conftest import PASSWORD, Site, World
from plg.accounts.models import User
from plg.bezoeken.models import Klasbezoek, Nagesprek, Observatie, Status
from plg.bezoeken.tests.factories import KijkwijzerFactory, bezoek_bij_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
CSP = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective));
"""


@pytest.fixture
def site(world: World, live_server: LiveServer) -> Site:
    return Site.of(world, live_server.url)


def signed_in(browser: Browser, site: Site, user: User, **options: object) -> Page:
    context: BrowserContext = browser.new_context(**options)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(f"{site.url}/aanmelden/")
    page.fill("#id_username", user.email)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page).to_have_url(f"{site.url}/")
    return page


def note(page: Page, text: str) -> None:
    page.fill("#notitie-tekst", text)
    page.get_by_role("button", name="Notitie bewaren").click()


def test_observing_on_a_phone_loses_nothing_when_the_network_drops(
    browser: Browser, site: Site
) -> None:
    kijkwijzer = KijkwijzerFactory.create(eigenaar=site.member)
    bezoek = bezoek_bij_member(site, kijkwijzer=kijkwijzer)
    page = signed_in(browser, site, site.colleague, viewport=PHONE, is_mobile=True, has_touch=True)
    page.context.add_init_script(CSP)
    page.goto(f"{site.url}/klasbezoek/{bezoek.pk}/observeren/")
    status = page.locator("[data-status]")

    page.get_by_role("button", name="Leerlingen stellen elkaar vragen.").click()
    note(page, "Ayla vraagt Tom hoe hij begon")
    expect(status).to_have_text("Alles bewaard")

    page.context.set_offline(True)
    note(page, "Tom tekent zijn aanpak")
    note(page, "Ayla wijst naar het bord")
    expect(status).to_have_text("2 notities wachten op verbinding")
    expect(page.locator("[data-list] [data-state=wacht]")).to_have_count(2)
    expect(page.locator("[data-list] [data-state=wacht]").first).to_contain_text(
        "wacht op verbinding"
    )

    page.context.set_offline(False)
    expect(status).to_have_text("Alles bewaard")
    expect(page.locator("[data-list] [data-state=wacht]")).to_have_count(0)
    expect(page.locator("[data-list]")).not_to_contain_text("wacht op verbinding")
    texts = Counter(Observatie.objects.filter(bezoek=bezoek).values_list("tekst", flat=True))
    assert texts == Counter(
        ["Ayla vraagt Tom hoe hij begon", "Tom tekent zijn aanpak", "Ayla wijst naar het bord"]
    )
    first = Observatie.objects.get(tekst="Ayla vraagt Tom hoe hij begon")
    assert first.item is not None and first.item.tekst == "Leerlingen stellen elkaar vragen."
    assert page.evaluate("window.__csp") == []


def test_invite_accept_observe_and_talk_afterwards(browser: Browser, site: Site) -> None:
    owner = signed_in(browser, site, site.member)
    owner.get_by_role("link", name="Klasbezoeken").click()
    owner.get_by_role("link", name="Een collega uitnodigen").click()
    owner.select_option("#id_bezoeker", str(site.colleague.pk))
    owner.fill("#id_focus", "Hoe leerlingen elkaar helpen")
    owner.fill("#id_klas", "3B")
    owner.fill("#id_datum", "2030-01-07")
    owner.fill("#id_begin", "10:00")
    owner.fill("#id_einde", "10:50")
    owner.get_by_role("button", name="Uitnodiging versturen").click()
    expect(owner.locator(".messages")).to_contain_text("krijgt je uitnodiging")
    bezoek = Klasbezoek.objects.get()

    visitor = signed_in(browser, site, site.colleague, viewport=PHONE, is_mobile=True)
    visitor.goto(f"{site.url}/klasbezoeken/")
    visitor.get_by_role("link", name="Bekijk en antwoord").click()
    visitor.get_by_role("button", name="Ik kom").click()
    expect(visitor.locator(".messages")).to_contain_text("Fijn dat je komt")
    visitor.get_by_role("link", name="Observeren").click()
    note(visitor, "Vier leerlingen leggen elkaar de opgave uit")
    expect(visitor.locator("[data-status]")).to_have_text("Alles bewaard")
    bezoek.refresh_from_db()
    assert bezoek.status == Status.AANVAARD

    owner.goto(f"{site.url}/klasbezoek/{bezoek.pk}/")
    expect(owner.locator("body")).to_contain_text("Vier leerlingen leggen elkaar de opgave uit")
    owner.get_by_role("link", name="Nagesprek noteren").click()
    owner.fill("#id_wat_zag_je", "Veel uitleg onder elkaar")
    owner.fill("#id_wat_neem_ik_mee", "Vaker in duo's laten starten")
    owner.get_by_role("button", name="Bewaren").click()
    expect(owner.locator("body")).to_contain_text("Vaker in duo's laten starten")
    owner.goto(f"{site.url}/klasbezoeken/")
    expect(owner.locator("body")).to_contain_text("Vaker in duo's laten starten")
    assert Nagesprek.objects.get().audience == "wij"


def test_notes_typed_after_the_session_lapsed_wait_for_a_new_sign_in(
    browser: Browser, site: Site
) -> None:
    bezoek = bezoek_bij_member(site)
    page = signed_in(browser, site, site.colleague, viewport=PHONE, is_mobile=True)
    page.goto(f"{site.url}/klasbezoek/{bezoek.pk}/observeren/")
    page.context.clear_cookies()
    note(page, "Getypt na het afmelden")
    expect(page.locator("[data-status]")).to_contain_text("Je bent afgemeld")
    assert not Observatie.objects.exists()

    other = page.context.new_page()
    other.goto(f"{site.url}/aanmelden/")
    other.fill("#id_username", site.colleague.email)
    other.fill("#id_password", PASSWORD)
    other.get_by_role("button", name="Aanmelden").click()
    expect(page.locator("[data-status]")).to_have_text("Alles bewaard")
    assert list(Observatie.objects.values_list("tekst", flat=True)) == ["Getypt na het afmelden"]
