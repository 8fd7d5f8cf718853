"""iCalendar: the busy blocks of an Outlook or Google export, never titles, descriptions or
attendees (privacy). See `read_ical` for what counts as busy."""

from __future__ import annotations

import re
import time as klok
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
from dateutil.rrule import rrule, rruleset, rrulestr  # type: ignore[import-untyped]
from django.utils.translation import gettext as _

from plg.core.db import outside_transaction
from plg.roosters.imports.errors import Fouten
from plg.roosters.imports.records import BezetBlok
from plg.roosters.imports.text import read_text

BRUSSEL = ZoneInfo("Europe/Brussels")
MAX_HERHALINGEN = 50_000  # steps through one recurring event before we call it unreadable
MAX_REKENTIJD = 10.0  # seconds for all recurrences of one file: a rule that never matches is slow


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
def read_ical(data: bytes, bestand: str, van: date, tot: date) -> list[BezetBlok]:
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
    fouten = Fouten(bestand)
    tekst = read_text(data, fouten, None)
    structuur = _Structuur.read(tekst, fouten)
    fouten.check()
    try:
        gelezen = icalendar.Calendar.from_ical(tekst, multiple=True)
    except Exception:
        fouten.refuse(
            _("dit bestand is geen leesbare agenda. Exporteer de agenda opnieuw als .ics.")
        )
    kalenders = gelezen if isinstance(gelezen, list) else [gelezen]
    venster = (
        datetime.combine(van, time(), BRUSSEL),
        datetime.combine(tot + timedelta(days=1), time(), BRUSSEL),
    )
    events = [e for kalender in kalenders for e in kalender.walk("VEVENT")]
    afspraken = _afspraken(events, _plaatsen(structuur.gebeurtenissen, len(events)), fouten)
    blokken = _afspraak_blokken(afspraken, venster, fouten)
    componenten = [c for kalender in kalenders for c in kalender.walk("VFREEBUSY")]
    plaatsen = _plaatsen(structuur.vrijbezet, len(componenten))
    for component, plaats in zip(componenten, plaatsen, strict=True):
        try:
            blokken.extend(_vrijbezet_blokken(component))
        except Exception:
            fouten.add(
                plaats.regel("FREEBUSY") if plaats else None,
                "FREEBUSY",
                _("deze bezette tijden kunnen niet gelezen worden."),
            )
    fouten.check()
    return _merged(blokken, venster)


def _plaatsen(onderdelen: list[_Onderdeel], aantal: int) -> list[_Onderdeel | None]:
    """Where each component is in the file, when our count agrees with icalendar's."""
    return [*onderdelen] if len(onderdelen) == aantal else [None] * aantal


def _afspraken(
    events: list[Any], plaatsen: list[_Onderdeel | None], fouten: Fouten
) -> list[_Afspraak]:
    afspraken: list[_Afspraak] = []
    for event, plaats in zip(events, plaatsen, strict=True):
        try:
            afspraak = _afspraak(event, plaats, fouten)
        except Exception:
            fouten.add(
                plaats.begin if plaats else None,
                None,
                _("deze afspraak kan niet gelezen worden; exporteer de agenda opnieuw."),
            )
            continue
        if afspraak is not None:
            afspraken.append(afspraak)
    return afspraken


def _afspraak_blokken(
    afspraken: list[_Afspraak], venster: tuple[datetime, datetime], fouten: Fouten
) -> list[tuple[datetime, datetime]]:
    """Every occurrence in the window, within ``MAX_REKENTIJD`` for the whole file."""
    vervangen: set[tuple[str, date | datetime]] = {
        (a.uid, a.herhaling_id) for a in afspraken if a.uid and a.herhaling_id is not None
    }
    blokken: list[tuple[datetime, datetime]] = []
    uiterlijk = klok.monotonic() + MAX_REKENTIJD
    for afspraak in afspraken:
        if klok.monotonic() > uiterlijk:
            fouten.add(
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
            fouten.add(
                plaats.regel("RRULE") if plaats else None,
                "RRULE",
                _("de herhaling van deze afspraak kan niet berekend worden."),
            )
    return blokken


@dataclass
class _Structuur:
    """Check lines and BEGIN/END ourselves: icalendar forgives much, and never says which line.

    Keeps where each VEVENT and VFREEBUSY and their properties are, for messages.
    """

    fouten: Fouten
    open_: list[tuple[str, int]] = field(default_factory=list)
    gebeurtenissen: list[_Onderdeel] = field(default_factory=list)
    vrijbezet: list[_Onderdeel] = field(default_factory=list)
    huidig: _Onderdeel | None = None

    @classmethod
    def read(cls, tekst: str, fouten: Fouten) -> _Structuur:
        structuur = cls(fouten)
        logisch = _logische_regels(tekst, fouten)
        for nummer, regel in logisch:
            structuur.regel(nummer, regel)
        if structuur.open_:
            naam, nummer = structuur.open_[-1]
            fouten.add(
                nummer,
                None,
                _(
                    "BEGIN:%(naam)s wordt nergens afgesloten met END:%(naam)s; is het bestand "
                    "volledig?"
                )
                % {"naam": naam},
            )
        return structuur

    def regel(self, nummer: int, regel: str) -> None:
        treffer = _INHOUDSREGEL.match(regel)
        if treffer is None:
            self.fouten.add(
                nummer,
                None,
                _("'%(tekst)s' is geen geldige agendaregel; verwacht wordt NAAM:waarde.")
                % {"tekst": _kort(regel)},
            )
            return
        naam = treffer.group(1).upper()
        waarde = regel[treffer.end() :].strip().upper()
        if naam == "BEGIN":
            self.begin(nummer, waarde)
        elif naam == "END":
            self.end(nummer, waarde)
        elif not self.open_:
            self.fouten.add(
                nummer,
                None,
                _("'%(tekst)s' staat buiten BEGIN:VCALENDAR … END:VCALENDAR.")
                % {"tekst": _kort(regel)},
            )
        elif self.huidig is not None and self.open_[-1][0] == self.huidig.naam:
            self.huidig.eigenschappen.setdefault(naam, nummer)

    def begin(self, nummer: int, waarde: str) -> None:
        if not self.open_ and waarde != "VCALENDAR":
            self.fouten.add(
                nummer, None, _("na END:VCALENDAR kan alleen een nieuwe BEGIN:VCALENDAR komen.")
            )
        self.open_.append((waarde, nummer))
        if waarde in ("VEVENT", "VFREEBUSY"):
            self.huidig = _Onderdeel(waarde, nummer)
            (self.gebeurtenissen if waarde == "VEVENT" else self.vrijbezet).append(self.huidig)

    def end(self, nummer: int, waarde: str) -> None:
        if not self.open_ or self.open_[-1][0] != waarde:
            if self.open_:
                melding = _("END:%(naam)s past niet bij BEGIN:%(open)s op regel %(regel)d.") % {
                    "naam": waarde,
                    "open": self.open_[-1][0],
                    "regel": self.open_[-1][1],
                }
            else:
                melding = _("END:%(naam)s zonder BEGIN:%(naam)s.") % {"naam": waarde}
            # everything after a broken nesting is guesswork
            self.fouten.refuse(melding, regel=nummer)
        self.open_.pop()
        if waarde in ("VEVENT", "VFREEBUSY"):
            self.huidig = None


def _logische_regels(tekst: str, fouten: Fouten) -> list[tuple[int, str]]:
    """Folded lines joined again, each with the line it starts on; the first must open a
    calendar."""
    logisch: list[tuple[int, str]] = []
    for nummer, regel in enumerate(re.split(r"\r\n|\r|\n", tekst), start=1):
        if regel[:1] in (" ", "\t") and logisch:
            logisch[-1] = (logisch[-1][0], logisch[-1][1] + regel[1:])
        elif regel.strip():
            logisch.append((nummer, regel))
    if logisch and logisch[0][1].strip().upper() != "BEGIN:VCALENDAR":
        fouten.refuse(
            _(
                "dit is geen agendabestand (.ics): de eerste regel moet BEGIN:VCALENDAR zijn. "
                "Exporteer de agenda uit Outlook of Google Agenda als .ics-bestand."
            ),
            regel=logisch[0][0],
        )
    return logisch


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
    component: Any, naam: str, plaats: _Onderdeel | None, fouten: Fouten
) -> date | datetime | timedelta | None:
    eigenschap = component.get(naam)
    if eigenschap is None:
        return None
    waarde = None if isinstance(eigenschap, icalendar.vBroken) else getattr(eigenschap, "dt", None)
    if not isinstance(waarde, date | timedelta):
        fouten.add(
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
    component: Any, naam: str, plaats: _Onderdeel | None, fouten: Fouten
) -> list[date | datetime]:
    """All values of a repeatable date property (EXDATE, RDATE); PERIOD values give their start."""
    ruw = component.get(naam)
    if ruw is None:
        return []
    waarden: list[date | datetime] = []
    for eigenschap in ruw if isinstance(ruw, list) else [ruw]:
        if isinstance(eigenschap, icalendar.vBroken) or not hasattr(eigenschap, "dts"):
            fouten.add(
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


def _afspraak(event: Any, plaats: _Onderdeel | None, fouten: Fouten) -> _Afspraak | None:
    start = _start(event, plaats, fouten)
    if start is None:
        return None
    hele_dag = not isinstance(start, datetime)
    zone: tzinfo = BRUSSEL
    if isinstance(start, datetime):
        zone = _bewust(start).tzinfo or BRUSSEL
    begin = _in_zone(start, zone)
    duur = _duur(event, plaats, fouten, begin, zone, hele_dag)
    if duur is None:
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
    _herhalingen(event, afspraak, fouten)
    return afspraak


def _start(event: Any, plaats: _Onderdeel | None, fouten: Fouten) -> date | datetime | None:
    start = _datumwaarde(event, "DTSTART", plaats, fouten)
    if start is None:
        if event.get("DTSTART") is None:
            fouten.add(
                plaats.begin if plaats else None,
                "DTSTART",
                _("deze afspraak heeft geen begin (DTSTART)."),
            )
        return None
    if isinstance(start, timedelta):
        fouten.add(
            plaats.regel("DTSTART") if plaats else None,
            "DTSTART",
            _("het begin is geen datum of tijd."),
        )
        return None
    return start


def _duur(
    event: Any,
    plaats: _Onderdeel | None,
    fouten: Fouten,
    begin: datetime,
    zone: tzinfo,
    hele_dag: bool,
) -> timedelta | None:
    """From DTEND, else DURATION, else a whole day or nothing; None when it ends before it
    begins."""
    einde = _datumwaarde(event, "DTEND", plaats, fouten)
    duur_waarde = _datumwaarde(event, "DURATION", plaats, fouten)
    if isinstance(einde, date) and not isinstance(einde, timedelta):
        duur = _in_zone(einde, zone) - begin
    elif isinstance(duur_waarde, timedelta):
        duur = duur_waarde
    else:
        duur = timedelta(days=1) if hele_dag else timedelta(0)
    if duur < timedelta(0):
        fouten.add(
            plaats.regel("DTEND") if plaats else None,
            "DTEND",
            _("het einde ligt vóór het begin."),
        )
        return None
    return duur


def _herhalingen(event: Any, afspraak: _Afspraak, fouten: Fouten) -> None:
    """RRULE, RDATE and EXDATE of a series, in the event's own zone."""
    plaats, zone = afspraak.plaats, afspraak.zone
    for regel in event.rrules if event.get("RRULE") is not None else []:
        if isinstance(regel, icalendar.vRecur):
            afspraak.regels.append(regel)
        else:
            fouten.add(
                plaats.regel("RRULE") if plaats else None,
                "RRULE",
                _("deze herhaling is niet te lezen; verwacht wordt bijvoorbeeld FREQ=WEEKLY."),
            )
    afspraak.extra = [_in_zone(w, zone) for w in _datumlijst(event, "RDATE", plaats, fouten)]
    for uitzondering in _datumlijst(event, "EXDATE", plaats, fouten):
        if isinstance(uitzondering, datetime) and not afspraak.hele_dag:
            afspraak.uitgezonderd.add(_in_zone(uitzondering, zone))
        else:
            dag = uitzondering.date() if isinstance(uitzondering, datetime) else uitzondering
            afspraak.uitgezonderde_dagen.add(dag)


def _make_rrule(regel: Any, afspraak: _Afspraak, grens: datetime) -> rrule:
    """One RRULE in wall-clock time; UNTIL moved into the event's zone, capped at the window."""
    zonder_einde = icalendar.vRecur({k: v for k, v in regel.items() if k != "UNTIL"})
    ical: bytes = zonder_einde.to_ical()  # type: ignore[no-untyped-call]  # unannotated
    herhaling: rrule = rrulestr(ical.decode(), dtstart=afspraak.start)
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
    fouten: Fouten,
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
            reeks.rrule(_make_rrule(regel, afspraak, hoog))
        for extra in afspraak.extra:
            reeks.rdate(extra)
        momenten: Any = reeks
    else:
        momenten = [afspraak.start]

    for stap, moment in enumerate(momenten):
        if stap > MAX_HERHALINGEN:
            plaats = afspraak.plaats
            fouten.add(
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


def _merged(
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
