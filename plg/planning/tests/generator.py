"""A seeded scholengemeenschap to plan: schools, block timetables, busy times, PLG's.

Shared by the tests (small sizes) and bench/planner.py (8 schools of 60 teachers). The default
month is March 2027: Easter holidays from Monday 29 March, one pedagogical study day (no pupils)
per school, class councils after school in the week before the holidays, the clock change on
Sunday 28 March.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from plg.planning.problem import (
    BRUSSELS,
    Groep,
    Kalender,
    Leerkracht,
    LesuurTijd,
    Probleem,
    dagen,
    momenten,
)

SCHOOLNAMEN = (
    "De Regenboog",
    "Sint-Jozefscollege",
    "Atheneum Leieland",
    "Sint-Pietersinstituut",
    "Het Spoor",
    "Mariagaard",
    "Sint-Lucas",
    "Campus De Brug",
    "Heilig Hartinstituut",
    "Klimop",
    "Sint-Vincentius",
    "Atheneum Denderland",
    "De Horizon",
    "Sint-Barbaracollege",
    "Campus Ter Beuken",
    "Vrij Technisch Instituut",
)
VOORNAMEN = (
    "Jan", "An", "Pieter", "Els", "Koen", "Sofie", "Tom", "Lien", "Bart", "Katrien", "Wout",
    "Hanne", "Joris", "Griet", "Lotte", "Stijn", "Ine", "Dries", "Marieke", "Jens", "Nele",
    "Thomas", "Eline", "Ruben", "Sara", "Bram", "Annelies", "Kris", "Leen", "Maarten",
)  # fmt: skip
ACHTERNAMEN = (
    "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
    "Wouters", "De Smet", "Dubois", "Hermans", "Aerts", "Lambrechts", "Vermeulen", "Pauwels",
    "Van den Broeck", "De Clercq", "Verstraete", "Declercq", "Michiels", "Smets", "Desmet",
    "Coppens", "Martens", "Van Damme", "Verhoeven", "Cools", "Segers", "Vandenberghe",
)  # fmt: skip
THEMAS = (
    "Lezen", "Evalueren", "Differentiatie", "Taalbeleid", "STEM", "Welbevinden", "Feedback",
    "Digitale didactiek", "Rekenen", "Leerlingbegeleiding", "Burgerschap", "Zelfsturing",
)  # fmt: skip
PAASVAKANTIE = frozenset(dagen(date(2027, 3, 29), date(2027, 4, 11)))
STUDIEDAGEN = (date(2027, 3, 10), date(2027, 3, 19), date(2027, 3, 3), date(2027, 3, 17))
KLASSENRADEN = tuple(dagen(date(2027, 3, 22), date(2027, 3, 25)))


def _plus(moment: time, minuten: int) -> time:
    return (datetime.combine(date(2027, 1, 1), moment) + timedelta(minutes=minuten)).time()


def kalender(
    school: int,
    begin: time,
    vakantie: frozenset[date] = frozenset(),
    zonder_leerlingen: frozenset[date] = frozenset(),
) -> Kalender:
    """Eight periods of 50 minutes: a break after the 2nd and 6th, lunch after the 4th."""
    pauzes = {2: 15, 4: 50, 6: 10}
    lesuren = []
    start = begin
    for nummer in range(1, 9):
        einde = _plus(start, 50)
        lesuren.append(LesuurTijd(nummer, start, einde))
        start = _plus(einde, pauzes.get(nummer, 0))
    return Kalender(
        school,
        tuple(lesuren),
        na_school=_plus(lesuren[-1].einde, 15),
        vakantie=vakantie,
        zonder_leerlingen=zonder_leerlingen,
    )


def _lessen(rng: random.Random, klassen: list[str], uren: int) -> dict[tuple[int, int], str]:
    """Mostly double periods (the usual blocks), a few singles; part-timers keep days free."""
    dagen_ = [0, 1, 2, 3, 4]
    if uren < 18:
        dagen_ = sorted(rng.sample(dagen_, 3))
    blokken = [(d, p) for d in dagen_ for p in (1, 3, 5, 7) if not (d == 2 and p > 4)]
    rng.shuffle(blokken)
    lessen: dict[tuple[int, int], str] = {}
    for dag, eerste in blokken:
        if len(lessen) >= uren:
            break
        klas = rng.choice(klassen)
        if rng.random() < 0.2 or len(lessen) + 1 == uren:
            lessen[(dag, eerste + rng.randrange(2))] = klas
        else:
            lessen[(dag, eerste)] = lessen[(dag, eerste + 1)] = klas
    return lessen


def _kies(rng: random.Random, leraren: list[int], reizend: set[int], aantal: int) -> list[int]:
    """Members for a cross-school PLG, if possible not yet travelling for another one."""
    vrij = [t for t in leraren if t not in reizend]
    return rng.sample(vrij if len(vrij) >= aantal else leraren, aantal)


def generate(
    scholen: int = 8,
    seed: int = 1,
    *,
    leerkrachten: int = 60,
    plgs: int = 5,
    over_scholen: float = 0.2,
    van: date = date(2027, 3, 1),
    tot: date = date(2027, 3, 31),
    vakantie: frozenset[date] = PAASVAKANTIE,
    vervang_max_week: int = 2,
    na_school_max_maand: int = 2,
) -> Probleem:
    """A scholengemeenschap of ``scholen`` schools; the same seed gives the same problem."""
    rng = random.Random(seed)
    kalenders, namen = _kalenders(rng, scholen, van, tot, vakantie)
    personen, per_school = _personen(rng, kalenders, leerkrachten, van, tot)
    groepen = _groepen(rng, per_school, namen, plgs, over_scholen)
    return Probleem(
        kalenders=kalenders,
        leerkrachten=personen,
        groepen=tuple(groepen),
        momenten=tuple(momenten(kalenders.values(), van, tot, 100)),
        vervang_max_week=vervang_max_week,
        na_school_max_maand=na_school_max_maand,
        schoolnamen=namen,
    )


def _kalenders(
    rng: random.Random, scholen: int, van: date, tot: date, vakantie: frozenset[date]
) -> tuple[dict[int, Kalender], dict[int, str]]:
    """Each school's day (its own start time) and study day, and its name."""
    kalenders: dict[int, Kalender] = {}
    namen: dict[int, str] = {}
    for school in range(1, scholen + 1):
        begin = (time(8, 15), time(8, 20), time(8, 25), time(8, 30))[rng.randrange(4)]
        studiedag = STUDIEDAGEN[rng.randrange(len(STUDIEDAGEN))]
        kalenders[school] = kalender(
            school,
            begin,
            vakantie=vakantie,
            zonder_leerlingen=frozenset({studiedag} & set(dagen(van, tot))),
        )
        basis = SCHOOLNAMEN[(school - 1) % len(SCHOOLNAMEN)]
        namen[school] = basis if school <= len(SCHOOLNAMEN) else f"{basis} {school}"
    return kalenders, namen


def _personen(
    rng: random.Random, kalenders: dict[int, Kalender], leerkrachten: int, van: date, tot: date
) -> tuple[dict[int, Leerkracht], dict[int, list[int]]]:
    """Every school's teachers with their timetables and busy times."""
    personen: dict[int, Leerkracht] = {}
    per_school: dict[int, list[int]] = {}
    for school in kalenders:
        klassen = [f"{graad}{letter}" for graad in range(1, 7) for letter in "ABCD"]
        per_school[school] = []
        for _ in range(leerkrachten):
            ident = len(personen) + 1
            uren = rng.randint(10, 16) if rng.random() < 0.2 else rng.randint(20, 24)
            bezet = _bezet(rng, kalenders[school], van, tot)
            naam = f"{rng.choice(VOORNAMEN)} {rng.choice(ACHTERNAMEN)}"
            lessen = _lessen(rng, klassen, uren)
            kan = rng.random() < 0.9
            buur = school % len(kalenders) + 1
            ook = frozenset({buur}) if buur != school and rng.random() < 0.05 else frozenset()
            personen[ident] = Leerkracht(ident, naam, school, lessen, tuple(bezet), kan, ook)
            per_school[school].append(ident)
    return personen, per_school


def _bezet(
    rng: random.Random, kalender_: Kalender, van: date, tot: date
) -> list[tuple[datetime, datetime]]:
    """A class council after school for most, a whole day away for a few."""
    bezet = []
    if rng.random() < 0.6:
        dag = rng.choice([d for d in KLASSENRADEN if van <= d <= tot] or [van])
        start = datetime.combine(dag, kalender_.na_school, tzinfo=BRUSSELS)
        bezet.append((start, start + timedelta(hours=2)))
    if rng.random() < 0.05:
        dag = van + timedelta(days=rng.randrange((tot - van).days + 1))
        bezet.append(
            (
                datetime.combine(dag, time(8, 0), tzinfo=BRUSSELS),
                datetime.combine(dag, time(17, 0), tzinfo=BRUSSELS),
            )
        )
    return bezet


def _groepen(
    rng: random.Random,
    per_school: dict[int, list[int]],
    namen: dict[int, str],
    plgs: int,
    over_scholen: float,
) -> list[Groep]:
    """``plgs`` PLG's per school, the first ``over_scholen`` of them with a neighbour school."""
    scholen = len(per_school)
    groepen: list[Groep] = []
    reizend: set[int] = set()  # already in a cross-school PLG: nobody travels for two
    totaal = scholen * plgs
    aantal_over = round(totaal * over_scholen) if scholen > 1 else 0
    for index in range(totaal):
        school = index % scholen + 1
        thema = THEMAS[(index // scholen) % len(THEMAS)]
        grootte = rng.randint(5, 8)
        if index < aantal_over:
            buur = school % scholen + 1
            hier = rng.randint(2, grootte - 2)
            leden = _kies(rng, per_school[school], reizend, hier)
            leden += _kies(rng, per_school[buur], reizend, grootte - hier)
            reizend.update(leden)
            naam = f"{thema} ({namen[school]} - {namen[buur]})"
            groepen.append(Groep(len(groepen) + 1, naam, tuple(leden), (school, buur)))
        else:
            leden = rng.sample(per_school[school], grootte)
            naam = f"{thema} ({namen[school]})"
            groepen.append(Groep(len(groepen) + 1, naam, tuple(leden), (school,)))
    return groepen
