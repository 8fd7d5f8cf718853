"""The archive shows members the whole history; `gedeeld` shows outsiders no names."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.communities import services
from plg.communities.models import Fase, Notitie
from plg.communities.sharing import Audience


def login(client: Client, user: User) -> None:
    assert client.login(username=user.email, password=PASSWORD)


def test_archive_shows_leervraag_history_and_shared_learning(client: Client, world: World) -> None:
    services.add_leervraag(plg=world.plg, text="Waarom huiswerk?", author=world.coach)
    world.plg.fase = Fase.AFGESLOTEN
    world.plg.save()
    login(client, world.member)
    html = client.get(reverse("archief", args=[world.plg.pk])).content.decode()
    assert "Waarom huiswerk?" in html


def _growth(html: str) -> str:
    start = html.index("Hoe de vraag groeide")
    return html[start : html.index("</details>", start)]


def test_archive_shows_the_growth_of_the_question_without_authors_or_scores(
    client: Client, world: World
) -> None:
    vraag = services.add_leervraag(plg=world.plg, text="Huiswerk?", author=world.member)
    services.revise_leervraag(
        leervraag=vraag, text="Hoe maken we huiswerk zinvol voor elke leerling?", author=world.coach
    )
    services.revise_leervraag(
        leervraag=vraag,
        text="Welk huiswerk helpt onze leerlingen van het vijfde leerjaar om zelfstandig te "
        "oefenen, volgens hen en volgens hun resultaten?",
        author=world.member,
    )
    login(client, world.member)
    growth = _growth(client.get(reverse("archief", args=[world.plg.pk])).content.decode())
    first, second, third = (growth.index(t) for t in ("Huiswerk?", "Hoe maken", "Welk huiswerk"))
    assert first < second < third
    assert world.member.display_name not in growth and world.coach.display_name not in growth
    assert "/6" not in growth


def test_outsiders_see_no_member_names(client: Client, world: World) -> None:
    Notitie.objects.create(
        plg=world.plg, author=world.member, text="Gedeeld met het team", audience=Audience.TEAM
    )
    login(client, world.colleague)
    html = client.get(reverse("gedeeld", args=[world.plg.pk])).content.decode()
    assert "Gedeeld met het team" in html and world.member.display_name not in html
