"""Tijd maken in a real browser: the coach finds a moment, the planner plans a month."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from conftest import Site
from plg.core.tests.test_browser_journeys import sign_in
from plg.meetings.models import Bijeenkomst
from plg.meetings.services import plan_bijeenkomst
from plg.methods.catalogue import load_catalogue
from plg.roosters.models import Les

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(rooster: Any, live_server: Any) -> Site:
    load_catalogue()
    return Site.of(rooster, live_server.url)


def test_the_coach_asks_when_we_can_meet_and_picks_a_moment(page: Page, site: Any) -> None:
    sign_in(page, site, site.coach)
    page.goto(f"{site.url}/plg/{site.plg.pk}/")
    page.get_by_role("link", name="Wanneer kunnen we samenkomen?").click()
    page.get_by_role("button", name="Zoeken").click()
    free = page.locator("section", has_text="Iedereen vrij, zonder vervanging")
    expect(free.locator(".proposal").first).to_contain_text("13:15")
    with_cover = page.locator("section", has_text="Met vervanging tijdens de lesuren")
    expect(with_cover.locator(".proposal").first).to_contain_text("door Kato Test")
    first = free.locator(".proposal").first
    first.get_by_label("Plaats").fill("Leraarskamer")
    first.get_by_role("button", name="Dit moment kiezen").click()
    expect(page.get_by_text("De bijeenkomst is gepland")).to_be_visible()
    bijeenkomst = Bijeenkomst.objects.get(plg=site.plg)
    assert bijeenkomst.place == "Leraarskamer"
    assert {m.to[0] for m in mail.outbox} == {site.coach.email, site.member.email}


def test_the_planner_imports_a_timetable_and_plans_a_month(
    page: Page, site: Any, tmp_path: Any
) -> None:
    csv = tmp_path / "lessen.csv"
    csv.write_text(
        "leerkracht;dag;lesuur;groep;vak\nmember@regenboog.example;vr;9;3A;wiskunde\n",
        encoding="utf-8",
    )
    sign_in(page, site, site.leader)
    page.get_by_role("link", name="Tijd maken").click()
    page.get_by_role("link", name="Roosters", exact=True).click()
    form = page.locator("section", has_text="Lessen uit een rekenblad")
    form.get_by_label("Lessen (CSV)").set_input_files(str(csv))
    form.get_by_role("button", name="Inlezen").click()
    expect(page.get_by_role("alert")).to_contain_text("lessen.csv, regel 2, veld 'lesuur'")

    csv.write_text(
        "leerkracht;dag;lesuur;groep;vak\n"
        + "".join(
            f"member@regenboog.example;{dag};{uur};3A;wiskunde\n"
            for dag in ("ma", "di", "wo", "do", "vr")
            for uur in (1, 2, 3, 4)
        ),
        encoding="utf-8",
    )
    form.get_by_label("Lessen (CSV)").set_input_files(str(csv))
    form.get_by_role("button", name="Inlezen").click()
    expect(page.get_by_text("Ingelezen: 20 regels")).to_be_visible()

    page.get_by_role("link", name="Maandplanning").click()
    page.get_by_role("button", name="Voorstel berekenen").click()
    expect(page.get_by_text("beste plan")).to_be_visible(timeout=20_000)
    bijeenkomsten = page.get_by_role("table", name="Bijeenkomsten", exact=True)
    expect(bijeenkomsten).to_contain_text("Huiswerk met betekenis")
    page.get_by_role("link", name="Ander moment").first.click()
    expect(
        page.get_by_role("heading", name="Een ander moment voor Huiswerk met betekenis")
    ).to_be_visible()
    page.get_by_role("button", name="Hierheen verplaatsen").first.click()
    expect(page.get_by_text("De bijeenkomst is verplaatst in het voorstel")).to_be_visible()
    expect(page.get_by_text("met de hand bijgestuurd")).to_be_visible()
    page.get_by_role("button", name="Zo inplannen en iedereen verwittigen").click()
    expect(page.get_by_text("2 bijeenkomsten zijn gepland")).to_be_visible()
    assert Bijeenkomst.objects.filter(plg=site.plg).count() == 2


def test_the_planner_sees_what_each_choice_costs_and_takes_another(page: Page, site: Any) -> None:
    Les.objects.bulk_create(  # the member teaches all day: school hours need cover
        Les(school=site.school, leerkracht=site.member, dag=dag, lesuur=uur, groep="3A")
        for dag in range(5)
        for uur in (5, 6, 7, 8)
    )
    sign_in(page, site, site.leader)
    page.goto(site.url + reverse("maandplannen", args=[site.school.pk]))
    expect(page.get_by_label("Tijdens de schooluren, vrij van leerlingen")).to_be_checked()
    page.get_by_role("button", name="Voorstel berekenen").click()
    kosten = page.get_by_role("table", name="Wat elke keuze kost")
    expect(kosten).to_be_visible(timeout=20_000)
    schooluren = kosten.locator("tr", has_text="Tijdens de schooluren")
    na_school = kosten.locator("tr", has_text="Na de schooluren")
    expect(schooluren).to_contain_text("gekozen")
    expect(schooluren.locator("td").first).to_have_text("4")
    expect(na_school.locator("td").first).to_have_text("0")
    expect(na_school.locator("td").nth(1)).to_contain_text("6,7 u")
    bijeenkomsten = page.get_by_role("table", name="Bijeenkomsten", exact=True)
    expect(bijeenkomsten).to_contain_text("tijdens de lesuren")

    na_school.get_by_role("button", name="Deze keuze nemen").click()
    expect(page.get_by_text("Het voorstel volgt nu de keuze: Na de schooluren")).to_be_visible()
    expect(kosten.locator("tr", has_text="Na de schooluren")).to_contain_text("gekozen")
    expect(bijeenkomsten).to_contain_text("na school")
    expect(bijeenkomsten).not_to_contain_text("tijdens de lesuren")
    expect(page.get_by_role("heading", name="Vervangingen")).to_have_count(0)


def test_a_member_sees_time_given_and_planned_without_a_norm(page: Page, site: Any) -> None:
    nu = timezone.now()
    for days in (-2, 2):
        plan_bijeenkomst(
            plg=site.plg, starts_at=nu + timedelta(days=days), place="", duration_minutes=100
        )
    sign_in(page, site, site.member)
    page.goto(site.url + reverse("tijd"))
    maanden = page.get_by_role("table")
    expect(maanden.first.get_by_role("columnheader", name="Samen geleerd")).to_be_visible()
    expect(maanden.first.get_by_role("columnheader", name="Nog gepland")).to_be_visible()
    expect(maanden.first).to_contain_text("100 min")
    expect(page.locator("main")).not_to_contain_text("gehaald")
    expect(page.locator("progress")).to_have_count(0)
