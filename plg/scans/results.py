"""Aggregates of closed waves: three GROUP BY queries, however many schools and respondents.

Only counts and sums are stored (per school, per role group, per section, per item value);
everything shown is derived from them when shown, under the minimum group size of that moment.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, ParamSpec, TypeVar

from django.db import connection, connections, transaction
from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import Now

from plg.scans.instruments import Instrument
from plg.scans.models import Afname, Antwoord, Antwoordset, Resultaat, Sectiescore
from plg.scans.statistics import Moments

CHUNK = 10_000
NO_ROLE = "-"
P = ParamSpec("P")
T = TypeVar("T")
Groups = dict[tuple[int, int | None], dict[str, Any]]


def _role(value: int | None) -> str:
    return NO_ROLE if value is None else str(value)


def _rows(queryset: QuerySet[Any]) -> Iterator[tuple[Any, ...]]:
    """The rows of a values_list query through a plain cursor: no per-row converters, and on
    PostgreSQL no server-side cursor (a DECLARE CURSOR query never runs in parallel)."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(CHUNK):
            yield from rows


def _roomy(function: Callable[P, T]) -> Callable[P, T]:
    """On PostgreSQL, in a transaction with enough memory for a GROUP BY with one group per
    school and item: at the default 4 MB it spills to disk from a few hundred schools on.

    Not on SQLite, where our transactions begin IMMEDIATE and so would take the write lock:
    the reads on two connections would wait for each other. Inside an outer transaction
    (closing a wave) the setting lasts until that one ends.
    """

    @functools.wraps(function)
    def roomy(*args: P.args, **kwargs: P.kwargs) -> T:
        if connection.vendor != "postgresql":
            return function(*args, **kwargs)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL work_mem = '64MB'")
            return function(*args, **kwargs)

    return roomy


@_roomy
def _section_moments(afname_ids: list[int]) -> Groups:
    """Per (wave, school), per section and role: count, sum and sum of squares of the scores."""
    found: Groups = {}
    scores = (
        Sectiescore.objects.filter(
            antwoordset__afname_id__in=afname_ids, antwoordset__submitted=True
        )
        .values_list(
            "antwoordset__afname_id", "antwoordset__school_id", "antwoordset__rolgroep", "section"
        )
        .annotate(n=Count("pk"), total=Sum("score"), total_sq=Sum(F("score") * F("score")))
        .order_by()
    )
    for afname_id, school_id, role, section, n, total, total_sq in _rows(scores):
        per_role = found.setdefault((afname_id, school_id), {}).setdefault(section, {})
        per_role[_role(role)] = [n, total, total_sq]
    return found


@_roomy
def _item_counts(afname_ids: list[int], points: int) -> Groups:
    """Per (wave, school), per item: how often each scale point was given, as a list (the
    count of point 1 first).

    One row per (wave, school, item) with a count per point: as many groups as there are item
    means, not five times as many.
    """
    counts = (
        Antwoord.objects.filter(antwoordset__afname_id__in=afname_ids, antwoordset__submitted=True)
        .values_list("antwoordset__afname_id", "antwoordset__school_id", "item")
        .annotate(**{f"v{v}": Count("pk", filter=Q(value=v)) for v in range(1, points + 1)})
        .order_by()
    )
    found: Groups = {}
    for afname_id, school_id, item, *per_value in _rows(counts):
        found.setdefault((afname_id, school_id), {})[item] = per_value
    return found


def _on_own_connection(function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """In a worker thread, which Django gives a connection of its own: closed when done."""
    try:
        return function(*args, **kwargs)
    finally:
        connections.close_all()


@_roomy
def _respondents(afname_ids: list[int]) -> Groups:
    """Per (wave, school): how many submitted, in all and per role group."""
    found: Groups = {}
    submitted = Antwoordset.objects.filter(afname_id__in=afname_ids, submitted=True)
    for afname_id, school_id, role, n in _rows(
        submitted.values_list("afname_id", "school_id", "rolgroep")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        entry = found.setdefault((afname_id, school_id), {"n": 0, "roles": {}})
        entry["n"] += n
        entry["roles"][_role(role)] = n
    return found


def aggregate(afnames: Sequence[Afname]) -> Groups:
    """Per (wave, school): respondents per role, section moments per role, item value counts.

    Outside a transaction the item counts, the longest query, are read on a second connection
    while this one reads the rest, so two cores work (a closed wave's answers do not change,
    so both connections see the same data). Inside a transaction, whose uncommitted writes a
    second connection would not see, everything is read here, one query after the other.
    """
    ids = [afname.pk for afname in afnames]
    points = max(
        (s.points for afname in afnames for s in afname.instrument.scored_sections()), default=0
    )
    if connection.in_atomic_block:
        return _assemble(_respondents(ids), _section_moments(ids), _item_counts(ids, points))
    with ThreadPoolExecutor(max_workers=1) as pool:
        items = pool.submit(_on_own_connection, _item_counts, ids, points)
        return _assemble(_respondents(ids), _section_moments(ids), items.result())


def _assemble(respondents: Groups, sections: Groups, items: Groups) -> Groups:
    return {
        key: {**entry, "sections": sections.get(key, {}), "items": items.get(key, {})}
        for key, entry in respondents.items()
    }


def section_moments(
    data: dict[str, Any], section: str, roles: Sequence[str] | None = None
) -> Moments:
    """A section's moments over all role groups, or over the given ones."""
    moments = Moments(0, 0.0, 0.0)
    for role, (n, total, total_sq) in data.get("sections", {}).get(section, {}).items():
        if roles is None or role in roles:
            moments = moments.merge(Moments(n, total, total_sq))
    return moments


def characteristic_scores(instrument: Instrument, data: dict[str, Any]) -> dict[str, float]:
    """The mean of each characteristic, by its key; empty when one of them has no answers."""
    scores: dict[str, float] = {}
    for section in instrument.of_kind("kenmerk"):
        mean = section_moments(data, section.key).mean
        if mean is None:
            return {}
        scores[section.key] = mean
    return scores


def profile_of(afname: Afname, data: dict[str, Any]) -> str:
    """The documented rule of the instrument version, on the characteristic scores."""
    rule = afname.instrument.profile
    scores = characteristic_scores(afname.instrument, data)
    return rule.classify(scores) if rule is not None and scores else ""


def compute(afnames: Sequence[Afname]) -> int:
    """Recompute and store the results of the given waves; returns how many were stored."""
    by_id = {afname.pk: afname for afname in afnames}
    rows = [
        Resultaat(
            afname_id=afname_id,
            school_id=school_id,
            n=data["n"],
            data=data,
            profiel=profile_of(by_id[afname_id], data),
            # A database expression keeps bulk_create on PostgreSQL off its UNNEST path, where
            # psycopg escapes every JSON document into an array literal (twice as slow).
            computed_at=Now(),
        )
        for (afname_id, school_id), data in aggregate(list(by_id.values())).items()
    ]
    with transaction.atomic():
        Resultaat.objects.filter(afname_id__in=list(by_id)).delete()
        Resultaat.objects.bulk_create(rows, batch_size=500)
    return len(rows)
