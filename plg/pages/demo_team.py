"""Demo data for De Regenboog's team page: a PLG that finished with a proposal to the team and
celebrated it, and steps of the homework PLG told to the whole team."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from plg.accounts.models import User
from plg.communities import services
from plg.communities.models import PLG, Actieplan, Afronding, Fase, Lidmaatschap, Mijlpaal, Notitie
from plg.communities.sharing import Audience
from plg.organisations.models import School

VOORSTEL = """Vanaf september krijgt elke klas elke dag een kwartier vrij lezen, op een vast moment \
dat de klas zelf kiest. De leerlingen kiezen hun boek; wie vastloopt, krijgt hulp van een \
leesbuddy uit een hogere klas.

Wat we vroegen, zagen we bij elkaar in de klas: kinderen lezen langer als ze zelf kiezen, en de \
klasbibliotheek moet dan ruimer zijn dan ze nu is. Daarom vragen we het team ook om de \
klasbibliotheken één keer per trimester te laten rouleren.

We stellen voor om dit een jaar te proberen en in juni samen te bekijken wat het bracht: elke \
klas brengt dan één verhaal mee van een leerling die meer is gaan lezen."""


def seed_team(people: dict[str, User], school: School) -> None:
    _lezen(people, school)
    _huiswerk_voor_het_team(people)


def _lezen(people: dict[str, User], school: School) -> None:
    today = timezone.localdate()
    coach = people["fien@regenboog.example"]
    plg = services.create_plg(
        coach=coach,
        name="Lezen met plezier",
        schools=[school],
        praktijknood="Veel kinderen lezen enkel als het moet; de leesmotivatie zakt na het derde leerjaar.",
    )
    for email in ["gert@regenboog.example", "hanne@regenboog.example"]:
        Lidmaatschap.objects.create(plg=plg, user=people[email])
    vraag = services.add_leervraag(
        plg=plg,
        text="Hoe laten we kinderen van het vierde tot het zesde leerjaar zelf kiezen wat ze lezen, zodat ze langer blijven lezen?",
        author=coach,
    )
    plg.gekozen_leervraag = vraag
    plg.fase = Fase.AFGESLOTEN
    plg.closed_at = timezone.now() - timedelta(days=10)
    plg.save()
    Actieplan.objects.create(
        plg=plg,
        author=coach,
        audience=Audience.TEAM,
        target_date=today - timedelta(days=30),
        gewenste_verandering="Kinderen kiezen zelf hun boek en lezen elke dag een kwartier.",
    )
    for title, days, note in [
        (
            "Bij elkaar gaan kijken tijdens het vrij lezen",
            90,
            "Koffie en koekjes na de laatste klasbezoek.",
        ),
        ("Klasbibliotheken uitgebreid", 45, "Elke klas kreeg een nieuwe boekenkist."),
    ]:
        Mijlpaal.objects.create(
            plg=plg,
            author=coach,
            title=title,
            audience=Audience.TEAM,
            due_date=today - timedelta(days=days),
            celebrated_on=today - timedelta(days=days - 2),
            celebration_note=note,
        )
    Mijlpaal.objects.create(
        plg=plg,
        author=coach,
        title="Leesmeter per leerling",
        audience=Audience.PLG,
        due_date=today - timedelta(days=60),
    )
    Afronding.objects.create(
        plg=plg,
        author=coach,
        audience=Audience.TEAM,
        voorstel=VOORSTEL,
        viering_datum=today - timedelta(days=10),
        viering_notitie="Voorleesontbijt met het hele team in de bibliotheek.",
    )


def _huiswerk_voor_het_team(people: dict[str, User]) -> None:
    plg = PLG.objects.get(name="Huiswerk met betekenis")
    coach = people["an@regenboog.example"]
    Mijlpaal.objects.create(
        plg=plg,
        author=coach,
        title="Elk lid bracht een huiswerktaak mee",
        audience=Audience.TEAM,
        due_date=timezone.localdate() - timedelta(days=8),
        celebrated_on=timezone.localdate() - timedelta(days=7),
        celebration_note="Een tafel vol huiswerktaken: we lachten om onze eigen gewoontes.",
    )
    Notitie.objects.create(
        plg=plg,
        author=coach,
        audience=Audience.TEAM,
        text="Hebben jullie een huiswerktaak waar leerlingen echt iets van leren? Leg ze in ons bakje in de leraarskamer.",
    )
