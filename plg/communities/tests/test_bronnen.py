"""The resources a PLG found, each with the leervraag it helped answer."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, World
from plg.communities.models import Bron
from plg.meetings.tests.lfl import met_leervraag


def _login(client: Client, world: World, persona: str) -> None:
    assert client.login(username=world.persona(persona).email, password=PASSWORD)


def _bron(world: World, **kwargs: str) -> Bron:
    values = {"titel": "Feedback in de klas", "beschrijving": "Boek", "waarom": "Het hielp"}
    return Bron.objects.create(plg=world.plg, added_by=world.member, **values | kwargs)


def test_a_member_keeps_a_bron_with_the_chosen_leervraag(client: Client, world: World) -> None:
    leervraag = met_leervraag(world, "Waarom helpt feedback sommige leerlingen niet?")
    _login(client, world, "member")
    client.post(
        reverse("bronnen", args=[world.plg.pk]),
        {
            "leervraag": leervraag.pk,
            "titel": "Visible learning",
            "link": "https://voorbeeld.example/feedback",
            "waarom": "Het toonde ons wanneer feedback werkt.",
        },
    )
    bron = Bron.objects.get()
    assert bron.leervraag == leervraag
    assert bron.added_by == world.member


def test_the_form_starts_on_the_chosen_leervraag(client: Client, world: World) -> None:
    leervraag = met_leervraag(world, "Waarom helpt feedback sommige leerlingen niet?")
    _login(client, world, "member")
    response = client.get(reverse("bronnen", args=[world.plg.pk]))
    assert response.context["form"].initial["leervraag"] == leervraag.pk


def test_a_bron_without_link_or_description_is_refused_naming_the_field(
    client: Client, world: World
) -> None:
    _login(client, world, "member")
    response = client.post(
        reverse("bronnen", args=[world.plg.pk]),
        {"titel": "Iets dat ik las", "waarom": "Het zette me aan het denken"},
    )
    page = response.content.decode()
    assert "Beschrijving" in page
    assert "Geef een link of beschrijf waar we deze bron vinden." in page
    assert "Iets dat ik las" in page
    assert not Bron.objects.exists()


def test_a_member_cannot_remove_someone_elses_bron(client: Client, world: World) -> None:
    bron = Bron.objects.create(
        plg=world.plg, titel="t", beschrijving="b", waarom="w", added_by=world.coach
    )
    _login(client, world, "member")
    response = client.post(reverse("bron_verwijderen", args=[world.plg.pk, bron.pk]))
    assert response.status_code == 403
    assert Bron.objects.exists()


def test_the_archive_shows_the_bronnen_with_their_leervraag(client: Client, world: World) -> None:
    leervraag = met_leervraag(world, "Waarom helpt feedback sommige leerlingen niet?")
    _bron(world, titel="Het feedbackboek", waarom="Drie soorten feedback")
    Bron.objects.update(leervraag=leervraag)
    _login(client, world, "member")
    page = client.get(reverse("archief", args=[world.plg.pk])).content.decode()
    section = page[page.index('id="archief-bronnen"') :]
    assert "Het feedbackboek" in section
    assert "Drie soorten feedback" in section
    assert "Bij de leervraag: Waarom helpt feedback sommige leerlingen niet?" in section
