"""Blitsbezoeken, co-teaching series and buddy sign-ups, for tests."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from factory.declarations import LazyFunction, SubFactory
from factory.django import DjangoModelFactory

from plg.accounts.tests.factories import UserFactory
from plg.bezoeken.models import Buddyvoorkeur, CoTeachingReeks, Klasbezoek, Soort, Status
from plg.organisations.tests.factories import SchoolFactory


class BlitsbezoekFactory(DjangoModelFactory[Klasbezoek]):
    """A blitsbezoek of a quarter of an hour that began an hour ago, accepted."""

    class Meta:
        model = Klasbezoek

    soort = Soort.BLITS
    geobserveerde = SubFactory(UserFactory)
    bezoeker = SubFactory(UserFactory)
    school = SubFactory(SchoolFactory)
    begin = LazyFunction(lambda: timezone.now() - timedelta(hours=1))
    einde = LazyFunction(lambda: timezone.now() - timedelta(minutes=45))
    klas = "3B"
    status = Status.AANVAARD


class CoTeachingReeksFactory(DjangoModelFactory[CoTeachingReeks]):
    class Meta:
        model = CoTeachingReeks

    eigenaar = SubFactory(UserFactory)
    partner = SubFactory(UserFactory)
    school = SubFactory(SchoolFactory)
    titel = "Samen lezen"
    klas = "2A"


class BuddyvoorkeurFactory(DjangoModelFactory[Buddyvoorkeur]):
    class Meta:
        model = Buddyvoorkeur

    user = SubFactory(UserFactory)
    school = SubFactory(SchoolFactory)
    schooljaar = LazyFunction(lambda: _dit_schooljaar())


def _dit_schooljaar() -> str:
    from plg.bezoeken.schooljaar import schooljaar_van

    return schooljaar_van(timezone.localdate())
