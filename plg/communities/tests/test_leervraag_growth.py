"""How a leervraag grew is kept, version by version, without who wrote which one or how the
check judged it: the check speaks only while a question is being written."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, World
from plg.communities import services


def test_the_growth_of_a_leervraag_names_no_author_and_no_score(
    client: Client, world: World
) -> None:
    vraag = services.add_leervraag(plg=world.plg, text="Huiswerk?", author=world.member)
    services.revise_leervraag(
        leervraag=vraag, text="Hoe maken we huiswerk zinvol?", author=world.coach
    )
    assert client.login(username=world.coach.email, password=PASSWORD)
    html = client.get(reverse("leervraag_detail", args=[world.plg.pk, vraag.pk])).content.decode()
    growth = html[html.index("Hoe de vraag groeide") :]
    assert "Huiswerk?" in growth and "Hoe maken we huiswerk zinvol?" in growth
    assert world.member.display_name not in growth and "/6" not in growth


def test_the_check_still_speaks_while_writing(client: Client, world: World) -> None:
    vraag = services.add_leervraag(plg=world.plg, text="Huiswerk?", author=world.member)
    assert client.login(username=world.coach.email, password=PASSWORD)
    html = client.get(reverse("leervraag_detail", args=[world.plg.pk, vraag.pk])).content.decode()
    assert "van de 6 aandachtspunten" in html
