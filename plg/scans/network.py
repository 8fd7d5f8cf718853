"""Schools side by side, for their advisors: the latest closed PLG-scan of each school.

Figures per school only when that school meets the minimum group size; no totals over several
schools, so no school's figures can be found by subtracting the others.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models.fields.json import KeyTransform

from plg.core.privacy import may_show
from plg.organisations.models import School
from plg.scans.advice import PROFILE_LABELS
from plg.scans.instruments import Instrument, Section, instruments, latest_version, localised
from plg.scans.models import Afname, Resultaat
from plg.scans.results import section_moments
from plg.scans.statistics import (
    PROFILES,
    Agreement,
    Difference,
    Moments,
    agreement,
    difference,
    kmeans3,
    weakest,
)

CLUSTER_MINIMUM = 20


@dataclass(frozen=True)
class SchoolRow:
    school: School
    afname: Afname | None
    n: int
    enough: bool
    profile: str = ""
    cluster: str = ""
    weakest: str = ""
    distinctions: list[str] = field(default_factory=list)
    characteristics: list[float | None] = field(default_factory=list)
    conditions: list[float | None] = field(default_factory=list)
    changes: list[Difference | None] = field(default_factory=list)

    @property
    def profile_label(self) -> str:
        return str(PROFILE_LABELS[self.profile]) if self.profile else ""

    @property
    def cluster_label(self) -> str:
        return str(PROFILE_LABELS[self.cluster]) if self.cluster else ""


@dataclass
class Overview:
    instrument: Instrument
    rows: list[SchoolRow]
    characteristic_titles: list[str]
    condition_titles: list[str]
    profile_counts: list[tuple[str, int]]
    weakest_counts: list[tuple[str, int]]
    schools_with_data: int
    agreement: Agreement | None = None
    agreement_rows: list[tuple[str, list[int]]] = field(default_factory=list)

    @property
    def agreement_percent(self) -> int | None:
        return round(self.agreement.share * 100) if self.agreement else None


def _latest_two(results: Iterable[Resultaat]) -> dict[int, list[Resultaat]]:
    """Per school its latest closed result and the one before (results come newest first)."""
    found: dict[int, list[Resultaat]] = {}
    for resultaat in results:
        if resultaat.school_id is not None:
            pair = found.setdefault(resultaat.school_id, [])
            if len(pair) < 2:
                pair.append(resultaat)
    return found


class _Means:
    """Section moments read once per result and section."""

    def __init__(self) -> None:
        self.cache: dict[tuple[int, str], Moments] = {}

    def moments(self, resultaat: Resultaat, section: Section) -> Moments:
        key = (resultaat.pk, section.key)
        if key not in self.cache:
            sections = resultaat.sections or {}  # type: ignore[attr-defined]  # annotated below
            self.cache[key] = section_moments({"sections": sections}, section.key)
        return self.cache[key]

    def __call__(self, resultaat: Resultaat, sections: list[Section]) -> list[float | None]:
        return [self.moments(resultaat, s).mean for s in sections]


def network_overview(*, network_id: int, schools: list[School], minimum: int) -> Overview:
    """The given schools' rows, with a clustering over every school of the network with data."""
    instrument = instruments()[("plg-scan", latest_version("plg-scan"))]
    kenmerken = instrument.of_kind("kenmerk")
    voorwaarden = instrument.of_kind("voorwaarde")
    results = (
        Resultaat.objects.filter(
            school__scholengemeenschap__network_id=network_id,
            afname__instrument_slug="plg-scan",
            afname__closed_at__isnull=False,
        )
        .select_related("afname")
        .defer("data")  # the item counts are not needed here, only the section moments
        .annotate(sections=KeyTransform("sections", "data"))
        .order_by("school_id", "-afname__opened_at")
    )
    latest = _latest_two(results)
    means = _Means()
    eligible = {
        school_id: pair[0]
        for school_id, pair in latest.items()
        if may_show(pair[0].n, minimum) and all(m is not None for m in means(pair[0], kenmerken))
    }
    clusters, overview_agreement, agreement_rows = _clusters(eligible, kenmerken, means)
    condition_titles = {s.key: localised(s.title) for s in voorwaarden}
    rows = [
        _row(
            school,
            latest.get(school.pk, []),
            minimum,
            clusters.get(school.pk, ""),
            instrument,
            means,
            condition_titles,
        )
        for school in schools
    ]
    shown = [row for row in rows if row.enough]
    profiles = Counter(row.profile for row in shown if row.profile)
    weak = Counter(row.weakest for row in shown if row.weakest)
    return Overview(
        instrument=instrument,
        rows=rows,
        characteristic_titles=[localised(s.title) for s in kenmerken],
        condition_titles=[localised(s.title) for s in voorwaarden],
        profile_counts=[(str(PROFILE_LABELS[p]), profiles.get(p, 0)) for p in PROFILES],
        weakest_counts=weak.most_common(),
        schools_with_data=len(eligible),
        agreement=overview_agreement,
        agreement_rows=agreement_rows,
    )


def _clusters(
    eligible: dict[int, Resultaat], kenmerken: list[Section], means: _Means
) -> tuple[dict[int, str], Agreement | None, list[tuple[str, list[int]]]]:
    """Three clusters over the schools with data, once there are enough of them, and how well
    they agree with the profile the rules give."""
    if len(eligible) < CLUSTER_MINIMUM:
        return {}, None, []
    ids = sorted(eligible)
    points = [[m or 0.0 for m in means(eligible[i], kenmerken)] for i in ids]
    labels = kmeans3(points)
    clusters = {school_id: PROFILES[label] for school_id, label in zip(ids, labels, strict=True)}
    overview_agreement = agreement([eligible[i].profiel for i in ids], [clusters[i] for i in ids])
    agreement_rows = [
        (
            str(PROFILE_LABELS[rule]),
            [overview_agreement.table.get((rule, cluster), 0) for cluster in PROFILES],
        )
        for rule in PROFILES
    ]
    return clusters, overview_agreement, agreement_rows


def _row(
    school: School,
    pair: list[Resultaat],
    minimum: int,
    cluster: str,
    instrument: Instrument,
    means: _Means,
    condition_titles: dict[str, str],
) -> SchoolRow:
    """One school's figures, only when its latest scan reaches the minimum group size."""
    if not pair:
        return SchoolRow(school=school, afname=None, n=0, enough=False)
    now = pair[0]
    if not may_show(now.n, minimum):
        return SchoolRow(school=school, afname=now.afname, n=now.n, enough=False)
    kenmerken = instrument.of_kind("kenmerk")
    voorwaarden = instrument.of_kind("voorwaarde")
    before = pair[1] if len(pair) > 1 and may_show(pair[1].n, minimum) else None
    condition_means = means(now, voorwaarden)
    characteristic_means = means(now, kenmerken)
    scores = {
        s.key: m for s, m in zip(kenmerken, characteristic_means, strict=True) if m is not None
    }
    weakest_key = weakest(
        {s.key: m for s, m in zip(voorwaarden, condition_means, strict=True) if m is not None}
    )
    return SchoolRow(
        school=school,
        afname=now.afname,
        n=now.n,
        enough=True,
        profile=now.profiel,
        cluster=cluster,
        weakest=condition_titles.get(weakest_key or "", ""),
        distinctions=_distinctions(instrument, scores),
        characteristics=characteristic_means,
        conditions=condition_means,
        changes=[
            difference(means.moments(before, s), means.moments(now, s)) if before else None
            for s in kenmerken
        ],
    )


def _distinctions(instrument: Instrument, scores: dict[str, float]) -> list[str]:
    """What a school is also strong in beyond its profile (the research: few schools are)."""
    if instrument.profile is None or len(scores) < len(instrument.of_kind("kenmerk")):
        return []
    titles = {s.key: localised(s.title) for s in instrument.of_kind("kenmerk")}
    return [titles[key] for key in instrument.profile.distinctions(scores)]
