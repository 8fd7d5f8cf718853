"""A CSV with a header row: which column is which, whatever their order or the words used.

Each of our CSV formats names its columns with the words people use for them (`Kolommen`);
the header row may hold them in any order and in any case, with extra columns beside them
(ignored). The separator is the one asked, the one Excel's ``sep=`` line hints, or the one that
makes most of the header known.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from plg.roosters.imports.errors import Fouten
from plg.roosters.imports.text import choose_scheidingsteken, first_line, read_rows

SCHEIDINGSTEKENS = (";", "\t", ",")


def kolomnaam(waarde: str) -> str:
    return " ".join(waarde.replace("\ufeff", "").split()).casefold()


@dataclass(frozen=True)
class Kolommen:
    """The columns of one format: each with the header words that name it."""

    namen: Mapping[str, Sequence[str]]
    verplicht: Sequence[str]
    voorbeeld: str  # a header line to show when a column is missing (a gettext_noop msgid)
    kolom_van: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self,
            "kolom_van",
            {naam: kolom for kolom, namen in self.namen.items() for naam in namen},
        )

    def kopscore(self, kopregel: str, teken: str) -> tuple[int, int]:
        try:
            velden = next(csv.reader([kopregel], delimiter=teken), [])
        except csv.Error:  # a field over the csv module's limit: `read_rows` names the line
            return 0, 0
        return sum(kolomnaam(v) in self.kolom_van for v in velden), len(velden)


def rijen(
    tekst: str, fouten: Fouten, scheidingsteken: str | None, kolommen: Kolommen
) -> list[tuple[int, list[str]]]:
    """The rows, split by the separator asked, hinted by Excel, or that fits the header best."""
    kop_nummer, kopregel = first_line(tekst)
    sep_regel = re.fullmatch(r"\s*sep=(.)\s*", kopregel, re.IGNORECASE)  # Excel's hint line
    if scheidingsteken:
        teken = choose_scheidingsteken(scheidingsteken, fouten)
    elif sep_regel:
        teken = sep_regel.group(1)
    else:
        teken = max(SCHEIDINGSTEKENS, key=lambda t: kolommen.kopscore(kopregel, t))
    gelezen = read_rows(tekst, teken, fouten)
    fouten.check()
    if sep_regel:
        gelezen = [(nummer, rij) for nummer, rij in gelezen if nummer != kop_nummer]
    if not gelezen:
        fouten.refuse(_("het bestand is leeg."))
    return gelezen


@dataclass(frozen=True)
class Kop:
    """Where each column is, and its header as the user wrote it (errors name it so)."""

    kop: list[str]
    posities: dict[str, int]

    @classmethod
    def read(cls, kop_regel: int, kop: list[str], fouten: Fouten, kolommen: Kolommen) -> Kop:
        posities: dict[str, int] = {}
        for index, kopnaam in enumerate(kop):
            kolom = kolommen.kolom_van.get(kolomnaam(kopnaam))
            if kolom is None:
                continue  # extra columns such as "lokaal" are allowed and ignored
            if kolom in posities:
                fouten.add(
                    kop_regel,
                    kopnaam,
                    _("deze kolom staat twee keer in de kopregel; laat er één staan."),
                )
            posities[kolom] = index
        for kolom in kolommen.verplicht:
            if kolom not in posities:
                fouten.add(
                    kop_regel,
                    kolom,
                    _(
                        "deze kolom ontbreekt in de kopregel. De eerste regel moet de kolomnamen "
                        "bevatten, bijvoorbeeld: %(verwacht)s"
                    )
                    % {"verwacht": _(kolommen.voorbeeld)},
                )
        fouten.check()
        return cls(kop, posities)

    def heeft(self, kolom: str) -> bool:
        return kolom in self.posities

    def veld(self, rij: list[str], kolom: str) -> str:
        index = self.posities.get(kolom)
        return rij[index] if index is not None and index < len(rij) else ""

    def titel(self, kolom: str) -> str:
        return self.kop[self.posities[kolom]] if kolom in self.posities else kolom
