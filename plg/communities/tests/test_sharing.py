"""Audience rules, tested on the query itself: who gets which rows back."""

from __future__ import annotations

import pytest
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from conftest import World
from plg.accounts.models import User
from plg.communities.models import Mijlpaal, Notitie
from plg.communities.sharing import Audience

READERS = {
    Audience.ALLEEN_IK: {"coach"},
    Audience.PLG: {"coach", "member"},
    Audience.PLG_EN_SCHOOLLEIDER: {"coach", "member", "leader"},
    Audience.TEAM: {"coach", "member", "leader", "colleague"},
    Audience.NETWERK: {"coach", "member", "leader", "colleague", "advisor", "sister_teacher"},
}


@pytest.mark.parametrize("audience", list(Audience))
def test_audience_decides_who_reads_a_note(
    world: World, sister_teacher: User, audience: str
) -> None:
    note = Notitie.objects.create(plg=world.plg, author=world.coach, text="x", audience=audience)
    everyone = world.personas() | {"sister_teacher": sister_teacher}
    readers = {
        persona
        for persona, user in everyone.items()
        if Notitie.objects.visible_to(user).filter(pk=note.pk).exists()
    }
    assert readers == READERS[Audience(audience)]


def test_anonymous_reads_nothing(world: World) -> None:
    from django.contrib.auth.models import AnonymousUser

    Notitie.objects.create(plg=world.plg, author=world.coach, text="x", audience=Audience.NETWERK)
    assert not Notitie.objects.visible_to(AnonymousUser()).exists()


def test_former_member_loses_plg_only_items(world: World) -> None:
    Notitie.objects.create(plg=world.plg, author=world.coach, text="x", audience=Audience.PLG)
    world.plg.lidmaatschappen.filter(user=world.member).delete()
    assert not Notitie.objects.visible_to(world.member).exists()
    # …but as a member of the team they still read what the team may read.
    Notitie.objects.create(plg=world.plg, author=world.coach, text="y", audience=Audience.TEAM)
    assert Notitie.objects.visible_to(world.member).count() == 1


def test_networked_plg_shares_with_leaders_of_each_school(world: World) -> None:
    from plg.accounts.models import User
    from plg.communities import services
    from plg.organisations.models import Aanstelling, Functie

    sister_leader = User.objects.create_user("leader@sintjozef.example", "x")
    Aanstelling.objects.create(
        user=sister_leader, school=world.sister, functie=Functie.SCHOOLLEIDER
    )
    plg = services.create_plg(
        coach=world.advisor, name="Netwerk", schools=[world.school, world.sister]
    )
    Mijlpaal.objects.create(
        plg=plg,
        author=world.advisor,
        title="m",
        due_date=timezone.localdate(),
        audience=Audience.PLG_EN_SCHOOLLEIDER,
    )
    assert Mijlpaal.objects.visible_to(sister_leader).count() == 1
    assert Mijlpaal.objects.visible_to(world.leader).count() == 1
    assert Mijlpaal.objects.visible_to(world.other_leader).count() == 0


def test_visibility_is_one_query_however_many_rows(
    world: World, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    for i in range(30):
        Notitie.objects.create(
            plg=world.plg, author=world.coach, text=str(i), audience=Audience.PLG
        )
    with django_assert_num_queries(1):
        assert len(list(Notitie.objects.visible_to(world.member))) == 30
