"""Two browsers in one live bijeenkomst: the coach steers, the member contributes, both see it."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect
from pytest_django import Settings

from conftest import PASSWORD, LoopbackServer, World
from plg.accounts.models import User
from plg.live.models import Kaart, Zone
from plg.meetings.models import Bijeenkomst
from plg.meetings.tests.factories import BijeenkomstFactory
from plg.methods.catalogue import load_catalogue
from plg.methods.models import Stap, Werkvorm

pytestmark = [pytest.mark.browser]


def sign_in(page: Page, base: str, user: User) -> None:
    page.goto(f"{base}/aanmelden/")
    page.fill("#id_username", user.email)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page).to_have_url(f"{base}/")


def start(coach: Page, blok: int) -> None:
    coach.locator(f"#live-steps li[data-blok='{blok}']").get_by_role("button", name="Start").click()


def ask(coach: Page, question: str) -> None:
    """The coach asks KanDoe's start question; the cards come after it."""
    coach.fill("#kandoe-vraag-input", question)
    coach.get_by_role("button", name="Startvraag stellen").click()
    expect(coach.locator("#kandoe-vraag")).to_have_text(question)


def open_live(page: Page, base: str, bijeenkomst: Bijeenkomst) -> None:
    page.goto(f"{base}/bijeenkomst/{bijeenkomst.pk}/live/")
    expect(page.locator("#live-status")).to_have_text("Verbonden")


@pytest.fixture
def bijeenkomst(world: World, asgi_server: str) -> Bijeenkomst:
    load_catalogue()
    bijeenkomst = BijeenkomstFactory.create(plg=world.plg, starts_at=timezone.now())
    verwerking = bijeenkomst.blokken.get(stap=Stap.VERWERKING)
    verwerking.werkvorm = Werkvorm.objects.get(slug="kandoe", school=None)
    verwerking.save()
    return bijeenkomst


def test_coach_and_member_see_each_other_live(
    browser: Browser, world: World, asgi_server: str, bijeenkomst: Bijeenkomst
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
    start(coach, kandoe.pk)
    expect(member.locator("#live-steps li.current")).to_have_attribute("data-blok", str(kandoe.pk))
    expect(member.locator("#live-timer")).to_contain_text(":")
    ask(coach, "Waar willen we dit jaar op inzetten?")
    expect(member.locator("#kandoe-vraag")).to_have_text("Waar willen we dit jaar op inzetten?")

    # The member writes a card; the coach sees it exists but not its text until revealed.
    member.fill("#live-card-text", "Huiswerk differentiëren")
    member.get_by_role("button", name="Kaart toevoegen").click()
    expect(coach.locator(".live-card")).to_contain_text("verborgen")
    coach.get_by_role("button", name="Kaarten tonen").click()
    expect(coach.locator(".live-card")).to_contain_text("Huiswerk differentiëren")

    # The coach, whose turn comes first, moves the member's card one ring inwards, with a
    # reason; the member sees it, and the reason.
    card = coach.locator(".live-card")
    card.get_by_role("textbox", name="Waarom?").fill("Dit raakt elke klas")
    card.get_by_role("button", name="Naar binnen").click()
    expect(member.locator(f".live-zone[data-zone='{Zone.RING_2}'] .live-card")).to_contain_text(
        "Huiswerk differentiëren"
    )
    expect(member.locator(".live-card .reasons")).to_have_text("Dit raakt elke klas")
    assert Kaart.objects.get().zone == Zone.RING_2

    # A fresh connection (here: reloading the page) gets the current state from the database.
    member.reload()
    expect(member.locator(f".live-zone[data-zone='{Zone.RING_2}'] .live-card")).to_contain_text(
        "Huiswerk differentiëren"
    )
    coach.close()
    member.close()


def test_a_hidden_card_offers_no_move_or_park_to_anyone_but_its_author(
    browser: Browser, world: World, asgi_server: str
) -> None:
    load_catalogue()
    bijeenkomst = BijeenkomstFactory.create(plg=world.plg, starts_at=timezone.now())
    blok = bijeenkomst.blokken.get(stap=Stap.VERWERKING)
    blok.werkvorm = Werkvorm.objects.get(slug="beginsituatie-analyse", school=None)
    blok.save()
    coach, member = browser.new_page(), browser.new_page()
    sign_in(coach, asgi_server, world.coach)
    sign_in(member, asgi_server, world.member)
    open_live(coach, asgi_server, bijeenkomst)
    open_live(member, asgi_server, bijeenkomst)
    start(coach, blok.pk)
    member.fill("#live-card-text", "Sterk team")
    member.get_by_role("button", name="Kaart toevoegen").click()

    own = member.locator(".live-card", has_text="Sterk team")
    expect(own.get_by_role("combobox", name="Verplaats")).to_be_visible()
    expect(own.get_by_role("button", name="Parkeren")).to_be_visible()
    hidden = coach.locator(".live-card")
    expect(hidden).to_contain_text("verborgen")
    expect(hidden.get_by_role("combobox", name="Verplaats")).to_have_count(0)
    expect(hidden.get_by_role("button", name="Parkeren")).to_have_count(0)

    coach.get_by_role("button", name="Kaarten tonen").click()
    expect(hidden.get_by_role("combobox", name="Verplaats")).to_be_visible()
    expect(hidden.get_by_role("button", name="Parkeren")).to_be_visible()
    coach.close()
    member.close()


def test_oase_runs_through_its_phases(browser: Browser, world: World, asgi_server: str) -> None:
    from plg.live.models import Intervisie

    load_catalogue()
    bijeenkomst = BijeenkomstFactory.create(plg=world.plg, starts_at=timezone.now())
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
    start(coach, blok.pk)

    coach.select_option("#oase-inbrenger-select", str(world.member.pk))
    coach.fill("#oase-thema-input", "Een klas die niet luistert")
    for minutes in coach.locator("[data-oase-minutes]").all():
        minutes.fill("3")
    coach.get_by_role("button", name="Intervisie starten").click()
    phase = member.locator("#oase-fase")
    expect(phase).to_have_text("onderzoek")
    expect(member.locator("#oase-timer")).to_contain_text("02:5")  # three minutes, running
    # the others take turns; the inbrenger listens
    expect(member.locator("#live-turn")).to_have_text("Charlotte Test")
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


def test_kandoe_played_to_the_end_and_saved_as_priorities(
    browser: Browser, world: World, asgi_server: str, bijeenkomst: Bijeenkomst
) -> None:
    from plg.communities.models import Thema

    coach, member = browser.new_page(), browser.new_page()
    sign_in(coach, asgi_server, world.coach)
    sign_in(member, asgi_server, world.member)
    open_live(coach, asgi_server, bijeenkomst)
    open_live(member, asgi_server, bijeenkomst)
    kandoe = bijeenkomst.blokken.get(stap=Stap.VERWERKING)
    start(coach, kandoe.pk)
    ask(coach, "Waar willen we dit jaar op inzetten?")
    for page, text in [(member, "Feedback geven"), (coach, "Huiswerk op maat")]:
        page.fill("#live-card-text", text)
        page.get_by_role("button", name="Kaart toevoegen").click()
    expect(coach.locator(".live-card")).to_have_count(2)
    expect(coach.get_by_role("button", name="Bewaren als thema's")).to_be_hidden()
    coach.get_by_role("button", name="Kaarten tonen").click()

    def inward(page: Page, text: str, reason: str) -> None:
        card = page.locator(".live-card", has_text=text)
        card.get_by_role("textbox", name="Waarom?").fill(reason)
        card.get_by_role("button", name="Naar binnen").click()

    # rounds: in turn, each moves a card of someone else one ring inwards, or passes
    def moved(ring: str, text: str) -> None:
        expect(
            member.locator(f".live-zone[data-zone='{ring}'] .live-card", has_text=text)
        ).to_be_visible()

    inward(coach, "Feedback geven", "Dit willen we echt")
    moved("ring2", "Feedback")
    inward(member, "Huiswerk op maat", "Ook belangrijk")
    moved("ring2", "Huiswerk")
    for ring in ["ring1", "ring0"]:
        inward(coach, "Feedback geven", "Dit willen we echt")
        moved(ring, "Feedback")
        member.get_by_role("button", name="Ik pas").click()
        expect(coach.locator("#kandoe-stand")).to_contain_text("jouw beurt")
    coach.get_by_role("button", name="Ik pas").click()
    member.get_by_role("button", name="Ik pas").click()
    expect(member.locator("#kandoe-stand")).to_contain_text("Afgerond")
    expect(member.get_by_role("button", name="Naar binnen")).to_have_count(0)

    coach.get_by_role("button", name="Bewaren als thema's").click()
    expect(coach.locator("body")).to_contain_text("2 kaarten bewaard")
    assert list(Thema.objects.filter(plg=world.plg).values_list("title", flat=True)) == [
        "Feedback geven",
        "Huiswerk op maat",
    ]
    coach.close()
    member.close()


def test_a_dropped_connection_comes_back_with_what_changed_meanwhile(
    browser: Browser, world: World, live_server_control: LoopbackServer, bijeenkomst: Bijeenkomst
) -> None:
    """The server goes away (a restart); the page says so, reconnects by itself and shows
    the state as stored, including a change made while it was gone."""
    from plg.live import commands, participants
    from plg.live.models import LiveSessie

    base = live_server_control.url
    member = browser.new_page()
    sign_in(member, base, world.member)
    coach = browser.new_page()
    sign_in(coach, base, world.coach)
    open_live(coach, base, bijeenkomst)  # opens the session
    open_live(member, base, bijeenkomst)
    kandoe = bijeenkomst.blokken.get(stap=Stap.VERWERKING)
    start(coach, kandoe.pk)
    expect(member.locator("#live-steps li.current")).to_have_attribute("data-blok", str(kandoe.pk))

    live_server_control.stop()
    expect(member.locator("#live-status")).to_have_text("Verbinding kwijt. We verbinden opnieuw…")
    sessie = LiveSessie.objects.get(bijeenkomst=bijeenkomst)
    coach_viewer = participants.Viewer(world.coach.pk, "Charlotte", participants.Deelname.COACH)
    commands.apply(sessie.pk, coach_viewer, {"type": "step.next"})
    live_server_control.start()

    expect(member.locator("#live-status")).to_have_text("Verbonden", timeout=15_000)
    expect(member.locator("#live-steps li.current")).not_to_have_attribute(
        "data-blok", str(kandoe.pk)
    )
    coach.close()
    member.close()


def test_a_guest_follows_with_a_link_and_cannot_write(
    browser: Browser,
    world: World,
    asgi_server: str,
    bijeenkomst: Bijeenkomst,
    settings: Settings,
) -> None:
    settings.SITE_URL = asgi_server  # the guest link leads to the site's own address
    coach = browser.new_page()
    sign_in(coach, asgi_server, world.coach)
    open_live(coach, asgi_server, bijeenkomst)
    coach.fill("#id_name", "Eva Expert")
    coach.get_by_role("button", name="Gastlink maken").click()
    link = coach.get_by_role("textbox", name="Gastlink").input_value()

    guest = browser.new_context().new_page()
    guest.goto(link)
    expect(guest.locator("#live-status")).to_have_text("Verbonden")
    expect(guest.locator(".lead")).to_contain_text("Eva Expert")
    start(coach, bijeenkomst.blokken.get(stap=Stap.CHECKIN).pk)
    expect(guest.locator("#live-round")).to_be_visible()
    expect(coach.locator("#live-turn")).to_have_text("Charlotte Test")
    expect(guest.locator("#live-turn")).to_have_text("iemand van de PLG")  # no member's name
    expect(guest.locator("#live-add")).to_have_count(0)
    expect(guest.get_by_role("link", name=world.plg.name)).to_have_count(0)
    guest.close()
    coach.close()


def test_a_withdrawn_guest_link_ends_the_guests_screen_at_once(
    browser: Browser,
    world: World,
    asgi_server: str,
    bijeenkomst: Bijeenkomst,
    settings: Settings,
) -> None:
    settings.SITE_URL = asgi_server  # the guest link leads to the site's own address
    coach = browser.new_page()
    sign_in(coach, asgi_server, world.coach)
    open_live(coach, asgi_server, bijeenkomst)
    coach.fill("#id_name", "Eva Expert")
    coach.get_by_role("button", name="Gastlink maken").click()
    link = coach.get_by_role("textbox", name="Gastlink").input_value()
    guest = browser.new_context().new_page()
    guest.goto(link)
    expect(guest.locator("#live-status")).to_have_text("Verbonden")

    coach.get_by_role("button", name="Intrekken").click()
    expect(guest.locator("#live-status")).to_have_text("Je kan niet meedoen met deze bijeenkomst.")
    guest.close()
    coach.close()


def test_a_coach_who_hands_over_the_role_sees_the_members_screen(
    browser: Browser, world: World, asgi_server: str, bijeenkomst: Bijeenkomst
) -> None:
    context = browser.new_context()
    coach = context.new_page()
    sign_in(coach, asgi_server, world.coach)
    open_live(coach, asgi_server, bijeenkomst)
    expect(coach.get_by_role("button", name="Volgende stap")).to_be_visible()
    leden = context.new_page()
    leden.goto(f"{asgi_server}/plg/{world.plg.pk}/leden/")
    leden.get_by_role("button", name="Maak procescoach").click()
    leden.get_by_role("button", name="Geef de rol door en stap terug").click()
    expect(coach.get_by_role("button", name="Volgende stap")).to_have_count(0)
    expect(coach.locator("#live-status")).to_have_text("Verbonden")
    context.close()


def test_a_member_cannot_move_twice_in_a_row(
    browser: Browser, world: World, asgi_server: str, bijeenkomst: Bijeenkomst
) -> None:
    """Coach, Kato and Mehdi take turns in that order (alphabetically): after Kato moved a
    card, she has no move left until her turn comes round again; Mehdi has one."""
    from plg.communities.models import Lidmaatschap

    Lidmaatschap.objects.create(plg=world.plg, user=world.colleague)
    coach, kato, mehdi = browser.new_page(), browser.new_page(), browser.new_page()
    for page, user in [(coach, world.coach), (kato, world.colleague), (mehdi, world.member)]:
        sign_in(page, asgi_server, user)
        open_live(page, asgi_server, bijeenkomst)
    start(coach, bijeenkomst.blokken.get(stap=Stap.VERWERKING).pk)
    ask(coach, "Wat pakken we eerst aan?")
    for page, text in [(mehdi, "Feedback geven"), (mehdi, "Leesbegrip"), (coach, "Rust")]:
        page.fill("#live-card-text", text)
        page.get_by_role("button", name="Kaart toevoegen").click()
    expect(kato.locator(".live-card")).to_have_count(3)
    coach.get_by_role("button", name="Kaarten tonen").click()
    expect(kato.get_by_role("button", name="Naar binnen")).to_have_count(0)  # the coach's turn

    coach.get_by_role("button", name="Ik pas").click()
    expect(kato.locator("#kandoe-stand")).to_contain_text("jouw beurt")
    card = kato.locator(".live-card", has_text="Feedback geven")
    card.get_by_role("textbox", name="Waarom?").fill("Dit vraagt elke klas")
    card.get_by_role("button", name="Naar binnen").click()

    expect(mehdi.locator(".live-zone[data-zone='ring2'] .live-card")).to_contain_text("Feedback")
    expect(mehdi.locator("#kandoe-stand")).to_contain_text("jouw beurt")
    expect(kato.get_by_role("button", name="Naar binnen")).to_have_count(0)
    expect(kato.get_by_role("button", name="Ik pas")).to_be_hidden()
    expect(mehdi.get_by_role("button", name="Naar binnen")).to_have_count(1)  # not his own
    for page in (coach, kato, mehdi):
        page.close()


def test_cards_are_anonymous_and_turns_have_no_clock_until_chosen(
    browser: Browser, world: World, asgi_server: str, bijeenkomst: Bijeenkomst
) -> None:
    """A member writes a card without choosing: the coach sees no name. The check-in turn
    shows no countdown until the coach switches the clock on."""
    load_catalogue()
    invoer = bijeenkomst.blokken.get(stap=Stap.INPUT)
    invoer.werkvorm = Werkvorm.objects.get(slug="borgen-bannen-beginnen", school=None)
    invoer.save()
    coach, member = browser.new_page(), browser.new_page()
    sign_in(coach, asgi_server, world.coach)
    sign_in(member, asgi_server, world.member)
    open_live(coach, asgi_server, bijeenkomst)
    open_live(member, asgi_server, bijeenkomst)

    start(coach, invoer.pk)
    expect(member.get_by_label("Toon mijn naam bij deze kaart")).not_to_be_checked()
    member.fill("#live-card-text", "Vergaderen na vier uur")
    member.select_option("#live-card-zone", "bannen")
    member.get_by_role("button", name="Kaart toevoegen").click()
    card = coach.locator(".live-zone[data-zone='bannen'] .live-card")
    expect(card).to_contain_text("Vergaderen na vier uur")
    expect(card).to_contain_text("anoniem")
    expect(card).not_to_contain_text("Mehdi")

    start(coach, bijeenkomst.blokken.get(stap=Stap.CHECKIN).pk)
    expect(member.locator("#live-turn")).not_to_have_text("")
    expect(member.locator("#live-turn-timer")).to_have_text("")
    coach.get_by_label("Toon een klok per beurt").check()
    coach.locator("#round-setup").get_by_role("button", name="Instellen").click()
    expect(member.locator("#live-turn-timer")).to_contain_text(":")
    coach.close()
    member.close()
