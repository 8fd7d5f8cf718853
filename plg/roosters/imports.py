"""Read a school's timetable files into plain data, all or nothing.

A planner uploads the files the school already has once per term. Each reader turns bytes into
frozen dataclasses, or raises `ImportMislukt` with every problem found (up to `MAX_FOUTEN`), so the
planner fixes the file once instead of once per error, and the caller stores nothing. No database.

Every lesson reader returns at most one `LesRegel` per (leerkracht, dag, lesuur): a teacher is
busy in a period or not, which is all the planner needs. Teacher codes are compared without regard
to case (the school's people are matched that way too); e-mail addresses come out in lower case.

Our own CSV (`lees_lessen_csv`)
    A header row with `leerkracht, dag, lesuur, groep, vak` in any order (also `teacher, day,
    period, group, subject`, and `leraar`, `uur`, `klas`, `class`). `groep` and `vak` may be empty
    (a duty without a class is still a busy period). The same lesson written twice counts once;
    the same teacher in the same period with another group or subject is an error naming both
    lines: teaching two classes at once is written as one line with "3A+3B".

Untis "DIF" text exports (`lees_gpu_lessen`, `lees_gpu_leerkrachten`)
    No header; fields separated by `,` (Untis' default), `;` or tab; text in `"`. Positions are
    1-based as Untis numbers them.

    GPU001.TXT (Stundenplan, timetable): 1 Unt-Nr, 2 Klasse, 3 Lehrer, 4 Fach, 5 Raum, 6 Tag
    (1 = Monday … 7 = Sunday), 7 Stunde (1-based), 8 Stundenlänge. We read 2, 3, 4, 6 and 7. A lesson
    for several classes, or in alternating weeks, is several rows for one teacher and period; we
    merge them into one `LesRegel` whose `groep` and `vak` list the values with ", ". A row
    without a teacher is nobody's lesson and is skipped.

    GPU004.TXT (Lehrer, teachers): 1 Name (short code, "Kürzel"), 2 Langname (family name),
    29 Vorname (first name), 33 E-Mail. Older exports stop before 29 or 33: those fields are then
    empty.

    Sources: the field list for GPU001 published in DieSchulApp's knowledge base ("Stundenplan aus
    Untis importieren") and the record classes of the MIT-licensed ENBREA UNTIS.GPU library
    (github.com/enbrea/enbrea.untis.gpu, `GpuLessonTime` for GPU001 and `GpuTeacher` for GPU004,
    whose zero-based indices 0, 1, 28 and 32 are the positions above); Untis' own help describes the
    same DIF export ("Export/Import DIF files", fields comma-separated, text in double quotes,
    both changeable).

iCalendar (`lees_ical`)
    Outlook and Google exports. Busy blocks only, never titles, descriptions or attendees
    (privacy). See `lees_ical` for what counts as busy.

Encodings: a UTF-8 or UTF-16 byte order mark is trusted, UTF-16 without one is recognised by its
zero bytes, then strict UTF-8, else Windows-1252 (what Untis and older Excel write as "ANSI").
The separator is detected; `scheidingsteken` and `codering` let the caller ask the user instead.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import time as klok
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any, NoReturn
from zoneinfo import ZoneInfo

import icalendar
from dateutil.rrule import rrule, rruleset, rrulestr  # type: ignore[import-untyped]
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from plg.core.db import outside_transaction

BRUSSEL = ZoneInfo("Europe/Brussels")
MAX_BYTES = 5 * 1024 * 1024  # a large school's GPU001 is well under 1 MB
MAX_FOUTEN = 50  # more than this is one wrong setting, not fifty typos
MAX_LESUUR = 12
MAX_TEKST = 100  # group and subject names; Untis' own names are far shorter
MAX_HERHALINGEN = 50_000  # steps through one recurring event before we call it unreadable
MAX_REKENTIJD = 10.0  # seconds for all recurrences of one file: a rule that never matches is slow

SCHEIDINGSTEKENS = (";", "\t", ",")


@dataclass(frozen=True)
class ImportFout:
    bestand: str
    regel: int | None  # 1-based line in the file; None: about the whole file
    veld: str | None  # the column or property as the user knows it
    melding: str  # Dutch: what is wrong and what is expected

    def __str__(self) -> str:
        plaats = [self.bestand]
        if self.regel is not None:
            plaats.append(_("regel %(regel)d") % {"regel": self.regel})
        if self.veld:
            plaats.append(_("veld '%(veld)s'") % {"veld": self.veld})
        return _("%(plaats)s: %(melding)s") % {"plaats": ", ".join(plaats), "melding": self.melding}


class ImportMislukt(Exception):
    """Every problem found in one file; the caller stores nothing.

    `fouten` is ready to show: at most `MAX_FOUTEN` errors in line order, then, when more were
    found, one last entry "en nog N fouten" (its count is also in `weggelaten`).
    """

    def __init__(self, fouten: Sequence[ImportFout], weggelaten: int = 0) -> None:
        self.fouten = list(fouten)
        self.weggelaten = weggelaten
        super().__init__("\n".join(str(f) for f in self.fouten))


@dataclass(frozen=True)
class LesRegel:
    leerkracht: str  # e-mail address (lower case) or the teacher's code as in the file
    dag: int  # 0 = Monday … 4 = Friday
    lesuur: int  # 1-based
    groep: str  # may be empty (a duty); from GPU001 several joined with ", "
    vak: str  # may be empty
    regel: int  # source line, for later messages


@dataclass(frozen=True)
class Leerkracht:
    code: str
    familienaam: str
    voornaam: str
    email: str  # lower case, or empty when Untis has none


@dataclass(frozen=True)
class BezetBlok:
    begin: datetime  # aware, Europe/Brussels
    einde: datetime


class _Fouten:
    """Collects errors for one file, so all of them reach the user in one go."""

    def __init__(self, bestand: str) -> None:
        self.bestand = bestand
        self.lijst: list[ImportFout] = []

    def __bool__(self) -> bool:
        return bool(self.lijst)

    def voeg_toe(self, regel: int | None, veld: str | None, melding: str) -> None:
        self.lijst.append(ImportFout(self.bestand, regel, veld, melding))

    def gooi(self) -> NoReturn:
        geordend = sorted(self.lijst, key=lambda f: (f.regel is not None, f.regel or 0))
        getoond = geordend[:MAX_FOUTEN]
        weggelaten = len(geordend) - len(getoond)
        if weggelaten:
            melding = ngettext("en nog %(aantal)d fout", "en nog %(aantal)d fouten", weggelaten) % {
                "aantal": weggelaten
            }
            getoond.append(ImportFout(self.bestand, None, None, melding))
        raise ImportMislukt(getoond, weggelaten)

    def controleer(self) -> None:
        if self.lijst:
            self.gooi()


# --- bytes to text ---------------------------------------------------------------------------


def _tekst(data: bytes, fouten: _Fouten, codering: str | None) -> str:
    """Decode the upload, or raise with one file-level error that says what to do instead."""
    if len(data) > MAX_BYTES:
        fouten.voeg_toe(
            None,
            None,
            _("het bestand is %(grootte)d MB; het mag hoogstens %(grens)d MB zijn.")
            % {"grootte": -(-len(data) // (1024 * 1024)), "grens": MAX_BYTES // (1024 * 1024)},
        )
        fouten.gooi()
    if not data.strip(b" \t\r\n\x00\x1a\xef\xbb\xbf\xff\xfe"):
        fouten.voeg_toe(None, None, _("het bestand is leeg."))
        fouten.gooi()
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        fouten.voeg_toe(
            None,
            None,
            _(
                "dit is een Excel-werkmap, geen tekstbestand. Bewaar het in Excel met "
                "'Opslaan als' als 'CSV (gescheiden door lijstscheidingsteken)'."
            ),
        )
        fouten.gooi()

    if codering:
        try:
            naam = codecs.lookup(codering).name
        except LookupError:
            fouten.voeg_toe(
                None, None, _("'%(codering)s' is geen bekende codering.") % {"codering": codering}
            )
            fouten.gooi()
    elif data.startswith(codecs.BOM_UTF8):
        naam = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        naam = "utf-16"
    elif (zonder_bom := _utf16_zonder_bom(data)) is not None:
        naam = zonder_bom
    elif b"\x00" in data:
        _geen_tekst(fouten)  # 8-bit text never holds a zero byte; a picture or program does
    else:
        try:
            naam = "utf-8"
            data.decode(naam)
        except UnicodeDecodeError:
            naam = "cp1252"

    try:
        tekst = data.decode(naam)
    except UnicodeDecodeError as fout:
        regel = data[: fout.start].count(b"\n") + 1 if "16" not in naam else None
        fouten.voeg_toe(
            regel,
            None,
            _(
                "dit is geen tekst in de tekencodering %(codering)s. Kies een andere "
                "tekencodering, of bewaar het bestand opnieuw als CSV (UTF-8)."
            )
            % {"codering": naam},
        )
        fouten.gooi()

    tekst = tekst.removeprefix("\ufeff").rstrip("\x1a")  # a BOM we were told to ignore; DOS EOF
    vreemd = sum(1 for teken in tekst if ord(teken) < 32 and teken not in "\t\r\n\x0c")
    if "\x00" in tekst or vreemd > len(tekst) // 100:
        _geen_tekst(fouten)
    if not tekst.strip():
        fouten.voeg_toe(None, None, _("het bestand is leeg."))
        fouten.gooi()
    return tekst


def _geen_tekst(fouten: _Fouten) -> NoReturn:
    fouten.voeg_toe(
        None,
        None,
        _("dit is geen tekstbestand. Verwacht wordt een tekstbestand (CSV, TXT of ICS)."),
    )
    fouten.gooi()


def _utf16_zonder_bom(data: bytes) -> str | None:
    """Excel's 'Unicode text' always has a BOM, other tools not: ASCII text has every other byte 0."""
    staal = data[:2000]
    if len(staal) < 4:
        return None
    even = staal[0::2].count(0)
    oneven = staal[1::2].count(0)
    helft = len(staal) // 2
    if oneven > helft * 0.4 and even < helft * 0.05:
        return "utf-16-le"
    if even > helft * 0.4 and oneven < helft * 0.05:
        return "utf-16-be"
    return None


# --- text to rows ----------------------------------------------------------------------------


def _rijen(tekst: str, scheidingsteken: str, fouten: _Fouten) -> list[tuple[int, list[str]]]:
    """Non-empty rows with the line each starts on; quoted fields may span lines."""
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheidingsteken, quotechar='"')
    rijen: list[tuple[int, list[str]]] = []
    vorige = 0
    try:
        for rij in lezer:
            begin, vorige = vorige + 1, lezer.line_num
            velden = [waarde.strip() for waarde in rij]
            if any(velden):
                rijen.append((begin, velden))
    except csv.Error:
        fouten.voeg_toe(
            vorige + 1,
            None,
            _(
                'deze regel is niet te lezen: een veld is te lang of een aanhalingsteken (") '
                "wordt niet afgesloten."
            ),
        )
    return rijen


def _kies_scheidingsteken(waarde: str, fouten: _Fouten) -> str:
    if waarde.strip().casefold() in {"tab", "\\t"} or waarde == "\t":
        return "\t"
    if len(waarde) != 1 or waarde in '"\r\n':
        fouten.voeg_toe(
            None,
            None,
            _("'%(teken)s' kan geen scheidingsteken zijn; gebruik ; of , of tab.")
            % {"teken": waarde},
        )
        fouten.gooi()
    return waarde


def _eerste_regel(tekst: str) -> tuple[int, str]:
    for nummer, regel in enumerate(re.split(r"\r\n|\r|\n", tekst), start=1):
        if regel.strip():
            return nummer, regel
    return 0, ""


# --- values ----------------------------------------------------------------------------------

_DAGEN = {
    **dict.fromkeys(("ma", "maa", "maandag", "mon", "monday"), 0),
    **dict.fromkeys(("di", "din", "dinsdag", "tue", "tues", "tuesday"), 1),
    **dict.fromkeys(("wo", "woe", "woensdag", "wed", "wednesday"), 2),
    **dict.fromkeys(("do", "don", "donderdag", "thu", "thur", "thurs", "thursday"), 3),
    **dict.fromkeys(("vr", "vri", "vrijdag", "fri", "friday"), 4),
}
_WEEKEND = {"za", "zat", "zaterdag", "sat", "saturday", "zo", "zon", "zondag", "sun", "sunday"}


def _dagnaam(dag: int) -> str:
    return [_("maandag"), _("dinsdag"), _("woensdag"), _("donderdag"), _("vrijdag")][dag]


def _lees_dag(waarde: str, alleen_getal: bool) -> tuple[int | None, str | None]:
    """The weekday 0–4, or the message that explains what to write instead."""
    gebruik = _("gebruik ma, di, wo, do of vr.") if not alleen_getal else ""
    if not waarde:
        if alleen_getal:
            return None, _("de dag ontbreekt; Untis schrijft 1 (maandag) tot 5 (vrijdag).")
        return None, _("de dag ontbreekt; %(gebruik)s") % {"gebruik": gebruik}
    sleutel = waarde.casefold().rstrip(".")
    if sleutel.isdecimal() and sleutel.isascii():
        nummer = int(sleutel)
        if 1 <= nummer <= 5:
            return nummer - 1, None
        sleutel = "za" if nummer in (6, 7) else "?"  # the weekend, or no day at all
    elif alleen_getal:
        return None, _(
            "'%(waarde)s' is geen dagnummer; Untis schrijft 1 (maandag) tot 5 (vrijdag)."
        ) % {"waarde": waarde}
    if sleutel in _DAGEN:
        return _DAGEN[sleutel], None
    if sleutel in _WEEKEND:
        if alleen_getal:
            return None, _(
                "dag %(waarde)s valt in het weekend; alleen lessen van maandag tot vrijdag "
                "worden ingelezen."
            ) % {"waarde": waarde}
        return None, _("'%(waarde)s' is geen lesdag; %(gebruik)s") % {
            "waarde": waarde,
            "gebruik": gebruik,
        }
    if alleen_getal:
        return None, _(
            "'%(waarde)s' is geen dagnummer; Untis schrijft 1 (maandag) tot 5 (vrijdag)."
        ) % {"waarde": waarde}
    return None, _(
        "'%(waarde)s' is geen dag; gebruik ma, di, wo, do of vr (of maandag … vrijdag, of 1 tot 5)."
    ) % {"waarde": waarde}


def _lees_lesuur(waarde: str) -> tuple[int | None, str | None]:
    if not waarde:
        return None, _("het lesuur ontbreekt; geef een getal van 1 tot %(max)d.") % {
            "max": MAX_LESUUR
        }
    if not (waarde.isdecimal() and waarde.isascii()):
        return None, _(
            "'%(waarde)s' is geen getal; geef het lesuur als getal van 1 tot %(max)d."
        ) % {
            "waarde": waarde,
            "max": MAX_LESUUR,
        }
    nummer = int(waarde)
    if not 1 <= nummer <= MAX_LESUUR:
        return None, _("lesuur %(waarde)s bestaat niet; geef een getal van 1 tot %(max)d.") % {
            "waarde": waarde,
            "max": MAX_LESUUR,
        }
    return nummer, None


def _lees_email(waarde: str) -> tuple[str | None, str | None]:
    try:
        validate_email(waarde)
    except ValidationError:
        return None, _("'%(waarde)s' is geen geldig e-mailadres.") % {"waarde": waarde}
    return waarde.lower(), None


def _lees_leerkracht(waarde: str) -> tuple[str | None, str | None]:
    if not waarde:
        return None, _(
            "de leerkracht ontbreekt; geef het e-mailadres of de afkorting uit het lesrooster."
        )
    if "@" in waarde:
        return _lees_email(waarde)
    if len(waarde) > MAX_TEKST:
        return None, _("de afkorting is langer dan %(max)d tekens.") % {"max": MAX_TEKST}
    return waarde, None


def _te_lang(waarde: str) -> str | None:
    if len(waarde) > MAX_TEKST:
        return _("is langer dan %(max)d tekens; kort het in.") % {"max": MAX_TEKST}
    return None


# --- our own CSV -----------------------------------------------------------------------------

_KOLOMMEN = {
    "leerkracht": ("leerkracht", "leraar", "teacher"),
    "dag": ("dag", "day"),
    "lesuur": ("lesuur", "uur", "period"),
    "groep": ("groep", "klas", "group", "class"),
    "vak": ("vak", "subject"),
}
_KOLOM_VAN = {naam: kolom for kolom, namen in _KOLOMMEN.items() for naam in namen}


def _kolomnaam(waarde: str) -> str:
    return " ".join(waarde.replace("\ufeff", "").split()).casefold()


@outside_transaction
def lees_lessen_csv(
    data: bytes, bestand: str, *, scheidingsteken: str | None = None, codering: str | None = None
) -> list[LesRegel]:
    """Our documented CSV (see docs/tijd-maken-import.md): one line per teacher, day and period."""
    fouten = _Fouten(bestand)
    tekst = _tekst(data, fouten, codering)

    kop_nummer, kopregel = _eerste_regel(tekst)
    sep_regel = re.fullmatch(r"\s*sep=(.)\s*", kopregel, re.IGNORECASE)  # Excel's hint line
    if scheidingsteken:
        teken = _kies_scheidingsteken(scheidingsteken, fouten)
    elif sep_regel:
        teken = sep_regel.group(1)
    else:
        teken = max(SCHEIDINGSTEKENS, key=lambda t: _kopscore(kopregel, t))

    rijen = _rijen(tekst, teken, fouten)
    fouten.controleer()
    if sep_regel:
        rijen = [(nummer, rij) for nummer, rij in rijen if nummer != kop_nummer]
    if not rijen:
        fouten.voeg_toe(None, None, _("het bestand is leeg."))
        fouten.gooi()

    kop_regel, kop = rijen[0]
    posities: dict[str, int] = {}
    for index, kopnaam in enumerate(kop):
        kolom = _KOLOM_VAN.get(_kolomnaam(kopnaam))
        if kolom is None:
            continue  # extra columns such as "lokaal" are allowed and ignored
        if kolom in posities:
            fouten.voeg_toe(
                kop_regel,
                kopnaam,
                _("deze kolom staat twee keer in de kopregel; laat er één staan."),
            )
        posities[kolom] = index
    verwacht = _("leerkracht;dag;lesuur;groep;vak")
    for kolom in _KOLOMMEN:
        if kolom not in posities:
            fouten.voeg_toe(
                kop_regel,
                kolom,
                _(
                    "deze kolom ontbreekt in de kopregel. De eerste regel moet de kolomnamen "
                    "bevatten, bijvoorbeeld: %(verwacht)s"
                )
                % {"verwacht": verwacht},
            )
    fouten.controleer()

    def veld(rij: list[str], kolom: str) -> str:
        index = posities[kolom]
        return rij[index] if index < len(rij) else ""

    def titel(kolom: str) -> str:
        return kop[posities[kolom]]  # the header as the user wrote it

    lessen: list[LesRegel] = []
    for regel, rij in rijen[1:]:
        leerkracht, melding = _lees_leerkracht(veld(rij, "leerkracht"))
        if melding:
            fouten.voeg_toe(regel, titel("leerkracht"), melding)
        dag, melding = _lees_dag(veld(rij, "dag"), alleen_getal=False)
        if melding:
            fouten.voeg_toe(regel, titel("dag"), melding)
        lesuur, melding = _lees_lesuur(veld(rij, "lesuur"))
        if melding:
            fouten.voeg_toe(regel, titel("lesuur"), melding)
        groep, vak = veld(rij, "groep"), veld(rij, "vak")
        for kolom, waarde in (("groep", groep), ("vak", vak)):
            if melding := _te_lang(waarde):
                fouten.voeg_toe(regel, titel(kolom), melding)
        if leerkracht is not None and dag is not None and lesuur is not None:
            lessen.append(LesRegel(leerkracht, dag, lesuur, groep, vak, regel))

    uniek = _zonder_dubbels(lessen, fouten, titel("groep"), titel("vak"))
    if not uniek and not fouten:
        fouten.voeg_toe(None, None, _("het bestand bevat alleen een kopregel en geen lessen."))
    fouten.controleer()
    return uniek


def _kopscore(kopregel: str, teken: str) -> tuple[int, int]:
    try:
        velden = next(csv.reader([kopregel], delimiter=teken), [])
    except csv.Error:  # a field over the csv module's limit: `_rijen` names the line
        return 0, 0
    return sum(_kolomnaam(v) in _KOLOM_VAN for v in velden), len(velden)


def _zonder_dubbels(
    lessen: list[LesRegel], fouten: _Fouten, groepveld: str, vakveld: str
) -> list[LesRegel]:
    """The same line twice is one lesson; another group in the same period is a mistake."""
    gezien: dict[tuple[str, int, int], LesRegel] = {}
    uniek: list[LesRegel] = []
    for les in lessen:
        sleutel = (les.leerkracht.casefold(), les.dag, les.lesuur)  # codes match in any case
        eerder = gezien.get(sleutel)
        if eerder is None:
            gezien[sleutel] = les
            uniek.append(les)
        elif (eerder.groep.casefold(), eerder.vak.casefold()) != (
            les.groep.casefold(),
            les.vak.casefold(),
        ):
            andere_groep = eerder.groep.casefold() != les.groep.casefold()
            fouten.voeg_toe(
                les.regel,
                groepveld if andere_groep else vakveld,
                _(
                    "%(leerkracht)s heeft op %(dag)s in lesuur %(lesuur)d al les volgens regel "
                    "%(eerder)d (%(wat_eerder)s) en hier ook (%(wat)s). Een leerkracht geeft één les "
                    "tegelijk: verwijder één van beide regels, of schrijf een les aan twee groepen "
                    "samen op één regel (bijvoorbeeld 3A+3B)."
                )
                % {
                    "leerkracht": les.leerkracht,
                    "dag": _dagnaam(les.dag),
                    "lesuur": les.lesuur,
                    "eerder": eerder.regel,
                    "wat_eerder": _omschrijving(eerder),
                    "wat": _omschrijving(les),
                },
            )
    return uniek


def _omschrijving(les: LesRegel) -> str:
    groep = les.groep or _("geen groep")
    return f"{groep}, {les.vak}" if les.vak else groep


# --- Untis GPU files -------------------------------------------------------------------------


def _gpu_rijen(
    data: bytes,
    bestand: str,
    scheidingsteken: str | None,
    codering: str | None,
    min_kolommen: int,
    soort: str,
) -> tuple[_Fouten, list[tuple[int, list[str]]]]:
    fouten = _Fouten(bestand)
    tekst = _tekst(data, fouten, codering)
    if scheidingsteken:
        return fouten, _rijen(tekst, _kies_scheidingsteken(scheidingsteken, fouten), fouten)

    begin = "\n".join(re.split(r"\r\n|\r|\n", tekst, maxsplit=200)[:200])
    beste: tuple[float, int, int] = (0.0, 0, 0)
    gekozen = ""
    for volgorde, teken in enumerate((",", ";", "\t")):
        staal = _rijen(begin, teken, _Fouten(bestand))
        if not staal:
            continue
        passend = sum(len(rij) >= min_kolommen for _regel, rij in staal) / len(staal)
        score = (passend, sorted(len(rij) for _regel, rij in staal)[len(staal) // 2], -volgorde)
        if passend > 0 and score > beste:
            beste, gekozen = score, teken
    if not gekozen:
        fouten.voeg_toe(
            None,
            None,
            _(
                "de kolommen zijn niet te herkennen. %(soort)s heeft op elke regel minstens "
                "%(aantal)d velden, gescheiden door een komma, puntkomma of tab. Kies het "
                "scheidingsteken zelf, of exporteer het bestand opnieuw uit Untis."
            )
            % {"soort": soort, "aantal": min_kolommen},
        )
        fouten.gooi()
    return fouten, _rijen(tekst, gekozen, fouten)


@outside_transaction
def lees_gpu_lessen(
    data: bytes, bestand: str, *, scheidingsteken: str | None = None, codering: str | None = None
) -> list[LesRegel]:
    """Untis GPU001.TXT (timetable); column positions in the module docstring."""
    fouten, rijen = _gpu_rijen(
        data, bestand, scheidingsteken, codering, 7, _("GPU001.TXT (lesrooster)")
    )
    per_uur: dict[tuple[str, int, int], list[tuple[int, str, str, str]]] = {}
    onleesbaar = 0
    for regel, rij in rijen:
        if len(rij) < 7:
            onleesbaar += 1
            fouten.voeg_toe(
                regel,
                None,
                _(
                    "deze regel heeft %(aantal)d velden; een regel van GPU001.TXT heeft er minstens "
                    "7 (nummer, klas, leerkracht, vak, lokaal, dag, lesuur)."
                )
                % {"aantal": len(rij)},
            )
            continue
        groep, leerkracht, vak = rij[1], rij[2], rij[3]
        if not leerkracht:
            continue  # a lesson without a teacher keeps nobody busy
        dag, dagfout = _lees_dag(rij[5], alleen_getal=True)
        if dagfout:
            fouten.voeg_toe(regel, _("dag (kolom 6)"), dagfout)
        lesuur, uurfout = _lees_lesuur(rij[6])
        if uurfout:
            fouten.voeg_toe(regel, _("lesuur (kolom 7)"), uurfout)
        if dagfout or uurfout:
            onleesbaar += 1
        for kolom, waarde in ((_("klas (kolom 2)"), groep), (_("vak (kolom 4)"), vak)):
            if melding := _te_lang(waarde):
                fouten.voeg_toe(regel, kolom, melding)
        if len(leerkracht) > MAX_TEKST:
            fouten.voeg_toe(
                regel,
                _("leerkracht (kolom 3)"),
                _("de afkorting is langer dan %(max)d tekens.") % {"max": MAX_TEKST},
            )
        elif dag is not None and lesuur is not None:
            sleutel = (leerkracht.casefold(), dag, lesuur)
            per_uur.setdefault(sleutel, []).append((regel, leerkracht, groep, vak))

    if not per_uur:
        if onleesbaar:
            fouten.voeg_toe(
                None,
                None,
                _("geen enkele regel is een les. Is dit wel het lesrooster GPU001.TXT uit Untis?"),
            )
        elif not fouten:
            fouten.voeg_toe(None, None, _("het bestand bevat geen enkele les met een leerkracht."))
    fouten.controleer()

    lessen = []
    for (_code, dag, lesuur), regels in per_uur.items():
        groepen = ", ".join(dict.fromkeys(groep for _r, _l, groep, _v in regels if groep))
        vakken = ", ".join(dict.fromkeys(vak for _r, _l, _g, vak in regels if vak))
        regel, leerkracht = regels[0][0], regels[0][1]
        lessen.append(LesRegel(leerkracht, dag, lesuur, groepen, vakken, regel))
    return sorted(lessen, key=lambda les: les.regel)


@outside_transaction
def lees_gpu_leerkrachten(
    data: bytes, bestand: str, *, scheidingsteken: str | None = None, codering: str | None = None
) -> list[Leerkracht]:
    """Untis GPU004.TXT (teachers): code, family name, first name, e-mail."""
    fouten, rijen = _gpu_rijen(
        data, bestand, scheidingsteken, codering, 2, _("GPU004.TXT (leerkrachten)")
    )
    if _lijkt_gpu001(rijen):
        fouten.voeg_toe(
            None,
            None,
            _(
                "dit lijkt het lesrooster (GPU001.TXT), niet de lijst van leerkrachten. "
                "Exporteer in Untis de leerkrachten als GPU004.TXT."
            ),
        )
        fouten.gooi()

    leerkrachten: list[Leerkracht] = []
    eerst_gezien: dict[str, int] = {}
    for regel, rij in rijen:
        code = rij[0]
        familienaam = rij[1] if len(rij) > 1 else ""
        voornaam = rij[28] if len(rij) > 28 else ""
        email = rij[32] if len(rij) > 32 else ""
        goed = True
        if not code:
            fouten.voeg_toe(
                regel, _("naam (kolom 1)"), _("de afkorting van de leerkracht ontbreekt.")
            )
            goed = False
        elif code.casefold() in eerst_gezien:
            fouten.voeg_toe(
                regel,
                _("naam (kolom 1)"),
                _(
                    "de afkorting '%(code)s' staat ook al op regel %(eerder)d; elke leerkracht "
                    "heeft een eigen afkorting (hoofdletters en kleine letters tellen als gelijk)."
                )
                % {"code": code, "eerder": eerst_gezien[code.casefold()]},
            )
            goed = False
        else:
            eerst_gezien[code.casefold()] = regel
        for kolom, waarde in (
            (_("naam (kolom 1)"), code),
            (_("langnaam (kolom 2)"), familienaam),
            (_("voornaam (kolom 29)"), voornaam),
        ):
            if melding := _te_lang(waarde):
                fouten.voeg_toe(regel, kolom, melding)
                goed = False
        if email:
            email_goed, melding = _lees_email(email)
            if melding:
                fouten.voeg_toe(regel, _("e-mail (kolom 33)"), melding)
                goed = False
            email = email_goed or ""
        if goed:
            leerkrachten.append(Leerkracht(code, familienaam, voornaam, email))
    if not leerkrachten and not fouten:
        fouten.voeg_toe(None, None, _("het bestand bevat geen leerkrachten."))
    fouten.controleer()
    return leerkrachten


def _lijkt_gpu001(rijen: list[tuple[int, list[str]]]) -> bool:
    """GPU001 rows are short with numbers in columns 1, 6 and 7; GPU004 rows are long and text."""
    staal = rijen[:50]
    if not staal:
        return False
    passend = sum(
        7 <= len(rij) <= 12 and rij[0].isdecimal() and rij[5].isdecimal() and rij[6].isdecimal()
        for _regel, rij in staal
    )
    return passend >= len(staal) * 0.9


# --- iCalendar -------------------------------------------------------------------------------

# A content line: NAME, then ;PARAM=value[,value] (values may be quoted and hold ':'), then ':'.
_PARAMWAARDE = r'(?:"[^"]*"|[^";:,]*)'
_INHOUDSREGEL = re.compile(
    rf"([A-Za-z0-9-]+)(?:;[A-Za-z0-9-]+={_PARAMWAARDE}(?:,{_PARAMWAARDE})*)*:"
)


@dataclass
class _Onderdeel:
    """Where a VEVENT or VFREEBUSY and its properties are in the file, for messages."""

    naam: str
    begin: int
    eigenschappen: dict[str, int] = field(default_factory=dict)

    def regel(self, eigenschap: str) -> int:
        return self.eigenschappen.get(eigenschap, self.begin)


@dataclass
class _Afspraak:
    uid: str | None
    plaats: _Onderdeel | None
    start: datetime  # naive wall-clock time in `zone`; midnight for a whole day
    zone: tzinfo
    duur: timedelta  # wall-clock
    hele_dag: bool
    bezet: bool
    herhaling_id: date | datetime | None = None
    regels: list[Any] = field(default_factory=list)
    extra: list[datetime] = field(default_factory=list)  # RDATE, naive in `zone`
    uitgezonderd: set[datetime] = field(default_factory=set)  # EXDATE, naive in `zone`
    uitgezonderde_dagen: set[date] = field(default_factory=set)


@outside_transaction
def lees_ical(data: bytes, bestand: str, van: date, tot: date) -> list[BezetBlok]:
    """Busy blocks between `van` and `tot` (both included, Brussels days), merged and clipped.

    Busy: every VEVENT unless STATUS:CANCELLED, TRANSP:TRANSPARENT or Outlook's
    X-MICROSOFT-CDO-BUSYSTATUS:FREE; and FREEBUSY periods of a VFREEBUSY except FBTYPE=FREE.
    A date without time is busy from midnight to midnight in Brussels. Times without a zone, and
    zones neither icalendar nor the file's VTIMEZONE knows, are Brussels time. RRULE and RDATE
    are expanded in the event's own zone, so a weekly 14:00 stays at 14:00 across the clock
    change; EXDATE and RECURRENCE-ID overrides (moved or cancelled occurrences) are applied.
    RANGE=THISANDFUTURE is treated as a single occurrence.
    """
    if van > tot:
        raise ValueError("van must not be after tot")
    fouten = _Fouten(bestand)
    tekst = _tekst(data, fouten, None)
    gebeurtenissen, vrijbezet = _ical_structuur(tekst, fouten)
    fouten.controleer()
    try:
        gelezen = icalendar.Calendar.from_ical(tekst, multiple=True)
    except Exception:
        fouten.voeg_toe(
            None,
            None,
            _("dit bestand is geen leesbare agenda. Exporteer de agenda opnieuw als .ics."),
        )
        fouten.gooi()
    kalenders = gelezen if isinstance(gelezen, list) else [gelezen]

    venster = (
        datetime.combine(van, time(), BRUSSEL),
        datetime.combine(tot + timedelta(days=1), time(), BRUSSEL),
    )
    events = [e for kalender in kalenders for e in kalender.walk("VEVENT")]
    plaatsen: list[_Onderdeel | None] = [*gebeurtenissen]
    if len(plaatsen) != len(events):
        plaatsen = [None] * len(events)
    afspraken: list[_Afspraak] = []
    for event, plaats in zip(events, plaatsen, strict=True):
        try:
            afspraak = _afspraak(event, plaats, fouten)
        except Exception:
            fouten.voeg_toe(
                plaats.begin if plaats else None,
                None,
                _("deze afspraak kan niet gelezen worden; exporteer de agenda opnieuw."),
            )
            continue
        if afspraak is not None:
            afspraken.append(afspraak)

    vervangen: set[tuple[str, date | datetime]] = {
        (a.uid, a.herhaling_id) for a in afspraken if a.uid and a.herhaling_id is not None
    }
    blokken: list[tuple[datetime, datetime]] = []
    uiterlijk = klok.monotonic() + MAX_REKENTIJD
    for afspraak in afspraken:
        if klok.monotonic() > uiterlijk:
            fouten.voeg_toe(
                None,
                None,
                _(
                    "deze agenda heeft te veel of te ingewikkelde herhalingen om in te lezen. "
                    "Exporteer alleen de periode die u nodig hebt."
                ),
            )
            break
        try:
            blokken.extend(_blokken(afspraak, venster, vervangen, fouten))
        except Exception:
            plaats = afspraak.plaats
            fouten.voeg_toe(
                plaats.regel("RRULE") if plaats else None,
                "RRULE",
                _("de herhaling van deze afspraak kan niet berekend worden."),
            )

    vrij_componenten = [c for kalender in kalenders for c in kalender.walk("VFREEBUSY")]
    vrij_plaatsen: list[_Onderdeel | None] = [*vrijbezet]
    if len(vrij_plaatsen) != len(vrij_componenten):
        vrij_plaatsen = [None] * len(vrij_componenten)
    for component, plaats in zip(vrij_componenten, vrij_plaatsen, strict=True):
        try:
            blokken.extend(_vrijbezet_blokken(component))
        except Exception:
            fouten.voeg_toe(
                plaats.regel("FREEBUSY") if plaats else None,
                "FREEBUSY",
                _("deze bezette tijden kunnen niet gelezen worden."),
            )
    fouten.controleer()
    return _samengevoegd(blokken, venster)


def _ical_structuur(tekst: str, fouten: _Fouten) -> tuple[list[_Onderdeel], list[_Onderdeel]]:
    """Check lines and BEGIN/END ourselves: icalendar forgives much, and never says which line."""
    logisch: list[tuple[int, str]] = []
    for nummer, regel in enumerate(re.split(r"\r\n|\r|\n", tekst), start=1):
        if regel[:1] in (" ", "\t") and logisch:
            logisch[-1] = (logisch[-1][0], logisch[-1][1] + regel[1:])
        elif regel.strip():
            logisch.append((nummer, regel))
    if logisch and logisch[0][1].strip().upper() != "BEGIN:VCALENDAR":
        fouten.voeg_toe(
            logisch[0][0],
            None,
            _(
                "dit is geen agendabestand (.ics): de eerste regel moet BEGIN:VCALENDAR zijn. "
                "Exporteer de agenda uit Outlook of Google Agenda als .ics-bestand."
            ),
        )
        fouten.gooi()

    open_: list[tuple[str, int]] = []
    gebeurtenissen: list[_Onderdeel] = []
    vrijbezet: list[_Onderdeel] = []
    huidig: _Onderdeel | None = None
    for nummer, regel in logisch:
        treffer = _INHOUDSREGEL.match(regel)
        if treffer is None:
            fouten.voeg_toe(
                nummer,
                None,
                _("'%(tekst)s' is geen geldige agendaregel; verwacht wordt NAAM:waarde.")
                % {"tekst": _kort(regel)},
            )
            continue
        naam = treffer.group(1).upper()
        waarde = regel[treffer.end() :].strip().upper()
        if naam == "BEGIN":
            if not open_ and waarde != "VCALENDAR":
                fouten.voeg_toe(
                    nummer, None, _("na END:VCALENDAR kan alleen een nieuwe BEGIN:VCALENDAR komen.")
                )
            open_.append((waarde, nummer))
            if waarde in ("VEVENT", "VFREEBUSY"):
                huidig = _Onderdeel(waarde, nummer)
                (gebeurtenissen if waarde == "VEVENT" else vrijbezet).append(huidig)
        elif naam == "END":
            if not open_ or open_[-1][0] != waarde:
                if open_:
                    melding = _("END:%(naam)s past niet bij BEGIN:%(open)s op regel %(regel)d.") % {
                        "naam": waarde,
                        "open": open_[-1][0],
                        "regel": open_[-1][1],
                    }
                else:
                    melding = _("END:%(naam)s zonder BEGIN:%(naam)s.") % {"naam": waarde}
                fouten.voeg_toe(nummer, None, melding)
                fouten.gooi()  # everything after a broken nesting is guesswork
            open_.pop()
            if waarde in ("VEVENT", "VFREEBUSY"):
                huidig = None
        elif not open_:
            fouten.voeg_toe(
                nummer,
                None,
                _("'%(tekst)s' staat buiten BEGIN:VCALENDAR … END:VCALENDAR.")
                % {"tekst": _kort(regel)},
            )
        elif huidig is not None and open_[-1][0] == huidig.naam:
            huidig.eigenschappen.setdefault(naam, nummer)
    if open_:
        naam, nummer = open_[-1]
        fouten.voeg_toe(
            nummer,
            None,
            _("BEGIN:%(naam)s wordt nergens afgesloten met END:%(naam)s; is het bestand volledig?")
            % {"naam": naam},
        )
    return gebeurtenissen, vrijbezet


def _kort(tekst: str) -> str:
    return tekst if len(tekst) <= 40 else tekst[:40] + "…"


def _tekstwaarde(component: Any, naam: str) -> str:
    waarde = component.get(naam)
    if waarde is None:
        return ""
    if isinstance(waarde, bytes):
        waarde = waarde.decode("utf-8", "replace")
    return str(waarde).strip().upper()


def _bewust(waarde: datetime) -> datetime:
    """A time without zone (floating, or a zone nobody could resolve) is Brussels time."""
    return waarde if waarde.tzinfo is not None else waarde.replace(tzinfo=BRUSSEL)


def _in_zone(waarde: date | datetime, zone: tzinfo) -> datetime:
    """Wall-clock time in `zone`, without zone, for expanding recurrences there."""
    if isinstance(waarde, datetime):
        return _bewust(waarde).astimezone(zone).replace(tzinfo=None)
    return datetime.combine(waarde, time())


def _datumwaarde(
    component: Any, naam: str, plaats: _Onderdeel | None, fouten: _Fouten
) -> date | datetime | timedelta | None:
    eigenschap = component.get(naam)
    if eigenschap is None:
        return None
    waarde = None if isinstance(eigenschap, icalendar.vBroken) else getattr(eigenschap, "dt", None)
    if not isinstance(waarde, date | timedelta):
        fouten.voeg_toe(
            plaats.regel(naam) if plaats else None,
            naam,
            _(
                "'%(waarde)s' is geen geldige datum of tijd; verwacht wordt bijvoorbeeld "
                "20270315T140000."
            )
            % {"waarde": _kort(str(eigenschap))},
        )
        return None
    return waarde


def _datumlijst(
    component: Any, naam: str, plaats: _Onderdeel | None, fouten: _Fouten
) -> list[date | datetime]:
    """All values of a repeatable date property (EXDATE, RDATE); PERIOD values give their start."""
    ruw = component.get(naam)
    if ruw is None:
        return []
    waarden: list[date | datetime] = []
    for eigenschap in ruw if isinstance(ruw, list) else [ruw]:
        if isinstance(eigenschap, icalendar.vBroken) or not hasattr(eigenschap, "dts"):
            fouten.voeg_toe(
                plaats.regel(naam) if plaats else None,
                naam,
                _("deze datums zijn niet te lezen; verwacht wordt bijvoorbeeld 20270315T140000."),
            )
            continue
        for item in eigenschap.dts:
            waarde = item.dt
            if isinstance(waarde, tuple):
                waarde = waarde[0]  # a PERIOD: its start
            if isinstance(waarde, date):
                waarden.append(waarde)
    return waarden


def _afspraak(event: Any, plaats: _Onderdeel | None, fouten: _Fouten) -> _Afspraak | None:
    start = _datumwaarde(event, "DTSTART", plaats, fouten)
    if start is None:
        if event.get("DTSTART") is None:
            fouten.voeg_toe(
                plaats.begin if plaats else None,
                "DTSTART",
                _("deze afspraak heeft geen begin (DTSTART)."),
            )
        return None
    if isinstance(start, timedelta):
        fouten.voeg_toe(
            plaats.regel("DTSTART") if plaats else None,
            "DTSTART",
            _("het begin is geen datum of tijd."),
        )
        return None

    einde = _datumwaarde(event, "DTEND", plaats, fouten)
    duur_waarde = _datumwaarde(event, "DURATION", plaats, fouten)
    hele_dag = not isinstance(start, datetime)
    zone: tzinfo = BRUSSEL
    if isinstance(start, datetime):
        zone = _bewust(start).tzinfo or BRUSSEL
    begin = _in_zone(start, zone)
    if isinstance(einde, date) and not isinstance(einde, timedelta):
        duur = _in_zone(einde, zone) - begin
    elif isinstance(duur_waarde, timedelta):
        duur = duur_waarde
    else:
        duur = timedelta(days=1) if hele_dag else timedelta(0)
    if duur < timedelta(0):
        fouten.voeg_toe(
            plaats.regel("DTEND") if plaats else None,
            "DTEND",
            _("het einde ligt vóór het begin."),
        )
        return None

    vrij = (
        _tekstwaarde(event, "STATUS") == "CANCELLED"
        or _tekstwaarde(event, "TRANSP") == "TRANSPARENT"
        or _tekstwaarde(event, "X-MICROSOFT-CDO-BUSYSTATUS") == "FREE"
    )
    uid = str(event.get("UID")) if event.get("UID") is not None else None
    afspraak = _Afspraak(
        uid, plaats, begin, zone, duur, hele_dag, bezet=not vrij and duur > timedelta(0)
    )

    herhaling = _datumwaarde(event, "RECURRENCE-ID", plaats, fouten)
    if isinstance(herhaling, datetime):
        afspraak.herhaling_id = _bewust(herhaling).astimezone(UTC)
    elif isinstance(herhaling, date) and not isinstance(herhaling, timedelta):
        afspraak.herhaling_id = herhaling
    if herhaling is not None:
        return afspraak  # an override stands for one occurrence; its own RRULE is not expanded

    for regel in event.rrules if event.get("RRULE") is not None else []:
        if isinstance(regel, icalendar.vRecur):
            afspraak.regels.append(regel)
        else:
            fouten.voeg_toe(
                plaats.regel("RRULE") if plaats else None,
                "RRULE",
                _("deze herhaling is niet te lezen; verwacht wordt bijvoorbeeld FREQ=WEEKLY."),
            )
    afspraak.extra = [_in_zone(w, zone) for w in _datumlijst(event, "RDATE", plaats, fouten)]
    for uitzondering in _datumlijst(event, "EXDATE", plaats, fouten):
        if isinstance(uitzondering, datetime) and not hele_dag:
            afspraak.uitgezonderd.add(_in_zone(uitzondering, zone))
        else:
            dag = uitzondering.date() if isinstance(uitzondering, datetime) else uitzondering
            afspraak.uitgezonderde_dagen.add(dag)
    return afspraak


def _maak_regel(regel: Any, afspraak: _Afspraak, grens: datetime) -> rrule:
    """One RRULE in wall-clock time; UNTIL moved into the event's zone, capped at the window."""
    zonder_einde = icalendar.vRecur({k: v for k, v in regel.items() if k != "UNTIL"})
    herhaling: rrule = rrulestr(zonder_einde.to_ical().decode(), dtstart=afspraak.start)
    tot = None
    if regel.get("UNTIL"):
        einde = regel["UNTIL"][0]
        if isinstance(einde, datetime):
            tot = _in_zone(einde, afspraak.zone)
        else:
            tot = datetime.combine(einde, time.max)
    if "COUNT" not in regel:
        tot = min(tot, grens) if tot else grens
    return herhaling.replace(until=tot) if tot else herhaling


def _blokken(
    afspraak: _Afspraak,
    venster: tuple[datetime, datetime],
    vervangen: set[tuple[str, date | datetime]],
    fouten: _Fouten,
) -> Iterator[tuple[datetime, datetime]]:
    if not afspraak.bezet:
        return  # a cancelled or free series; its overrides are judged on their own
    zone = afspraak.zone
    laag = venster[0].astimezone(zone).replace(tzinfo=None) - afspraak.duur - timedelta(days=1)
    hoog = venster[1].astimezone(zone).replace(tzinfo=None) + timedelta(days=1)

    if afspraak.regels or afspraak.extra:
        reeks = rruleset()
        reeks.rdate(afspraak.start)  # DTSTART is always the first occurrence
        for regel in afspraak.regels:
            reeks.rrule(_maak_regel(regel, afspraak, hoog))
        for extra in afspraak.extra:
            reeks.rdate(extra)
        momenten: Any = reeks
    else:
        momenten = [afspraak.start]

    for stap, moment in enumerate(momenten):
        if stap > MAX_HERHALINGEN:
            plaats = afspraak.plaats
            fouten.voeg_toe(
                plaats.regel("RRULE") if plaats else None,
                "RRULE",
                _("deze afspraak herhaalt zich te vaak om in te lezen."),
            )
            return
        if moment > hoog:
            return
        if moment + afspraak.duur < laag:
            continue
        if moment in afspraak.uitgezonderd or moment.date() in afspraak.uitgezonderde_dagen:
            continue
        if afspraak.uid and afspraak.herhaling_id is None:
            sleutel: date | datetime = (
                moment.date() if afspraak.hele_dag else moment.replace(tzinfo=zone).astimezone(UTC)
            )
            if (afspraak.uid, sleutel) in vervangen:
                continue  # a separate VEVENT with this RECURRENCE-ID moved or cancelled it
        begin = moment.replace(tzinfo=zone)
        einde = (moment + afspraak.duur).replace(tzinfo=zone)
        yield begin, einde


def _vrijbezet_blokken(component: Any) -> Iterator[tuple[datetime, datetime]]:
    ruw = component.get("FREEBUSY")
    if ruw is None:
        return
    for eigenschap in ruw if isinstance(ruw, list) else [ruw]:
        if str(eigenschap.params.get("FBTYPE", "BUSY")).upper() == "FREE":
            continue
        periode: Any = getattr(eigenschap, "dt", eigenschap)
        begin, einde_of_duur = periode
        begin = _bewust(begin)
        einde = begin + einde_of_duur if isinstance(einde_of_duur, timedelta) else einde_of_duur
        yield begin, _bewust(einde)


def _samengevoegd(
    blokken: list[tuple[datetime, datetime]], venster: tuple[datetime, datetime]
) -> list[BezetBlok]:
    """Clip to the window and merge overlaps: only busy or free leaves this module."""
    laag, hoog = (grens.astimezone(UTC) for grens in venster)
    geknipt = sorted(  # in UTC: aware times in one zone compare by wall clock, wrong in the fold
        (max(begin.astimezone(UTC), laag), min(einde.astimezone(UTC), hoog))
        for begin, einde in blokken
    )
    geknipt = [(begin, einde) for begin, einde in geknipt if einde > begin]
    samen: list[tuple[datetime, datetime]] = []
    for begin, einde in geknipt:
        if samen and begin <= samen[-1][1]:
            samen[-1] = (samen[-1][0], max(samen[-1][1], einde))
        else:
            samen.append((begin, einde))
    return [BezetBlok(b.astimezone(BRUSSEL), e.astimezone(BRUSSEL)) for b, e in samen]
