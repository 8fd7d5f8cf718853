"""The archive shows members the whole history; `gedeeld` shows outsiders no names."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from conftest import PASSWORD
from plg.communities import services
from plg.communities.models import Fase, Notitie
from plg.communities.sharing import Audience


def login(client: Any, user: Any) -> None:
    assert client.login(username=user.email, password=PASSWORD)


def test_archive_shows_leervraag_history_and_shared_learning(client: Any, world: Any) -> None:
    services.add_leervraag(plg=world.plg, text="Waarom huiswerk?", author=world.coach)
    world.plg.fase = Fase.AFGESLOTEN
    world.plg.save()
    login(client, world.member)
    html = client.get(reverse("archief", args=[world.plg.pk])).content.decode()
    assert "Waarom huiswerk?" in html


def test_outsiders_see_no_member_names(client: Any, world: Any) -> None:
    Notitie.objects.create(
        plg=world.plg, author=world.member, text="Gedeeld met het team", audience=Audience.TEAM
    )
    login(client, world.colleague)
    html = client.get(reverse("gedeeld", args=[world.plg.pk])).content.decode()
    assert "Gedeeld met het team" in html and world.member.display_name not in html
