"""A school's own werkvorm needs a name a slug can be made of."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, World
from plg.accounts.models import User


def login(client: Client, user: User) -> None:
    assert client.login(username=user.email, password=PASSWORD)


def test_werkvorm_name_without_letters_is_refused(client: Client, world: World) -> None:
    login(client, world.coach)
    data = {
        "school": world.school.pk,
        "summary": "s",
        "wat": "w",
        "waarom": "w",
        "hoe": "h",
        "minutes": "10",
        "steps": ["input"],
    }
    client.post(reverse("werkvorm_nieuw"), data | {"name": "!!!"})
    response = client.post(reverse("werkvorm_nieuw"), data | {"name": "???"})
    assert response.status_code == 200
    assert "Gebruik minstens één letter of cijfer in de naam." in response.content.decode()
