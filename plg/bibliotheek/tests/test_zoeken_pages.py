"""The library page, its results as you type, and "anderen zochten al naar …"."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.bibliotheek.models import Zichtbaarheid
from plg.bibliotheek.tests.factories import BibliotheekitemFactory
from plg.organisations.models import Functie
from plg.organisations.tests.factories import AanstellingFactory


def _als(client: Client, user: User) -> Client:
    client.login(username=user.email, password=PASSWORD)
    return client


def _huiswerk(world: World, **kwargs: object) -> None:
    BibliotheekitemFactory.create(
        slug="huistaken",
        titel="Huistaken met zin",
        leervraag="Wat leren onze leerlingen van huistaken?",
        **kwargs,
    )


def test_the_library_page_marks_the_found_words(client: Client, world: World) -> None:
    _huiswerk(world)
    page = _als(client, world.member).get(reverse("bibliotheek"), {"q": "huiswerk"})
    assert "<mark>Huistaken</mark> met zin" in page.content.decode()


def test_the_library_page_links_each_result_to_its_entry(client: Client, world: World) -> None:
    _huiswerk(world)
    page = _als(client, world.member).get(reverse("bibliotheek"), {"q": "huiswerk"})
    assert reverse("bibliotheekitem", args=["huistaken"]) in page.content.decode()


def test_results_as_you_type_come_without_the_page_around_them(
    client: Client, world: World
) -> None:
    _huiswerk(world)
    fragment = _als(client, world.member).get(reverse("bibliotheek_hx"), {"q": "huiswerk"})
    html = fragment.content.decode()
    assert 'id="treffers"' in html and "<html" not in html


def test_the_library_page_hides_a_network_entry_from_another_network(
    client: Client, world: World
) -> None:
    _huiswerk(world, zichtbaarheid=Zichtbaarheid.NETWERK, network=world.network)
    elders = AanstellingFactory.create(functie=Functie.LERAAR).user
    page = _als(client, elders).get(reverse("bibliotheek"), {"q": "huiswerk"})
    assert "Huistaken" not in page.content.decode()


def test_a_filter_value_that_does_not_exist_narrows_nothing(client: Client, world: World) -> None:
    _huiswerk(world)
    page = _als(client, world.member).get(
        reverse("bibliotheek"), {"q": "huiswerk", "onderwijsniveau": "universiteit"}
    )
    assert "Huistaken" in page.content.decode()


def test_the_filters_offer_the_themes_of_the_entries(client: Client, world: World) -> None:
    _huiswerk(world, themas=["Huiswerkbeleid"])
    page = _als(client, world.member).get(reverse("bibliotheek"))
    assert '<option value="huiswerkbeleid">Huiswerkbeleid</option>' in page.content.decode()


def test_similar_entries_show_while_writing_a_leervraag(client: Client, world: World) -> None:
    _huiswerk(world)
    hint = _als(client, world.member).get(
        reverse("bibliotheek_verwant_hx"), {"text": "Waarom geven we huiswerk in het vierde?"}
    )
    assert "Huistaken met zin" in hint.content.decode()


def test_similar_entries_leave_out_what_the_writer_may_not_read(
    client: Client, world: World
) -> None:
    _huiswerk(world, zichtbaarheid=Zichtbaarheid.NETWERK, network=world.network)
    elders = AanstellingFactory.create(functie=Functie.LERAAR).user
    hint = _als(client, elders).get(
        reverse("bibliotheek_verwant_hx"), {"text": "Waarom geven we huiswerk in het vierde?"}
    )
    assert "Huistaken" not in hint.content.decode()


def test_similar_entries_wait_for_more_than_one_word(client: Client, world: World) -> None:
    _huiswerk(world)
    hint = _als(client, world.member).get(reverse("bibliotheek_verwant_hx"), {"text": "huiswerk"})
    assert hint.content.decode().strip() == ""


def test_the_leervraag_workshop_asks_for_similar_entries(client: Client, world: World) -> None:
    page = _als(client, world.member).get(reverse("leervragen", args=[world.plg.pk]))
    assert reverse("bibliotheek_verwant_hx") in page.content.decode()


def test_an_entry_the_reader_may_not_read_is_not_found_by_its_address(
    client: Client, world: World
) -> None:
    _huiswerk(world, zichtbaarheid=Zichtbaarheid.NETWERK, network=world.network)
    elders = AanstellingFactory.create(functie=Functie.LERAAR).user
    page = _als(client, elders).get(reverse("bibliotheekitem", args=["huistaken"]))
    assert page.status_code == 404


def test_results_as_you_type_follow_the_theme_chosen(client: Client, world: World) -> None:
    _huiswerk(world, themas=["Huiswerkbeleid"])
    BibliotheekitemFactory.create(titel="Huiswerk in de kleuterklas", themas=["Taal"])
    fragment = _als(client, world.member).get(
        reverse("bibliotheek_hx"), {"q": "huiswerk", "thema": "huiswerkbeleid"}
    )
    html = fragment.content.decode()
    assert "/bibliotheek/item/huistaken/" in html and "kleuterklas" not in html


def test_an_empty_library_says_how_entries_get_there(client: Client, world: World) -> None:
    page = _als(client, world.member).get(reverse("bibliotheek"))
    assert "Een PLG die afrondt, kan haar pad hier delen." in page.content.decode()
