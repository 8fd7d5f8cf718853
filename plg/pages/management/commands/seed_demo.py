"""Demo data: a network, a scholengemeenschap with two schools, staff and three PLG's."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils import timezone

from plg.accounts.models import User
from plg.bezoeken.models import Bezoekronde, CoTeachingReeks, Kijkwijzer
from plg.communities import services
from plg.communities.models import PLG, Actieplan, Fase, Lidmaatschap, Mijlpaal, Notitie
from plg.communities.sharing import Audience
from plg.meetings import services as meeting_services
from plg.meetings.models import DoelenBereikt, LeerlogEntry, Opdracht, Terugblik
from plg.organisations.models import Aanstelling, Functie, Network, Scholengemeenschap, School
from plg.pages.demo_bezoeken import seed_bezoeken
from plg.pages.demo_bibliotheek import seed_bibliotheek
from plg.pages.demo_lfl import seed_lfl
from plg.pages.demo_tandem import seed_tandem
from plg.pages.demo_team import seed_team
from plg.pages.demo_traject import seed_traject
from plg.roosters.models import Kalender, Kruisvervanger, Les, Roosterimport, SoortVrij
from plg.roosters.services import add_vrije_dagen, kalender_van
from plg.scans import services as scan_services
from plg.scans.models import Afname
from plg.traject.models import Traject

PASSWORD = "plg-demo-2026"  # noqa: S105 (printed demo login)

STAFF = [
    # email, first, last, school key, functie
    ("an@regenboog.example", "An", "Peeters", "regenboog", Functie.ZORGCOORDINATOR),
    ("bram@regenboog.example", "Bram", "De Clercq", "regenboog", Functie.LERAAR),
    ("chloe@regenboog.example", "Chloé", "Maes", "regenboog", Functie.LERAAR),
    ("dries@regenboog.example", "Dries", "Wouters", "regenboog", Functie.BEGINNENDE_LERAAR),
    ("eva@regenboog.example", "Eva", "Jacobs", "regenboog", Functie.LERAAR),
    ("fien@regenboog.example", "Fien", "Claes", "regenboog", Functie.AANVANGSBEGELEIDER),
    ("gert@regenboog.example", "Gert", "Goossens", "regenboog", Functie.LERAAR),
    ("hanne@regenboog.example", "Hanne", "Willems", "regenboog", Functie.LERAAR),
    ("directie@regenboog.example", "Inge", "Mertens", "regenboog", Functie.SCHOOLLEIDER),
    ("jonas@sintjozef.example", "Jonas", "Vermeulen", "sintjozef", Functie.ZORGCOORDINATOR),
    ("karen@sintjozef.example", "Karen", "Lambrechts", "sintjozef", Functie.LERAAR),
    ("lars@sintjozef.example", "Lars", "Dubois", "sintjozef", Functie.LERAAR),
    ("mona@sintjozef.example", "Mona", "Hermans", "sintjozef", Functie.BEGINNENDE_LERAAR),
    ("nina@sintjozef.example", "Nina", "Aerts", "sintjozef", Functie.LERAAR),
    ("olivier@sintjozef.example", "Olivier", "Smets", "sintjozef", Functie.LERAAR),
    ("directie@sintjozef.example", "Peter", "Van Damme", "sintjozef", Functie.SCHOOLLEIDER),
    (
        "coordinatie@leieland.example",
        "Rita",
        "Pauwels",
        "regenboog",
        Functie.COORDINEREND_DIRECTEUR,
    ),
    (
        "coordinatie@leieland.example",
        "Rita",
        "Pauwels",
        "sintjozef",
        Functie.COORDINEREND_DIRECTEUR,
    ),
    ("els@netwerk.example", "Els", "Van den Broeck", "regenboog", Functie.PEDAGOGISCH_BEGELEIDER),
    ("els@netwerk.example", "Els", "Van den Broeck", "sintjozef", Functie.PEDAGOGISCH_BEGELEIDER),
]

LOGINS = [
    ("procescoach", "an@regenboog.example"),
    ("PLG-lid", "bram@regenboog.example"),
    ("schoolleider", "directie@regenboog.example"),
    ("pedagogisch begeleider", "els@netwerk.example"),
    ("leraar van een andere school", "karen@sintjozef.example"),
]


class Command(BaseCommand):
    help = "Load demo data (once) and print the demo logins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--reset", action="store_true", help="remove the demo data first")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["reset"]:
            reset_demo()
        if not Network.objects.filter(name="Netwerk Vlaanderen (demo)").exists():
            build_demo()
            self.stdout.write("Demodata geladen.")
        self.stdout.write(f"\nDemo-accounts (wachtwoord voor allemaal: {PASSWORD}):")
        for role, email in LOGINS:
            self.stdout.write(f"  {role:<30} {email}")
        self.stdout.write("")


@transaction.atomic
def reset_demo() -> None:
    """Remove the demo network and its people; what refers to a person (and keeps them from
    being deleted by accident) goes first."""
    people = User.objects.filter(email__endswith=".example")
    network = Network.objects.filter(name="Netwerk Vlaanderen (demo)")
    Traject.objects.filter(network__in=network).delete()
    PLG.objects.filter(scholengemeenschap__network__in=network).delete()
    Afname.objects.filter(opened_by__in=people).delete()
    School.objects.filter(scholengemeenschap__network__in=network).delete()
    Bezoekronde.objects.filter(door__in=people).delete()
    for model in (Kijkwijzer, CoTeachingReeks):
        model.objects.filter(eigenaar__in=people).delete()
    people.delete()
    Scholengemeenschap.objects.filter(network__in=network).delete()
    network.delete()


def _at(days: int, hour: int = 15, minute: int = 30) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


@transaction.atomic
def build_demo() -> None:
    network = Network.objects.create(name="Netwerk Vlaanderen (demo)")
    sg = Scholengemeenschap.objects.create(network=network, name="Scholengemeenschap Leieland")
    schools = {
        "regenboog": School.objects.create(
            scholengemeenschap=sg, name="Basisschool De Regenboog", city="Gent"
        ),
        "sintjozef": School.objects.create(
            scholengemeenschap=sg,
            name="Basisschool Sint-Jozef",
            city="Deinze",
            werkgroep_minutes=50,
        ),
    }
    people: dict[str, User] = {}
    for email, first, last, school_key, functie in STAFF:
        if email not in people:
            people[email] = User.objects.create_user(
                email, PASSWORD, first_name=first, last_name=last
            )
        Aanstelling.objects.create(user=people[email], school=schools[school_key], functie=functie)

    _huiswerk(people, schools["regenboog"])
    seed_team(people, schools["regenboog"])
    _evalueren(people, schools["sintjozef"])
    _leiders(people, list(schools.values()))
    _scans(people, list(schools.values()))
    _tijd(people, list(schools.values()))
    seed_bezoeken(people, schools)
    seed_tandem(people)
    seed_bibliotheek()
    seed_traject(people)


def _huiswerk(people: dict[str, User], school: School) -> None:
    coach, bram = people["an@regenboog.example"], people["bram@regenboog.example"]
    plg = services.create_plg(
        coach=coach,
        name="Huiswerk met betekenis",
        schools=[school],
        praktijknood="Ouders en collega's klagen over huiswerk: het loopt stroef en niemand weet waarom we het nog geven.",
    )
    for email in [
        "bram@regenboog.example",
        "chloe@regenboog.example",
        "dries@regenboog.example",
        "eva@regenboog.example",
    ]:
        Lidmaatschap.objects.create(plg=plg, user=people[email])
    services.invite(plg=plg, email="gert@regenboog.example", school=school, invited_by=coach)
    first = services.add_leervraag(
        plg=plg, text="Hoe organiseren we het huiswerk per week?", author=coach
    )
    services.revise_leervraag(
        leervraag=first,
        text="Waarom geven we huiswerk, en wat leren onze leerlingen er echt van?",
        author=bram,
    )
    plg.gekozen_leervraag = first
    plg.fase = Fase.AAN_DE_SLAG
    plg.save()
    services.add_themas(
        plg=plg,
        titles=["Huiswerk en gelijke kansen", "Rol van de ouders", "Huiswerkklas"],
        author=coach,
    )
    _huiswerk_plan(plg, coach)
    _huiswerk_bijeenkomsten(plg, coach, bram)
    seed_lfl(plg, coach, bram)


def _huiswerk_plan(plg: PLG, coach: User) -> None:
    """The actieplan with a milestone celebrated and one ahead, and a note for the members."""
    Actieplan.objects.create(
        plg=plg,
        author=coach,
        audience=Audience.PLG_EN_SCHOOLLEIDER,
        target_date=timezone.localdate() + timedelta(days=200),
        gewenste_verandering="Elke klas weet waarom ze huiswerk geeft, en huiswerk is gedifferentieerd.",
        aanpak="Literatuur lezen, bij elkaar in de klas kijken, een voorstel aan het team.",
    )
    Mijlpaal.objects.create(
        plg=plg,
        author=coach,
        title="Literatuur verzameld",
        audience=Audience.PLG_EN_SCHOOLLEIDER,
        due_date=timezone.localdate() - timedelta(days=20),
        celebrated_on=timezone.localdate() - timedelta(days=18),
        celebration_note="Taart in de leraarskamer.",
    )
    Mijlpaal.objects.create(
        plg=plg,
        author=coach,
        title="Voorstel klaar voor de personeelsvergadering",
        audience=Audience.TEAM,
        due_date=timezone.localdate() + timedelta(days=90),
    )
    Notitie.objects.create(
        plg=plg,
        author=coach,
        audience=Audience.PLG,
        text="Volgende keer: elk brengt één huiswerktaak mee uit de eigen klas.",
    )


def _huiswerk_bijeenkomsten(plg: PLG, coach: User, bram: User) -> None:
    """One bijeenkomst behind them, with its check-out, an assignment and a leerlog; one ahead."""
    past = meeting_services.plan_bijeenkomst(
        plg=plg,
        starts_at=_at(-14),
        place="Leraarskamer",
        duration_minutes=120,
        doelen="Elkaars huiswerkpraktijk leren kennen.",
    )
    Terugblik.objects.create(
        bijeenkomst=past,
        author=coach,
        audience=Audience.PLG_EN_SCHOOLLEIDER,
        doelen_bereikt=DoelenBereikt.DEELS,
        hoe_was_het="Open gesprek, veel herkenning.",
        behouden="De schriftelijke check-out.",
        veranderen="Meer tijd voor verwerking.",
        volgende_stap="Artikels lezen over huiswerk en leerwinst.",
    )
    Opdracht.objects.create(
        bijeenkomst=past,
        owner=bram,
        description="Twee artikels over huiswerk zoeken",
        due_date=timezone.localdate() + timedelta(days=5),
    )
    LeerlogEntry.objects.create(
        bijeenkomst=past,
        author=bram,
        audience=Audience.PLG,
        kennis_inzicht="Huiswerk werkt anders in de lagere graad dan in de derde graad.",
        attitudes="Ik durf mijn eigen gewoonte in vraag te stellen.",
    )
    meeting_services.plan_bijeenkomst(
        plg=plg,
        starts_at=_at(7),
        place="Refter",
        duration_minutes=120,
        doelen="De gelezen artikels vertalen naar onze leervraag.",
    )


def _evalueren(people: dict[str, User], school: School) -> None:
    coach = people["jonas@sintjozef.example"]
    plg = services.create_plg(
        coach=coach,
        name="Evalueren en rapporteren",
        schools=[school],
        praktijknood="Het rapport zegt weinig over wat kinderen echt kunnen.",
    )
    for email in ["karen@sintjozef.example", "lars@sintjozef.example", "mona@sintjozef.example"]:
        Lidmaatschap.objects.create(plg=plg, user=people[email])
    services.add_leervraag(plg=plg, text="Welk rapport gebruiken we vanaf januari?", author=coach)
    services.add_leervraag(
        plg=plg,
        text="Wat willen we als team leren over evalueren, zodat leerlingen zien waar ze groeien?",
        author=people["karen@sintjozef.example"],
    )
    plg.fase = Fase.LEERVRAAG
    plg.save()
    services.add_themas(
        plg=plg,
        titles=["Breed evalueren", "Zelfevaluatie door kinderen", "Oudercontacten"],
        author=coach,
    )


def _leiders(people: dict[str, User], schools: list[School]) -> None:
    coach = people["els@netwerk.example"]
    plg = services.create_plg(
        coach=coach,
        name="Leren leiden (netwerk-PLG)",
        schools=schools,
        praktijknood="Schoolleiders willen PLG's ondersteunen maar weten niet goed hoe.",
    )
    for email in ["directie@regenboog.example", "directie@sintjozef.example"]:
        Lidmaatschap.objects.create(plg=plg, user=people[email])


SCAN_COMMENTS = [
    "Ik durf nu vaker een collega om raad te vragen.",
    "Samen een les voorbereiden gaf me nieuwe ideeën.",
    "Het overleg gaat nog te vaak over praktische zaken.",
    "Ik zou graag eens bij een collega gaan kijken.",
    "Tijd blijft het grootste probleem.",
]


SCAN_LEAN = {
    "collectieve_verantwoordelijkheid": 0.3,
    "reflectieve_dialoog": 0.2,
    "gedeprivatiseerde_praktijk": -1.2,
    "organisatorische_voorwaarden": -0.8,
}
"""As the research found: teams share responsibility and talk about teaching fairly often, but
classroom doors mostly stay closed, even in mature schools; time is what lacks most."""


def _scan_answers(afname: Afname, rng: random.Random, base: float, comment: str) -> dict[str, str]:
    data: dict[str, str] = {}
    for section in afname.instrument.sections:
        for item in section.items:
            lean = base + SCAN_LEAN.get(section.key, 0.0)
            value = min(section.points, max(1, round(rng.gauss(lean, 0.8))))
            data[item.key] = str(section.points + 1 - value if item.reverse else value)
        if section.comment_label:
            data[scan_services.COMMENT_PREFIX + section.key] = comment
    data[scan_services.BACKGROUND_FIELD] = str(rng.choice([0, 1, 1, 1, 2]))
    return data


def _scans(people: dict[str, User], schools: list[School]) -> None:
    """Two closed waves of the PLG-scan half a year apart, and a Zelfscan. De Regenboog grows
    from developing to mature, the other school from beginning to developing."""
    rng = random.Random(2026)
    opener = people["coordinatie@leieland.example"]
    waves = (("PLG-scan najaar", 200, 2.8, 9), ("PLG-scan voorjaar", 20, 3.3, 12))
    for title, days_ago, base, respondents in waves:
        afname = scan_services.open_afname(
            opened_by=opener, title=title, schools=schools, team=False
        )
        Afname.objects.filter(pk=afname.pk).update(
            opened_at=timezone.now() - timedelta(days=days_ago)
        )
        for school in schools:
            lift = 0.5 if school.name.endswith("Regenboog") else 0.0
            for n in range(respondents):
                comment = SCAN_COMMENTS[n % len(SCAN_COMMENTS)] if n % 2 else ""
                scan_services.respond(
                    toegang=scan_services.poster(afname, school),
                    data=_scan_answers(afname, rng, base + lift, comment),
                )
        scan_services.close_afname(afname=afname)
    plg = PLG.objects.get(name="Huiswerk met betekenis")
    zelfscan = scan_services.open_zelfscan(
        plg=plg, opened_by=plg.created_by, title="Zelfscan bij de start"
    )
    for lid in plg.lidmaatschappen.select_related("user"):
        toegang = scan_services.toegang_for_member(afname=zelfscan, user=lid.user)
        data = {item.key: str(rng.randint(1, 3)) for item in zelfscan.instrument.items()}
        for section in zelfscan.instrument.sections:
            data[scan_services.COMMENT_PREFIX + section.key] = rng.choice(
                [
                    "Bij het nakijken van huiswerk bespraken we samen wat werkt.",
                    "Ik nam het initiatief voor een kijkwijzer.",
                    "We spraken af wie de volgende bijeenkomst voorbereidt.",
                ]
            )
        scan_services.respond(toegang=toegang, data=data)
    scan_services.close_afname(afname=zelfscan)


def _kerstvakantie(today: date) -> tuple[date, date]:
    """This school year's Christmas holidays in Flanders: two weeks from the Monday of the week
    with Christmas (the Monday after, when Christmas falls in a weekend)."""
    christmas = date(today.year if today.month >= 8 else today.year - 1, 12, 25)
    weekday = christmas.weekday()
    start = (
        christmas - timedelta(days=weekday) if weekday < 5 else christmas + timedelta(7 - weekday)
    )
    return start, start + timedelta(days=13)


def _tijd(people: dict[str, User], schools: list[School]) -> None:
    """A week for every teacher (a class of their own, free while a specialist teaches it),
    the Christmas holidays, a day without pupils in three weeks, and the Regenboog's
    procescoach as a substitute for Sint-Jozef."""
    lessons = []
    for school in schools:
        kalender = kalender_van(school)
        _vrije_dagen(kalender)
        lessons.extend(_lessen(school, kalender))
    Les.objects.bulk_create(lessons)
    for school, leader in zip(
        schools, ["directie@regenboog.example", "directie@sintjozef.example"], strict=True
    ):
        Roosterimport.objects.create(
            school=school,
            soort=Roosterimport.Soort.LESSEN_CSV,
            bestanden="lesrooster.csv",
            aantal=sum(1 for les in lessons if les.school == school),
            door=people[leader],
        )
    Kruisvervanger.objects.create(school=schools[1], user=people["an@regenboog.example"])


def _vrije_dagen(kalender: Kalender) -> None:
    """The Christmas holidays, and a pedagogical study day on the first weekday in three weeks."""
    van, tot = _kerstvakantie(timezone.localdate())
    add_vrije_dagen(
        kalender=kalender,
        van=van,
        tot=tot,
        soort=SoortVrij.VAKANTIE,
        omschrijving="Kerstvakantie",
    )
    studiedag = timezone.localdate() + timedelta(days=21)
    while studiedag.weekday() > 4:
        studiedag += timedelta(days=1)
    add_vrije_dagen(
        kalender=kalender,
        van=studiedag,
        tot=studiedag,
        soort=SoortVrij.ZONDER_LEERLINGEN,
        omschrijving="Pedagogische studiedag",
    )


def _lessen(school: School, kalender: Kalender) -> list[Les]:
    """Each teacher their own class all week, but for three periods a specialist teaches it."""
    team = [
        a.user
        for a in Aanstelling.objects.filter(
            school=school,
            functie__in=[Functie.LERAAR, Functie.BEGINNENDE_LERAAR, Functie.ZORGCOORDINATOR],
        ).select_related("user")
    ]
    periods = list(kalender.lesuren.values_list("nummer", flat=True))
    lessons = []
    for index, teacher in enumerate(team):
        groep = f"{index % 6 + 1}{'AB'[index // 6]}"
        free = {(index % 5, periods[-2]), (index % 5, periods[-1]), ((index + 2) % 5, 3)}
        for dag in range(5):
            for nummer in periods:
                if dag == 2 and nummer > kalender.woensdag_tot:
                    continue
                if (dag, nummer) not in free:
                    lessons.append(
                        Les(
                            school=school,
                            leerkracht=teacher,
                            dag=dag,
                            lesuur=nummer,
                            groep=groep,
                            vak="klasuur",
                        )
                    )
    return lessons
