"""Class visits are one product: its pages lead to each other, and the menu shows them to
whoever teaches."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, World
from plg.accounts.models import User


def _page(client: Client, user: User, url: str) -> str:
    assert client.login(username=user.email, password=PASSWORD)
    return client.get(url).content.decode()


def test_my_visits_lead_to_the_other_forms_the_kijkwijzers_and_my_rounds(
    client: Client, world: World
) -> None:
    page = _page(client, world.member, reverse("mijn_klasbezoeken"))
    for name in ("samen", "kijkwijzers", "mijn_bezoekrondes"):
        assert f'href="{reverse(name)}"' in page


def test_the_invitation_offers_the_slot_finder_with_the_chosen_colleague(
    client: Client, world: World
) -> None:
    url = reverse("bezoek_nieuw") + f"?bezoeker={world.colleague.pk}"
    page = _page(client, world.member, url)
    assert reverse("bezoekmomenten", args=[world.colleague.pk]) in page


def test_the_slot_finder_is_not_offered_for_a_leader(client: Client, world: World) -> None:
    page = _page(client, world.member, reverse("bezoek_nieuw") + f"?bezoeker={world.leader.pk}")
    assert reverse("bezoekmomenten", args=[world.leader.pk]) not in page


def test_the_slot_finder_leads_to_the_invitation_of_that_colleague(
    client: Client, world: World
) -> None:
    page = _page(client, world.member, reverse("bezoekmomenten", args=[world.colleague.pk]))
    assert f"{reverse('bezoek_nieuw')}?bezoeker={world.colleague.pk}" in page


def test_the_menu_shows_class_visits_to_a_teacher(client: Client, world: World) -> None:
    page = _page(client, world.member, reverse("home"))
    assert f'href="{reverse("mijn_klasbezoeken")}"' in page


def test_the_menu_hides_class_visits_from_a_leader_and_an_advisor(
    client: Client, world: World
) -> None:
    for user in (world.leader, world.advisor):
        page = _page(client, user, reverse("home"))
        assert f'href="{reverse("mijn_klasbezoeken")}"' not in page
