"""The search sees an entry exactly as far as it was shared: publishing, visibility and
withdrawing reach every way in (the page's search, suggestions, the command line)."""

from __future__ import annotations

import json
from io import StringIO

from django.core.management import call_command

from conftest import World
from plg.accounts.models import User
from plg.bibliotheek import services
from plg.bibliotheek.models import Zichtbaarheid
from plg.bibliotheek.tests.factories import concept, gepubliceerd
from plg.bibliotheek.zoeken import zoek
from plg.organisations.tests.factories import AanstellingFactory


def _slugs(vraag: str, lezer: User | None) -> list[str]:
    return [t.item.slug for t in zoek(vraag, lezer=lezer)]


def _command(vraag: str) -> list[str]:
    out = StringIO()
    call_command("bibliotheek", "zoek", "--json", vraag, stdout=out)
    return [row["id"] for row in json.loads(out.getvalue())]


def test_a_draft_is_found_by_nobody(world: World) -> None:
    item = concept(world, zichtbaarheid=Zichtbaarheid.IEDEREEN)
    assert item.slug not in _slugs("huiswerk", world.member)
    assert item.slug not in _command("huiswerk")


def test_a_network_entry_is_found_in_the_network_only(world: World) -> None:
    item = gepubliceerd(world)
    far = AanstellingFactory.create(user__email="ver@elders.example").user
    assert item.slug in _slugs("huiswerk", world.outsider)
    assert item.slug not in _slugs("huiswerk", far)
    assert item.slug not in _command("huiswerk")


def test_an_entry_for_everyone_is_found_on_the_command_line(world: World) -> None:
    item = gepubliceerd(world, zichtbaarheid=Zichtbaarheid.IEDEREEN)
    assert item.slug in _command("huiswerk")


def test_a_withdrawn_entry_is_found_by_nobody(world: World) -> None:
    item = gepubliceerd(world, zichtbaarheid=Zichtbaarheid.IEDEREEN)
    services.withdraw(item=item)
    assert item.slug not in _slugs("huiswerk", world.member)
    assert item.slug not in _command("huiswerk")
