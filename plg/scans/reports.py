"""What a report shows, built from stored aggregates: the page and the PDF share one context.

Every figure passes the minimum group size here, in one place; templates only draw.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.utils import timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from plg.bezoeken.aggregates import Praktijk, praktijk
from plg.bezoeken.schooljaar import Tijdvak
from plg.core.privacy import may_show
from plg.organisations.models import School
from plg.scans.advice import CONDITION_ADVICE, PROFILE_ADVICE, PROFILE_LABELS
from plg.scans.instruments import Section, localised
from plg.scans.models import Afname, Resultaat, Toelichting
from plg.scans.results import NO_ROLE, characteristic_scores, section_moments
from plg.scans.statistics import (
    Difference,
    ProfileRule,
    difference,
    distribution,
    shown_groups,
    weakest,
)


def position(value: float, points: int) -> float:
    """Where a score lies on a bar of width 100 running from 1 to ``points``."""
    return round((value - 1) / (points - 1) * 100, 2)


# From "not at all" (warm) to "fully" (green); a 4-point scale skips the neutral middle.
PALETTE = {
    5: ("#b5523b", "#e3a48f", "#d9dde1", "#8fbfb0", "#2f7d69"),
    4: ("#b5523b", "#e3a48f", "#8fbfb0", "#2f7d69"),
}


@dataclass(frozen=True)
class Segment:
    x: float
    width: float
    point: int
    share: int
    colour: str
    label: str = ""


def segments(counts: dict[int, int], points: int, labels: list[str] | None = None) -> list[Segment]:
    """The distribution as adjoining pieces of a bar of width 100 (SVG attributes, so the PDF
    renderer, which ignores page CSS inside SVG, draws the same colours). Each piece carries its
    answer's words too: the colours are not the only way to tell them apart."""
    shares = distribution(counts, points)
    names = labels or []
    colours = PALETTE.get(points, PALETTE[5])
    found, x = [], 0.0
    for point, share in enumerate(shares, start=1):
        width = round(share * 100, 2)
        found.append(
            Segment(
                x=x,
                width=width,
                point=point,
                share=round(share * 100),
                colour=colours[min(point, len(colours)) - 1],
                label=names[point - 1] if point <= len(names) else "",
            )
        )
        x += width
    return found


@dataclass(frozen=True)
class ItemLine:
    text: str
    reverse: bool
    mean: float
    segments: list[Segment]


@dataclass(frozen=True)
class Bar:
    key: str
    title: str
    kind: str
    points: int
    mean: float
    sd: float | None
    interval: tuple[float, float] | None
    marker: float
    segments: list[Segment]
    items: list[ItemLine]


@dataclass(frozen=True)
class Change:
    title: str
    before: float
    after: float
    difference: Difference
    before_x: float
    after_x: float


@dataclass(frozen=True)
class RoleRow:
    label: str
    n: int
    means: list[float]


DEPRIVATISED = "gedeprivatiseerde_praktijk"
"""The characteristic that visiting each other's class is about: next to it, what we do."""

EARLIER_WAVES = 3
"""How many earlier waves the evolution of visits goes back (the PDF stays one page)."""


@dataclass
class Report:
    afname: Afname
    school: School | None
    n: int
    minimum: int
    enough: bool
    scale: list[tuple[str, str]] = field(default_factory=list)
    bars: dict[str, list[Bar]] = field(default_factory=dict)
    profile: str = ""
    profile_label: str = ""
    profile_advice: str = ""
    rule: ProfileRule | None = None
    mature_text: str = ""
    distinctions: list[str] = field(default_factory=list)
    rule_x: tuple[float, float] | None = None
    weakest: Bar | None = None
    weakest_advice: str = ""
    previous: Afname | None = None
    changes: list[Change] = field(default_factory=list)
    role_titles: list[str] = field(default_factory=list)
    roles: list[RoleRow] = field(default_factory=list)
    comments: dict[str, list[str]] = field(default_factory=dict)
    praktijk: list[Praktijk] = field(default_factory=list)
    praktijk_key: str = DEPRIVATISED


def _bar(section: Section, data: dict[str, Any]) -> Bar | None:
    moments = section_moments(data, section.key)
    if moments.mean is None:
        return None
    items_counts = data.get("items", {})
    pooled: dict[int, int] = defaultdict(int)
    lines = []
    labels = [localised(point) for point in section.scale]
    for item in section.items:
        raw = {v: c for v, c in enumerate(items_counts.get(item.key, []), start=1) if c}
        for value, count in raw.items():
            pooled[section.points + 1 - value if item.reverse else value] += count
        answered = sum(raw.values())
        lines.append(
            ItemLine(
                text=localised(item.text),
                reverse=item.reverse,
                mean=sum(v * c for v, c in raw.items()) / answered if answered else 0.0,
                segments=segments(raw, section.points, labels),
            )
        )
    return Bar(
        key=section.key,
        title=localised(section.title),
        kind=section.kind,
        points=section.points,
        mean=moments.mean,
        sd=moments.sd,
        interval=moments.interval(),
        marker=position(moments.mean, section.points),
        segments=segments(pooled, section.points, labels),
        items=lines,
    )


def _changes(report: Report, before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    found = []
    for section in report.afname.instrument.scored_sections():
        diff = difference(section_moments(before, section.key), section_moments(after, section.key))
        if diff is None:
            continue
        was = section_moments(before, section.key).mean or 0.0
        now = section_moments(after, section.key).mean or 0.0
        found.append(
            Change(
                title=localised(section.title),
                before=was,
                after=now,
                difference=diff,
                before_x=position(was, section.points),
                after_x=position(now, section.points),
            )
        )
    return found


def _roles(report: Report, data: dict[str, Any]) -> None:
    background = report.afname.instrument.background
    if background is None:
        return
    sizes = dict(data.get("roles", {}))
    shown = sorted(shown_groups(sizes, report.minimum) - {NO_ROLE}, key=int)
    sections = [*report.bars.get("kenmerk", []), *report.bars.get("voorwaarde", [])]
    report.role_titles = [bar.title for bar in sections]
    for role in shown:
        report.roles.append(
            RoleRow(
                label=localised(background.option(int(role))),
                n=sizes[role],
                means=[section_moments(data, bar.key, [role]).mean or 0.0 for bar in sections],
            )
        )


def _profile_rule(report: Report, rule: ProfileRule, data: dict[str, Any], points: int) -> None:
    """How the rule reads, for the reader, and what this school is also strong in."""
    titles = {s.key: localised(s.title) for s in report.afname.instrument.of_kind("kenmerk")}
    report.rule = rule
    report.rule_x = (position(rule.beginning_below, points), position(rule.strong_from, points))
    report.mature_text = get_text_list(
        [titles[key].lower() for key in rule.mature_when_strong], _("en")
    )
    scores = characteristic_scores(report.afname.instrument, data)
    if scores:
        report.distinctions = [titles[key] for key in rule.distinctions(scores)]


def build_report(afname: Afname, school: School | None, *, minimum: int) -> Report:
    """The report of one school in a closed wave (a Zelfscan has its own: `zelfscan.py`)."""
    resultaat = Resultaat.objects.filter(afname=afname, school=school).first()
    data = resultaat.data if resultaat else {}
    n = resultaat.n if resultaat else 0
    report = Report(afname=afname, school=school, n=n, minimum=minimum, enough=may_show(n, minimum))
    if not report.enough:
        return report
    instrument = afname.instrument
    sections = instrument.scored_sections()
    if sections:
        colours = PALETTE.get(sections[0].points, PALETTE[5])
        report.scale = [(localised(point), colours[n]) for n, point in enumerate(sections[0].scale)]
    for section in sections:
        bar = _bar(section, data)
        if bar is not None:
            report.bars.setdefault(section.kind, []).append(bar)
    if resultaat and resultaat.profiel:
        report.profile = resultaat.profiel
        report.profile_label = str(PROFILE_LABELS[resultaat.profiel])
        report.profile_advice = str(PROFILE_ADVICE[resultaat.profiel])
    if instrument.profile is not None and sections:
        _profile_rule(report, instrument.profile, data, sections[0].points)
    conditions = {bar.key: bar for bar in report.bars.get("voorwaarde", [])}
    weakest_key = weakest({key: bar.mean for key, bar in conditions.items()})
    if weakest_key is not None:
        report.weakest = conditions[weakest_key]
        report.weakest_advice = str(CONDITION_ADVICE.get(weakest_key, ""))
    report.previous = afname.previous(school.pk if school else None)
    if report.previous is not None:
        before = Resultaat.objects.filter(afname=report.previous, school=school).first()
        if before is not None and may_show(before.n, minimum):
            report.changes = _changes(report, before.data, data)
    _roles(report, data)
    report.praktijk = _wat_we_eraan_doen(report)
    titles = {section.key: localised(section.title) for section in instrument.sections}
    texts = Toelichting.objects.filter(
        antwoordset__afname=afname, antwoordset__school=school, antwoordset__submitted=True
    ).values_list("section", "text")
    for section_key, text in sorted(texts, key=lambda row: (row[0], row[1].casefold())):
        report.comments.setdefault(titles.get(section_key, section_key), []).append(text)
    return report


def wave_periods(afname: Afname, school: School) -> list[Tijdvak]:
    """The year before the first of the last few waves, then from each wave to the next (the
    last one up to the next wave or today): what the school did around each measurement."""
    waves = list(
        Afname.objects.filter(
            instrument_slug=afname.instrument_slug,
            plg=None,
            schools=school,
            closed_at__isnull=False,
        )
        .order_by("opened_at", "pk")
        .values_list("pk", "title", "opened_at")
    )
    here = next((i for i, wave in enumerate(waves) if wave[0] == afname.pk), None)
    if here is None:  # an open wave has no report, and so nothing around it
        return []
    shown = waves[max(0, here - EARLIER_WAVES) : here + 2]
    titles = [wave[1] for wave in shown]
    starts = [timezone.localdate(wave[2]) for wave in shown]
    if len(shown) == here - max(0, here - EARLIER_WAVES) + 1:  # no later wave: up to today
        titles.append("")
        starts.append(max(timezone.localdate() + timedelta(1), starts[-1] + timedelta(1)))
    periods = [
        Tijdvak(
            _("het jaar voor %(wave)s") % {"wave": titles[0]},
            starts[0] - timedelta(365),
            starts[0],
        )
    ]
    for title, after, van, tot in zip(titles, titles[1:], starts, starts[1:], strict=False):
        label = (
            _("tussen %(wave)s en %(next)s") % {"wave": title, "next": after}
            if after
            else _("sinds %(wave)s") % {"wave": title}
        )
        periods.append(Tijdvak(label, van, max(tot, van + timedelta(1))))
    return periods


def _wat_we_eraan_doen(report: Report) -> list[Praktijk]:
    """Visits of this school around each wave, beside the score of deprivatised practice."""
    school = report.school
    kenmerken = {bar.key for bar in report.bars.get("kenmerk", [])}
    if school is None or DEPRIVATISED not in kenmerken:
        return []
    periods = wave_periods(report.afname, school)
    return praktijk([school.pk], periods, minimum=report.minimum)[school.pk]


def no_figures_reason(n: int, minimum: int) -> str:
    return _(
        "Er zijn %(n)s antwoorden. Resultaten verschijnen pas vanaf %(minimum)s, zodat niemand "
        "herkenbaar is."
    ) % {"n": n, "minimum": minimum}
