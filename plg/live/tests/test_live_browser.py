"""Two browsers in one live bijeenkomst: the coach steers, the member contributes, both see it."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from conftest import PASSWORD
from plg.live.models import Kaart, Zone
from plg.meetings import services as meeting_services
from plg.methods.catalogue import load_catalogue
from plg.methods.models import Stap, Werkvorm

pytestmark = [pytest.mark.browser]


def sign_in(page: Page, base: str, user: Any) -> None:
    page.goto(f"{base}/aanmelden/")
    page.fill("#id_username", user.email)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page).to_have_url(f"{base}/")


@pytest.fixture
def bijeenkomst(world: Any, asgi_server: str) -> Any:
    load_catalogue()
    bijeenkomst = meeting_services.plan_bijeenkomst(
        plg=world.plg, starts_at=timezone.now(), place="Zaal", duration_minutes=100
    )
    verwerking = bijeenkomst.blokken.get(stap=Stap.VERWERKING)
    verwerking.werkvorm = Werkvorm.objects.get(slug="kandoe", school=None)
    verwerking.save()
    return bijeenkomst


def test_coach_and_member_see_each_other_live(
    browser: Browser, world: Any, asgi_server: str, bijeenkomst: Any
) -> None:
    coach = browser.new_page()
    member = browser.new_page()
    sign_in(coach, asgi_server, world.coach)
    sign_in(member, asgi_server, world.member)
    coach.goto(f"{asgi_server}/bijeenkomst/{bijeenkomst.pk}/live/")
    expect(coach.locator("#live-status")).to_have_text("Verbonden")
    code = coach.locator(".live-code").inner_text()

    member.goto(f"{asgi_server}/doe-mee/")
    member.fill("#id_code", code.lower())
    member.get_by_role("button", name="Meedoen").click()
    expect(member.locator("#live-status")).to_have_text("Verbonden")

    # The coach starts the KanDoe step: the member's screen follows, with the clock.
    kandoe = bijeenkomst.blokken.get(stap=Stap.VERWERKING)
    coach.locator(f"#live-steps li[data-blok='{kandoe.pk}'] button").click()
    expect(member.locator("#live-steps li.current")).to_have_attribute("data-blok", str(kandoe.pk))
    expect(member.locator("#live-timer")).to_contain_text(":")

    # The member writes a card; the coach sees it exists but not its text until revealed.
    member.fill("#live-card-text", "Huiswerk differentiëren")
    member.get_by_role("button", name="Kaart toevoegen").click()
    expect(coach.locator(".live-card")).to_contain_text("verborgen")
    coach.get_by_role("button", name="Kaarten tonen").click()
    expect(coach.locator(".live-card")).to_contain_text("Huiswerk differentiëren")

    # The coach moves the member's card one ring inwards, with a reason; the member sees it.
    card = coach.locator(".live-card")
    card.get_by_role("textbox", name="Waarom?").fill("Dit raakt elke klas")
    card.get_by_role("button", name="Naar binnen").click()
    expect(member.locator(f".live-zone[data-zone='{Zone.RING_2}'] .live-card")).to_contain_text(
        "Huiswerk differentiëren"
    )
    assert Kaart.objects.get().zone == Zone.RING_2

    # A fresh connection (here: reloading the page) gets the current state from the database.
    member.reload()
    expect(member.locator(f".live-zone[data-zone='{Zone.RING_2}'] .live-card")).to_contain_text(
        "Huiswerk differentiëren"
    )
    coach.close()
    member.close()


def test_oase_runs_through_its_phases(browser: Browser, world: Any, asgi_server: str) -> None:
    from plg.live.models import Intervisie

    load_catalogue()
    bijeenkomst = meeting_services.plan_bijeenkomst(
        plg=world.plg, starts_at=timezone.now(), place="Zaal", duration_minutes=100
    )
    blok = bijeenkomst.blokken.get(stap=Stap.VERWERKING)
    blok.werkvorm = Werkvorm.objects.get(slug="oase", school=None)
    blok.save()
    coach, member = browser.new_page(), browser.new_page()
    sign_in(coach, asgi_server, world.coach)
    sign_in(member, asgi_server, world.member)
    coach.goto(f"{asgi_server}/bijeenkomst/{bijeenkomst.pk}/live/")
    expect(coach.locator("#live-status")).to_have_text("Verbonden")
    member.goto(f"{asgi_server}/bijeenkomst/{bijeenkomst.pk}/live/")
    expect(member.locator("#live-status")).to_have_text("Verbonden")
    coach.locator(f"#live-steps li[data-blok='{blok.pk}'] button").click()

    coach.select_option("#oase-inbrenger-select", str(world.member.pk))
    coach.fill("#oase-thema-input", "Een klas die niet luistert")
    coach.get_by_role("button", name="Intervisie starten").click()
    phase = member.locator("#oase-fase")
    expect(phase).to_have_text("onderzoek")
    expect(member.locator("#oase-timer")).to_contain_text(":")
    for name in ["appreciatie", "suggestie", "evaluatie"]:
        coach.get_by_role("button", name="Volgende fase").click()
        expect(phase).to_have_text(name)

    member.fill("#oase-evaluatie", "Ik probeer morgen de stilte-oefening")
    member.get_by_role("button", name="Evaluatie bewaren").click()
    expect(coach.locator("#oase-evaluatie-tekst")).to_have_text(
        "Ik probeer morgen de stilte-oefening"
    )
    assert Intervisie.objects.get().evaluatie == "Ik probeer morgen de stilte-oefening"
    coach.close()
    member.close()
