"""The poster's QR code leads to the scan, on the site's own address."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse
from pytest_django import Settings

from conftest import PASSWORD, World
from plg.scans.models import Afname


def test_poster_shows_a_qr_code_that_leads_to_the_scan(
    client: Client, world: World, wave: Afname
) -> None:
    client.login(username=world.leader.email, password=PASSWORD)
    html = client.get(reverse("scan_affiche", args=[wave.pk, world.school.pk])).content.decode()
    poster = wave.toegangen.get(soort="affiche")
    assert "<svg" in html
    assert reverse("scan_start", args=[poster.token]) in html


def test_the_poster_leads_to_the_site_whatever_host_the_request_named(
    client: Client, world: World, wave: Afname, settings: Settings
) -> None:
    settings.SITE_URL = "https://plg.example"
    client.login(username=world.leader.email, password=PASSWORD)
    url = reverse("scan_affiche", args=[wave.pk, world.school.pk])
    html = client.get(url, HTTP_HOST="evil.example").content.decode()
    poster = wave.toegangen.get(soort="affiche")
    assert "https://plg.example" + reverse("scan_start", args=[poster.token]) in html
    assert "evil.example" not in html
