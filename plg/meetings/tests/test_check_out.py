"""The check-out: what was reached, who does what by when, and ticking it off."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.meetings import services
from plg.meetings.models import Bijeenkomst, Opdracht, Terugblik


def login(client: Client, user: User) -> None:
    assert client.login(username=user.email, password=PASSWORD)


def _plan(world: World, days: int = 3) -> Bijeenkomst:
    return services.plan_bijeenkomst(
        plg=world.plg,
        starts_at=timezone.now() + timedelta(days=days),
        place="Zaal",
        duration_minutes=100,
    )


def test_check_out_record_with_assignments(client: Client, world: World) -> None:
    bijeenkomst = _plan(world, days=-1)
    login(client, world.coach)
    response = client.post(
        reverse("terugblik", args=[bijeenkomst.pk]),
        {
            "doelen_bereikt": "deels",
            "hoe_was_het": "Goed",
            "behouden": "",
            "veranderen": "",
            "volgende_stap": "Artikel lezen",
            "audience": "plg",
            "opdracht-TOTAL_FORMS": "2",
            "opdracht-INITIAL_FORMS": "0",
            "opdracht-MIN_NUM_FORMS": "0",
            "opdracht-MAX_NUM_FORMS": "1000",
            "opdracht-0-description": "Artikel zoeken",
            "opdracht-0-owner": world.member.pk,
            "opdracht-0-due_date": "2027-01-10",
            "opdracht-1-description": "",
            "opdracht-1-owner": "",
            "opdracht-1-due_date": "",
        },
    )
    assert response.status_code == 302
    assert Terugblik.objects.get().volgende_stap == "Artikel lezen"
    assert Opdracht.objects.get().owner == world.member


def test_assignment_owner_must_be_a_member(client: Client, world: World) -> None:
    bijeenkomst = _plan(world, days=-1)
    login(client, world.coach)
    response = client.post(
        reverse("terugblik", args=[bijeenkomst.pk]),
        {
            "doelen_bereikt": "ja",
            "audience": "plg",
            "opdracht-TOTAL_FORMS": "1",
            "opdracht-INITIAL_FORMS": "0",
            "opdracht-MIN_NUM_FORMS": "0",
            "opdracht-MAX_NUM_FORMS": "1000",
            "opdracht-0-description": "Iets",
            "opdracht-0-owner": world.outsider.pk,
            "opdracht-0-due_date": "2027-01-10",
        },
    )
    assert response.status_code == 200
    assert not Terugblik.objects.exists() and not Opdracht.objects.exists()


def test_owner_ticks_off_an_assignment(client: Client, world: World) -> None:
    opdracht = Opdracht.objects.create(
        bijeenkomst=_plan(world),
        owner=world.member,
        description="Lezen",
        due_date=timezone.localdate(),
    )
    login(client, world.member)
    client.post(reverse("opdracht_klaar", args=[opdracht.pk]), {"next": "https://elders.example/"})
    opdracht.refresh_from_db()
    assert opdracht.done


def test_another_member_cannot_tick_off_my_assignment(client: Client, world: World) -> None:
    from plg.communities.models import Lidmaatschap

    Lidmaatschap.objects.create(plg=world.plg, user=world.colleague)
    opdracht = Opdracht.objects.create(
        bijeenkomst=_plan(world),
        owner=world.member,
        description="Lezen",
        due_date=timezone.localdate(),
    )
    login(client, world.colleague)
    response = client.post(reverse("opdracht_klaar", args=[opdracht.pk]))
    assert response.status_code == 403
    opdracht.refresh_from_db()
    assert not opdracht.done
