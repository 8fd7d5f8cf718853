"""The Zelfscan's report: what members do in practice first, then how their answers spread per
indicator, and a rounded mean last.

A PLG is a handful of people. Means to two decimals and confidence intervals for five pretend a
precision that is not there and pull the conversation to the number, where the guide wants it
on practice: the examples are what the group talks about, the spread shows where they differ.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from plg.core.privacy import may_show
from plg.scans.instruments import Section, localised
from plg.scans.models import Afname, Resultaat, Toelichting
from plg.scans.reports import PALETTE
from plg.scans.results import section_moments


@dataclass(frozen=True)
class Keuze:
    """One answer of an indicator: how many chose it (a width of a bar of 100), no names."""

    label: str
    count: int
    x: float
    width: float
    colour: str


@dataclass(frozen=True)
class Indicator:
    text: str
    keuzes: list[Keuze]


@dataclass(frozen=True)
class Pijler:
    key: str
    title: str
    voorbeelden: list[str]
    indicators: list[Indicator]
    mean: float | None
    before: float | None


@dataclass
class ZelfscanReport:
    afname: Afname
    n: int
    minimum: int
    enough: bool
    points: int = 0
    pijlers: list[Pijler] = field(default_factory=list)
    previous: Afname | None = None


def _keuzes(section: Section, counts: list[int]) -> list[Keuze]:
    answered = sum(counts) or 1
    colours = PALETTE.get(section.points, PALETTE[5])
    found, x = [], 0.0
    for point, label in enumerate(section.scale):
        count = counts[point] if point < len(counts) else 0
        width = round(count / answered * 100, 2)
        found.append(Keuze(localised(label), count, x, width, colours[point % len(colours)]))
        x += width
    return found


def _examples(afname: Afname) -> dict[str, list[str]]:
    """The concrete examples per pillar, in alphabetical order (never in arrival order)."""
    texts = Toelichting.objects.filter(
        antwoordset__afname=afname, antwoordset__submitted=True
    ).values_list("section", "text")
    found: dict[str, list[str]] = {}
    for section, text in sorted(texts, key=lambda row: (row[0], row[1].casefold())):
        found.setdefault(section, []).append(text)
    return found


def _before(afname: Afname, minimum: int) -> tuple[Afname | None, dict[str, Any]]:
    previous = afname.previous(None)
    if previous is None:
        return None, {}
    resultaat = Resultaat.objects.filter(afname=previous, school=None).first()
    if resultaat is None or not may_show(resultaat.n, minimum):
        return None, {}
    return previous, resultaat.data


def build_zelfscan_report(afname: Afname, *, minimum: int) -> ZelfscanReport:
    """Below ``minimum`` answers nothing at all: no examples, no spread, no figure."""
    resultaat = Resultaat.objects.filter(afname=afname, school=None).first()
    n = resultaat.n if resultaat else 0
    report = ZelfscanReport(afname=afname, n=n, minimum=minimum, enough=may_show(n, minimum))
    if resultaat is None or not report.enough:
        return report
    data = resultaat.data
    examples = _examples(afname)
    report.previous, before = _before(afname, minimum)
    counts = data.get("items", {})
    for section in afname.instrument.scored_sections():
        report.points = section.points
        report.pijlers.append(
            Pijler(
                key=section.key,
                title=localised(section.title),
                voorbeelden=examples.get(section.key, []),
                indicators=[
                    Indicator(localised(item.text), _keuzes(section, counts.get(item.key, [])))
                    for item in section.items
                ],
                mean=section_moments(data, section.key).mean,
                before=section_moments(before, section.key).mean if before else None,
            )
        )
    return report
