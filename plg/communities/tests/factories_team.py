"""What a PLG writes for the people around it, for tests: shared with the whole team unless
told otherwise."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from factory.declarations import LazyFunction, SelfAttribute, Sequence, SubFactory
from factory.django import DjangoModelFactory

from plg.communities.models import Actieplan, Afronding, Mijlpaal, Notitie
from plg.communities.sharing import Audience
from plg.communities.tests.factories import PLGFactory


class MijlpaalFactory(DjangoModelFactory[Mijlpaal]):
    class Meta:
        model = Mijlpaal

    plg = SubFactory(PLGFactory)
    author = SelfAttribute("plg.created_by")
    audience = Audience.TEAM
    title = Sequence(lambda n: f"Mijlpaal {n}")
    due_date = LazyFunction(lambda: timezone.localdate() - timedelta(days=3))


class NotitieFactory(DjangoModelFactory[Notitie]):
    class Meta:
        model = Notitie

    plg = SubFactory(PLGFactory)
    author = SelfAttribute("plg.created_by")
    audience = Audience.TEAM
    text = Sequence(lambda n: f"Notitie {n}")


class ActieplanFactory(DjangoModelFactory[Actieplan]):
    class Meta:
        model = Actieplan

    plg = SubFactory(PLGFactory)
    author = SelfAttribute("plg.created_by")
    audience = Audience.TEAM
    target_date = LazyFunction(lambda: timezone.localdate() + timedelta(days=90))
    gewenste_verandering = "Leerlingen kiezen zelf hun boek."


class AfrondingFactory(DjangoModelFactory[Afronding]):
    class Meta:
        model = Afronding

    plg = SubFactory(PLGFactory)
    author = SelfAttribute("plg.created_by")
    audience = Audience.TEAM
    voorstel = "Elke klas leest elke dag een kwartier vrij."
