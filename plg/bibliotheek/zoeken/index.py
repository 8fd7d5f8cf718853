"""The library's search index: kept up to date on every save of an entry, rebuilt in bulk by
`herindexeer`. Only published, not withdrawn entries are in it, so a withdrawn entry is gone
from search the moment it is withdrawn."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Count, F

from plg.bibliotheek.models import Bibliotheekitem, Zoekfacet, Zoekterm, Zoekvorm, Zoekwoord
from plg.bibliotheek.zoeken.taal import termen, zonder_accenten

# How much a word counts by where it stands: the title and the question say what a PLG was
# about; the action plan and the proposal say it at length.
VELDEN = {
    "titel": 3.0,
    "leervraag": 3.0,
    "praktijknood": 1.5,
    "wat_we_leerden": 1.2,
    "actieplan": 1.0,
    "voorstel": 1.0,
}
THEMA_GEWICHT = 2.5
WERKVORM_GEWICHT = 1.0
VERZADIGING = 1.2  # a word that comes back ten times is not ten times as relevant
MAX_LENGTE = 60
BATCH = 2000


def teksten(item: Bibliotheekitem) -> list[tuple[str, float]]:
    """Every text of an entry the search reads, with its weight."""
    uit = [(str(getattr(item, veld) or ""), gewicht) for veld, gewicht in VELDEN.items()]
    uit += [(str(t), THEMA_GEWICHT) for t in item.themas or []]
    uit += [(str(w).replace("-", " "), WERKVORM_GEWICHT) for w in item.werkvormen or []]
    return uit


def _rijen(item: Bibliotheekitem) -> tuple[list[Zoekterm], set[str], list[Zoekfacet]]:
    gewichten: dict[str, float] = defaultdict(float)
    vormen: set[str] = set()
    for tekst, veldgewicht in teksten(item):
        for t in termen(tekst):
            gewichten[t.term[:MAX_LENGTE]] += veldgewicht * t.gewicht
            vormen.add(t.vorm[:MAX_LENGTE])
    termrijen = [
        Zoekterm(
            item=item,
            term=term,
            gewicht=w * (VERZADIGING + 1) / (w + VERZADIGING),
            zichtbaarheid=item.zichtbaarheid,
            network_id=item.network_id,
            onderwijsniveau=item.onderwijsniveau,
            schooljaar=item.schooljaar,
        )
        for term, w in sorted(gewichten.items())
    ]
    return termrijen, vormen, _facetten(item)


def facetsleutel(tekst: str) -> str:
    return zonder_accenten(" ".join(tekst.lower().split()))[:200]


def _facetten(item: Bibliotheekitem) -> list[Zoekfacet]:
    gezien: dict[tuple[str, str], str] = {}
    for thema in item.themas or []:
        gezien.setdefault((Zoekfacet.Soort.THEMA, facetsleutel(str(thema))), str(thema)[:200])
    for slug in item.werkvormen or []:
        gezien.setdefault((Zoekfacet.Soort.WERKVORM, str(slug)[:200]), str(slug)[:200])
    return [
        Zoekfacet(item=item, soort=soort, sleutel=sleutel, label=label)
        for (soort, sleutel), label in gezien.items()
        if sleutel
    ]


def _in_index(item: Bibliotheekitem) -> bool:
    return item.published_at is not None and item.withdrawn_at is None


def _schrijf(items: Iterable[Bibliotheekitem]) -> list[str]:
    termrijen: list[Zoekterm] = []
    facetrijen: list[Zoekfacet] = []
    vormen: set[str] = set()
    for item in items:
        if not _in_index(item):
            continue
        t, v, f = _rijen(item)
        termrijen += t
        facetrijen += f
        vormen |= v
    Zoekterm.objects.bulk_create(termrijen, batch_size=BATCH)
    Zoekfacet.objects.bulk_create(facetrijen, batch_size=BATCH)
    Zoekvorm.objects.bulk_create(
        [Zoekvorm(vorm=v) for v in sorted(vormen)], batch_size=BATCH, ignore_conflicts=True
    )
    return [r.term for r in termrijen]


@transaction.atomic
def indexeer(item: Bibliotheekitem) -> None:
    """Bring one entry's rows in line with the entry as it is now, and the terms' counts."""
    oud = list(Zoekterm.objects.filter(item=item).values_list("term", flat=True))
    Zoekterm.objects.filter(item=item).delete()
    Zoekfacet.objects.filter(item=item).delete()
    Zoekwoord.objects.filter(term__in=oud).update(aantal=F("aantal") - 1)
    nieuw = _schrijf([item])
    Zoekwoord.objects.bulk_create([Zoekwoord(term=t) for t in nieuw], ignore_conflicts=True)
    Zoekwoord.objects.filter(term__in=nieuw).update(aantal=F("aantal") + 1)


def herindexeer(*, per: int = 1000) -> int:
    """Rebuild the whole index (after an import in bulk, or a change of `woorden.yaml`);
    returns how many entries are in it."""
    with transaction.atomic():
        for model in (Zoekterm, Zoekfacet, Zoekvorm, Zoekwoord):
            model.objects.all().delete()
    ids = list(Bibliotheekitem.objects.gepubliceerd().order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), per):
        with transaction.atomic():
            _schrijf(Bibliotheekitem.objects.filter(pk__in=ids[start : start + per]))
    with transaction.atomic():
        Zoekwoord.objects.bulk_create(
            (
                Zoekwoord(term=term, aantal=n)
                for term, n in Zoekterm.objects.values("term")
                .annotate(n=Count("id"))
                .order_by("term")
                .values_list("term", "n")
            ),
            batch_size=BATCH,
        )
    return len(ids)


def na_bewaren(sender: Any, instance: Bibliotheekitem, raw: bool = False, **kwargs: Any) -> None:
    """Every way an entry changes (publishing, withdrawing, editing, importing) saves it."""
    if not raw:
        indexeer(instance)
