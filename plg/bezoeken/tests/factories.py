"""Class visits, kijkwijzers and buddy pairs for tests."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone
from factory.declarations import LazyAttribute, LazyFunction, Sequence, SubFactory
from factory.django import DjangoModelFactory

from conftest import World
from plg.accounts.models import User
from plg.accounts.tests.factories import UserFactory
from plg.bezoeken.models import Buddykoppel, Kijkwijzer, KijkwijzerItem, Klasbezoek, Status
from plg.organisations.models import Scholengemeenschap


class KlasbezoekFactory(DjangoModelFactory[Klasbezoek]):
    """An accepted visit, in three days, in the observed teacher's first school."""

    class Meta:
        model = Klasbezoek

    geobserveerde = SubFactory(UserFactory)
    bezoeker = SubFactory(UserFactory)
    school = LazyAttribute(lambda o: o.geobserveerde.aanstellingen.first().school)
    begin = LazyFunction(lambda: timezone.now() + timedelta(days=3))
    einde = LazyAttribute(lambda o: o.begin + timedelta(minutes=50))
    klas = "3B"
    les = "Wiskunde"
    status = Status.AANVAARD


class GedaanBezoekFactory(KlasbezoekFactory):
    """A visit that took place yesterday: what the school's counts count."""

    begin = LazyFunction(lambda: timezone.now() - timedelta(days=1))


class KijkwijzerFactory(DjangoModelFactory[Kijkwijzer]):
    class Meta:
        model = Kijkwijzer

    eigenaar = SubFactory(UserFactory)
    titel = Sequence(lambda n: f"Kijkwijzer {n}")

    @classmethod
    def _create(cls, model_class: type[Kijkwijzer], *args: Any, **kwargs: Any) -> Kijkwijzer:
        kijkwijzer = model_class.objects.create(*args, **kwargs)
        KijkwijzerItem.objects.bulk_create(
            KijkwijzerItem(kijkwijzer=kijkwijzer, volgorde=i, tekst=tekst)
            for i, tekst in enumerate(
                ["Leerlingen stellen elkaar vragen.", "Leerlingen leggen uit hoe ze werkten."]
            )
        )
        return kijkwijzer


def bezoek_bij_member(world: World, **kwargs: Any) -> Klasbezoek:
    """The member (of the world's PLG) has the colleague (not in the PLG) in class."""
    defaults: dict[str, Any] = {
        "geobserveerde": world.member,
        "bezoeker": world.colleague,
        "school": world.school,
        "plg": world.plg,
    }
    return KlasbezoekFactory.create(**(defaults | kwargs))


def buddykoppel(sg: Scholengemeenschap, schooljaar: str, *leden: User) -> Buddykoppel:
    koppel = Buddykoppel.objects.create(scholengemeenschap=sg, schooljaar=schooljaar)
    koppel.leden.set(leden)
    return koppel
