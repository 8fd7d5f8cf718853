"""Library entries for the search tests: published unless told otherwise."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from factory.declarations import LazyFunction, Sequence
from factory.django import DjangoModelFactory

from plg.bibliotheek.models import Bibliotheekitem, Onderwijsniveau, Zichtbaarheid


class BibliotheekitemFactory(DjangoModelFactory[Bibliotheekitem]):
    class Meta:
        model = Bibliotheekitem

    slug = Sequence(lambda n: f"item-{n}")
    titel = Sequence(lambda n: f"Een PLG {n}")
    onderwijsniveau = Onderwijsniveau.BASIS
    schooljaar = "2024-2025"
    leervraag = "Waarom doen we wat we doen?"
    zichtbaarheid = Zichtbaarheid.IEDEREEN
    published_at = LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))
