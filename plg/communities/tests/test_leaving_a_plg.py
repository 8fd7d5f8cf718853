"""A member who left keeps what was agreed with them: the check-out still saves."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.communities.models import Lidmaatschap


def login(client: Client, user: User) -> None:
    assert client.login(username=user.email, password=PASSWORD)


def test_check_out_saves_when_an_assignment_owner_has_left(client: Client, world: World) -> None:
    from plg.meetings import services as meeting_services
    from plg.meetings.models import Opdracht

    bijeenkomst = meeting_services.plan_bijeenkomst(
        plg=world.plg, starts_at=timezone.now(), place="x", duration_minutes=100
    )
    opdracht = Opdracht.objects.create(
        bijeenkomst=bijeenkomst,
        owner=world.member,
        description="Lezen",
        due_date=timezone.localdate(),
    )
    Lidmaatschap.objects.filter(plg=world.plg, user=world.member).delete()
    login(client, world.coach)
    response = client.post(
        reverse("terugblik", args=[bijeenkomst.pk]),
        {
            "doelen_bereikt": "ja",
            "audience": "plg",
            "opdracht-TOTAL_FORMS": "1",
            "opdracht-INITIAL_FORMS": "1",
            "opdracht-MIN_NUM_FORMS": "0",
            "opdracht-MAX_NUM_FORMS": "1000",
            "opdracht-0-id": opdracht.pk,
            "opdracht-0-bijeenkomst": bijeenkomst.pk,
            "opdracht-0-description": "Lezen",
            "opdracht-0-owner": world.member.pk,
            "opdracht-0-due_date": "2027-01-10",
        },
    )
    assert response.status_code == 302
