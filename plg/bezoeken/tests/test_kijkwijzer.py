"""The kijkwijzer builder: from a PLG's leervraag or one's own, a few kijkpunten at most."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, World
from plg.bezoeken import services
from plg.bezoeken.models import MAX_KIJKWIJZER_ITEMS, Kijkwijzer, KijkwijzerItem
from plg.bezoeken.tests.factories import KijkwijzerFactory
from plg.bezoeken.voorbeelden import VOORBEELDEN
from plg.communities.models import Leervraag

RATING = re.compile(r"\b(goed|slecht|zwak|sterk|score|punten|beoordeel|voldoende)\w*", re.I)


def test_the_examples_describe_pupils_and_rate_nobody() -> None:
    for voorbeeld in VOORBEELDEN:
        assert 3 <= len(voorbeeld.kijkpunten) <= 4
        for punt in voorbeeld.kijkpunten:
            assert str(punt).startswith("Leerlingen")
            assert not RATING.search(str(punt)), punt


def test_a_plg_builds_one_from_its_leervraag_and_an_example(client: Client, world: World) -> None:
    leervraag = Leervraag.objects.create(
        plg=world.plg, created_by=world.coach, current_text="Hoe maken we huiswerk zinvol?"
    )
    world.plg.gekozen_leervraag = leervraag
    world.plg.save()
    assert client.login(username=world.member.email, password=PASSWORD)
    page = client.get(reverse("plg_kijkwijzer_nieuw", args=[world.plg.pk])).content.decode()
    assert "Hoe maken we huiswerk zinvol?" in page
    client.post(
        reverse("plg_kijkwijzer_nieuw", args=[world.plg.pk]),
        {"titel": "Huiswerk", "voorbeeld": "samen", "kijkpunten": ""},
    )
    kijkwijzer = Kijkwijzer.objects.get()
    assert (kijkwijzer.plg, kijkwijzer.leervraag) == (world.plg, leervraag)
    assert kijkwijzer.items.count() == 4


def test_a_teacher_without_plg_builds_their_own(client: Client, world: World) -> None:
    assert client.login(username=world.colleague.email, password=PASSWORD)
    client.post(
        reverse("kijkwijzer_nieuw"),
        {"titel": "Mijn blik", "kijkpunten": "Leerlingen wijzen\n\nLeerlingen tekenen\n"},
    )
    kijkwijzer = Kijkwijzer.objects.get()
    assert kijkwijzer.plg is None and kijkwijzer.eigenaar == world.colleague
    assert [i.tekst for i in kijkwijzer.items.all()] == ["Leerlingen wijzen", "Leerlingen tekenen"]


def test_a_kijkwijzer_of_200_items_gets_a_clear_message(client: Client, world: World) -> None:
    assert client.login(username=world.member.email, password=PASSWORD)
    lines = "\n".join(f"Leerlingen doen ding {i}" for i in range(200))
    response = client.post(reverse("kijkwijzer_nieuw"), {"titel": "Alles", "kijkpunten": lines})
    page = response.content.decode()
    assert response.status_code == 422
    assert f"hoogstens {MAX_KIJKWIJZER_ITEMS} kijkpunten; dit zijn er 200" in page
    assert "Kijkpunten, één per regel" in page
    assert "Leerlingen doen ding 199" in page
    assert not Kijkwijzer.objects.exists()


def test_no_kijkpunt_is_added_beyond_the_maximum(client: Client, world: World) -> None:
    kijkwijzer = services.create_kijkwijzer(
        eigenaar=world.member,
        titel="Vol",
        kijkpunten=[f"Leerlingen {i}" for i in range(MAX_KIJKWIJZER_ITEMS)],
    )
    assert client.login(username=world.member.email, password=PASSWORD)
    response = client.post(
        reverse("kijkpunt_nieuw_hx", args=[kijkwijzer.pk]),
        {"tekst": "Nog een"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 422
    assert "hoogstens" in response.content.decode()
    assert kijkwijzer.items.count() == MAX_KIJKWIJZER_ITEMS


def test_a_kijkpunt_is_added_moved_rewritten_and_removed(client: Client, world: World) -> None:
    kijkwijzer = KijkwijzerFactory.create(eigenaar=world.member)
    assert client.login(username=world.member.email, password=PASSWORD)
    client.post(reverse("kijkpunt_nieuw_hx", args=[kijkwijzer.pk]), {"tekst": "Leerlingen lachen"})
    derde = kijkwijzer.items.get(tekst="Leerlingen lachen")
    client.post(reverse("kijkpunt_hx", args=[kijkwijzer.pk, derde.pk, "op"]))
    assert [i.tekst for i in kijkwijzer.items.all()][1] == "Leerlingen lachen"
    client.post(
        reverse("kijkpunt_hx", args=[kijkwijzer.pk, derde.pk, "tekst"]),
        {"tekst": "Leerlingen lachen samen"},
    )
    client.post(reverse("kijkpunt_hx", args=[kijkwijzer.pk, kijkwijzer.items.first().pk, "weg"]))  # type: ignore[union-attr]
    assert [i.tekst for i in kijkwijzer.items.all()] == [
        "Leerlingen lachen samen",
        "Leerlingen leggen uit hoe ze werkten.",
    ]


def test_the_fragment_answers_htmx(client: Client, world: World) -> None:
    kijkwijzer = KijkwijzerFactory.create(eigenaar=world.member)
    item = kijkwijzer.items.last()
    assert item is not None
    assert client.login(username=world.member.email, password=PASSWORD)
    response = client.post(
        reverse("kijkpunt_hx", args=[kijkwijzer.pk, item.pk, "op"]), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert "<html" not in response.content.decode()


@pytest.mark.parametrize("persona", ["coach", "colleague", "leader"])
def test_a_personal_kijkwijzer_is_its_owners_alone(
    client: Client, world: World, persona: str
) -> None:
    kijkwijzer = KijkwijzerFactory.create(eigenaar=world.member)
    assert client.login(username=world.persona(persona).email, password=PASSWORD)
    assert client.get(reverse("kijkwijzer_detail", args=[kijkwijzer.pk])).status_code == 404
    assert KijkwijzerItem.objects.filter(kijkwijzer=kijkwijzer).count() == 2
