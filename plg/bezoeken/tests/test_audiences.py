"""Who reads what is written about a class visit, on the query itself (``visible_to``).

The observed teacher is the coach, the visitor a colleague outside the PLG, and the visit is
about the coach's PLG, so its member reads what is shared with the PLG. Nobody else reads
anything: not a colleague of the same school, not the school leader, never the advisor.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.db.models import Model, QuerySet
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import World
from plg.accounts.models import User
from plg.bezoeken.models import (
    Blitsfeedback,
    CoTeachingNota,
    Klasbezoek,
    Meegenomen,
    Nagesprek,
    Observatie,
    Soort,
)
from plg.bezoeken.tests.factories import KlasbezoekFactory
from plg.communities.sharing import BezoekAudience
from plg.organisations.models import Functie
from plg.organisations.tests.factories import AanstellingFactory

ROLES = ("observed", "visitor", "member", "colleague", "outsider", "leader", "advisor")

READERS: dict[str, set[str]] = {
    BezoekAudience.ALLEEN_IK: set[str](),
    BezoekAudience.WIJ_TWEE: {"observed", "visitor"},
    BezoekAudience.PLG: {"observed", "visitor", "member"},
}
"""Besides the author, who always reads what they wrote while the visit stands."""


def _people(world: World) -> dict[str, User]:
    colleague = AanstellingFactory.create(
        school=world.school, functie=Functie.LERAAR, user__first_name="Kobe"
    ).user
    return {
        "observed": world.coach,
        "visitor": world.colleague,
        "member": world.member,
        "colleague": colleague,
        "outsider": world.outsider,
        "leader": world.leader,
        "advisor": world.advisor,
    }


def _visit(world: World, audience: str, soort: str = Soort.KLASBEZOEK) -> Klasbezoek:
    return KlasbezoekFactory.create(
        soort=soort,
        school=world.school,
        plg=world.plg,
        geobserveerde=world.coach,
        bezoeker=world.colleague,
        notities_audience=audience,
    )


def _nagesprek(world: World, audience: str) -> tuple[Model, str]:
    bezoek = _visit(world, BezoekAudience.ALLEEN_IK)
    Nagesprek.objects.create(
        bezoek=bezoek, author=world.coach, audience=audience, wat_zag_je="Stille start."
    )
    return bezoek, "observed"


def _meegenomen(world: World, audience: str) -> tuple[Model, str]:
    bezoek = _visit(world, BezoekAudience.ALLEEN_IK)
    Meegenomen.objects.create(
        bezoek=bezoek, author=world.colleague, audience=audience, tekst="Kaartjes bij de start."
    )
    return bezoek, "visitor"


def _blits(world: World, audience: str) -> tuple[Model, str]:
    bezoek = _visit(world, BezoekAudience.ALLEEN_IK, Soort.BLITS)
    Blitsfeedback.objects.create(
        bezoek=bezoek,
        author=world.colleague,
        audience=audience,
        waardering="De rust in de kring.",
        vraag="Hoe kies je wie begint?",
    )
    return bezoek, "visitor"


def _co_teaching(world: World, audience: str) -> tuple[Model, str]:
    bezoek = _visit(world, BezoekAudience.ALLEEN_IK, Soort.CO_TEACHING)
    CoTeachingNota.objects.create(
        bezoek=bezoek, author=world.coach, audience=audience, reflectie="Samen werkt het."
    )
    return bezoek, "observed"


def _observatie(world: World, audience: str) -> tuple[Model, str]:
    bezoek = _visit(world, audience)
    Observatie.objects.create(
        bezoek=bezoek,
        author=world.colleague,
        tekst="Twee leerlingen vragen hulp.",
        moment=timezone.now() - timedelta(days=1),
    )
    return bezoek, "visitor"


Write = Callable[[World, str], tuple[Model, str]]
Visible = Callable[[User], QuerySet[Any]]
NOTES: dict[str, tuple[Visible, Write]] = {
    "nagesprek": (Nagesprek.objects.visible_to, _nagesprek),
    "meegenomen": (Meegenomen.objects.visible_to, _meegenomen),
    "blitsfeedback": (Blitsfeedback.objects.visible_to, _blits),
    "co_teaching": (CoTeachingNota.objects.visible_to, _co_teaching),
    "observatie": (Observatie.objects.visible_to, _observatie),
}


def _reads(visible: Visible, user: User) -> bool:
    return visible(user).exists()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("audience", BezoekAudience.values)
@pytest.mark.parametrize("note", NOTES)
def test_who_reads_a_note_in_each_audience(
    world: World, note: str, audience: str, role: str
) -> None:
    model, write = NOTES[note]
    people = _people(world)
    _, author = write(world, audience)
    assert _reads(model, people[role]) == (role == author or role in READERS[audience])


@pytest.mark.parametrize("audience", BezoekAudience.values)
@pytest.mark.parametrize("note", NOTES)
def test_after_cancelling_the_visitor_reads_nothing(world: World, note: str, audience: str) -> None:
    model, write = NOTES[note]
    bezoek, _ = write(world, audience)
    Klasbezoek.objects.filter(pk=bezoek.pk).update(ingetrokken=True)
    assert not _reads(model, world.colleague)


@pytest.mark.parametrize("note", NOTES)
def test_after_cancelling_the_observed_teacher_still_reads_what_was_shared(
    world: World, note: str
) -> None:
    model, write = NOTES[note]
    bezoek, _ = write(world, BezoekAudience.WIJ_TWEE)
    Klasbezoek.objects.filter(pk=bezoek.pk).update(ingetrokken=True)
    assert _reads(model, world.coach)


@pytest.mark.parametrize("note", NOTES)
def test_after_cancelling_the_plg_reads_nothing(world: World, note: str) -> None:
    model, write = NOTES[note]
    bezoek, _ = write(world, BezoekAudience.PLG)
    Klasbezoek.objects.filter(pk=bezoek.pk).update(ingetrokken=True)
    assert not _reads(model, world.member)


@pytest.mark.parametrize("note", NOTES)
def test_visible_to_is_one_query(world: World, note: str) -> None:
    model, write = NOTES[note]
    for audience in BezoekAudience.values:
        write(world, audience)
    with CaptureQueriesContext(connection) as queries:
        rows = list(model(world.member))
    assert len(queries) == 1
    assert len(rows) == 1
