"""Our own CSV of lessons (see docs/tijd-maken-import.md).

A header row with `leerkracht, dag, lesuur, groep, vak` in any order (also `teacher, day,
period, group, subject`, and `leraar`, `uur`, `klas`, `class`). `groep` and `vak` may be empty
(a duty without a class is still a busy period). The same lesson written twice counts once;
the same teacher in the same period with another group or subject is an error naming both
lines: teaching two classes at once is written as one line with "3A+3B".
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from plg.core.db import outside_transaction
from plg.roosters.imports.errors import Fouten
from plg.roosters.imports.kolommen import Kolommen, Kop, rijen
from plg.roosters.imports.records import LesRegel
from plg.roosters.imports.text import read_text
from plg.roosters.imports.values import dagnaam, read_dag, read_leerkracht, read_lesuur, too_long

LESSEN = Kolommen(
    namen={
        "leerkracht": ("leerkracht", "leraar", "teacher"),
        "dag": ("dag", "day"),
        "lesuur": ("lesuur", "uur", "period"),
        "groep": ("groep", "klas", "group", "class"),
        "vak": ("vak", "subject"),
    },
    verplicht=("leerkracht", "dag", "lesuur", "groep", "vak"),
    voorbeeld=gettext_noop("leerkracht;dag;lesuur;groep;vak"),
)


@outside_transaction
def read_lessen_csv(
    data: bytes, bestand: str, *, scheidingsteken: str | None = None, codering: str | None = None
) -> list[LesRegel]:
    """Our documented CSV (see docs/tijd-maken-import.md): one line per teacher, day and period."""
    fouten = Fouten(bestand)
    gelezen = rijen(read_text(data, fouten, codering), fouten, scheidingsteken, LESSEN)
    kop = Kop.read(*gelezen[0], fouten, LESSEN)
    lessen = [
        les for regel, rij in gelezen[1:] if (les := _les(kop, regel, rij, fouten)) is not None
    ]
    uniek = _without_doubles(lessen, fouten, kop.titel("groep"), kop.titel("vak"))
    if not uniek and not fouten:
        fouten.add(None, None, _("het bestand bevat alleen een kopregel en geen lessen."))
    fouten.check()
    return uniek


def _les(kop: Kop, regel: int, rij: list[str], fouten: Fouten) -> LesRegel | None:
    """The lesson on this row, or None with every mistake in it added to ``fouten``."""
    leerkracht, melding = read_leerkracht(kop.veld(rij, "leerkracht"))
    if melding:
        fouten.add(regel, kop.titel("leerkracht"), melding)
    dag, melding = read_dag(kop.veld(rij, "dag"), alleen_getal=False)
    if melding:
        fouten.add(regel, kop.titel("dag"), melding)
    lesuur, melding = read_lesuur(kop.veld(rij, "lesuur"))
    if melding:
        fouten.add(regel, kop.titel("lesuur"), melding)
    groep, vak = kop.veld(rij, "groep"), kop.veld(rij, "vak")
    for kolom, waarde in (("groep", groep), ("vak", vak)):
        if melding := too_long(waarde):
            fouten.add(regel, kop.titel(kolom), melding)
    if leerkracht is None or dag is None or lesuur is None:
        return None
    return LesRegel(leerkracht, dag, lesuur, groep, vak, regel)


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
