"""What the import tests share: the errors of a failed read, and a lessons CSV written as Excel
or a script would."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

import pytest

from plg.roosters.imports.errors import ImportFout, ImportMislukt
from plg.roosters.imports.records import LesRegel


def fouten_van(functie: Callable[..., Any], *args: Any, **kwargs: Any) -> list[ImportFout]:
    with pytest.raises(ImportMislukt) as info:
        functie(*args, **kwargs)
    return info.value.fouten


LESSEN = [
    ["leerkracht", "dag", "lesuur", "groep", "vak"],
    ["an.peeters@school.be", "ma", "1", "3A", "Wiskunde"],
    ["An.Peeters@school.be", "di", "2", "3B", "Wiskunde"],
    ["JDV", "wo", "4", "", "Toezicht"],
    ["JDV", "vr", "8", "6WeWi", "Économie"],
]
VERWACHT = [
    LesRegel("an.peeters@school.be", 0, 1, "3A", "Wiskunde", 2),
    LesRegel("an.peeters@school.be", 1, 2, "3B", "Wiskunde", 3),
    LesRegel("JDV", 2, 4, "", "Toezicht", 4),
    LesRegel("JDV", 4, 8, "6WeWi", "Économie", 5),
]


def als_csv(rijen: list[list[str]], scheidingsteken: str = ";", codering: str = "utf-8") -> bytes:
    uit = io.StringIO(newline="")
    csv.writer(uit, delimiter=scheidingsteken, lineterminator="\r\n").writerows(rijen)
    return uit.getvalue().encode(codering)
