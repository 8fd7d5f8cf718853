"""Trajects for tests: made as an advisor makes one, through the service."""

from __future__ import annotations

from datetime import date

from conftest import World
from plg.organisations.models import Aanstelling
from plg.traject import services
from plg.traject.models import Deelname, Traject, Trajectmijlpaal


def traject_of(w: World, *, school_plg: bool = True) -> Traject:
    """The advisor's traject with the leader of De Regenboog; its school PLG is the world's."""
    found = Traject.objects.filter(begeleider=w.advisor).first()
    if found is not None:
        return found
    traject = services.create_traject(
        begeleider=w.advisor,
        naam="Leiderschap voor leren",
        start=date(2025, 9, 1),
        leiders=Aanstelling.objects.leaders().filter(user=w.leader),
        netwerk_plg=None,
    )
    if school_plg:
        services.link_school_plg(deelname=deelname_of(w, traject), plg=w.plg)
    return traject


def deelname_of(w: World, traject: Traject | None = None) -> Deelname:
    return Deelname.objects.get(traject=traject or traject_of(w), leider=w.leader)


def mijlpaal_of(w: World) -> Trajectmijlpaal:
    traject = traject_of(w)
    return traject.mijlpalen.first() or services.add_mijlpaal(
        traject=traject, titel="Elke school heeft een leervraag", datum=date(2026, 6, 1)
    )


def grow_traject(w: World, n: int) -> None:
    """n more leaders in the advisor's traject, each with a school of the network, a school PLG
    with a milestone shared with the network and a bijeenkomst held; n traject milestones and
    n library entries of the network."""
    from datetime import timedelta

    from django.utils import timezone

    from plg.bibliotheek.models import Bibliotheekitem, Zichtbaarheid
    from plg.communities import services as communities
    from plg.communities.models import Mijlpaal
    from plg.communities.sharing import Audience
    from plg.meetings.services import plan_bijeenkomst
    from plg.organisations.models import Functie
    from plg.organisations.tests.factories import AanstellingFactory, SchoolFactory

    traject = traject_of(w)
    start = Deelname.objects.filter(traject=traject).count()
    for i in range(start, start + n):
        school = SchoolFactory.create(scholengemeenschap=w.sg, name=f"Groeischool {i}")
        leider = AanstellingFactory.create(school=school, functie=Functie.SCHOOLLEIDER).user
        plg = communities.create_plg(coach=leider, name=f"Schoolplg {i}", schools=[school])
        Deelname.objects.create(traject=traject, leider=leider, school=school, school_plg=plg)
        Mijlpaal.objects.create(
            plg=plg,
            author=leider,
            title=f"m{i}",
            due_date=timezone.localdate(),
            audience=Audience.NETWERK,
        )
        plan_bijeenkomst(
            plg=plg, starts_at=timezone.now() - timedelta(hours=1), place="x", duration_minutes=90
        )
        services.add_mijlpaal(traject=traject, titel=f"stap {i}", datum=date(2026, 6, 1))
        Bibliotheekitem.objects.create(
            slug=f"groei-{i}",
            titel=f"Groei {i}",
            onderwijsniveau="basis",
            schooljaar="2024-2025",
            leervraag="Waarom?",
            themas=["huiswerk", f"thema {i}"],
            network=w.network,
            zichtbaarheid=Zichtbaarheid.NETWERK,
            published_at=timezone.now(),
        )
