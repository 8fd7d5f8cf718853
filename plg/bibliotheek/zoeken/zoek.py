"""Searching the library: a question in Dutch to a ranked list of entries the reader may see.

The question is cut into terms by the same analyser as the entries (`taal.py`); a word no
entry contains is read as a typing error of the nearest word that does. The database only
sums stored weights; every number it adds up was computed in Python, so SQLite and
PostgreSQL return the same order.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import (
    Case,
    Exists,
    F,
    FloatField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Length
from rapidfuzz import fuzz, process

from plg.accounts.models import User
from plg.bibliotheek.models import (
    Bibliotheekitem,
    Zichtbaarheid,
    Zoekfacet,
    Zoekterm,
    Zoekvorm,
    Zoekwoord,
)
from plg.bibliotheek.zoeken.index import facetsleutel, teksten
from plg.bibliotheek.zoeken.taal import termen_van_woord, woorden, woordenschat, zonder_accenten
from plg.organisations.models import Aanstelling

MAX_WOORDEN = 16
TIKFOUT_DREMPEL = 80.0
TIKFOUT_KORTSTE = 4
TIKFOUT_GEWICHT = 0.8
MAX_GETOOND = 8


@dataclass(frozen=True)
class Filters:
    """What a reader narrows the library to; an empty value does not narrow."""

    onderwijsniveau: str = ""
    thema: str = ""
    schooljaar: str = ""
    werkvorm: str = ""


@dataclass(frozen=True)
class Treffer:
    """One entry found, how well it fits, and the words in it that made it fit."""

    item: Bibliotheekitem
    score: float
    woorden: tuple[str, ...]


@dataclass(frozen=True)
class Begrip:
    """One word of the question: the terms that answer it and how much each counts."""

    woord: str
    termen: dict[str, float]


def _bekende_vormen(kale: list[str]) -> set[str]:
    return set(Zoekvorm.objects.filter(vorm__in=kale).values_list("vorm", flat=True))


def _kandidaten(kaal: str) -> list[str]:
    """Written words a typing error may stand for: same first letter, about as long.

    Read from the table each time (no cache between requests), so every process answers
    from the index as it is now."""
    return list(
        Zoekvorm.objects.filter(vorm__startswith=kaal[0])
        .annotate(lengte=Length("vorm"))
        .filter(lengte__range=(len(kaal) - 2, len(kaal) + 2))
        .order_by("vorm")
        .values_list("vorm", flat=True)
    )


def _begrip(woord: str, bekend: set[str]) -> Begrip | None:
    gevonden = termen_van_woord(woord)
    if not gevonden:
        return None
    termen: dict[str, float] = {}
    for t in gevonden:
        termen[t.term] = max(termen.get(t.term, 0.0), t.gewicht)
    kaal = zonder_accenten(woord)
    if kaal not in bekend and kaal not in woordenschat().delen and len(kaal) >= TIKFOUT_KORTSTE:
        kandidaten = _kandidaten(kaal)
        beste = process.extractOne(
            kaal, kandidaten, scorer=fuzz.ratio, score_cutoff=TIKFOUT_DREMPEL
        )
        if beste is not None:
            for t in termen_van_woord(beste[0]):
                gewicht = t.gewicht * TIKFOUT_GEWICHT * beste[1] / 100
                termen[t.term] = max(termen.get(t.term, 0.0), gewicht)
    return Begrip(woord=kaal, termen=termen)


def begrippen(vraag: str) -> list[Begrip]:
    """The question's words, each with the terms it stands for (typing errors corrected)."""
    lijst = list(dict.fromkeys(woorden(vraag[:500])))[:MAX_WOORDEN]
    bekend = _bekende_vormen([zonder_accenten(w) for w in lijst]) if lijst else set()
    uit: list[Begrip] = []
    for woord in lijst:
        begrip = _begrip(woord, bekend)
        if begrip is not None:
            uit.append(begrip)
    return uit


def _gefilterd(lezer: User | None, filters: Filters) -> QuerySet[Bibliotheekitem]:
    items = Bibliotheekitem.objects.zichtbaar_voor(lezer)
    if filters.onderwijsniveau:
        items = items.filter(onderwijsniveau=filters.onderwijsniveau)
    if filters.schooljaar:
        items = items.filter(schooljaar=filters.schooljaar)
    return items.filter(_facetfilter(filters, "pk"))


def _facetfilter(filters: Filters, veld: str) -> Q:
    """Entries with the chosen theme or werkvorm, asked per candidate (EXISTS), so the
    database keeps reading the index by term rather than by entry."""
    voorwaarde = Q()
    for soort, waarde in (
        (Zoekfacet.Soort.THEMA, facetsleutel(filters.thema)),
        (Zoekfacet.Soort.WERKVORM, filters.werkvorm),
    ):
        if waarde:
            voorwaarde &= Q(
                Exists(
                    Zoekfacet.objects.filter(soort=soort, sleutel=waarde, item_id=OuterRef(veld))
                )
            )
    return voorwaarde


def _in_index(lezer: User | None, filters: Filters) -> Q:
    """The candidates, read from the index rows alone (no entry rows, so the search stays
    one pass over one index). `zichtbaar_voor` in its own words; what is shown is read
    through `zichtbaar_voor` itself afterwards, and a test keeps the two in step."""
    voorwaarde = Q(zichtbaarheid=Zichtbaarheid.IEDEREEN)
    if lezer is not None and lezer.is_authenticated:
        netwerken = Aanstelling.objects.filter(user=lezer).values(
            "school__scholengemeenschap__network_id"
        )
        voorwaarde |= Q(network_id__in=netwerken)
    if filters.onderwijsniveau:
        voorwaarde &= Q(onderwijsniveau=filters.onderwijsniveau)
    if filters.schooljaar:
        voorwaarde &= Q(schooljaar=filters.schooljaar)
    return voorwaarde & _facetfilter(filters, "item_id")


def _idf(termen: set[str]) -> dict[str, float]:
    totaal = Bibliotheekitem.objects.count()  # all rows: counting only published ones scans
    df = dict(Zoekwoord.objects.filter(term__in=termen).values_list("term", "aantal"))
    return {t: math.log(1 + (totaal - df.get(t, 0) + 0.5) / (df.get(t, 0) + 0.5)) for t in termen}


def _gewogen(vraag: list[Begrip]) -> dict[str, float]:
    per_term: dict[str, float] = defaultdict(float)
    for begrip in vraag:
        for term, gewicht in begrip.termen.items():
            per_term[term] += gewicht
    idf = _idf(set(per_term))
    return {t: round(g * idf[t], 6) for t, g in sorted(per_term.items())}


def _score_expressie(vraag: list[Begrip], gewogen: dict[str, float]) -> CombinedExpression:
    """Summed weights, times the share of the question's words the entry answers."""
    basis = Sum(
        Case(
            *(When(term=t, then=Value(g)) for t, g in gewogen.items()),
            default=Value(0.0),
            output_field=FloatField(),
        )
        * F("gewicht"),
        output_field=FloatField(),
    )
    gedekt = sum(
        (
            Max(
                Case(
                    When(term__in=list(b.termen), then=Value(1.0)),
                    default=Value(0.0),
                    output_field=FloatField(),
                )
            )
            for b in vraag
        ),
        start=Value(0.0, output_field=FloatField()),
    )
    return basis * gedekt / Value(float(len(vraag)), output_field=FloatField())


def getoonde_woorden(item: Bibliotheekitem, termen: set[str]) -> tuple[str, ...]:
    """The words as written in the entry that carry one of the found terms (to highlight)."""
    gezien: dict[str, None] = {}
    for tekst, _gewicht in teksten(item):
        for woord in woorden(tekst):
            if any(t.term in termen for t in termen_van_woord(woord)):
                gezien.setdefault(woord, None)
                if len(gezien) >= MAX_GETOOND:
                    return tuple(gezien)
    return tuple(gezien)


def zoek(
    vraag: str,
    *,
    lezer: User | None,
    filters: Filters | None = None,
    limiet: int = 20,
) -> list[Treffer]:
    """The entries that answer a question, best first, among those `lezer` may read.

    Without a question the (filtered) library is listed, newest first.
    """
    filters = filters or Filters()
    vraag_begrippen = begrippen(vraag)
    if not vraag_begrippen:
        nieuwste = _gefilterd(lezer, filters).order_by("-published_at", "pk")[:limiet]
        return [Treffer(item=item, score=0.0, woorden=()) for item in nieuwste]
    gewogen = _gewogen(vraag_begrippen)
    rijen = list(
        Zoekterm.objects.filter(_in_index(lezer, filters), term__in=list(gewogen))
        .values("item_id")
        .annotate(score=_score_expressie(vraag_begrippen, gewogen))
        .order_by("-score", "item_id")
        .values_list("item_id", "score")[:limiet]
    )
    gevonden = Bibliotheekitem.objects.zichtbaar_voor(lezer).in_bulk([pk for pk, _s in rijen])
    raak: dict[int, set[str]] = defaultdict(set)
    for item_id, term in Zoekterm.objects.filter(
        item_id__in=list(gevonden), term__in=list(gewogen)
    ).values_list("item_id", "term"):
        raak[item_id].add(term)
    return [
        Treffer(
            item=gevonden[pk],
            score=round(float(score), 4),
            woorden=getoonde_woorden(gevonden[pk], raak[pk]),
        )
        for pk, score in rijen
        if pk in gevonden
    ]
