"""The visitor answers; the observed teacher cancels at any time, and the visitor is out."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.bezoeken import services
from plg.bezoeken.models import Klasbezoek, Meegenomen, Nagesprek, Observatie, Status
from plg.bezoeken.tests.factories import bezoek_bij_member
from plg.communities.sharing import BezoekAudience
from plg.post.models import Bericht, Soort
from plg.post.models import Status as PostStatus


def _login(client: Client, user: User) -> None:
    assert client.login(username=user.email, password=PASSWORD)


def _invited(world: World) -> Klasbezoek:
    return services.invite_bezoeker(
        geobserveerde=world.member,
        bezoeker=world.colleague,
        school=world.school,
        begin=timezone.now() + timedelta(days=3),
        einde=timezone.now() + timedelta(days=3, minutes=50),
    )


def test_the_visitor_accepts(client: Client, world: World) -> None:
    bezoek = _invited(world)
    _login(client, world.colleague)
    client.post(reverse("bezoek_antwoord", args=[bezoek.pk]), {"antwoord": "ja"})
    bezoek.refresh_from_db()
    assert (bezoek.status, bezoek.ingetrokken) == (Status.AANVAARD, False)


def test_declining_closes_the_visit_to_the_visitor(client: Client, world: World) -> None:
    bezoek = _invited(world)
    _login(client, world.colleague)
    client.post(reverse("bezoek_antwoord", args=[bezoek.pk]), {"antwoord": "nee"})
    bezoek.refresh_from_db()
    assert (bezoek.status, bezoek.ingetrokken) == (Status.AFGEWEZEN, True)
    assert client.get(reverse("bezoek_detail", args=[bezoek.pk])).status_code == 404


def test_an_answered_visit_keeps_its_answer(world: World) -> None:
    bezoek = _invited(world)
    assert services.answer_bezoek(bezoek=bezoek, aanvaard=True)
    assert not services.answer_bezoek(bezoek=bezoek, aanvaard=False)
    bezoek.refresh_from_db()
    assert bezoek.status == Status.AANVAARD


def test_the_owner_does_not_answer_for_the_visitor(client: Client, world: World) -> None:
    bezoek = _invited(world)
    _login(client, world.member)
    response = client.post(reverse("bezoek_antwoord", args=[bezoek.pk]), {"antwoord": "ja"})
    assert response.status_code == 403


def test_cancelling_withdraws_an_invitation_that_did_not_leave(world: World) -> None:
    bezoek = _invited(world)
    services.cancel_bezoek(bezoek=bezoek)
    bezoek.refresh_from_db()
    assert (bezoek.status, bezoek.ingetrokken) == (Status.GEANNULEERD, True)
    assert Bericht.objects.get(soort=Soort.KLASBEZOEK).status == PostStatus.INGETROKKEN
    assert not Bericht.objects.filter(soort=Soort.KLASBEZOEK_AF).exists()


def test_cancelling_after_the_invitation_left_sends_a_calendar_cancel(world: World) -> None:
    bezoek = _invited(world)
    Bericht.objects.filter(soort=Soort.KLASBEZOEK).update(status=PostStatus.VERSTUURD)
    services.cancel_bezoek(bezoek=bezoek)
    af = Bericht.objects.get(soort=Soort.KLASBEZOEK_AF)
    assert af.aan == world.colleague.email
    assert "METHOD:CANCEL" in af.bijlagen[0]["inhoud"]
    assert "STATUS:CANCELLED" in af.bijlagen[0]["inhoud"]


VISITOR_PAGES = [
    ("bezoek_detail", "get"),
    ("observeren", "get"),
    ("meegenomen", "get"),
    ("bezoek_antwoord", "post"),
    ("observatie_bewaar", "post"),
    ("nagesprek", "get"),
    ("bezoek_annuleren", "post"),
    ("bezoek_lezers", "post"),
]


@pytest.mark.parametrize(("name", "method"), VISITOR_PAGES)
def test_after_cancelling_every_page_of_the_visit_is_gone_for_the_visitor(
    client: Client, world: World, name: str, method: str
) -> None:
    bezoek = bezoek_bij_member(world)
    _login(client, world.colleague)
    client.post(
        reverse("observatie_bewaar", args=[bezoek.pk]),
        {
            "client_id": "8a0f6a59-4f9e-4c55-9d3a-0f0e6c1f7a11",
            "tekst": "x",
            "moment": "2030-01-01T10:00",
        },
    )
    services.cancel_bezoek(bezoek=bezoek)
    response = getattr(client, method)(reverse(name, args=[bezoek.pk]))
    assert response.status_code == 404


def test_after_cancelling_the_visitor_reads_nothing_not_even_their_own(world: World) -> None:
    bezoek = bezoek_bij_member(world, notities_audience=BezoekAudience.WIJ_TWEE)
    Observatie.objects.create(
        bezoek=bezoek, author=world.colleague, tekst="zag iets", moment=timezone.now()
    )
    Meegenomen.objects.create(bezoek=bezoek, author=world.colleague, tekst="neem mee")
    Nagesprek.objects.create(bezoek=bezoek, author=world.member, wat_zag_je="gesprek")
    services.cancel_bezoek(bezoek=bezoek)
    for model in (Observatie, Meegenomen, Nagesprek):
        assert not model.objects.visible_to(world.colleague).exists()
    assert Observatie.objects.visible_to(world.member).count() == 1
    assert Nagesprek.objects.visible_to(world.member).count() == 1


def test_the_owner_still_opens_a_cancelled_visit(client: Client, world: World) -> None:
    bezoek = bezoek_bij_member(world)
    services.cancel_bezoek(bezoek=bezoek)
    _login(client, world.member)
    assert client.get(reverse("bezoek_detail", args=[bezoek.pk])).status_code == 200


def test_a_cancelled_visit_is_not_among_the_visits_i_make(client: Client, world: World) -> None:
    bezoek = bezoek_bij_member(world, klas="Zonnebloemklas")
    _login(client, world.colleague)
    assert "Zonnebloemklas" in client.get(reverse("mijn_klasbezoeken")).content.decode()
    services.cancel_bezoek(bezoek=bezoek)
    assert "Zonnebloemklas" not in client.get(reverse("mijn_klasbezoeken")).content.decode()


def test_the_owner_sees_how_the_invitation_went_and_may_send_it_again(
    client: Client, world: World
) -> None:
    bezoek = _invited(world)
    Bericht.objects.filter(soort=Soort.KLASBEZOEK).update(status=PostStatus.MISLUKT)
    _login(client, world.member)
    page = client.get(reverse("bezoek_detail", args=[bezoek.pk])).content.decode()
    assert "Uitnodigingen voor een klasbezoek" in page
    bericht = Bericht.objects.get(soort=Soort.KLASBEZOEK)
    client.post(reverse("bericht_opnieuw"), {"bericht": str(bericht.pk)})
    bericht.refresh_from_db()
    assert bericht.status == PostStatus.WACHT


def test_the_visitor_sees_no_mail_status(client: Client, world: World) -> None:
    bezoek = _invited(world)
    _login(client, world.colleague)
    page = client.get(reverse("bezoek_detail", args=[bezoek.pk])).content.decode()
    assert "Uitnodigingen voor een klasbezoek" not in page


def test_a_cancelled_visits_invitation_is_not_sent_again(world: World) -> None:
    from plg.post.services import retry_berichten

    bezoek = _invited(world)
    Bericht.objects.filter(soort=Soort.KLASBEZOEK).update(status=PostStatus.MISLUKT)
    Klasbezoek.objects.filter(pk=bezoek.pk).update(status=Status.GEANNULEERD, ingetrokken=True)
    assert retry_berichten(Bericht.objects.all(), door=world.member) == (0, 1)
