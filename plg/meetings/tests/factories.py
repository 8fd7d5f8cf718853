"""Bijeenkomsten for tests."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone
from factory.declarations import LazyFunction, SubFactory
from factory.django import DjangoModelFactory

from plg.communities.tests.factories import PLGFactory
from plg.meetings import services
from plg.meetings.models import Bijeenkomst, Expertbezoek


class BijeenkomstFactory(DjangoModelFactory[Bijeenkomst]):
    """Planned as a coach plans one (``services.plan_bijeenkomst``): with the stramien's blokken,
    by default in three days."""

    class Meta:
        model = Bijeenkomst

    plg = SubFactory(PLGFactory)
    starts_at = LazyFunction(lambda: timezone.now() + timedelta(days=3))
    place = "Zaal"
    duration_minutes = 100

    @classmethod
    def _create(cls, model_class: type[Bijeenkomst], *args: Any, **kwargs: Any) -> Bijeenkomst:
        return services.plan_bijeenkomst(*args, **kwargs)


class ExpertbezoekFactory(DjangoModelFactory[Expertbezoek]):
    """A visit a week ahead with one question; give ``plg`` and ``created_by`` (its coach)."""

    class Meta:
        model = Expertbezoek

    naam = "Dr. Feedback"
    email = "expert@hogeschool.example"
    datum = LazyFunction(lambda: timezone.localdate() + timedelta(days=7))
    vragen = "Waarom werkt feedback?"
