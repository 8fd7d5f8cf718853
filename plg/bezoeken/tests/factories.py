"""Class visits, kijkwijzers and buddy pairs for tests."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from factory.declarations import LazyAttribute, LazyFunction, Sequence, SubFactory
from factory.django import DjangoModelFactory

from plg.accounts.models import User
from plg.accounts.tests.factories import UserFactory
from plg.bezoeken.models import Buddykoppel, Kijkwijzer, Klasbezoek, Soort, Status
from plg.organisations.models import Scholengemeenschap
from plg.organisations.tests.factories import SchoolFactory


class KijkwijzerFactory(DjangoModelFactory[Kijkwijzer]):
    class Meta:
        model = Kijkwijzer

    eigenaar = SubFactory(UserFactory)
    titel = Sequence(lambda n: f"Kijkwijzer {n}")


class KlasbezoekFactory(DjangoModelFactory[Klasbezoek]):
    """A visit that took place yesterday (accepted, not cancelled)."""

    class Meta:
        model = Klasbezoek

    soort = Soort.KLASBEZOEK
    geobserveerde = SubFactory(UserFactory)
    bezoeker = SubFactory(UserFactory)
    school = SubFactory(SchoolFactory)
    begin = LazyFunction(lambda: timezone.now() - timedelta(days=1))
    einde = LazyAttribute(lambda o: o.begin + timedelta(minutes=50))
    status = Status.AANVAARD


def buddykoppel(sg: Scholengemeenschap, schooljaar: str, *leden: User) -> Buddykoppel:
    koppel = Buddykoppel.objects.create(scholengemeenschap=sg, schooljaar=schooljaar)
    koppel.leden.set(leden)
    return koppel
