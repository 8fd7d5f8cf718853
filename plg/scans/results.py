"""Aggregates of closed waves: three GROUP BY queries, however many schools and respondents.

Only counts and sums are stored (per school, per role group, per section, per item value);
everything shown is derived from them when shown, under the minimum group size of that moment.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.db.models import Count, F, Sum

from plg.scans.models import Afname, Antwoord, Antwoordset, Resultaat, Sectiescore
from plg.scans.statistics import Moments, ProfileRule

CHUNK = 10_000
NO_ROLE = "-"


def _role(value: int | None) -> str:
    return NO_ROLE if value is None else str(value)


def aggregate(afname_ids: Sequence[int]) -> dict[tuple[int, int | None], dict[str, Any]]:
    """Per (wave, school): respondents per role, section moments per role, item value counts."""
    groups: dict[tuple[int, int | None], dict[str, Any]] = {}

    def group(afname_id: int, school_id: int | None) -> dict[str, Any]:
        return groups.setdefault(
            (afname_id, school_id), {"n": 0, "roles": {}, "sections": {}, "items": {}}
        )

    submitted = Antwoordset.objects.filter(afname_id__in=afname_ids, submitted=True)
    for afname_id, school_id, role, n in (
        submitted.values_list("afname_id", "school_id", "rolgroep")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        entry = group(afname_id, school_id)
        entry["n"] += n
        entry["roles"][_role(role)] = n

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
    for afname_id, school_id, role, section, n, total, total_sq in scores.iterator(CHUNK):
        per_role = group(afname_id, school_id)["sections"].setdefault(section, {})
        per_role[_role(role)] = [n, total, total_sq]

    counts = (
        Antwoord.objects.filter(antwoordset__afname_id__in=afname_ids, antwoordset__submitted=True)
        .values_list("antwoordset__afname_id", "antwoordset__school_id", "item", "value")
        .annotate(c=Count("pk"))
        .order_by()
    )
    for afname_id, school_id, item, value, c in counts.iterator(CHUNK):
        group(afname_id, school_id)["items"].setdefault(item, {})[str(value)] = c
    return groups


def section_moments(
    data: dict[str, Any], section: str, roles: Sequence[str] | None = None
) -> Moments:
    """A section's moments over all role groups, or over the given ones."""
    moments = Moments(0, 0.0, 0.0)
    for role, (n, total, total_sq) in data.get("sections", {}).get(section, {}).items():
        if roles is None or role in roles:
            moments = moments.merge(Moments(n, total, total_sq))
    return moments


def profile_of(afname: Afname, data: dict[str, Any]) -> str:
    """The documented rule of the instrument version, on the characteristic scores."""
    instrument = afname.instrument
    if instrument.profile is None:
        return ""
    means = [section_moments(data, s.key).mean for s in instrument.of_kind("kenmerk")]
    if not means or any(mean is None for mean in means):
        return ""
    low, high = instrument.profile
    return ProfileRule(beginning_below=low, mature_from=high).classify(
        [mean for mean in means if mean is not None]
    )


@transaction.atomic
def compute(afnames: Sequence[Afname]) -> int:
    """Recompute and store the results of the given waves; returns how many were stored."""
    by_id = {afname.pk: afname for afname in afnames}
    groups = aggregate(list(by_id))
    Resultaat.objects.filter(afname_id__in=list(by_id)).delete()
    rows = [
        Resultaat(
            afname_id=afname_id,
            school_id=school_id,
            n=data["n"],
            data=data,
            profiel=profile_of(by_id[afname_id], data),
        )
        for (afname_id, school_id), data in groups.items()
    ]
    Resultaat.objects.bulk_create(rows, batch_size=500)
    return len(rows)
