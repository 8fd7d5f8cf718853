"""Our own CSV of lessons (see docs/tijd-maken-import.md).

A header row with `leerkracht, dag, lesuur, groep, vak` in any order (also `teacher, day,
period, group, subject`, and `leraar`, `uur`, `klas`, `class`). `groep` and `vak` may be empty
(a duty without a class is still a busy period). The same lesson written twice counts once;
the same teacher in the same period with another group or subject is an error naming both
lines: teaching two classes at once is written as one line with "3A+3B".
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from plg.core.db import outside_transaction
from plg.roosters.imports.errors import Fouten
from plg.roosters.imports.records import LesRegel
from plg.roosters.imports.text import choose_scheidingsteken, first_line, read_rows, read_text
from plg.roosters.imports.values import dagnaam, read_dag, read_leerkracht, read_lesuur, too_long

SCHEIDINGSTEKENS = (";", "\t", ",")

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
def read_lessen_csv(
    data: bytes, bestand: str, *, scheidingsteken: str | None = None, codering: str | None = None
) -> list[LesRegel]:
    """Our documented CSV (see docs/tijd-maken-import.md): one line per teacher, day and period."""
    fouten = Fouten(bestand)
    rijen = _rijen(read_text(data, fouten, codering), fouten, scheidingsteken)
    kop = _Kop.read(*rijen[0], fouten)
    lessen = [les for regel, rij in rijen[1:] if (les := kop.les(regel, rij, fouten)) is not None]
    uniek = _without_doubles(lessen, fouten, kop.titel("groep"), kop.titel("vak"))
    if not uniek and not fouten:
        fouten.add(None, None, _("het bestand bevat alleen een kopregel en geen lessen."))
    fouten.check()
    return uniek


def _rijen(tekst: str, fouten: Fouten, scheidingsteken: str | None) -> list[tuple[int, list[str]]]:
    """The rows, split by the separator asked, hinted by Excel, or that fits the header best."""
    kop_nummer, kopregel = first_line(tekst)
    sep_regel = re.fullmatch(r"\s*sep=(.)\s*", kopregel, re.IGNORECASE)  # Excel's hint line
    if scheidingsteken:
        teken = choose_scheidingsteken(scheidingsteken, fouten)
    elif sep_regel:
        teken = sep_regel.group(1)
    else:
        teken = max(SCHEIDINGSTEKENS, key=lambda t: _kopscore(kopregel, t))
    rijen = read_rows(tekst, teken, fouten)
    fouten.check()
    if sep_regel:
        rijen = [(nummer, rij) for nummer, rij in rijen if nummer != kop_nummer]
    if not rijen:
        fouten.refuse(_("het bestand is leeg."))
    return rijen


@dataclass(frozen=True)
class _Kop:
    """Where each column is, and its header as the user wrote it (errors name it so)."""

    kop: list[str]
    posities: dict[str, int]

    @classmethod
    def read(cls, kop_regel: int, kop: list[str], fouten: Fouten) -> _Kop:
        posities: dict[str, int] = {}
        for index, kopnaam in enumerate(kop):
            kolom = _KOLOM_VAN.get(_kolomnaam(kopnaam))
            if kolom is None:
                continue  # extra columns such as "lokaal" are allowed and ignored
            if kolom in posities:
                fouten.add(
                    kop_regel,
                    kopnaam,
                    _("deze kolom staat twee keer in de kopregel; laat er één staan."),
                )
            posities[kolom] = index
        verwacht = _("leerkracht;dag;lesuur;groep;vak")
        for kolom in _KOLOMMEN:
            if kolom not in posities:
                fouten.add(
                    kop_regel,
                    kolom,
                    _(
                        "deze kolom ontbreekt in de kopregel. De eerste regel moet de kolomnamen "
                        "bevatten, bijvoorbeeld: %(verwacht)s"
                    )
                    % {"verwacht": verwacht},
                )
        fouten.check()
        return cls(kop, posities)

    def veld(self, rij: list[str], kolom: str) -> str:
        index = self.posities[kolom]
        return rij[index] if index < len(rij) else ""

    def titel(self, kolom: str) -> str:
        return self.kop[self.posities[kolom]]

    def les(self, regel: int, rij: list[str], fouten: Fouten) -> LesRegel | None:
        """The lesson on this row, or None with every mistake in it added to ``fouten``."""
        leerkracht, melding = read_leerkracht(self.veld(rij, "leerkracht"))
        if melding:
            fouten.add(regel, self.titel("leerkracht"), melding)
        dag, melding = read_dag(self.veld(rij, "dag"), alleen_getal=False)
        if melding:
            fouten.add(regel, self.titel("dag"), melding)
        lesuur, melding = read_lesuur(self.veld(rij, "lesuur"))
        if melding:
            fouten.add(regel, self.titel("lesuur"), melding)
        groep, vak = self.veld(rij, "groep"), self.veld(rij, "vak")
        for kolom, waarde in (("groep", groep), ("vak", vak)):
            if melding := too_long(waarde):
                fouten.add(regel, self.titel(kolom), melding)
        if leerkracht is None or dag is None or lesuur is None:
            return None
        return LesRegel(leerkracht, dag, lesuur, groep, vak, regel)


def _kopscore(kopregel: str, teken: str) -> tuple[int, int]:
    try:
        velden = next(csv.reader([kopregel], delimiter=teken), [])
    except csv.Error:  # a field over the csv module's limit: `read_rows` names the line
        return 0, 0
    return sum(_kolomnaam(v) in _KOLOM_VAN for v in velden), len(velden)


def _without_doubles(
    lessen: list[LesRegel], fouten: Fouten, groepveld: str, vakveld: str
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
            fouten.add(
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
                    "dag": dagnaam(les.dag),
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
