"""The main journeys in a real browser: coach, member, school leader."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from conftest import PASSWORD, Site, World
from plg.accounts.models import User
from plg.communities.models import PLG, Mijlpaal
from plg.communities.sharing import Audience
from plg.meetings import services as meeting_services
from plg.meetings.models import LeerlogEntry, Terugblik
from plg.methods.catalogue import load_catalogue

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(world: World, live_server: LiveServer) -> Site:
    load_catalogue()
    return Site.of(world, live_server.url)


def sign_in(page: Page, site: Site, user: User) -> None:
    page.goto(f"{site.url}/aanmelden/")
    page.fill("#id_username", user.email)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page).to_have_url(f"{site.url}/")


def test_coach_journey(page: Page, site: Site) -> None:
    sign_in(page, site, site.colleague)
    page.goto(f"{site.url}/plg/nieuw/")
    page.fill("#id_name", "Rekenen zichtbaar maken")
    page.fill("#id_praktijknood", "Kinderen tonen hun denkwerk niet.")
    page.get_by_role("button", name="PLG starten").click()
    plg = PLG.objects.get(name="Rekenen zichtbaar maken")

    # Leervraag: the feedback changes while typing.
    page.goto(f"{site.url}/plg/{plg.pk}/leervragen/")
    question = page.locator("#leervraag-check [data-criterion='is_question']")
    page.fill("#id_text", "Het rekenen sputtert.")
    expect(question).to_have_attribute("data-met", "false")
    page.fill(
        "#id_text",
        "Waarom laten onze leerlingen hun denkwerk niet zien, en wat kunnen wij daarvan leren?",
    )
    expect(question).to_have_attribute("data-met", "true")
    expect(page.locator("#leervraag-check [data-criterion='child_link']")).to_have_attribute(
        "data-met", "true"
    )
    page.get_by_role("button", name="Bij de kandidaten zetten").click()
    expect(page.locator("#prioriteit")).to_contain_text("denkwerk")

    # Plan a bijeenkomst; the agenda follows the stramien and takes an extra block.
    page.goto(f"{site.url}/plg/{plg.pk}/bijeenkomsten/nieuw/")
    expect(page.locator("#id_duration_minutes")).to_have_value("100")
    page.fill("#id_starts_at", "2027-02-03T15:30")
    page.fill("#id_place", "Bibliotheek")
    page.get_by_role("button", name="Bijeenkomst plannen").click()
    agenda = page.locator("#agenda")
    expect(agenda).to_contain_text("check-in")
    page.select_option("#id_stap", "input")
    page.fill("#id_title", "Artikel over denkstappen")
    page.fill("#id_minutes", "15")
    page.get_by_role("button", name="Blok toevoegen").click()
    expect(agenda).to_contain_text("Artikel over denkstappen")
    expect(agenda.locator(".agenda-total")).to_contain_text("115")
    bijeenkomst = plg.bijeenkomsten.get()

    # Afterwards: the check-out record.
    page.goto(f"{site.url}/bijeenkomst/{bijeenkomst.pk}/terugblik/")
    page.check("input[name=doelen_bereikt][value=deels]")
    page.fill("#id_hoe_was_het", "Rustig en open.")
    page.fill("#id_volgende_stap", "Elk brengt een leerlingschrift mee.")
    page.check("input[name=audience][value=leiding]")
    page.get_by_role("button", name="Check-out bewaren").click()
    expect(page.locator("body")).to_contain_text("Elk brengt een leerlingschrift mee.")
    assert Terugblik.objects.get(bijeenkomst=bijeenkomst).audience == Audience.PLG_EN_SCHOOLLEIDER


def test_member_accepts_and_writes_a_leerlog_for_the_plg(page: Page, site: Site) -> None:
    bijeenkomst = meeting_services.plan_bijeenkomst(
        plg=site.plg,
        starts_at=timezone.now() - timedelta(days=1),
        place="Zaal",
        duration_minutes=100,
    )
    sign_in(page, site, site.coach)
    page.goto(f"{site.url}/plg/{site.plg.pk}/leden/")
    page.locator("#id_collega").select_option(label=site.colleague.display_name)
    page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.locator(".messages")).to_contain_text(site.colleague.email)
    link = re.search(r"https?://\S+/uitnodiging/\S+/", str(mail.outbox[-1].body))
    assert link
    path = link.group(0).split("/uitnodiging/")[1]
    page.context.clear_cookies()

    # "Ik doe mee" before logging in: after logging in they land in the PLG, not back here.
    page.goto(f"{site.url}/uitnodiging/{path}")
    page.get_by_role("button", name="Ik doe mee").click()
    page.fill("#id_username", site.colleague.email)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page).to_have_url(f"{site.url}/plg/{site.plg.pk}/")
    expect(page.locator(".messages")).to_contain_text("Welkom in de PLG")

    page.goto(f"{site.url}/bijeenkomst/{bijeenkomst.pk}/leerlog/")
    page.fill("#id_kennis_inzicht", "Denkstappen hardop maken helpt.")
    page.check("input[name=audience][value=plg]")
    page.get_by_role("button", name="Leerlog bewaren").click()
    expect(page.locator("body")).to_contain_text("Denkstappen hardop maken helpt.")
    entry = LeerlogEntry.objects.get()
    assert entry.author == site.colleague and entry.audience == Audience.PLG


def test_coach_withdraws_an_invitation_and_its_link_stops_working(page: Page, site: Site) -> None:
    from plg.communities import services

    uitnodiging = services.invite(
        plg=site.plg, email="kato@regenboog.example", school=site.school, invited_by=site.coach
    )
    sign_in(page, site, site.coach)
    page.goto(f"{site.url}/plg/{site.plg.pk}/leden/")
    page.get_by_role("button", name="Intrekken").click()
    page.get_by_role("dialog").get_by_role("button", name="Ja, doorgaan").click()
    expect(page.locator(".messages")).to_contain_text("kato@regenboog.example")
    expect(page.get_by_role("button", name="Intrekken")).to_have_count(0)
    page.goto(f"{site.url}/uitnodiging/{uitnodiging.token}/")
    expect(page.get_by_role("button", name="Ik doe mee")).to_have_count(0)


def test_school_leader_sees_shared_milestone_but_not_the_leerlog(page: Page, site: Site) -> None:
    bijeenkomst = meeting_services.plan_bijeenkomst(
        plg=site.plg,
        starts_at=timezone.now() - timedelta(days=1),
        place="Zaal",
        duration_minutes=100,
    )
    LeerlogEntry.objects.create(
        bijeenkomst=bijeenkomst,
        author=site.member,
        audience=Audience.PLG,
        kennis_inzicht="Alleen voor onze PLG bedoeld.",
    )
    Mijlpaal.objects.create(
        plg=site.plg,
        author=site.coach,
        title="Eerste klasbezoek gedaan",
        due_date=timezone.localdate(),
        audience=Audience.PLG_EN_SCHOOLLEIDER,
    )
    Mijlpaal.objects.create(
        plg=site.plg,
        author=site.coach,
        title="Interne mijlpaal",
        due_date=timezone.localdate(),
        audience=Audience.PLG,
    )
    sign_in(page, site, site.leader)
    page.goto(f"{site.url}/school/{site.school.pk}/")
    expect(page.locator("body")).to_contain_text("Huiswerk met betekenis")
    expect(page.locator("body")).to_contain_text("Eerste klasbezoek gedaan")
    page.goto(f"{site.url}/plg/{site.plg.pk}/gedeeld/")
    body = page.locator("body")
    expect(body).to_contain_text("Eerste klasbezoek gedaan")
    expect(body).not_to_contain_text("Interne mijlpaal")
    expect(body).not_to_contain_text("Alleen voor onze PLG bedoeld.")
    # the leader's own view of the PLG: what was shared with them, nothing kept inside
    page.goto(f"{site.url}/plg/{site.plg.pk}/")
    body = page.locator("body")
    expect(body).to_contain_text("Eerste klasbezoek gedaan")
    expect(body).not_to_contain_text("Interne mijlpaal")
    expect(body).not_to_contain_text("Alleen voor onze PLG bedoeld.")
