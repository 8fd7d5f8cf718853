"""Demo data of the two-year traject: Els leads Inge and Peter, the leaders of De Regenboog and
Sint-Jozef. Year 1 was their networked PLG; now each school has a PLG of its own."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from plg.accounts.models import User
from plg.communities.models import PLG
from plg.organisations.models import Aanstelling
from plg.traject import services
from plg.traject.models import Deelname, Traject


def seed_traject(people: dict[str, User]) -> None:
    today = timezone.localdate()
    leiders = ["directie@regenboog.example", "directie@sintjozef.example"]
    traject = services.create_traject(
        begeleider=people["els@netwerk.example"],
        naam="Leren leiden, samen en in de eigen school",
        start=today.replace(day=1) - timedelta(days=330),
        leiders=Aanstelling.objects.leaders().filter(user__email__in=leiders),
        netwerk_plg=PLG.objects.get(name="Leren leiden (netwerk-PLG)"),
    )
    for email, plg_name in zip(
        leiders, ["Huiswerk met betekenis", "Evalueren en rapporteren"], strict=True
    ):
        deelname = Deelname.objects.get(traject=traject, leider=people[email])
        services.link_school_plg(deelname=deelname, plg=PLG.objects.get(name=plg_name))
    _mijlpalen(traject, today)


def _mijlpalen(traject: Traject, today: date) -> None:
    stappen = [
        ("Samen een leervraag over ondersteunend leiderschap", -200, True),
        ("Elke school kiest een praktijknood voor een eigen PLG", -30, True),
        ("Elke school-PLG heeft een actieplan", 60, False),
        ("Terugkomdag: wat leerden onze PLG's?", 240, False),
    ]
    for titel, dagen, bereikt in stappen:
        mijlpaal = services.add_mijlpaal(
            traject=traject, titel=titel, datum=today + timedelta(days=dagen)
        )
        if bereikt:
            services.toggle_bereikt(mijlpaal=mijlpaal)
