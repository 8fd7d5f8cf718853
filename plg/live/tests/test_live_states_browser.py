"""Each moment of a live bijeenkomst shows exactly its own controls, per role, in a browser:
before the start, a round, a board, OASE, the check-out and after the end."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Dialog, Page, ViewportSize, expect

from conftest import World
from plg.core.tests.a11y import serious_violations, too_wide
from plg.live import commands, services
from plg.live.models import LiveSessie
from plg.live.participants import Deelname, Viewer
from plg.live.tests.test_live_browser import sign_in
from plg.meetings.models import Bijeenkomst
from plg.meetings.tests.factories import BijeenkomstFactory
from plg.methods.catalogue import load_catalogue
from plg.methods.models import Stap, Werkvorm

pytestmark = [pytest.mark.browser]

PHONE: ViewportSize = {"width": 390, "height": 844}

CONTROLS = {
    "klok": "#live-timer",
    "pauze": ".live-controls [data-command='step.pause']",
    "verder": ".live-controls [data-command='step.resume']",
    "+5": ".live-controls [data-command='step.extend']",
    "volgende stap": ".live-controls [data-command='step.next']",
    "volgende beurt": ".live-controls [data-command='turn.next']",
    "kaarten tonen": ".live-controls [data-command='board.reveal']",
    "afsluiten": "#live-end",
    "ik pas": "[data-command='turn.pass']",
    "kaart": "#live-add",
    "schrijven": "#round-write",
    "check-out": "#checkout-link",
    "intervisie": "#oase-setup",
    "volgende fase": "#oase-next",
    "afgelopen": "#live-ended",
}
"""What a person can see and press on the live screen, by the name we use here."""

RUNNING = {"klok", "pauze", "+5", "volgende stap", "afsluiten"}
STATES: dict[str, dict[str, set[str]]] = {
    "voor de start": {"coach": {"volgende stap", "afsluiten"}, "lid": set(), "gast": set()},
    "ronde": {
        "coach": RUNNING | {"volgende beurt", "ik pas", "schrijven"},
        "lid": {"klok", "schrijven"},
        "gast": {"klok"},
    },
    "bord": {"coach": RUNNING | {"kaart"}, "lid": {"klok", "kaart"}, "gast": {"klok"}},
    "oase": {
        "coach": RUNNING | {"volgende beurt", "ik pas", "kaart", "volgende fase"},
        "lid": {"klok", "kaart"},
        "gast": {"klok"},
    },
    "check-out": {
        "coach": (RUNNING - {"volgende stap"})
        | {"volgende beurt", "ik pas", "schrijven"}
        | {"check-out"},
        "lid": {"klok", "schrijven"},
        "gast": {"klok"},
    },
    "afgelopen": {"coach": {"afgelopen"}, "lid": {"afgelopen"}, "gast": {"afgelopen"}},
}
"""Per moment and role, the controls shown; every other one stays out of sight. The coach's
turn comes first (the order is alphabetical), so in a round the member's turn is not yet."""


@pytest.fixture
def bijeenkomst(world: World, asgi_server: str) -> Bijeenkomst:
    """Check-in, doelen, input on a Borgen-bannen-beginnen board, OASE, check-out."""
    load_catalogue()
    bijeenkomst = BijeenkomstFactory.create(plg=world.plg, starts_at=timezone.now())
    for stap, slug in [(Stap.INPUT, "borgen-bannen-beginnen"), (Stap.VERWERKING, "oase")]:
        blok = bijeenkomst.blokken.get(stap=stap)
        blok.werkvorm = Werkvorm.objects.get(slug=slug, school=None)
        blok.save()
    return bijeenkomst


def open_live(page: Page, base: str, bijeenkomst: Bijeenkomst) -> None:
    """The live screen once it shows the state it was sent (the script marks its moment)."""
    page.goto(f"{base}/bijeenkomst/{bijeenkomst.pk}/live/")
    expect(page.locator("#live[data-state]")).to_have_count(1)


def _steer(world: World, sessie: LiveSessie, **command: Any) -> None:
    coach = Viewer(world.coach.pk, "Charlotte", Deelname.COACH)
    commands.apply(sessie.pk, coach, command)


def _arrange(world: World, bijeenkomst: Bijeenkomst, state: str) -> LiveSessie:
    """The session at the given moment, as the coach would have steered it there."""
    sessie = LiveSessie.objects.create(bijeenkomst=bijeenkomst, opened_by=world.coach)
    stap = {"ronde": Stap.CHECKIN, "bord": Stap.INPUT, "oase": Stap.VERWERKING}.get(
        state, Stap.CHECKOUT
    )
    if state != "voor de start":
        _steer(world, sessie, type="step.start", blok=bijeenkomst.blokken.get(stap=stap).pk)
    if state == "oase":
        blok = bijeenkomst.blokken.get(stap=Stap.VERWERKING).pk
        _steer(world, sessie, type="oase.setup", blok=blok, inbrenger=world.member.pk, thema="Rust")
    if state == "afgelopen":
        _steer(world, sessie, type="session.end")
    return sessie


@pytest.fixture
def screens(browser: Browser, world: World, asgi_server: str) -> Iterator[dict[str, Page]]:
    pages = {"coach": browser.new_page(), "lid": browser.new_page()}
    sign_in(pages["coach"], asgi_server, world.coach)
    sign_in(pages["lid"], asgi_server, world.member)
    pages["gast"] = browser.new_context().new_page()
    yield pages
    for page in pages.values():
        page.context.close()


def _shows_exactly(page: Page, shown: set[str]) -> None:
    for name, selector in CONTROLS.items():
        control = page.locator(selector)
        if name in shown:
            expect(control, f"{name} should show").to_be_visible()
        else:
            expect(control, f"{name} should not show").to_be_hidden()


@pytest.mark.parametrize("state", list(STATES))
def test_each_moment_shows_exactly_its_controls_per_role(
    world: World,
    asgi_server: str,
    bijeenkomst: Bijeenkomst,
    screens: dict[str, Page],
    state: str,
) -> None:
    sessie = _arrange(world, bijeenkomst, state)
    link = services.new_guest_link(sessie=sessie, name="Eva Expert", hours=2, by=world.coach)
    for role, page in screens.items():
        if role == "gast":
            page.goto(f"{asgi_server}/gast/{link.token}/")
            expect(page.locator("#live[data-state]")).to_have_count(1)
        else:
            open_live(page, asgi_server, bijeenkomst)
        _shows_exactly(page, STATES[state][role])


def test_whose_turn_it_is_sees_ik_pas_and_the_others_do_not(
    world: World, asgi_server: str, bijeenkomst: Bijeenkomst, screens: dict[str, Page]
) -> None:
    _arrange(world, bijeenkomst, "ronde")
    coach, member = screens["coach"], screens["lid"]
    open_live(coach, asgi_server, bijeenkomst)
    open_live(member, asgi_server, bijeenkomst)
    expect(member.get_by_role("button", name="Ik pas")).to_be_hidden()
    coach.get_by_role("button", name="Volgende beurt").click()
    expect(member.get_by_role("button", name="Ik pas")).to_be_visible()
    expect(member.locator("#live-my-turn")).to_have_text("Jij bent aan de beurt.")
    expect(coach.get_by_role("button", name="Ik pas")).to_be_hidden()
    expect(coach.locator("#live-my-turn")).to_be_hidden()


def test_the_keyboard_stays_on_the_controls_when_pausing_and_passing(
    world: World, asgi_server: str, bijeenkomst: Bijeenkomst, screens: dict[str, Page]
) -> None:
    _arrange(world, bijeenkomst, "ronde")
    coach = screens["coach"]
    open_live(coach, asgi_server, bijeenkomst)
    coach.get_by_role("button", name="Pauze").focus()
    coach.keyboard.press("Enter")
    expect(coach.get_by_role("button", name="Verder")).to_be_focused()
    coach.get_by_role("button", name="Ik pas").focus()
    coach.keyboard.press("Enter")
    expect(coach.get_by_role("button", name="Ik pas")).to_be_hidden()
    assert coach.evaluate("document.activeElement !== document.body")


def _answer(page: Page, *, yes: bool) -> None:
    """Answer the app's confirmation, whether the browser's own or the page's dialog."""

    def native(dialog: Dialog) -> None:
        if yes:
            dialog.accept()
        else:
            dialog.dismiss()

    page.once("dialog", native)
    page.get_by_role("button", name="Bijeenkomst afsluiten").click()
    own = page.locator("dialog[open]")
    if own.count():
        if yes:
            own.get_by_role("button").filter(has_not_text="Annuleren").first.click()
        else:
            page.keyboard.press("Escape")


def test_ending_asks_first_and_cancelling_keeps_the_session_running(
    world: World, asgi_server: str, bijeenkomst: Bijeenkomst, screens: dict[str, Page]
) -> None:
    sessie = _arrange(world, bijeenkomst, "bord")
    coach = screens["coach"]
    open_live(coach, asgi_server, bijeenkomst)
    _answer(coach, yes=False)
    expect(coach.get_by_role("button", name="Pauze")).to_be_visible()
    assert not LiveSessie.objects.get(pk=sessie.pk).is_ended


def test_after_ending_every_screen_looks_ended_and_leads_to_the_summary(
    world: World, asgi_server: str, bijeenkomst: Bijeenkomst, screens: dict[str, Page]
) -> None:
    _arrange(world, bijeenkomst, "bord")
    coach, member = screens["coach"], screens["lid"]
    open_live(coach, asgi_server, bijeenkomst)
    open_live(member, asgi_server, bijeenkomst)
    _answer(coach, yes=True)
    expect(coach.locator("#live-ended")).to_contain_text("Deze bijeenkomst is afgelopen")
    expect(member.locator("#live-ended")).to_be_visible()
    expect(member.locator("#live-current")).to_have_text("afgelopen")
    for page in (coach, member):
        for gone in ("Pauze", "+5 minuten", "Kaart toevoegen", "Bijeenkomst afsluiten"):
            expect(page.get_by_role("button", name=gone)).to_be_hidden()
        expect(page.locator("#live-timer")).to_be_hidden()
    expect(coach.get_by_role("link", name="Check-out vastleggen")).to_be_visible()
    expect(coach.get_by_role("heading", name="Vragen voor deze stap")).to_be_hidden()
    expect(member.locator(".live-code")).to_be_hidden()
    member.get_by_role("link", name="Naar de samenvatting").click()
    expect(member.locator("h1")).to_contain_text("Samenvatting")


def test_on_a_phone_a_member_finds_what_to_do_first_and_the_agenda_folded(
    browser: Browser, world: World, asgi_server: str, bijeenkomst: Bijeenkomst
) -> None:
    _arrange(world, bijeenkomst, "bord")
    member = browser.new_context(viewport=PHONE).new_page()
    sign_in(member, asgi_server, world.member)
    open_live(member, asgi_server, bijeenkomst)
    expect(member.get_by_role("textbox", name="Nieuwe kaart")).to_be_in_viewport()
    expect(member.get_by_role("button", name="Kaart toevoegen")).to_be_in_viewport()
    expect(member.locator("#live-steps")).to_be_hidden()
    member.get_by_text("Agenda van deze bijeenkomst").click()
    expect(member.locator("#live-steps li.current")).to_be_visible()
    assert serious_violations(member) == []
    assert too_wide(member) == []
    member.context.close()


@pytest.mark.parametrize("state", ["ronde", "oase", "afgelopen"])
def test_the_coach_screen_on_a_phone_is_accessible_and_fits(
    browser: Browser, world: World, asgi_server: str, bijeenkomst: Bijeenkomst, state: str
) -> None:
    _arrange(world, bijeenkomst, state)
    coach = browser.new_context(viewport=PHONE).new_page()
    sign_in(coach, asgi_server, world.coach)
    open_live(coach, asgi_server, bijeenkomst)
    assert serious_violations(coach) == []
    assert too_wide(coach) == []
    coach.context.close()


def test_the_projector_screen_is_one_button_away_and_stays_after_a_reload(
    world: World, asgi_server: str, bijeenkomst: Bijeenkomst, screens: dict[str, Page]
) -> None:
    _arrange(world, bijeenkomst, "bord")
    coach = screens["coach"]
    open_live(coach, asgi_server, bijeenkomst)
    coach.get_by_role("link", name="Projectiescherm").click()
    expect(coach.locator("#live-status")).to_have_text("Verbonden")
    coach.reload()
    expect(coach.locator("#live-status")).to_have_text("Verbonden")
    expect(coach.locator(".live-code")).to_be_visible()
    for control in ("Pauze", "Volgende stap", "Bijeenkomst afsluiten", "Kaart toevoegen"):
        expect(coach.get_by_role("button", name=control)).to_be_hidden()
    expect(coach.get_by_role("heading", name="Van buiten de PLG")).to_be_hidden()
    size = coach.locator("#live-timer").evaluate(
        "(el) => parseFloat(getComputedStyle(el).fontSize)"
    )
    assert size >= 64
    assert serious_violations(coach) == []
    coach.get_by_role("link", name="Projectie verlaten").click()
    expect(coach.get_by_role("button", name="Pauze")).to_be_visible()


def test_an_attending_school_leader_writes_cards_but_does_not_steer(
    browser: Browser, world: World, asgi_server: str, bijeenkomst: Bijeenkomst
) -> None:
    sessie = _arrange(world, bijeenkomst, "bord")
    services.set_attending_leaders(sessie=sessie, leaders=[world.leader])
    leader = browser.new_page()
    sign_in(leader, asgi_server, world.leader)
    open_live(leader, asgi_server, bijeenkomst)
    _shows_exactly(leader, STATES["bord"]["lid"])
    leader.context.close()
