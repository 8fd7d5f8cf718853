"""Every persona's main pages, on a phone and on a laptop: no serious or critical WCAG 2.1 A/AA
violation (axe-core), and nothing wider than the phone. Run on the demo, as people meet it."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import Browser, Page, ViewportSize
from pytest_django.live_server_helper import LiveServer

from plg.bibliotheek.models import Bibliotheekitem
from plg.communities.models import PLG
from plg.core.tests.a11y import overflow, serious_violations, too_wide
from plg.pages.management.commands.seed_demo import PASSWORD, build_demo
from plg.scans.models import Afname
from plg.traject.models import Traject

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 390, "height": 844}
LAPTOP: ViewportSize = {"width": 1280, "height": 800}


def _pages() -> dict[str, list[str]]:
    """Per demo account, the pages they use most."""
    plg = PLG.objects.get(name="Huiswerk met betekenis")
    bijeenkomst = plg.bijeenkomsten.order_by("starts_at").first()
    scan = Afname.objects.filter(closed_at__isnull=False, instrument_slug="plg-scan").first()
    school = plg.schools.get()
    gedeeld = list(Bibliotheekitem.objects.filter(plg__name="Lezen met plezier"))
    traject = Traject.objects.get()
    coach = [
        reverse("home"),
        reverse("plg_detail", args=[plg.pk]),
        reverse("leervragen", args=[plg.pk]),
        reverse("themas", args=[plg.pk]),
        reverse("actieplan", args=[plg.pk]),
        reverse("plg_leden", args=[plg.pk]),
        reverse("archief", args=[plg.pk]),
        reverse("werkvormen", args=[]),
        reverse("vragenkit", args=[]),
        reverse("bibliotheek", args=[]),
        reverse("tijd", args=[]),
        reverse("mijn_klasbezoeken", args=[]),
        reverse("zelfscans", args=[plg.pk]),
    ]
    if bijeenkomst is not None:
        coach += [
            reverse("bijeenkomst_detail", args=[bijeenkomst.pk]),
            reverse("terugblik", args=[bijeenkomst.pk]),
            reverse("leerlog", args=[bijeenkomst.pk]),
        ]
    leader = [
        reverse("home"),
        reverse("school_overview", args=[school.pk]),
        reverse("scans", args=[]),
        reverse("school_tijd", args=[school.pk]),
        reverse("maandplannen", args=[school.pk]),
    ]
    leader.append(reverse("traject", args=[traject.pk]))
    if scan is not None:
        leader.append(reverse("scan_rapport", args=[scan.pk, school.pk]))
    return {
        "an@regenboog.example": coach,
        "bram@regenboog.example": [
            reverse("home"),
            reverse("plg_detail", args=[plg.pk]),
            *[reverse("bibliotheekitem", args=[i.slug]) for i in gedeeld[:1]],
            reverse("mijn_gegevens"),
        ],
        "directie@regenboog.example": leader,
        "els@netwerk.example": [
            reverse("home"),
            reverse("begeleiding"),
            reverse("begeleiding_scans"),
            reverse("trajecten"),
            reverse("traject", args=[traject.pk]),
            reverse("netwerk"),
        ],
    }


def _sign_in(page: Page, url: str, email: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{url}/aanmelden/")
    page.fill("#id_username", email)
    page.fill("#id_password", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(f"{url}/")


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_main_pages_have_no_serious_accessibility_violation(
    browser: Browser, live_server: LiveServer, viewport: ViewportSize
) -> None:
    build_demo()
    page = browser.new_context(viewport=viewport, locale="nl-BE").new_page()
    found: list[str] = []
    page.goto(f"{live_server.url}/aanmelden/")
    found += [f"/aanmelden/ {v}" for v in serious_violations(page)]
    for email, paths in _pages().items():
        _sign_in(page, live_server.url, email)
        for path in paths:
            response = page.goto(live_server.url + path)
            assert response is not None and response.ok, path
            found += [f"{email} {path} {v}" for v in serious_violations(page)]
            if viewport == PHONE and overflow(page) > 0:
                found.append(
                    f"{email} {path} is {overflow(page)} px wider than the phone: {too_wide(page)}"
                )
    assert not found, "\n".join(found)
