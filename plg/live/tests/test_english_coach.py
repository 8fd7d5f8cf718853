"""The coach's live screen in English: the werkvorm picker and the questions of the kit."""

from __future__ import annotations

import json
import re

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from conftest import PASSWORD, World
from plg.live.models import LiveSessie
from plg.meetings.tests.factories import BijeenkomstFactory
from plg.methods.models import Stap, Vraag, Werkvorm


def _coach_screen_in_english(client: Client, world: World) -> str:
    bijeenkomst = BijeenkomstFactory.create(plg=world.plg, starts_at=timezone.now())
    LiveSessie.objects.create(bijeenkomst=bijeenkomst, opened_by=world.coach)
    client.login(username=world.coach.email, password=PASSWORD)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client.get(reverse("live", args=[bijeenkomst.pk])).content.decode()


def test_the_coach_picks_werkvormen_by_their_english_names(client: Client, world: World) -> None:
    page = _coach_screen_in_english(client, world)
    found = re.search(r'<script id="live-werkvormen" type="application/json">(.*?)</script>', page)
    assert found is not None
    names = {w["name"] for w in json.loads(found[1])}
    assert "Keep, stop, start" in names and "Borgen, bannen, beginnen" not in names


def test_the_coach_reads_the_vragenkit_in_english(client: Client, world: World) -> None:
    page = _coach_screen_in_english(client, world)
    vraag = Vraag.objects.first()
    assert vraag is not None
    assert escape(vraag.translations["en"]["text"]) in page


def test_a_member_reads_the_agenda_with_english_werkvorm_names(
    client: Client, world: World
) -> None:
    bijeenkomst = BijeenkomstFactory.create(plg=world.plg, starts_at=timezone.now())
    bijeenkomst.blokken.create(
        stap=Stap.VERWERKING,
        minutes=20,
        position=1,
        werkvorm=Werkvorm.objects.get(name="Borgen, bannen, beginnen"),
    )
    LiveSessie.objects.create(bijeenkomst=bijeenkomst, opened_by=world.coach)
    client.login(username=world.member.email, password=PASSWORD)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("live", args=[bijeenkomst.pk])).content.decode()
    found = re.search(r'<script id="live-labels" type="application/json">(.*?)</script>', page)
    assert found is not None
    assert "Keep, stop, start" in json.loads(found[1])["werkvormen"].values()
