"""The library search: what it finds, for whom, and how the index follows the entries."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from conftest import World
from plg.accounts.models import User
from plg.bibliotheek.models import Bibliotheekitem, Zichtbaarheid, Zoekterm
from plg.bibliotheek.templatetags.bibliotheek_zoeken import markeer
from plg.bibliotheek.tests.factories import BibliotheekitemFactory
from plg.bibliotheek.zoeken import Filters, zoek
from plg.bibliotheek.zoeken.index import herindexeer
from plg.organisations.models import Functie
from plg.organisations.tests.factories import AanstellingFactory


def _slugs(vraag: str, lezer: User | None, filters: Filters | None = None) -> list[str]:
    return [t.item.slug for t in zoek(vraag, lezer=lezer, filters=filters)]


def _netwerkitem(world: World) -> Bibliotheekitem:
    return BibliotheekitemFactory.create(
        slug="netwerk-huiswerk",
        leervraag="Wat leren kinderen van huiswerk?",
        zichtbaarheid=Zichtbaarheid.NETWERK,
        network=world.network,
    )


def _elders() -> User:
    return AanstellingFactory.create(functie=Functie.LERAAR).user


def test_an_entry_for_the_network_is_found_by_someone_of_that_network(world: World) -> None:
    _netwerkitem(world)
    assert _slugs("huiswerk", world.outsider) == ["netwerk-huiswerk"]


def test_an_entry_for_the_network_is_not_found_from_another_network(world: World) -> None:
    _netwerkitem(world)
    assert _slugs("huiswerk", _elders()) == []


def test_an_entry_for_the_network_is_not_found_from_the_command_line(world: World) -> None:
    _netwerkitem(world)
    assert _slugs("huiswerk", None) == []


def test_an_entry_for_everyone_is_found_from_another_network(db: None) -> None:
    BibliotheekitemFactory.create(slug="voor-iedereen", leervraag="Waarom huiswerk?")
    assert _slugs("huiswerk", _elders()) == ["voor-iedereen"]


def test_a_withdrawn_entry_is_no_longer_found(db: None) -> None:
    item = BibliotheekitemFactory.create(leervraag="Waarom huiswerk?")
    item.withdrawn_at = timezone.now()
    item.save()
    assert _slugs("huiswerk", None) == []


def test_a_withdrawn_entry_leaves_the_index(db: None) -> None:
    item = BibliotheekitemFactory.create(leervraag="Waarom huiswerk?")
    item.withdrawn_at = timezone.now()
    item.save()
    assert not Zoekterm.objects.filter(item=item).exists()


def test_an_unpublished_entry_is_not_indexed(db: None) -> None:
    item = BibliotheekitemFactory.create(leervraag="Waarom huiswerk?", published_at=None)
    assert not Zoekterm.objects.filter(item=item).exists()


def test_publishing_an_entry_makes_it_findable(db: None) -> None:
    item = BibliotheekitemFactory.create(leervraag="Waarom huiswerk?", published_at=None)
    item.published_at = timezone.now()
    item.save()
    assert _slugs("huiswerk", None) == [item.slug]


def test_an_edited_entry_is_found_by_its_new_words(db: None) -> None:
    item = BibliotheekitemFactory.create(titel="Rekenen", leervraag="Waarom rekenen?")
    item.titel = "Schrijfplezier"
    item.save()
    assert _slugs("schrijfplezier", None) == [item.slug]


def test_an_edited_entry_is_not_found_by_its_old_words(db: None) -> None:
    item = BibliotheekitemFactory.create(titel="Rekenen", leervraag="Waarom rekenen?")
    item.titel = "Schrijfplezier"
    item.leervraag = "Waarom schrijven?"
    item.save()
    assert _slugs("rekenen", None) == []


def test_rebuilding_the_index_finds_entries_written_around_it(db: None) -> None:
    item = BibliotheekitemFactory.create(leervraag="Waarom huiswerk?")
    Zoekterm.objects.all().delete()
    herindexeer()
    assert _slugs("huiswerk", None) == [item.slug]


def test_an_entry_answering_every_word_ranks_above_one_answering_some(db: None) -> None:
    BibliotheekitemFactory.create(slug="alleen-lezen", leervraag="Waarom lezen ze weinig?")
    BibliotheekitemFactory.create(slug="lezen-kleuters", leervraag="Lezen met kleuters?")
    assert _slugs("lezen kleuters", None)[0] == "lezen-kleuters"


def test_the_title_weighs_more_than_the_action_plan(db: None) -> None:
    BibliotheekitemFactory.create(slug="in-plan", actieplan="We lezen over feedback.")
    BibliotheekitemFactory.create(slug="in-titel", titel="Feedback die werkt")
    assert _slugs("feedback", None) == ["in-titel", "in-plan"]


def test_the_found_words_are_the_words_as_the_entry_writes_them(db: None) -> None:
    BibliotheekitemFactory.create(leervraag="Hoe maken we huistaken zinvol?")
    assert zoek("huiswerk", lezer=None)[0].woorden == ("huistaken",)


def test_the_level_filter_keeps_only_that_level(db: None) -> None:
    BibliotheekitemFactory.create(slug="kleuter", onderwijsniveau="kleuter", leervraag="Taal?")
    BibliotheekitemFactory.create(slug="lager", onderwijsniveau="basis", leervraag="Taal?")
    assert _slugs("taal", None, Filters(onderwijsniveau="kleuter")) == ["kleuter"]


def test_the_theme_filter_ignores_case_and_accents(db: None) -> None:
    BibliotheekitemFactory.create(slug="met", themas=["Coöperatief leren"], leervraag="Taal?")
    BibliotheekitemFactory.create(slug="zonder", themas=["Lezen"], leervraag="Taal?")
    assert _slugs("taal", None, Filters(thema="cooperatief LEREN")) == ["met"]


def test_the_year_filter_keeps_only_that_school_year(db: None) -> None:
    BibliotheekitemFactory.create(slug="oud", schooljaar="2022-2023", leervraag="Taal?")
    BibliotheekitemFactory.create(slug="nieuw", schooljaar="2024-2025", leervraag="Taal?")
    assert _slugs("taal", None, Filters(schooljaar="2022-2023")) == ["oud"]


def test_the_werkvorm_filter_keeps_entries_that_used_it(db: None) -> None:
    BibliotheekitemFactory.create(slug="met", werkvormen=["kandoe"], leervraag="Taal?")
    BibliotheekitemFactory.create(slug="zonder", werkvormen=["swot"], leervraag="Taal?")
    assert _slugs("taal", None, Filters(werkvorm="kandoe")) == ["met"]


def test_filters_without_a_question_list_the_newest_first(db: None) -> None:
    oud = BibliotheekitemFactory.create(published_at=timezone.now() - dt.timedelta(days=9))
    nieuw = BibliotheekitemFactory.create()
    assert _slugs("", None) == [nieuw.slug, oud.slug]


def test_a_question_of_only_little_words_lists_the_library(db: None) -> None:
    item = BibliotheekitemFactory.create()
    assert _slugs("hoe en waarom", None) == [item.slug]


def test_a_word_nobody_wrote_finds_nothing(db: None) -> None:
    BibliotheekitemFactory.create(leervraag="Waarom huiswerk?")
    assert _slugs("fietsenstalling", None) == []


def test_the_limit_caps_the_results(db: None) -> None:
    for _ in range(4):
        BibliotheekitemFactory.create(leervraag="Waarom huiswerk?")
    assert len(zoek("huiswerk", lezer=None, limiet=2)) == 2


def test_marking_escapes_the_text_around_the_found_words() -> None:
    assert markeer("<b>huiswerk</b> thuis", ("huiswerk",)) == (
        "&lt;b&gt;<mark>huiswerk</mark>&lt;/b&gt; thuis"
    )


def test_marking_leaves_a_word_inside_another_word_alone() -> None:
    assert markeer("huiswerkbeleid", ("huiswerk",)) == "huiswerkbeleid"


def test_the_index_narrows_to_exactly_what_the_visibility_rule_allows(world: World) -> None:
    """The candidates read from the index rows agree with `zichtbaar_voor`, for everyone."""
    from plg.bibliotheek.zoeken.zoek import _in_index
    from plg.organisations.tests.factories import NetworkFactory

    BibliotheekitemFactory.create()
    BibliotheekitemFactory.create(zichtbaarheid=Zichtbaarheid.NETWERK, network=world.network)
    BibliotheekitemFactory.create(
        zichtbaarheid=Zichtbaarheid.NETWERK, network=NetworkFactory.create()
    )
    BibliotheekitemFactory.create(withdrawn_at=timezone.now())
    lezers: list[User | None] = [None, _elders(), *world.personas().values()]
    for lezer in lezers:
        uit_index = set(
            Zoekterm.objects.filter(_in_index(lezer, Filters())).values_list("item_id", flat=True)
        )
        volgens_regel = set(
            Bibliotheekitem.objects.zichtbaar_voor(lezer).values_list("pk", flat=True)
        )
        assert uit_index == volgens_regel, lezer


def test_term_counts_kept_on_every_save_equal_a_rebuild(db: None) -> None:
    from plg.bibliotheek.models import Zoekwoord

    eerste = BibliotheekitemFactory.create(leervraag="Waarom huiswerk?")
    tweede = BibliotheekitemFactory.create(leervraag="Huiswerk en lezen?")
    eerste.leervraag = "Waarom lezen?"
    eerste.save()
    tweede.withdrawn_at = timezone.now()
    tweede.save()
    bijgehouden = {w.term: w.aantal for w in Zoekwoord.objects.filter(aantal__gt=0)}
    herindexeer()
    assert bijgehouden == {w.term: w.aantal for w in Zoekwoord.objects.all()}


def test_the_index_command_rebuilds_what_was_written_around_save(db: None) -> None:
    from io import StringIO

    from django.core.management import call_command

    item = BibliotheekitemFactory.create(leervraag="Waarom huiswerk?")
    Zoekterm.objects.all().delete()
    call_command("zoekindex", stdout=StringIO())
    assert _slugs("huiswerk", None) == [item.slug]
