"""Bytes to text, and text to rows: every reader starts here."""

from __future__ import annotations

import codecs
import csv
import io
import re
from typing import NoReturn

from django.utils.translation import gettext as _

from plg.roosters.imports.errors import Fouten

MAX_BYTES = 5 * 1024 * 1024  # a large school's GPU001 is well under 1 MB


def read_text(data: bytes, fouten: Fouten, codering: str | None) -> str:
    """Decode the upload, or raise with one file-level error that says what to do instead."""
    _refuse_obvious(data, fouten)
    naam = _codering(data, fouten, codering)
    try:
        tekst = data.decode(naam)
    except UnicodeDecodeError as fout:
        fouten.refuse(
            _(
                "dit is geen tekst in de tekencodering %(codering)s. Kies een andere "
                "tekencodering, of bewaar het bestand opnieuw als CSV (UTF-8)."
            )
            % {"codering": naam},
            regel=data[: fout.start].count(b"\n") + 1 if "16" not in naam else None,
        )
    tekst = tekst.removeprefix("\ufeff").rstrip("\x1a")  # a BOM we were told to ignore; DOS EOF
    vreemd = sum(1 for teken in tekst if ord(teken) < 32 and teken not in "\t\r\n\x0c")
    if "\x00" in tekst or vreemd > len(tekst) // 100:
        _not_text(fouten)
    if not tekst.strip():
        fouten.refuse(_("het bestand is leeg."))
    return tekst


def _refuse_obvious(data: bytes, fouten: Fouten) -> None:
    """Too large, empty, or a workbook: said before anything is decoded."""
    if len(data) > MAX_BYTES:
        fouten.refuse(
            _("het bestand is %(grootte)d MB; het mag hoogstens %(grens)d MB zijn.")
            % {"grootte": -(-len(data) // (1024 * 1024)), "grens": MAX_BYTES // (1024 * 1024)}
        )
    if not data.strip(b" \t\r\n\x00\x1a\xef\xbb\xbf\xff\xfe"):
        fouten.refuse(_("het bestand is leeg."))
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        fouten.refuse(
            _(
                "dit is een Excel-werkmap, geen tekstbestand. Bewaar het in Excel met "
                "'Opslaan als' als 'CSV (gescheiden door lijstscheidingsteken)'."
            )
        )


def _codering(data: bytes, fouten: Fouten, codering: str | None) -> str:
    """The encoding the caller named, else the one the bytes give away."""
    if codering:
        try:
            return codecs.lookup(codering).name
        except LookupError:
            fouten.refuse(_("'%(codering)s' is geen bekende codering.") % {"codering": codering})
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if (zonder_bom := _utf16_without_bom(data)) is not None:
        return zonder_bom
    if b"\x00" in data:
        _not_text(fouten)  # 8-bit text never holds a zero byte; a picture or program does
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def _not_text(fouten: Fouten) -> NoReturn:
    fouten.refuse(_("dit is geen tekstbestand. Verwacht wordt een tekstbestand (CSV, TXT of ICS)."))


def _utf16_without_bom(data: bytes) -> str | None:
    """Excel's 'Unicode text' always has a BOM, other tools not: ASCII text has every other byte 0."""
    staal = data[:2000]
    if len(staal) < 4:
        return None
    even = staal[0::2].count(0)
    oneven = staal[1::2].count(0)
    helft = len(staal) // 2
    if oneven > helft * 0.4 and even < helft * 0.05:
        return "utf-16-le"
    if even > helft * 0.4 and oneven < helft * 0.05:
        return "utf-16-be"
    return None


# --- text to rows ----------------------------------------------------------------------------


def read_rows(tekst: str, scheidingsteken: str, fouten: Fouten) -> list[tuple[int, list[str]]]:
    """Non-empty rows with the line each starts on; quoted fields may span lines."""
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheidingsteken, quotechar='"')
    rijen: list[tuple[int, list[str]]] = []
    vorige = 0
    try:
        for rij in lezer:
            begin, vorige = vorige + 1, lezer.line_num
            velden = [waarde.strip() for waarde in rij]
            if any(velden):
                rijen.append((begin, velden))
    except csv.Error:
        fouten.add(
            vorige + 1,
            None,
            _(
                'deze regel is niet te lezen: een veld is te lang of een aanhalingsteken (") '
                "wordt niet afgesloten."
            ),
        )
    return rijen


def choose_scheidingsteken(waarde: str, fouten: Fouten) -> str:
    if waarde.strip().casefold() in {"tab", "\\t"} or waarde == "\t":
        return "\t"
    if len(waarde) != 1 or waarde in '"\r\n':
        fouten.refuse(
            _("'%(teken)s' kan geen scheidingsteken zijn; gebruik ; of , of tab.")
            % {"teken": waarde}
        )
    return waarde


def first_line(tekst: str) -> tuple[int, str]:
    for nummer, regel in enumerate(re.split(r"\r\n|\r|\n", tekst), start=1):
        if regel.strip():
            return nummer, regel
    return 0, ""
