"""What a coach keeps to themselves (ALLEEN_IK) stays theirs, also for a co-coach."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.communities.models import Actieplan, Afronding, Lidmaatschap, Mijlpaal, Rol
from plg.communities.sharing import Audience


def login(client: Client, user: User) -> None:
    assert client.login(username=user.email, password=PASSWORD)


def _co_coach(world: World) -> Any:
    Lidmaatschap.objects.filter(plg=world.plg, user=world.member).update(rol=Rol.PROCESCOACH)
    return world.member


def test_co_coach_cannot_open_another_coachs_private_proposal(client: Client, world: World) -> None:
    Afronding.objects.create(
        plg=world.plg, author=world.coach, voorstel="Geheim", audience=Audience.ALLEEN_IK
    )
    login(client, _co_coach(world))
    response = client.get(reverse("afronden", args=[world.plg.pk]))
    assert response.status_code == 403 and "Geheim" not in response.content.decode()


def test_co_coach_gets_no_form_for_a_private_actieplan(client: Client, world: World) -> None:
    Actieplan.objects.create(
        plg=world.plg,
        author=world.coach,
        target_date=timezone.localdate(),
        gewenste_verandering="Geheim plan",
        audience=Audience.ALLEEN_IK,
    )
    login(client, _co_coach(world))
    assert (
        "Geheim plan" not in client.get(reverse("actieplan", args=[world.plg.pk])).content.decode()
    )
    response = client.post(
        reverse("actieplan", args=[world.plg.pk]),
        {
            "target_date": "2027-01-01",
            "gewenste_verandering": "Overschreven",
            "audience": "netwerk",
        },
    )
    assert response.status_code == 403
    assert Actieplan.objects.get().gewenste_verandering == "Geheim plan"


def test_co_coach_cannot_celebrate_a_private_milestone(client: Client, world: World) -> None:
    mijlpaal = Mijlpaal.objects.create(
        plg=world.plg,
        author=world.coach,
        title="Stil",
        due_date=timezone.localdate(),
        audience=Audience.ALLEEN_IK,
    )
    login(client, _co_coach(world))
    assert client.get(reverse("mijlpaal_vier", args=[world.plg.pk, mijlpaal.pk])).status_code == 404
