"""The scan instruments in the repository follow the research model, and bad files are named."""

from __future__ import annotations

import pytest

from plg.scans.instruments import InstrumentError, instruments, parse


def test_plg_scan_follows_the_model() -> None:
    scan = instruments()[("plg-scan", 1)]
    kinds = [section.kind for section in scan.sections]
    assert kinds.count("kenmerk") == 3 and kinds.count("voorwaarde") == 4
    assert all(3 <= len(s.items) <= 6 for s in scan.sections if s.kind == "kenmerk")
    assert [s.kind for s in scan.sections if s.kind in {"leeropbrengst", "achtergrond"}] == [
        "leeropbrengst",
        "achtergrond",
    ]
    background = next(s for s in scan.sections if s.kind == "achtergrond")
    assert any("beginnende" in option for option in background.choices["nl"])
    assert any(item.reverse for item in scan.items())
    assert all(len(s.scale) == 5 for s in scan.sections if s.items)


def test_zelfscan_asks_a_concrete_practice_for_every_score() -> None:
    zelfscan = instruments()[("zelfscan-lfl", 1)]
    assert {s.kind for s in zelfscan.sections} == {"pijler"}
    assert all(s.comment_required and len(s.scale) == 4 for s in zelfscan.sections)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("slug: x\nversion: one\n", "whole-number version"),
        ("slug: x\nversion: 1\nsections: [{kind: quiz}]\n", "section 1: a section needs a kind"),
        (
            "slug: x\nversion: 1\nscales: {s: {nl: [a, b], en: [a]}}\n",
            "scale s: needs the same points",
        ),
        ("[unclosed", "not valid YAML"),
    ],
)
def test_a_malformed_instrument_names_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(InstrumentError, match=message):
        parse(text, "proef.yaml")


_ONE_CHARACTERISTIC = (
    "slug: x\nversion: 1\nnl: {title: X, intro: x}\nen: {title: X, intro: x}\n"
    "scales: {s: {nl: [a, b], en: [a, b]}}\n"
    "sections: [{key: cv, kind: kenmerk, scale: s, nl: {title: C}, en: {title: C},"
    " items: [{key: c1, nl: c, en: c}]}]\n"
)


def test_the_plg_scan_profile_rule_follows_the_research() -> None:
    rule = instruments()[("plg-scan", 1)].profile
    assert rule is not None
    assert rule.mature_when_strong == ("collectieve_verantwoordelijkheid", "reflectieve_dialoog")
    assert rule.distinction_when_strong == ("gedeprivatiseerde_praktijk",)
    assert (rule.beginning_below, rule.strong_from) == (2.75, 3.75)
    assert "750 leraren basisonderwijs" in rule.source


@pytest.mark.parametrize(
    ("profile", "message"),
    [
        ("{beginning_below: 2, strong_from: 3, mature_when_strong: [cv]}", "needs a source"),
        (
            "{source: s, beginning_below: 3, strong_from: 3, mature_when_strong: [cv]}",
            "beginning_below below strong_from",
        ),
        (
            "{source: s, beginning_below: 2, strong_from: 3, mature_when_strong: [dp]}",
            r"not a characteristic of this scan: \['dp'\]",
        ),
        (
            "{source: s, beginning_below: 2, strong_from: 3, mature_when_strong: cv}",
            "needs a list of characteristic keys",
        ),
    ],
)
def test_a_malformed_profile_rule_names_what_is_wrong(profile: str, message: str) -> None:
    with pytest.raises(InstrumentError, match=message):
        parse(_ONE_CHARACTERISTIC + f"profile: {profile}\n", "proef.yaml")
