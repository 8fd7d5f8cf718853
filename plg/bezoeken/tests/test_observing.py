"""Notes posted from the phone's queue: saved once per client_id, refused with reasons."""

from __future__ import annotations

import uuid

from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, World
from plg.bezoeken.models import Observatie, Status
from plg.bezoeken.tests.factories import KijkwijzerFactory, bezoek_bij_member


def _note(**kwargs: str) -> dict[str, str]:
    return {
        "client_id": str(uuid.uuid4()),
        "tekst": "Ayla vraagt Tom hoe hij begon",
        "moment": "2030-01-07T10:12:00+01:00",
    } | kwargs


def test_a_note_is_saved_with_the_phones_moment(client: Client, world: World) -> None:
    bezoek = bezoek_bij_member(world)
    assert client.login(username=world.colleague.email, password=PASSWORD)
    response = client.post(reverse("observatie_bewaar", args=[bezoek.pk]), _note())
    observatie = Observatie.objects.get()
    assert response.status_code == 201
    assert (observatie.author, observatie.moment.minute) == (world.colleague, 12)


def test_a_retried_note_is_saved_once(client: Client, world: World) -> None:
    bezoek = bezoek_bij_member(world)
    assert client.login(username=world.colleague.email, password=PASSWORD)
    note = _note()
    first = client.post(reverse("observatie_bewaar", args=[bezoek.pk]), note)
    again = client.post(reverse("observatie_bewaar", args=[bezoek.pk]), note)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == {"client_id": note["client_id"], "nieuw": False}
    assert Observatie.objects.count() == 1


def test_a_note_may_name_an_item_of_the_visits_kijkwijzer(client: Client, world: World) -> None:
    kijkwijzer = KijkwijzerFactory.create(eigenaar=world.member)
    item = kijkwijzer.items.first()
    assert item is not None
    bezoek = bezoek_bij_member(world, kijkwijzer=kijkwijzer)
    assert client.login(username=world.colleague.email, password=PASSWORD)
    client.post(reverse("observatie_bewaar", args=[bezoek.pk]), _note(item=str(item.pk)))
    assert Observatie.objects.get().item == item


def test_an_item_of_another_kijkwijzer_is_refused(client: Client, world: World) -> None:
    other = KijkwijzerFactory.create(eigenaar=world.coach).items.first()
    assert other is not None
    bezoek = bezoek_bij_member(world, kijkwijzer=KijkwijzerFactory.create(eigenaar=world.member))
    assert client.login(username=world.colleague.email, password=PASSWORD)
    response = client.post(
        reverse("observatie_bewaar", args=[bezoek.pk]), _note(item=str(other.pk))
    )
    assert response.status_code == 400
    assert "item" in response.json()["fouten"]
    assert not Observatie.objects.exists()


def test_an_empty_note_is_refused_with_a_reason(client: Client, world: World) -> None:
    bezoek = bezoek_bij_member(world)
    assert client.login(username=world.colleague.email, password=PASSWORD)
    response = client.post(reverse("observatie_bewaar", args=[bezoek.pk]), _note(tekst=""))
    assert response.status_code == 400
    assert response.json()["fouten"]["tekst"]


def test_notes_wait_until_the_visit_is_accepted(client: Client, world: World) -> None:
    bezoek = bezoek_bij_member(world, status=Status.UITGENODIGD)
    assert client.login(username=world.colleague.email, password=PASSWORD)
    response = client.post(reverse("observatie_bewaar", args=[bezoek.pk]), _note())
    assert response.status_code == 409
    assert not Observatie.objects.exists()


def test_the_owner_does_not_post_notes_in_the_visitors_name(client: Client, world: World) -> None:
    bezoek = bezoek_bij_member(world)
    assert client.login(username=world.member.email, password=PASSWORD)
    response = client.post(reverse("observatie_bewaar", args=[bezoek.pk]), _note())
    assert response.status_code == 403


def test_the_phone_page_loads_its_script_from_our_files(client: Client, world: World) -> None:
    bezoek = bezoek_bij_member(world)
    assert client.login(username=world.colleague.email, password=PASSWORD)
    page = client.get(reverse("observeren", args=[bezoek.pk])).content.decode()
    assert 'src="/static/js/observeren.js"' in page
    assert "<script>" not in page
