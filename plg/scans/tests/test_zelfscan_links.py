"""A member's Zelfscan link opens for that member only."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, World
from plg.scans import services


def test_a_zelfscan_link_opens_only_for_its_member(client: Client, world: World) -> None:
    afname = services.open_zelfscan(plg=world.plg, opened_by=world.coach, title="Start")
    toegang = services.toegang_for_member(afname=afname, user=world.member)
    client.login(username=world.coach.email, password=PASSWORD)
    assert client.get(reverse("scan_start", args=[toegang.token])).status_code == 404
    client.login(username=world.member.email, password=PASSWORD)
    assert client.get(reverse("scan_start", args=[toegang.token])).status_code == 200
