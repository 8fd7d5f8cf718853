"""An invitation gives a place in the PLG, nothing more, once, and only to the one it invites."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.communities import services
from plg.communities.models import Lidmaatschap, Uitnodiging
from plg.organisations.models import Aanstelling
from plg.post.models import Bericht, Status


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


def test_a_coach_invites_a_colleague_by_picking_them(client: Client, world: World) -> None:
    login(client, world.coach)
    picked = next(
        c for c in services.colleagues_to_invite(world.plg) if c.email == world.colleague.email
    )
    client.post(reverse("plg_leden", args=[world.plg.pk]), {"collega": picked.key})
    invitation = Uitnodiging.objects.get()
    assert (invitation.email, invitation.school) == (world.colleague.email, world.school)


def test_the_colleagues_to_pick_are_staff_of_the_plg_school_not_yet_in_or_invited(
    world: World,
) -> None:
    services.invite(
        plg=world.plg, email=world.colleague.email, school=world.school, invited_by=world.coach
    )
    emails = {c.email for c in services.colleagues_to_invite(world.plg)}
    assert world.leader.email in emails
    assert not emails & {
        world.coach.email,  # in it
        world.member.email,  # in it
        world.colleague.email,  # invited
        world.outsider.email,  # another school
        world.advisor.email,  # supports the school, is not its staff
    }


def test_inviting_without_a_colleague_or_an_address_names_the_field(
    client: Client, world: World
) -> None:
    login(client, world.coach)
    response = client.post(reverse("plg_leden", args=[world.plg.pk]), {"message": "Doe mee!"})
    html = response.content.decode()
    assert "Kies een collega of vul een e-mailadres in." in html
    assert "Doe mee!" in html
    assert not Uitnodiging.objects.exists()


def test_a_withdrawn_invitation_link_no_longer_works(client: Client, world: World) -> None:
    invitation = services.invite(
        plg=world.plg, email=world.colleague.email, school=world.school, invited_by=world.coach
    )
    services.withdraw_uitnodiging(uitnodiging=invitation)
    login(client, world.colleague)
    response = client.post(reverse("uitnodiging", args=[invitation.token]), {"antwoord": "ja"})
    assert response.status_code == 410
    assert not Lidmaatschap.objects.filter(plg=world.plg, user=world.colleague).exists()


def test_withdrawing_keeps_an_unsent_invitation_mail_home(world: World) -> None:
    invitation = services.invite(
        plg=world.plg, email=world.colleague.email, school=world.school, invited_by=world.coach
    )
    services.withdraw_uitnodiging(uitnodiging=invitation)
    bericht = Bericht.objects.get(over_id=invitation.pk)
    assert bericht.status == Status.INGETROKKEN


def test_saying_yes_before_logging_in_lands_in_the_plg_after_logging_in(
    client: Client, world: World
) -> None:
    invitation = services.invite(
        plg=world.plg, email=world.colleague.email, school=world.school, invited_by=world.coach
    )
    url = reverse("uitnodiging", args=[invitation.token])
    response = client.post(url, {"antwoord": "ja"})
    assert response["Location"].startswith(reverse("login"))
    client.post(response["Location"], {"username": world.colleague.email, "password": PASSWORD})
    response = client.get(url)
    assert response["Location"] == reverse("plg_detail", args=[world.plg.pk])
    assert Lidmaatschap.objects.filter(plg=world.plg, user=world.colleague).exists()


def test_only_saying_yes_makes_one_a_member_when_one_opens_the_link(
    client: Client, world: World
) -> None:
    invitation = services.invite(
        plg=world.plg, email=world.colleague.email, school=world.school, invited_by=world.coach
    )
    login(client, world.colleague)
    response = client.get(reverse("uitnodiging", args=[invitation.token]))
    assert response.status_code == 200
    assert not Lidmaatschap.objects.filter(plg=world.plg, user=world.colleague).exists()
