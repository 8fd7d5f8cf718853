"""Storing imported timetables and calendars: all of a file, or nothing of it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from plg.accounts.models import User
from plg.organisations.models import Aanstelling, School
from plg.roosters.imports.errors import ImportFout, ImportMislukt
from plg.roosters.imports.ical import read_ical
from plg.roosters.imports.records import Leerkracht, LesRegel
from plg.roosters.models import (
    Bezetting,
    Kalender,
    Leerkrachtcode,
    Les,
    Lesuur,
    Roosterimport,
    SoortVrij,
    VrijeDagen,
)

DEFAULT_LESUREN = [
    (time(8, 30), time(9, 20)),
    (time(9, 20), time(10, 10)),
    (time(10, 25), time(11, 15)),
    (time(11, 15), time(12, 5)),
    (time(13, 15), time(14, 5)),
    (time(14, 5), time(14, 55)),
    (time(15, 0), time(15, 40)),
]


def kalender_van(school: School) -> Kalender:
    """The school's calendar; a new one starts with a usual primary-school day."""
    kalender, created = Kalender.objects.get_or_create(school=school)
    if created:
        Lesuur.objects.bulk_create(
            Lesuur(kalender=kalender, nummer=nummer, begin=begin, einde=einde)
            for nummer, (begin, einde) in enumerate(DEFAULT_LESUREN, start=1)
        )
    return kalender


def parse_lesuren(text: str, veld: str) -> list[tuple[int, time, time]]:
    """Periods typed one per line as '08:30-09:20' (numbered in order); errors name the line."""
    lesuren: list[tuple[int, time, time]] = []
    fouten: list[ImportFout] = []
    for regel, line in enumerate(text.splitlines(), start=1):
        line = line.strip().replace("–", "-").replace(".", ":")
        if not line:
            continue
        try:
            begin_text, einde_text = (part.strip() for part in line.split("-"))
            begin = datetime.strptime(begin_text, "%H:%M").time()
            einde = datetime.strptime(einde_text, "%H:%M").time()
        except ValueError:
            fouten.append(ImportFout(veld, regel, None, _("schrijf een lesuur als 08:30-09:20.")))
            continue
        if einde <= begin:
            fouten.append(ImportFout(veld, regel, None, _("het lesuur eindigt voor het begint.")))
        elif lesuren and begin < lesuren[-1][2]:
            fouten.append(
                ImportFout(veld, regel, None, _("dit lesuur begint voor het vorige eindigt."))
            )
        lesuren.append((len(lesuren) + 1, begin, einde))
    if not lesuren and not fouten:
        fouten.append(ImportFout(veld, None, None, _("geef minstens één lesuur.")))
    if fouten:
        raise ImportMislukt(fouten)
    return lesuren


@transaction.atomic
def save_lesuren(*, kalender: Kalender, lesuren: Sequence[tuple[int, time, time]]) -> None:
    kalender.lesuren.all().delete()
    Lesuur.objects.bulk_create(
        Lesuur(kalender=kalender, nummer=nummer, begin=begin, einde=einde)
        for nummer, begin, einde in lesuren
    )


def add_vrije_dagen(
    *, kalender: Kalender, van: date, tot: date, soort: SoortVrij, omschrijving: str
) -> VrijeDagen:
    return VrijeDagen.objects.create(
        kalender=kalender, van=van, tot=tot, soort=soort, omschrijving=omschrijving
    )


def _team(school: School) -> list[Aanstelling]:
    return list(Aanstelling.objects.team().filter(school=school).select_related("user"))


def _resolve(
    school: School, regels: Sequence[LesRegel], bestand: str, codes: dict[str, User]
) -> list[tuple[LesRegel, User]]:
    """Match each line's teacher to a person of the school, by e-mail or timetable code."""
    by_email = {a.user.email.lower(): a.user for a in _team(school)}
    resolved: list[tuple[LesRegel, User]] = []
    fouten: list[ImportFout] = []
    for regel in regels:
        key = regel.leerkracht.strip()
        user = by_email.get(key.lower()) or codes.get(key.upper())
        if user is None:
            fouten.append(
                ImportFout(
                    bestand,
                    regel.regel,
                    "leerkracht",
                    _(
                        "'%(leerkracht)s' is geen leraar van %(school)s; gebruik het "
                        "e-mailadres waarmee de leraar aanmeldt, of importeer eerst het "
                        "leerkrachtenbestand."
                    )
                    % {"leerkracht": key, "school": school.name},
                )
            )
        else:
            resolved.append((regel, user))
    if fouten:
        raise ImportMislukt(fouten)
    return resolved


def _check_lesuren(school: School, regels: Sequence[LesRegel], bestand: str) -> None:
    nummers = set(kalender_van(school).lesuren.values_list("nummer", flat=True))
    fouten = [
        ImportFout(
            bestand,
            regel.regel,
            "lesuur",
            _("lesuur %(nummer)s bestaat niet in de schoolkalender (lesuren 1 tot %(max)s).")
            % {"nummer": regel.lesuur, "max": max(nummers, default=0)},
        )
        for regel in regels
        if regel.lesuur not in nummers
    ]
    if fouten:
        raise ImportMislukt(fouten)


def _codes(school: School) -> dict[str, User]:
    return {
        c.code.upper(): c.user
        for c in Leerkrachtcode.objects.filter(school=school).select_related("user")
    }


def _lessen(school: School, resolved: list[tuple[LesRegel, User]]) -> list[Les]:
    seen: set[tuple[int, int, int]] = set()
    lessen = []
    for regel, user in resolved:
        key = (user.pk, regel.dag, regel.lesuur)
        if key in seen:
            continue
        seen.add(key)
        lessen.append(
            Les(
                school=school,
                leerkracht=user,
                dag=regel.dag,
                lesuur=regel.lesuur,
                groep=regel.groep[:50],
                vak=regel.vak[:100],
            )
        )
    return lessen


def import_lessen(*, school: School, door: User, bestand: str, regels: Sequence[LesRegel]) -> int:
    """Replace the school's timetable with the lessons of one CSV file: checked first, then
    written in one short transaction."""
    resolved = _resolve(school, regels, bestand, _codes(school))
    _check_lesuren(school, regels, bestand)
    lessen = _lessen(school, resolved)
    _replace_rows(
        Les.objects.filter(school=school),
        lessen,
        verslag=Roosterimport(
            school=school, soort=Roosterimport.Soort.LESSEN_CSV, bestanden=bestand, door=door
        ),
    )
    return len(lessen)


@transaction.atomic
def _replace_rows(oud: QuerySet[Any], nieuw: list[Any], *, verslag: Roosterimport) -> None:
    """The old rows out, the new ones in and the import recorded: one short transaction, so
    whatever was read and checked before is written all or nothing."""
    oud.delete()
    oud.model.objects.bulk_create(nieuw)
    verslag.aantal = len(nieuw)
    verslag.save()


def _match_teachers(
    school: School, leerkrachten: Sequence[Leerkracht], bestand: str
) -> dict[str, User]:
    """Untis knows teachers by code; find each code's person by e-mail, else by full name."""
    team = _team(school)
    by_email = {a.user.email.lower(): a.user for a in team}
    by_name: dict[str, list[User]] = {}
    for a in team:
        by_name.setdefault(f"{a.user.first_name} {a.user.last_name}".casefold().strip(), []).append(
            a.user
        )
    codes: dict[str, User] = {}
    fouten: list[ImportFout] = []
    for regel, leerkracht in enumerate(leerkrachten, start=1):
        user = by_email.get(leerkracht.email.lower()) if leerkracht.email else None
        if user is None:
            named = by_name.get(
                f"{leerkracht.voornaam} {leerkracht.familienaam}".casefold().strip(), []
            )
            user = named[0] if len(named) == 1 else None
        if user is None:
            fouten.append(
                ImportFout(
                    bestand,
                    regel,
                    "leerkracht",
                    _(
                        "%(code)s (%(naam)s) is niet gevonden in het team van %(school)s; "
                        "voeg het e-mailadres toe in Untis of nodig de leraar eerst uit."
                    )
                    % {
                        "code": leerkracht.code,
                        "naam": f"{leerkracht.voornaam} {leerkracht.familienaam}".strip(),
                        "school": school.name,
                    },
                )
            )
        else:
            codes[leerkracht.code.upper()] = user
    if fouten:
        raise ImportMislukt(fouten)
    return codes


def import_untis(
    *,
    school: School,
    door: User,
    lessen_bestand: str,
    regels: Sequence[LesRegel],
    leerkrachten_bestand: str,
    leerkrachten: Sequence[Leerkracht],
) -> int:
    """Replace the school's codes and timetable from the Untis teachers and timetable files."""
    codes = _match_teachers(school, leerkrachten, leerkrachten_bestand)
    resolved = _resolve(school, regels, lessen_bestand, codes)
    _check_lesuren(school, regels, lessen_bestand)
    lessen = _lessen(school, resolved)
    with transaction.atomic():
        Leerkrachtcode.objects.filter(school=school).delete()
        Leerkrachtcode.objects.bulk_create(
            Leerkrachtcode(school=school, code=code, user=user) for code, user in codes.items()
        )
        _replace_rows(
            Les.objects.filter(school=school),
            lessen,
            verslag=Roosterimport(
                school=school,
                soort=Roosterimport.Soort.UNTIS,
                bestanden=f"{leerkrachten_bestand}, {lessen_bestand}"[:300],
                door=door,
            ),
        )
    return len(lessen)


def import_bezet(
    *,
    user: User,
    school: School,
    door: User,
    bestand: str,
    data: bytes,
    van: date,
    tot: date,
) -> int:
    """Replace a person's busy times from van to tot with those in their calendar file: the file
    is read first (that can take seconds), then written in one short transaction."""
    blokken = read_ical(data, bestand, van, tot)
    zone = timezone.get_default_timezone()
    start = datetime.combine(van, time.min, tzinfo=zone)
    end = datetime.combine(tot + timedelta(days=1), time.min, tzinfo=zone)
    _replace_rows(
        Bezetting.objects.filter(user=user).filter(Q(einde__gt=start) & Q(begin__lt=end)),
        [Bezetting(user=user, begin=blok.begin, einde=blok.einde) for blok in blokken],
        verslag=Roosterimport(
            school=school, soort=Roosterimport.Soort.ICAL, bestanden=bestand, door=door
        ),
    )
    return len(blokken)
