"""More of everything the library's pages read, for the query-count test."""

from __future__ import annotations

from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from conftest import World
from plg.bibliotheek import services
from plg.bibliotheek.models import Zichtbaarheid
from plg.communities.models import Fase, Lidmaatschap, Thema
from plg.communities.sharing import Audience
from plg.meetings import services as meeting_services
from plg.meetings.models import Terugblik
from plg.methods.models import Werkvorm
from plg.organisations.tests.factories import AanstellingFactory


def grow(world: World, n: int) -> None:
    """n more members (each agreeing once there is a draft), bijeenkomsten with a werkvorm
    and a terugblik, themes, and attachments on the entry."""
    plg = world.plg
    werkvorm = Werkvorm.objects.filter(school__isnull=True).first()
    item = services.item_van(plg)
    for i in range(n):
        user = AanstellingFactory.create(school=world.school).user
        Lidmaatschap.objects.create(plg=plg, user=user)
        Thema.objects.create(plg=plg, title=f"t{i}", created_by=world.coach)
        b = meeting_services.plan_bijeenkomst(
            plg=plg,
            starts_at=timezone.now() - timedelta(days=i + 1),
            place="x",
            duration_minutes=100,
        )
        b.blokken.update(werkvorm=werkvorm)
        Terugblik.objects.create(
            bijeenkomst=b,
            author=world.coach,
            doelen_bereikt="ja",
            behouden=f"b{i}",
            audience=Audience.PLG,
        )
        if item is not None:
            services.stem_in(item=item, user=user)
            item.bijlagen.create(name=f"{i}.txt", file=ContentFile(b"x", name=f"{i}.txt"))
    plg.fase = Fase.AFGESLOTEN
    plg.save()


def concept(world: World) -> list[object]:
    item = services.item_van(world.plg)
    if item is None:
        data = services.voorstel_uit_plg(world.plg) | {
            "onderwijsniveau": "basis",
            "leervraag": "Hoe?",
            "zichtbaarheid": Zichtbaarheid.IEDEREEN,
        }
        item = services.save_concept(plg=world.plg, velden=data, met_namen=True)
    return [world.plg.pk]


def gepubliceerd(world: World) -> list[object]:
    concept(world)
    item = services.item_van(world.plg)
    assert item is not None
    item.published_at = item.published_at or timezone.now()
    item.save()
    return [item.slug]
