"""A school leader sets the school's working-group length and values on its overview."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from conftest import PASSWORD


def login(client: Any, user: Any) -> None:
    assert client.login(username=user.email, password=PASSWORD)


def test_school_leader_sets_the_working_group_length(client: Any, world: Any) -> None:
    login(client, world.leader)
    client.post(reverse("school_overview", args=[world.school.pk]), {"werkgroep_minutes": "45"})
    world.school.refresh_from_db()
    assert world.school.default_bijeenkomst_minutes == 90


def test_working_group_length_out_of_range_names_the_field(client: Any, world: Any) -> None:
    login(client, world.leader)
    response = client.post(
        reverse("school_overview", args=[world.school.pk]), {"werkgroep_minutes": "5"}
    )
    assert "Kies een duur tussen 15 en 240 minuten." in response.content.decode()
    world.school.refresh_from_db()
    assert world.school.werkgroep_minutes == 50
