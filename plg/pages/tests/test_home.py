"""Mijn PLG's: what a person has to do, in the PLG's that still run."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD
from plg.communities.models import Fase
from plg.meetings import services as meeting_services
from plg.meetings.models import Opdracht


def login(client: Any, user: Any) -> None:
    assert client.login(username=user.email, password=PASSWORD)


def test_home_hides_assignments_of_closed_plgs(client: Any, world: Any) -> None:
    bijeenkomst = meeting_services.plan_bijeenkomst(
        plg=world.plg, starts_at=timezone.now(), place="x", duration_minutes=100
    )
    Opdracht.objects.create(
        bijeenkomst=bijeenkomst,
        owner=world.member,
        description="Oud werk",
        due_date=timezone.localdate(),
    )
    world.plg.fase = Fase.AFGESLOTEN
    world.plg.save()
    login(client, world.member)
    assert "Oud werk" not in client.get(reverse("home")).content.decode()
