"""The boards of a live bijeenkomst as people meet them: columns in the guide's order, a move's
"why" inside its card, a refused move answered at its card, and a saved ranking that keeps the
coach in the meeting."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, ViewportSize, expect

from conftest import World
from plg.core.tests.a11y import serious_violations, too_wide
from plg.live.models import Kaart, LiveSessie, Zone
from plg.live.tests.test_live_browser import ask, open_live, sign_in, start
from plg.meetings.models import AgendaBlok, Bijeenkomst
from plg.meetings.tests.factories import BijeenkomstFactory
from plg.methods.catalogue import load_catalogue
from plg.methods.models import Stap, Werkvorm

pytestmark = [pytest.mark.browser]

PHONE: ViewportSize = {"width": 390, "height": 844}
LAPTOP: ViewportSize = {"width": 1280, "height": 800}


def _with_board(world: World, slug: str) -> tuple[Bijeenkomst, AgendaBlok]:
    load_catalogue()
    bijeenkomst = BijeenkomstFactory.create(plg=world.plg, starts_at=timezone.now())
    blok = bijeenkomst.blokken.get(stap=Stap.VERWERKING)
    blok.werkvorm = Werkvorm.objects.get(slug=slug, school=None)
    blok.save()
    return bijeenkomst, blok


def _kandoe_shown(
    browser: Browser, world: World, server: str, viewport: ViewportSize = LAPTOP
) -> tuple[Page, Page, Bijeenkomst]:
    """A KanDoe with one card of the member, shown to all: the coach's turn comes first."""
    bijeenkomst, blok = _with_board(world, "kandoe")
    coach = browser.new_page(viewport=viewport)
    member = browser.new_page(viewport=viewport)
    sign_in(coach, server, world.coach)
    sign_in(member, server, world.member)
    open_live(coach, server, bijeenkomst)
    open_live(member, server, bijeenkomst)
    start(coach, blok.pk)
    ask(coach, "Waar willen we dit jaar samen op inzetten?")
    member.fill("#live-card-text", "Leesmotivatie in alle klassen van de tweede graad")
    member.get_by_role("button", name="Kaart toevoegen").click()
    expect(coach.locator(".live-card")).to_have_count(1)
    coach.get_by_role("button", name="Kaarten tonen").click()
    expect(coach.get_by_role("button", name="Naar binnen")).to_be_visible()
    return coach, member, bijeenkomst


def test_borgen_bannen_beginnen_columns_come_in_the_guides_order(
    browser: Browser, world: World, asgi_server: str
) -> None:
    """First what goes well, then what to stop, then what to begin: the guide's order."""
    bijeenkomst, blok = _with_board(world, "borgen-bannen-beginnen")
    coach = browser.new_page()
    sign_in(coach, asgi_server, world.coach)
    open_live(coach, asgi_server, bijeenkomst)
    start(coach, blok.pk)
    headings = coach.locator(".live-zone h3")
    expect(headings).to_have_text(["borgen", "bannen", "beginnen"])
    expect(coach.locator("#live-card-zone option")).to_have_text(["borgen", "bannen", "beginnen"])
    coach.close()


def test_the_keyboard_keeps_its_place_when_a_card_goes_to_the_parking(
    browser: Browser, world: World, asgi_server: str
) -> None:
    bijeenkomst, blok = _with_board(world, "borgen-bannen-beginnen")
    coach = browser.new_page()
    sign_in(coach, asgi_server, world.coach)
    open_live(coach, asgi_server, bijeenkomst)
    start(coach, blok.pk)
    coach.fill("#live-card-text", "Vergaderen na vier uur")
    coach.select_option("#live-card-zone", "bannen")
    coach.get_by_role("button", name="Kaart toevoegen").click()
    coach.locator("#live-board").get_by_role("button", name="Parkeren").focus()
    coach.keyboard.press("Enter")
    back = coach.locator("#live-parking").get_by_role("button", name="Terug op het bord")
    expect(back).to_be_focused()
    coach.close()


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_the_why_of_a_move_stays_inside_its_card(
    browser: Browser, world: World, asgi_server: str, viewport: ViewportSize
) -> None:
    coach, member, _bijeenkomst = _kandoe_shown(browser, world, asgi_server, viewport)
    card = coach.locator(".live-card")
    why = card.get_by_role("textbox", name="Waarom?")
    expect(why).to_be_visible()
    card_box, why_box = card.bounding_box(), why.bounding_box()
    assert card_box is not None and why_box is not None
    assert why_box["x"] >= card_box["x"]
    assert why_box["x"] + why_box["width"] <= card_box["x"] + card_box["width"]
    for page in (coach, member):
        assert too_wide(page) == []
        assert serious_violations(page) == []
    coach.close()
    member.close()


def test_a_refused_move_says_why_next_to_its_card(
    browser: Browser, world: World, asgi_server: str
) -> None:
    """No reason given: the answer appears in the card, is announced, and the page's top stays
    quiet; with a reason the move goes through and the answer goes away."""
    coach, member, _bijeenkomst = _kandoe_shown(browser, world, asgi_server)
    card = coach.locator(".live-card")
    card.get_by_role("button", name="Naar binnen").click()

    refusal = card.get_by_role("alert")
    expect(refusal).to_contain_text("Zeg kort waarom")
    expect(coach.locator("#live-error")).to_have_text("")
    expect(card.get_by_role("textbox", name="Waarom?")).to_have_attribute("aria-invalid", "true")

    card.get_by_role("textbox", name="Waarom?").fill("Lezen draagt elk vak")
    card.get_by_role("button", name="Naar binnen").click()
    moved = coach.locator(f".live-zone[data-zone='{Zone.RING_2}'] .live-card")
    expect(moved).to_contain_text("Leesmotivatie")
    expect(moved.locator(".card-error")).to_have_count(0)
    expect(moved).to_be_focused()  # the button went with the turn; the keyboard stays here
    assert Kaart.objects.get().zone == Zone.RING_2
    coach.close()
    member.close()


def test_what_was_typed_as_why_survives_a_change_by_someone_else(
    browser: Browser, world: World, asgi_server: str
) -> None:
    """Another member adds a card while I write my reason: my words and my place stay."""
    coach, member, _bijeenkomst = _kandoe_shown(browser, world, asgi_server)
    why = coach.locator(".live-card").get_by_role("textbox", name="Waarom?")
    why.fill("Dit raakt elke klas")
    member.fill("#live-card-text", "Rust in de gang")
    member.get_by_role("button", name="Kaart toevoegen").click()
    expect(coach.locator(".live-card")).to_have_count(2)
    card = coach.locator(".live-card", has_text="Leesmotivatie")
    expect(card.get_by_role("textbox", name="Waarom?")).to_have_value("Dit raakt elke klas")
    expect(card.get_by_role("textbox", name="Waarom?")).to_be_focused()
    coach.close()
    member.close()


def test_saving_the_ranking_keeps_the_coach_in_the_meeting(
    browser: Browser, world: World, asgi_server: str
) -> None:
    coach, member, bijeenkomst = _kandoe_shown(browser, world, asgi_server)
    coach.get_by_role("button", name="Bewaren als thema's").click()
    expect(coach).to_have_url(f"{asgi_server}/bijeenkomst/{bijeenkomst.pk}/live/")
    expect(coach.locator(".messages")).to_contain_text("1 kaart bewaard als thema")
    expect(coach.locator("#live-status")).to_have_text("Verbonden")
    coach.get_by_role("link", name="de thema's").click()
    expect(coach.locator("body")).to_contain_text("Leesmotivatie")
    coach.close()
    member.close()


def test_the_current_step_and_a_clock_run_out_say_so_in_words(
    browser: Browser, world: World, asgi_server: str
) -> None:
    bijeenkomst, blok = _with_board(world, "borgen-bannen-beginnen")
    coach = browser.new_page()
    sign_in(coach, asgi_server, world.coach)
    open_live(coach, asgi_server, bijeenkomst)
    start(coach, blok.pk)
    current = coach.locator("#live-steps li[aria-current=step]")
    expect(current).to_have_attribute("data-blok", str(blok.pk))
    expect(current).to_contain_text("(nu bezig)")
    expect(coach.locator("#live-steps li:not([aria-current])").first).not_to_contain_text(
        "(nu bezig)"
    )

    LiveSessie.objects.filter(bijeenkomst=bijeenkomst).update(extra_seconds=-24 * 3600)
    coach.reload()  # the state as stored: the step's time ran out
    expect(coach.locator("#live-timer")).to_contain_text("tijd om")
    coach.close()


def test_the_coachs_ticks_to_merge_survive_a_new_card(
    browser: Browser, world: World, asgi_server: str
) -> None:
    coach, member, _bijeenkomst = _kandoe_shown(browser, world, asgi_server)
    coach.locator(".live-card").get_by_role("checkbox", name="Kies om samen te voegen").check()
    member.fill("#live-card-text", "Rust in de gang")
    member.get_by_role("button", name="Kaart toevoegen").click()
    expect(coach.locator(".live-card")).to_have_count(2)
    card = coach.locator(".live-card", has_text="Leesmotivatie")
    expect(card.get_by_role("checkbox", name="Kies om samen te voegen")).to_be_checked()
    coach.close()
    member.close()
