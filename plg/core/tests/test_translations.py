"""English is complete: every Dutch text we wrote has an English translation."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"


def _entries() -> dict[str, str]:
    text = PO.read_text(encoding="utf-8")
    entries = {}
    for block in text.split("\n\n"):
        if "#, fuzzy" in block and 'msgid ""\nmsgstr ""\n"Project' not in block:
            raise AssertionError(f"fuzzy entry: {block}")
        msgid = _joined(block, "msgid")
        msgstr = _joined(block, "msgstr") or _joined(block, r"msgstr\[0\]")
        if msgid:
            entries[msgid] = msgstr
    return entries


def _joined(block: str, key: str) -> str:
    match = re.search(rf'^{key} "(.*?)"\n((?:".*"\n?)*)', block + "\n", re.M)
    if not match:
        return ""
    parts = [match.group(1), *re.findall(r'^"(.*)"$', match.group(2), re.M)]
    return "".join(parts)


def test_every_entry_is_translated() -> None:
    untranslated = [msgid for msgid, msgstr in _entries().items() if not msgstr]
    assert not untranslated


def test_every_template_text_is_in_the_catalogue() -> None:
    # makemessages escapes a literal "%" of a template text as "%%" in the catalogue
    msgids = {msgid.replace("%%", "%") for msgid in _entries()}
    literal = re.compile(r'{% (?:translate|trans) "([^"]+)"')
    missing = [
        (path.name, text)
        for path in (ROOT / "templates").rglob("*.html")
        for text in literal.findall(path.read_text(encoding="utf-8"))
        if text not in msgids
    ]
    assert not missing, f"run `make messages` and translate: {missing[:10]}"


def test_every_python_text_is_in_the_catalogue() -> None:
    msgids = set(_entries())
    literal = re.compile(r'\b_\(\s*"([^"\\]+)"\s*\)')
    missing = [
        (path.name, text)
        for path in ROOT.rglob("*.py")
        if "tests" not in path.parts and "migrations" not in path.parts
        for text in literal.findall(path.read_text(encoding="utf-8"))
        if text not in msgids
    ]
    assert not missing, f"run `make messages` and translate: {missing[:10]}"
