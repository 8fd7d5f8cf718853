"""Scan instruments as data: versioned YAML files in ``instruments/``, checked when loaded.

A wave will point at an instrument's slug and version, so its results stay comparable and
explainable; a file's meaning never changes once used, a new version gets a new file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from django.utils.translation import get_language

from plg.scans.statistics import ProfileRule

FOLDER = Path(__file__).resolve().parent / "instruments"
LANGUAGES = ("nl", "en")
KINDS = {"kenmerk", "voorwaarde", "leeropbrengst", "achtergrond", "pijler"}


class InstrumentError(ValueError):
    """A malformed instrument file; the message names the file and the place in it."""


def localised(texts: dict[str, str]) -> str:
    """The text in the active language (Dutch when the language has no text of its own)."""
    language = (get_language() or "nl")[:2]
    return texts.get(language) or texts["nl"]


@dataclass(frozen=True)
class Item:
    key: str
    text: dict[str, str]
    reverse: bool = False


@dataclass(frozen=True)
class Section:
    key: str
    kind: str
    title: dict[str, str]
    scale: list[dict[str, str]] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    comment_required: bool = False
    comment_label: dict[str, str] = field(default_factory=dict)
    choice_key: str = ""
    choices: dict[str, list[str]] = field(default_factory=dict)
    question: dict[str, str] = field(default_factory=dict)

    @property
    def points(self) -> int:
        return len(self.scale)

    def option(self, index: int) -> dict[str, str]:
        """The texts of one answer of a background question, per language."""
        return {language: options[index] for language, options in self.choices.items()}


@dataclass(frozen=True)
class Instrument:
    slug: str
    version: int
    title: dict[str, str]
    sections: list[Section]
    intro: dict[str, str] = field(default_factory=dict)
    profile: ProfileRule | None = None

    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]

    def scored_sections(self) -> list[Section]:
        return [section for section in self.sections if section.items]

    def of_kind(self, kind: str) -> list[Section]:
        return [section for section in self.sections if section.kind == kind]

    @property
    def background(self) -> Section | None:
        return next((s for s in self.sections if s.kind == "achtergrond"), None)


def _texts(node: Any, where: str, key: str) -> dict[str, str]:
    if not isinstance(node, dict):
        raise InstrumentError(f"{where}: expected nl/en texts")
    texts = {}
    for language in LANGUAGES:
        value = (node.get(language) or {}).get(key) if key else node.get(language)
        if not isinstance(value, str) or not value.strip():
            raise InstrumentError(f"{where}: missing '{key or 'text'}' in {language}")
        texts[language] = value
    return texts


def _section(raw: Any, scales: dict[str, Any], where: str) -> Section:
    if not isinstance(raw, dict) or raw.get("kind") not in KINDS:
        raise InstrumentError(f"{where}: a section needs a kind, one of {sorted(KINDS)}")
    kind = raw["kind"]
    title = _texts(raw, where, "title")
    if kind == "achtergrond":
        choices = raw.get("choices") or {}
        options: dict[str, list[str]] = {
            lang: list((choices.get(lang) or {}).get("options") or []) for lang in LANGUAGES
        }
        if not choices.get("key") or len({len(o) for o in options.values()}) != 1:
            raise InstrumentError(f"{where}: a background question needs options in nl and en")
        return Section(
            key=raw["key"],
            kind=kind,
            title=title,
            choice_key=choices["key"],
            choices=options,
            question=_texts(choices, f"{where}, choices", "question"),
        )
    scale = scales.get(str(raw.get("scale")))
    if scale is None:
        raise InstrumentError(f"{where}: unknown scale {raw.get('scale')!r}")
    items = []
    for n, item in enumerate(raw.get("items") or [], start=1):
        if not isinstance(item, dict) or not item.get("key"):
            raise InstrumentError(f"{where}, item {n}: needs a key")
        items.append(
            Item(
                key=item["key"],
                text=_texts(item, f"{where}, item {item['key']}", ""),
                reverse=bool(item.get("reverse", False)),
            )
        )
    if not items:
        raise InstrumentError(f"{where}: a section needs items")
    comment = raw.get("comment") or {}
    return Section(
        key=raw["key"],
        kind=kind,
        title=title,
        scale=[
            dict(zip(LANGUAGES, labels, strict=True))
            for labels in zip(*(scale[lang] for lang in LANGUAGES), strict=True)
        ],
        items=items,
        comment_required=bool(comment.get("required", False)),
        comment_label=_texts(comment, f"{where}, comment", "") if comment else {},
    )


def _keys(raw: Any, where: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(key, str) for key in raw):
        raise InstrumentError(f"{where}: needs a list of characteristic keys")
    return tuple(raw)


def _profile(raw: Any, sections: list[Section], name: str) -> ProfileRule | None:
    """The profile rule of the instrument: which characteristics make a school mature, and
    which one is a distinction when strong too (docs/scans.md names the research)."""
    if raw is None:
        return None
    where = f"{name}, profile"
    if not isinstance(raw, dict) or not str(raw.get("source") or "").strip():
        raise InstrumentError(f"{where}: needs a source, the research the rule follows")
    mature = _keys(raw.get("mature_when_strong"), where)
    distinction = _keys(raw.get("distinction_when_strong") or [], where)
    try:
        rule = ProfileRule(
            beginning_below=float(raw["beginning_below"]),
            strong_from=float(raw["strong_from"]),
            mature_when_strong=mature,
            distinction_when_strong=distinction,
            source=str(raw["source"]).strip(),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise InstrumentError(
            f"{where}: needs beginning_below below strong_from (numbers) and the "
            f"characteristics mature asks for, each in one list only ({error})"
        ) from error
    characteristics = {section.key for section in sections if section.kind == "kenmerk"}
    unknown = {*rule.mature_when_strong, *rule.distinction_when_strong} - characteristics
    if unknown:
        raise InstrumentError(f"{where}: not a characteristic of this scan: {sorted(unknown)}")
    return rule


def parse(text: str, name: str) -> Instrument:
    """One instrument from YAML text; ``name`` is used in error messages."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise InstrumentError(f"{name}: not valid YAML ({error})") from error
    if not isinstance(raw, dict) or not raw.get("slug") or not isinstance(raw.get("version"), int):
        raise InstrumentError(f"{name}: needs a slug and a whole-number version")
    scales = raw.get("scales") or {}
    for scale_name, scale in scales.items():
        lengths = {len((scale or {}).get(lang) or []) for lang in LANGUAGES}
        if len(lengths) != 1 or lengths == {0}:
            raise InstrumentError(f"{name}, scale {scale_name}: needs the same points in nl and en")
    sections = [
        _section(section, scales, f"{name}, section {n}")
        for n, section in enumerate(raw.get("sections") or [], start=1)
    ]
    keys = [item.key for section in sections for item in section.items]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise InstrumentError(f"{name}: item keys used twice: {', '.join(duplicates)}")
    profile = _profile(raw.get("profile"), sections, name)
    return Instrument(
        slug=raw["slug"],
        version=raw["version"],
        title=_texts(raw, name, "title"),
        sections=sections,
        intro=_texts(raw, name, "intro"),
        profile=profile,
    )


def latest_version(slug: str) -> int:
    return max(version for (s, version) in instruments() if s == slug)


@cache
def instruments() -> dict[tuple[str, int], Instrument]:
    """Every instrument in the repository, by (slug, version)."""
    found = {}
    for path in sorted(FOLDER.glob("*.yaml")):
        instrument = parse(path.read_text(encoding="utf-8"), path.name)
        found[(instrument.slug, instrument.version)] = instrument
    return found
