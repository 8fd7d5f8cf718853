"""`plg-pakket/1`: one finished PLG as a JSON object, to carry between installations.

Reading is strict about the fields it knows and lenient about the rest: an unknown key is kept
in ``extra`` (and written out again on export), never an error. Importing checks every file
before it writes any, so a bad file leaves the library as it was.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from plg.bibliotheek.models import Bibliotheekitem, Onderwijsniveau, Zichtbaarheid

FORMAAT = "plg-pakket/1"
MAX_BYTES = 1024 * 1024
SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
SCHOOLJAAR = re.compile(r"^(20\d\d)-(20\d\d)$")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# the texts of the format: field → (longest allowed, required, one line)
TEKSTEN: dict[str, tuple[int, bool, bool]] = {
    "titel": (200, True, True),
    "praktijknood": (4000, False, False),
    "leervraag": (1000, True, False),
    "actieplan": (10000, False, False),
    "voorstel": (10000, False, False),
    "wat_we_leerden": (10000, False, False),
}
LIJSTEN = {"themas": 200, "werkvormen": 80}
BEKEND = {"formaat", "id", "onderwijsniveau", "schooljaar", *TEKSTEN, *LIJSTEN}


class PakketFout(ValueError):
    """A package that cannot be imported, said so that a person finds what to fix."""

    def __init__(self, bestand: str, veld: str | None, uitleg: str) -> None:
        self.bestand, self.veld, self.uitleg = bestand, veld, uitleg
        if veld:
            tekst = _("%(bestand)s: veld '%(veld)s': %(uitleg)s")
        else:
            tekst = _("%(bestand)s: %(uitleg)s")
        super().__init__(tekst % {"bestand": bestand, "veld": veld, "uitleg": uitleg})


@dataclass(frozen=True)
class Pakket:
    """One package, checked: the entry's fields and what else it carried."""

    slug: str
    velden: dict[str, Any]
    extra: dict[str, Any]


def als_pakket(item: Bibliotheekitem) -> dict[str, Any]:
    """The entry as a package: its path, never its people (``namen`` stays home)."""
    return {
        **item.extra,
        "formaat": FORMAAT,
        "id": item.slug,
        "titel": item.titel,
        "onderwijsniveau": item.onderwijsniveau,
        "schooljaar": item.schooljaar,
        "praktijknood": item.praktijknood,
        "leervraag": item.leervraag,
        "themas": list(item.themas),
        "actieplan": item.actieplan,
        "werkvormen": list(item.werkvormen),
        "voorstel": item.voorstel,
        "wat_we_leerden": item.wat_we_leerden,
    }


def lees(bestand: str, data: bytes) -> Pakket:
    if len(data) > MAX_BYTES:
        raise PakketFout(bestand, None, _("het bestand is groter dan 1 MB."))
    try:
        obj = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise PakketFout(bestand, None, _("het bestand is geen UTF-8-tekst.")) from None
    except json.JSONDecodeError as e:
        raise PakketFout(
            bestand, None, _("geen geldige JSON (regel %(regel)s).") % {"regel": e.lineno}
        ) from None
    if not isinstance(obj, dict):
        raise PakketFout(bestand, None, _("een pakket is één JSON-object."))
    return _controleer(bestand, obj)


def _controleer(bestand: str, obj: dict[str, Any]) -> Pakket:
    def fout(veld: str, uitleg: str) -> PakketFout:
        return PakketFout(bestand, veld, uitleg)

    if obj.get("formaat") != FORMAAT:
        raise fout("formaat", _('verwacht "%(formaat)s".') % {"formaat": FORMAAT})
    slug = obj.get("id")
    if not isinstance(slug, str) or len(slug) > 120 or not SLUG.fullmatch(slug):
        raise fout("id", _("een kenmerk van kleine letters, cijfers en streepjes."))
    velden: dict[str, Any] = {
        naam: _tekst(obj.get(naam), naam, *regels, fout) for naam, regels in TEKSTEN.items()
    }
    niveau = obj.get("onderwijsniveau")
    if niveau not in Onderwijsniveau.values:
        raise fout("onderwijsniveau", _("kies kleuter, basis of secundair."))
    velden["onderwijsniveau"] = niveau
    jaar = obj.get("schooljaar")
    match = SCHOOLJAAR.fullmatch(jaar) if isinstance(jaar, str) else None
    if match is None or int(match[2]) != int(match[1]) + 1:
        raise fout("schooljaar", _("schrijf een schooljaar als 2024-2025."))
    velden["schooljaar"] = jaar
    for naam, lengte in LIJSTEN.items():
        velden[naam] = _lijst(obj.get(naam, []), naam, lengte, fout)
    for slug_ in velden["werkvormen"]:
        if not SLUG.fullmatch(slug_):
            raise fout("werkvormen", _("'%(slug)s' is geen werkvorm-kenmerk.") % {"slug": slug_})
    extra = {k: v for k, v in obj.items() if k not in BEKEND}
    return Pakket(slug=slug, velden=velden, extra=extra)


def _tekst(waarde: object, naam: str, lengte: int, verplicht: bool, regel: bool, fout: Any) -> str:
    if waarde is None:
        waarde = ""
    if not isinstance(waarde, str):
        raise fout(naam, _("verwacht tekst."))
    waarde = waarde.strip()
    if verplicht and not waarde:
        raise fout(naam, _("mag niet leeg zijn."))
    if len(waarde) > lengte:
        raise fout(naam, _("hoogstens %(n)s tekens.") % {"n": lengte})
    if CONTROL.search(waarde) or (regel and ("\n" in waarde or "\r" in waarde)):
        raise fout(naam, _("bevat tekens die hier niet horen."))
    return waarde


def _lijst(waarde: object, naam: str, lengte: int, fout: Any) -> list[str]:
    if not isinstance(waarde, list) or len(waarde) > 50:
        raise fout(naam, _("verwacht een lijst van hoogstens 50 teksten."))
    return [_tekst(w, naam, lengte, True, True, fout) for w in waarde]


def lees_bestanden(paden: Iterable[Path]) -> list[Pakket]:
    """Every file read and checked, or the first fault; nothing is written here."""
    pakketten: list[Pakket] = []
    gezien: set[str] = set()
    for pad in paden:
        try:
            data = pad.read_bytes()
        except OSError as e:
            reden = _("niet te lezen (%(reden)s).") % {"reden": e.strerror}
            raise PakketFout(str(pad), None, reden) from None
        pakket = lees(str(pad), data)
        if pakket.slug in gezien:
            raise PakketFout(str(pad), "id", _("dit kenmerk staat al in een ander bestand."))
        gezien.add(pakket.slug)
        pakketten.append(pakket)
    return pakketten


@transaction.atomic
def importeer(pakketten: Iterable[tuple[str, Pakket]]) -> list[Bibliotheekitem]:
    """Into the installation-wide library, all or nothing; the same ``id`` updates its entry.

    An entry a PLG of this installation published stays that PLG's: a package never
    overwrites it (nor the visibility its members chose).
    """
    items = []
    for bestand, pakket in pakketten:
        item = Bibliotheekitem.objects.select_for_update().filter(slug=pakket.slug).first()
        if item is not None and item.plg_id is not None:
            raise PakketFout(bestand, "id", _("dit kenmerk hoort bij een PLG van deze werkplaats."))
        item = item or Bibliotheekitem(slug=pakket.slug, published_at=timezone.now())
        for naam, waarde in pakket.velden.items():
            setattr(item, naam, waarde)
        item.extra = pakket.extra
        item.zichtbaarheid = Zichtbaarheid.IEDEREEN
        item.withdrawn_at = None
        item.published_at = item.published_at or timezone.now()
        item.save()
        items.append(item)
    return items


def importeer_bestanden(paden: Iterable[Path]) -> list[Bibliotheekitem]:
    paden = list(paden)
    pakketten = lees_bestanden(paden)
    return importeer(zip((str(p) for p in paden), pakketten, strict=True))
