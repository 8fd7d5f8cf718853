"""Library entries, for tests: published ones as an import makes them, and a closed PLG's."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from factory.declarations import LazyFunction, Sequence
from factory.django import DjangoModelFactory

from conftest import World
from plg.bibliotheek import services
from plg.bibliotheek.models import Bibliotheekitem, Onderwijsniveau, Zichtbaarheid
from plg.communities.models import Fase, Thema


class BibliotheekitemFactory(DjangoModelFactory[Bibliotheekitem]):
    """A published entry for everyone, without a PLG (as an imported package), in words that
    match no search of the tests unless a test gives it some."""

    class Meta:
        model = Bibliotheekitem

    slug = Sequence(lambda n: f"item-{n}")
    titel = Sequence(lambda n: f"Een PLG {n}")
    onderwijsniveau = Onderwijsniveau.BASIS
    schooljaar = "2024-2025"
    leervraag = "Waarom doen we wat we doen?"
    zichtbaarheid = Zichtbaarheid.IEDEREEN
    published_at = LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))


def close(world: World) -> None:
    """The world's PLG afgesloten, with a theme, as a group that finished its path."""
    if world.plg.is_archived and world.plg.themas.exists():
        return
    Thema.objects.create(plg=world.plg, title="Huiswerk", created_by=world.coach)
    world.plg.fase = Fase.AFGESLOTEN
    world.plg.closed_at = timezone.now()
    world.plg.save()


def concept(world: World, **velden: Any) -> Bibliotheekitem:
    """The closed PLG's draft entry (the one it has, when asked again), in words of its own:
    what the prefill takes from the PLG's records is the prefill's own tests' concern."""
    close(world)
    item = services.item_van(world.plg)
    if item is not None:
        return item
    data = {
        "titel": world.plg.name,
        "onderwijsniveau": "basis",
        "schooljaar": "2024-2025",
        "leervraag": "Hoe geven we huiswerk dat betekenis heeft?",
        "themas": ["huiswerk"],
        "zichtbaarheid": Zichtbaarheid.NETWERK,
    }
    return services.save_concept(plg=world.plg, velden=data | velden, met_namen=False)


def gepubliceerd(world: World, **velden: Any) -> Bibliotheekitem:
    item = concept(world, **velden)
    if not item.is_gepubliceerd:
        for user in (world.coach, world.member):
            services.stem_in(item=item, user=user)
        services.publish(item=item, plg=world.plg)
        item.refresh_from_db()
    return item
