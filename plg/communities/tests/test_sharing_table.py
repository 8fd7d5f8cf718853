"""One table decides who reads what: the SQL condition and the in-memory check agree."""

from __future__ import annotations

from itertools import pairwise

import pytest

from conftest import World
from plg.accounts.models import User
from plg.communities.models import Notitie
from plg.communities.sharing import LEZERS, Audience, Relatie, may_read, relatie, sees_names

RELATIONS = {
    "member": Relatie.LID,
    "leader": Relatie.LEIDER,
    "colleague": Relatie.TEAM,
    "advisor": Relatie.NETWERK,  # supports the PLG's school, but is not its team
    "sister_teacher": Relatie.NETWERK,
    "outsider": Relatie.GEEN,
    "other_leader": Relatie.GEEN,
    "other_advisor": Relatie.GEEN,
}


@pytest.mark.parametrize("persona", sorted(RELATIONS))
def test_each_person_has_one_relation_to_the_plg(
    world: World, sister_teacher: User, persona: str
) -> None:
    user = (world.personas() | {"sister_teacher": sister_teacher})[persona]
    assert relatie(user, world.plg) == RELATIONS[persona]


@pytest.mark.parametrize("persona", sorted(RELATIONS))
def test_the_query_reads_exactly_what_the_table_says(
    world: World, sister_teacher: User, persona: str
) -> None:
    user = (world.personas() | {"sister_teacher": sister_teacher})[persona]
    notes = {
        audience: Notitie.objects.create(
            plg=world.plg, author=world.coach, text="x", audience=audience
        )
        for audience in Audience.values
    }
    read = {
        a
        for a, note in notes.items()
        if Notitie.objects.visible_to(user).filter(pk=note.pk).exists()
    }
    assert read == {a for a in Audience.values if may_read(RELATIONS[persona], a)}


def test_an_author_reads_everything_they_wrote(world: World) -> None:
    for audience in Audience.values:
        note = Notitie.objects.create(
            plg=world.plg, author=world.member, text="x", audience=audience
        )
        assert Notitie.objects.visible_to(world.member).filter(pk=note.pk).exists()
    assert LEZERS[Relatie.AUTEUR].reads == set(Audience.values)


def test_only_members_and_authors_see_names() -> None:
    assert {r for r in Relatie if sees_names(r)} == {Relatie.AUTEUR, Relatie.LID}


def test_every_wider_relation_reads_less() -> None:
    order = [
        Relatie.AUTEUR,
        Relatie.LID,
        Relatie.LEIDER,
        Relatie.TEAM,
        Relatie.NETWERK,
        Relatie.GEEN,
    ]
    for closer, wider in pairwise(order):
        assert LEZERS[wider].reads < LEZERS[closer].reads
