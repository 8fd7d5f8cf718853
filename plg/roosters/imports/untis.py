"""Untis "DIF" text exports: GPU001.TXT (the timetable) and GPU004.TXT (the teachers).

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
"""

from __future__ import annotations

import re
from typing import NamedTuple

from django.utils.translation import gettext as _

from plg.core.db import outside_transaction
from plg.roosters.imports.errors import Fouten
from plg.roosters.imports.records import Leerkracht, LesRegel
from plg.roosters.imports.text import choose_scheidingsteken, read_rows, read_text
from plg.roosters.imports.values import MAX_TEKST, read_dag, read_email, read_lesuur, too_long


def _gpu_rijen(
    data: bytes,
    bestand: str,
    scheidingsteken: str | None,
    codering: str | None,
    min_kolommen: int,
    soort: str,
) -> tuple[Fouten, list[tuple[int, list[str]]]]:
    fouten = Fouten(bestand)
    tekst = read_text(data, fouten, codering)
    if scheidingsteken:
        return fouten, read_rows(tekst, choose_scheidingsteken(scheidingsteken, fouten), fouten)

    begin = "\n".join(re.split(r"\r\n|\r|\n", tekst, maxsplit=200)[:200])
    beste: tuple[float, int, int] = (0.0, 0, 0)
    gekozen = ""
    for volgorde, teken in enumerate((",", ";", "\t")):
        staal = read_rows(begin, teken, Fouten(bestand))
        if not staal:
            continue
        passend = sum(len(rij) >= min_kolommen for _regel, rij in staal) / len(staal)
        score = (passend, sorted(len(rij) for _regel, rij in staal)[len(staal) // 2], -volgorde)
        if passend > 0 and score > beste:
            beste, gekozen = score, teken
    if not gekozen:
        fouten.refuse(
            _(
                "de kolommen zijn niet te herkennen. %(soort)s heeft op elke regel minstens "
                "%(aantal)d velden, gescheiden door een komma, puntkomma of tab. Kies het "
                "scheidingsteken zelf, of exporteer het bestand opnieuw uit Untis."
            )
            % {"soort": soort, "aantal": min_kolommen}
        )
    return fouten, read_rows(tekst, gekozen, fouten)


class _Uur(NamedTuple):
    regel: int
    leerkracht: str
    dag: int
    lesuur: int
    groep: str
    vak: str


@outside_transaction
def read_gpu_lessen(
    data: bytes, bestand: str, *, scheidingsteken: str | None = None, codering: str | None = None
) -> list[LesRegel]:
    """Untis GPU001.TXT (timetable); column positions in the module docstring."""
    fouten, rijen = _gpu_rijen(
        data, bestand, scheidingsteken, codering, 7, _("GPU001.TXT (lesrooster)")
    )
    per_uur: dict[tuple[str, int, int], list[_Uur]] = {}
    onleesbaar = 0
    for regel, rij in rijen:
        leesbaar, uur = _gpu001_uur(regel, rij, fouten)
        onleesbaar += not leesbaar
        if uur is not None:
            per_uur.setdefault((uur.leerkracht.casefold(), uur.dag, uur.lesuur), []).append(uur)
    if not per_uur:
        if onleesbaar:
            fouten.add(
                None,
                None,
                _("geen enkele regel is een les. Is dit wel het lesrooster GPU001.TXT uit Untis?"),
            )
        elif not fouten:
            fouten.add(None, None, _("het bestand bevat geen enkele les met een leerkracht."))
    fouten.check()
    lessen = []
    for uren in per_uur.values():
        groepen = ", ".join(dict.fromkeys(uur.groep for uur in uren if uur.groep))
        vakken = ", ".join(dict.fromkeys(uur.vak for uur in uren if uur.vak))
        eerste = uren[0]
        lessen.append(
            LesRegel(eerste.leerkracht, eerste.dag, eerste.lesuur, groepen, vakken, eerste.regel)
        )
    return sorted(lessen, key=lambda les: les.regel)


def _gpu001_uur(regel: int, rij: list[str], fouten: Fouten) -> tuple[bool, _Uur | None]:
    """Whether the row reads as a lesson at all, and the teacher's period it holds."""
    if len(rij) < 7:
        fouten.add(
            regel,
            None,
            _(
                "deze regel heeft %(aantal)d velden; een regel van GPU001.TXT heeft er minstens "
                "7 (nummer, klas, leerkracht, vak, lokaal, dag, lesuur)."
            )
            % {"aantal": len(rij)},
        )
        return False, None
    groep, leerkracht, vak = rij[1], rij[2], rij[3]
    if not leerkracht:
        return True, None  # a lesson without a teacher keeps nobody busy
    dag, dagfout = read_dag(rij[5], alleen_getal=True)
    if dagfout:
        fouten.add(regel, _("dag (kolom 6)"), dagfout)
    lesuur, uurfout = read_lesuur(rij[6])
    if uurfout:
        fouten.add(regel, _("lesuur (kolom 7)"), uurfout)
    for kolom, waarde in ((_("klas (kolom 2)"), groep), (_("vak (kolom 4)"), vak)):
        if melding := too_long(waarde):
            fouten.add(regel, kolom, melding)
    leesbaar = not (dagfout or uurfout)
    if len(leerkracht) > MAX_TEKST:
        fouten.add(
            regel,
            _("leerkracht (kolom 3)"),
            _("de afkorting is langer dan %(max)d tekens.") % {"max": MAX_TEKST},
        )
        return leesbaar, None
    if dag is None or lesuur is None:
        return leesbaar, None
    return leesbaar, _Uur(regel, leerkracht, dag, lesuur, groep, vak)


@outside_transaction
def read_gpu_leerkrachten(
    data: bytes, bestand: str, *, scheidingsteken: str | None = None, codering: str | None = None
) -> list[Leerkracht]:
    """Untis GPU004.TXT (teachers): code, family name, first name, e-mail."""
    fouten, rijen = _gpu_rijen(
        data, bestand, scheidingsteken, codering, 2, _("GPU004.TXT (leerkrachten)")
    )
    if _looks_like_gpu001(rijen):
        fouten.refuse(
            _(
                "dit lijkt het lesrooster (GPU001.TXT), niet de lijst van leerkrachten. "
                "Exporteer in Untis de leerkrachten als GPU004.TXT."
            )
        )
    leerkrachten: list[Leerkracht] = []
    eerst_gezien: dict[str, int] = {}
    for regel, rij in rijen:
        leerkracht = _gpu004_leerkracht(regel, rij, eerst_gezien, fouten)
        if leerkracht is not None:
            leerkrachten.append(leerkracht)
    if not leerkrachten and not fouten:
        fouten.add(None, None, _("het bestand bevat geen leerkrachten."))
    fouten.check()
    return leerkrachten


def _gpu004_leerkracht(
    regel: int, rij: list[str], eerst_gezien: dict[str, int], fouten: Fouten
) -> Leerkracht | None:
    """The teacher on this row, or None with every mistake in it added to ``fouten``."""
    code = rij[0]
    familienaam = rij[1] if len(rij) > 1 else ""
    voornaam = rij[28] if len(rij) > 28 else ""
    email = rij[32] if len(rij) > 32 else ""
    goed = True
    if not code:
        fouten.add(regel, _("naam (kolom 1)"), _("de afkorting van de leerkracht ontbreekt."))
        goed = False
    elif code.casefold() in eerst_gezien:
        fouten.add(
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
        if melding := too_long(waarde):
            fouten.add(regel, kolom, melding)
            goed = False
    if email:
        email_goed, melding = read_email(email)
        if melding:
            fouten.add(regel, _("e-mail (kolom 33)"), melding)
            goed = False
        email = email_goed or ""
    return Leerkracht(code, familienaam, voornaam, email) if goed else None


def _looks_like_gpu001(rijen: list[tuple[int, list[str]]]) -> bool:
    """GPU001 rows are short with numbers in columns 1, 6 and 7; GPU004 rows are long and text."""
    staal = rijen[:50]
    if not staal:
        return False
    passend = sum(
        7 <= len(rij) <= 12 and rij[0].isdecimal() and rij[5].isdecimal() and rij[6].isdecimal()
        for _regel, rij in staal
    )
    return passend >= len(staal) * 0.9
