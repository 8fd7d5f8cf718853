"""The scan pages ask the database as often with eight waves as with two."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.mail import EmailMessage
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import PASSWORD, World
from plg.organisations.models import School
from plg.scans import services
from plg.scans.models import Afname
from plg.scans.tests.conftest import answer


def _closed_wave(world: World, respondents: int, title: str = "Scan") -> Afname:
    afname = services.open_afname(opened_by=world.leader, title=title, schools=[world.school])
    for i in range(respondents):
        answer(
            afname, world.school, 2 + i % 3, rolgroep=i % 2, comments={"leeropbrengsten": f"c{i}"}
        )
    services.close_afname(afname=afname)
    return afname


def _zelfscan(world: World, respondents: int) -> Afname:
    afname = services.open_zelfscan(plg=world.plg, opened_by=world.coach, title="Zelfscan")
    for i in range(respondents):
        answer(afname, None, 1 + i % 4)
    services.close_afname(afname=afname)
    return afname


def _grow(world: World, n: int) -> None:
    for i in range(n):
        _closed_wave(world, 5 + n, title=f"Scan {i}")
        _zelfscan(world, 3 + n)
        School.objects.create(scholengemeenschap=world.sg, name=f"Extra {n}-{i}")


def _latest(world: World) -> Afname:
    return Afname.objects.filter(plg=None, closed_at__isnull=False).order_by("-opened_at")[0]


def _latest_zelfscan(world: World) -> Afname:
    return Afname.objects.filter(plg=world.plg).order_by("-opened_at")[0]


Args = Callable[[World], list[object]]

PAGES: list[tuple[str, str, Args]] = [
    ("member", "scans", lambda w: []),
    ("leader", "scans", lambda w: []),
    ("leader", "scan_afname", lambda w: [_latest(w).pk]),
    ("leader", "scan_rapport", lambda w: [_latest(w).pk, w.school.pk]),
    ("member", "scan_rapport", lambda w: [_latest(w).pk, w.school.pk]),
    ("advisor", "begeleiding_scans", lambda w: []),
    ("member", "zelfscans", lambda w: [w.plg.pk]),
    ("member", "zelfscan_resultaat", lambda w: [w.plg.pk, _latest_zelfscan(w).pk]),
]


def _count(client: Client, world: World, persona: str, name: str, args: Args) -> int:
    client.login(username=world.persona(persona).email, password=PASSWORD)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse(name, args=args(world)))
        assert response.status_code == 200
    return len(ctx)


@pytest.mark.parametrize(("persona", "name", "args"), PAGES, ids=[f"{p[1]}-{p[0]}" for p in PAGES])
def test_queries_do_not_grow_with_data(
    client: Client, world: World, persona: str, name: str, args: Args
) -> None:
    _grow(world, 2)  # from the second wave on, a report also reads the one before
    small = _count(client, world, persona, name, args)
    _grow(world, 6)
    large = _count(client, world, persona, name, args)
    assert large == small, f"{name}: {small} queries with 2 waves, {large} with 8"


def test_answer_page_queries_do_not_grow_with_answers(
    client: Client, world: World, wave: Afname, mailoutbox: list[EmailMessage]
) -> None:
    page = reverse("scan_start", args=[wave.toegangen.exclude(email="").earliest("pk").token])
    client.get(page)
    client.post(page + "bewaar/", {"cv1": "3"})
    with CaptureQueriesContext(connection) as before:
        client.get(page + "?deel=3")
    client.post(page + "bewaar/", {item.key: "3" for item in wave.instrument.items()})
    with CaptureQueriesContext(connection) as after:
        client.get(page + "?deel=3")
    assert len(after) == len(before)
