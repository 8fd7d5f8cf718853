"""A member's leerlog: written for an audience, refused in Dutch when empty."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.communities.sharing import Audience
from plg.meetings import services
from plg.meetings.models import Bijeenkomst, LeerlogEntry


def login(client: Client, user: User) -> None:
    assert client.login(username=user.email, password=PASSWORD)


def _plan(world: World, days: int = 3) -> Bijeenkomst:
    return services.plan_bijeenkomst(
        plg=world.plg,
        starts_at=timezone.now() + timedelta(days=days),
        place="Zaal",
        duration_minutes=100,
    )


def test_member_writes_leerlog_for_the_plg_only(client: Client, world: World) -> None:
    bijeenkomst = _plan(world, days=-1)
    login(client, world.member)
    client.post(
        reverse("leerlog", args=[bijeenkomst.pk]),
        {
            "kennis_inzicht": "Huiswerk vraagt differentiatie",
            "vaardigheden": "",
            "attitudes": "",
            "audience": "plg",
        },
    )
    entry = LeerlogEntry.objects.get()
    assert entry.audience == Audience.PLG and entry.author == world.member
    assert LeerlogEntry.objects.visible_to(world.coach).count() == 1
    assert LeerlogEntry.objects.visible_to(world.leader).count() == 0


def test_empty_leerlog_is_refused_in_dutch(client: Client, world: World) -> None:
    bijeenkomst = _plan(world, days=-1)
    login(client, world.member)
    response = client.post(
        reverse("leerlog", args=[bijeenkomst.pk]),
        {"kennis_inzicht": "", "vaardigheden": " ", "attitudes": "", "audience": "ik"},
    )
    assert "Schrijf iets bij minstens één van de drie" in response.content.decode()
    assert not LeerlogEntry.objects.exists()


def test_leerlog_without_audience_names_the_field(client: Client, world: World) -> None:
    bijeenkomst = _plan(world, days=-1)
    login(client, world.member)
    response = client.post(reverse("leerlog", args=[bijeenkomst.pk]), {"kennis_inzicht": "Iets"})
    html = response.content.decode()
    assert "Wie mag dit lezen?" in html and "Dit veld is verplicht." in html and "Iets" in html
