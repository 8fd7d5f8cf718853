"""One table decides who reads what: the SQL condition and the in-memory check agree."""

from __future__ import annotations

from itertools import pairwise

import pytest

from conftest import World
from plg.accounts.models import User
from plg.communities.models import Notitie
from plg.communities.sharing import READERS, Audience, Relation, may_read, relation, sees_names

RELATIONS = {
    "member": Relation.LID,
    "leader": Relation.LEIDER,
    "colleague": Relation.TEAM,
    "advisor": Relation.NETWERK,  # supports the PLG's school, but is not its team
    "sister_teacher": Relation.NETWERK,
    "outsider": Relation.GEEN,
    "other_leader": Relation.GEEN,
    "other_advisor": Relation.GEEN,
}


@pytest.mark.parametrize("persona", sorted(RELATIONS))
def test_each_person_has_one_relation_to_the_plg(
    world: World, sister_teacher: User, persona: str
) -> None:
    user = (world.personas() | {"sister_teacher": sister_teacher})[persona]
    assert relation(user, world.plg) == RELATIONS[persona]


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
    assert READERS[Relation.AUTEUR].reads == set(Audience.values)


def test_only_members_and_authors_see_names() -> None:
    assert {r for r in Relation if sees_names(r)} == {Relation.AUTEUR, Relation.LID}


def test_every_wider_relation_reads_less() -> None:
    order = [
        Relation.AUTEUR,
        Relation.LID,
        Relation.LEIDER,
        Relation.TEAM,
        Relation.NETWERK,
        Relation.GEEN,
    ]
    for closer, wider in pairwise(order):
        assert READERS[wider].reads < READERS[closer].reads
