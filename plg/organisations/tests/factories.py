"""Networks, scholengemeenschappen, schools and people's places in them, for tests."""

from __future__ import annotations

from factory.declarations import Sequence, SubFactory
from factory.django import DjangoModelFactory

from plg.accounts.tests.factories import UserFactory
from plg.organisations.models import Aanstelling, Functie, Network, Scholengemeenschap, School


class NetworkFactory(DjangoModelFactory[Network]):
    class Meta:
        model = Network

    name = Sequence(lambda n: f"Netwerk {n}")


class ScholengemeenschapFactory(DjangoModelFactory[Scholengemeenschap]):
    class Meta:
        model = Scholengemeenschap

    network = SubFactory(NetworkFactory)
    name = Sequence(lambda n: f"SG {n}")


class SchoolFactory(DjangoModelFactory[School]):
    class Meta:
        model = School

    scholengemeenschap = SubFactory(ScholengemeenschapFactory)
    name = Sequence(lambda n: f"School {n}")


class AanstellingFactory(DjangoModelFactory[Aanstelling]):
    """``AanstellingFactory.create(user__email=..., school=..., functie=...).user``: a person
    with a place in a school."""

    class Meta:
        model = Aanstelling

    user = SubFactory(UserFactory)
    school = SubFactory(SchoolFactory)
    functie = Functie.LERAAR
