"""A status is never told by colour alone: the PLG's phases and the leervraag check say it in
words a screen reader reads, and with a mark a person who does not see the colour reads."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from conftest import World
from plg.communities.models import Fase
from plg.live.tests.test_live_browser import sign_in
from plg.scans import services
from plg.scans.instruments import localised
from plg.scans.tests.conftest import answer

pytestmark = [pytest.mark.browser]


def test_the_plg_phases_say_which_are_done_and_which_is_now(
    page: Page, world: World, asgi_server: str
) -> None:
    world.plg.fase = Fase.ACTIEPLAN
    world.plg.save(update_fields=["fase"])
    sign_in(page, asgi_server, world.member)
    page.goto(f"{asgi_server}/plg/{world.plg.pk}/")
    phases = page.get_by_role("list", name="Fasen van de PLG")
    done = phases.locator("li.done")
    expect(done).to_have_count(2)
    expect(done.first).to_contain_text("✓ verkennen (afgerond)")
    current = phases.locator("[aria-current=step]")
    expect(current).to_have_text("● actieplan (nu)")
    expect(phases.locator("li:not(.done):not(.current)").first).to_have_text("aan de slag")


def test_the_leervraag_check_marks_each_point_in_words(
    page: Page, world: World, asgi_server: str
) -> None:
    sign_in(page, asgi_server, world.coach)
    page.goto(f"{asgi_server}/plg/{world.plg.pk}/leervragen/")
    page.fill("#id_text", "Het rekenen sputtert.")
    question = page.locator("#leervraag-check [data-criterion='is_question']")
    expect(question).to_have_attribute("data-met", "false")
    expect(question).to_contain_text("○ Het is een vraag")
    expect(question).to_contain_text("(nog niet)")
    page.fill("#id_text", "Waarom laten onze leerlingen hun denkwerk niet zien?")
    expect(question).to_have_attribute("data-met", "true")
    expect(question).to_contain_text("✓ Het is een vraag")
    expect(question).to_contain_text("(in orde)")


def test_a_scan_bar_reads_its_answers_in_words(page: Page, world: World, asgi_server: str) -> None:
    """The coloured pieces of a bar are also read aloud: how many answered what."""
    afname = services.open_afname(opened_by=world.leader, title="Voorjaar", schools=[world.school])
    turned = {item.key for item in afname.instrument.items() if item.reverse}
    for _ in range(5):
        answer(afname, world.school, lambda key: 2 if key in turned else 4)
    services.close_afname(afname=afname)
    labels = [localised(point) for point in afname.instrument.scored_sections()[0].scale]

    sign_in(page, asgi_server, world.leader)
    page.goto(f"{asgi_server}/scans/{afname.pk}/school/{world.school.pk}/")
    bar = page.locator(".scores svg.bar").first
    expect(bar).to_have_attribute("aria-label", re.compile(rf"^gemiddelde 4,0, 100% {labels[3]}$"))
    titles = [f"{100 if n == 3 else 0}% {label}" for n, label in enumerate(labels)]
    expect(bar.locator("title")).to_have_text(titles)
