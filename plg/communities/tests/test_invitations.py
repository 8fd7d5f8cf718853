"""An invitation gives a place in the PLG, nothing more, once, and only to the one it invites."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.communities import services
from plg.communities.models import Lidmaatschap
from plg.organisations.models import Aanstelling


def login(client: Client, user: User) -> None:
    assert client.login(username=user.email, password=PASSWORD)


def test_existing_account_gains_no_staff_place_by_accepting(world: World) -> None:
    uitnodiging = services.invite(
        plg=world.plg, email=world.other_advisor.email, school=world.school, invited_by=world.coach
    )
    services.accept_uitnodiging(uitnodiging=uitnodiging, user=world.other_advisor)
    assert not Aanstelling.objects.filter(user=world.other_advisor, school=world.school).exists()


def test_signed_in_as_someone_else_cannot_use_a_newcomer_invitation(
    client: Client, world: World
) -> None:
    uitnodiging = services.invite(
        plg=world.plg, email="nieuw@regenboog.example", school=world.school, invited_by=world.coach
    )
    login(client, world.colleague)
    response = client.post(
        reverse("uitnodiging", args=[uitnodiging.token]),
        {
            "antwoord": "ja",
            "first_name": "N",
            "last_name": "N",
            "password1": "lang-en-veilig-99",
            "password2": "lang-en-veilig-99",
        },
    )
    assert response.status_code == 403
    assert not Lidmaatschap.objects.filter(user__email="nieuw@regenboog.example").exists()


def test_answering_twice_shows_the_clear_page(client: Client, world: World) -> None:
    uitnodiging = services.invite(
        plg=world.plg, email=world.colleague.email, school=world.school, invited_by=world.coach
    )
    login(client, world.colleague)
    url = reverse("uitnodiging", args=[uitnodiging.token])
    client.post(url, {"antwoord": "ja"})
    response = client.post(url, {"antwoord": "ja"})
    assert response.status_code == 410
