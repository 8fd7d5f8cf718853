"""Coming back to a scan opens the part where one stopped, and the bar counts the parts."""

from __future__ import annotations

import re

from django.core.mail import EmailMessage
from django.test import Client

from conftest import World
from plg.scans.models import Afname


def _page(client: Client, mailoutbox: list[EmailMessage]) -> str:
    match = re.search(r"https?://[^/\s]+(/scan/[^\s#]+/)", str(mailoutbox[0].body))
    assert match
    response = client.get(match.group(1), follow=True)
    path: str = response.request["PATH_INFO"]
    return path


def _part_shown(html: str) -> int:
    match = re.search(r"Deel (\d+) van \d+</p>", html)
    assert match, "no part shown"
    return int(match.group(1))


def _fill(client: Client, page: str, afname: Afname, part: int, *, all_items: bool = True) -> None:
    items = afname.instrument.sections[part].items
    data = {item.key: "4" for item in (items if all_items else items[:1])}
    client.post(f"{page}?deel={part}", {**data, "richting": "verder"})


def test_a_scan_with_nothing_answered_opens_at_the_first_part(
    world: World, wave: Afname, client: Client, mailoutbox: list[EmailMessage]
) -> None:
    page = _page(client, mailoutbox)
    assert _part_shown(client.get(page).content.decode()) == 1


def test_coming_back_opens_the_part_after_the_last_complete_one(
    world: World, wave: Afname, client: Client, mailoutbox: list[EmailMessage]
) -> None:
    page = _page(client, mailoutbox)
    _fill(client, page, wave, 0)
    _fill(client, page, wave, 1)
    assert _part_shown(client.get(page).content.decode()) == 3


def test_coming_back_opens_the_part_one_left_half_way(
    world: World, wave: Afname, client: Client, mailoutbox: list[EmailMessage]
) -> None:
    page = _page(client, mailoutbox)
    _fill(client, page, wave, 0)
    _fill(client, page, wave, 1, all_items=False)
    assert _part_shown(client.get(page).content.decode()) == 2


def test_asking_for_a_part_still_opens_that_part(
    world: World, wave: Afname, client: Client, mailoutbox: list[EmailMessage]
) -> None:
    page = _page(client, mailoutbox)
    _fill(client, page, wave, 0)
    _fill(client, page, wave, 1)
    assert _part_shown(client.get(page + "?deel=0").content.decode()) == 1


def test_the_bar_counts_the_parts_behind_you(
    world: World, wave: Afname, client: Client, mailoutbox: list[EmailMessage]
) -> None:
    page = _page(client, mailoutbox)
    steps = len(wave.instrument.sections)
    first = client.get(page + "?deel=0").content.decode()
    last = client.get(f"{page}?deel={steps}").content.decode()
    assert 'style="width: 0%"' in first and f'aria-valuemax="{steps}"' in first
    assert 'style="width: 100%"' in last and f'aria-valuenow="{steps}"' in last
