"""Rows the tests of bronnen, expert visits and the LfL compass share."""

from __future__ import annotations

from typing import Any

from conftest import World
from plg.communities import services
from plg.communities.models import PLG, Leervraag
from plg.meetings.models import Expertbezoek
from plg.meetings.tests.factories import ExpertbezoekFactory


def met_leervraag(world: World, text: str) -> Leervraag:
    """The PLG chose this leervraag."""
    leervraag = services.add_leervraag(plg=world.plg, text=text, author=world.member)
    PLG.objects.filter(pk=world.plg.pk).update(gekozen_leervraag=leervraag)
    world.plg.refresh_from_db()
    return leervraag


def expertbezoek(world: World, **kwargs: Any) -> Expertbezoek:
    """A visit to the world's PLG its coach prepared."""
    return ExpertbezoekFactory.create(plg=world.plg, created_by=world.coach, **kwargs)
