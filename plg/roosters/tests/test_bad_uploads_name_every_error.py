"""Whatever is uploaded, a reader answers with its data or with every error at once: empty,
binary, too large or wrongly encoded files get one clear message, and random bytes never crash."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plg.roosters.imports.errors import MAX_FOUTEN, ImportFout, ImportMislukt
from plg.roosters.imports.ical import read_ical
from plg.roosters.imports.lessen_csv import read_lessen_csv
from plg.roosters.imports.text import MAX_BYTES
from plg.roosters.imports.untis import read_gpu_leerkrachten, read_gpu_lessen
from plg.roosters.tests.uploads import LESSEN, VERWACHT, als_csv, fouten_van


@pytest.mark.parametrize("data", [b"", b"   \r\n\r\n", b"\xef\xbb\xbf", b"\xff\xfe"])
def test_an_empty_file_is_one_clear_error(data: bytes) -> None:
    [fout] = fouten_van(read_lessen_csv, data, "lessen.csv")
    assert (fout.regel, fout.veld) == (None, None) and "leeg" in fout.melding
    assert str(fout) == "lessen.csv: het bestand is leeg."


def test_only_a_header_is_no_timetable() -> None:
    [fout] = fouten_van(read_lessen_csv, als_csv([LESSEN[0]]), "lessen.csv")
    assert "geen lessen" in fout.melding


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 4,
        b"\x00\x01\x02\x03binary\x00\x00\xfe\x10" * 50,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    ],
)
def test_binary_garbage_is_refused_as_not_text(data: bytes) -> None:
    [fout] = fouten_van(read_lessen_csv, data, "foto.png")
    assert fout.regel is None and ("tekst" in fout.melding)


def test_an_excel_workbook_says_to_save_as_csv() -> None:
    [fout] = fouten_van(read_lessen_csv, b"PK\x03\x04" + b"\x00" * 100, "lessen.xlsx")
    assert "Excel" in fout.melding and "CSV" in fout.melding


def test_all_errors_are_reported_together_in_line_order() -> None:
    data = als_csv(
        [
            LESSEN[0],
            ["JDV", "zaterdag", "1", "", ""],
            ["JDV", "ma", "x", "", ""],
            LESSEN[1],
            ["", "di", "99", "", ""],
        ]
    )
    fouten = fouten_van(read_lessen_csv, data, "lessen.csv")
    assert [(f.regel, f.veld) for f in fouten] == [
        (2, "dag"),
        (3, "lesuur"),
        (5, "leerkracht"),
        (5, "lesuur"),
    ]


def test_after_fifty_errors_the_rest_is_counted() -> None:
    data = als_csv([LESSEN[0]] + [["JDV", "zondag", str(i % 12 + 1), "", ""] for i in range(70)])
    with pytest.raises(ImportMislukt) as info:
        read_lessen_csv(data, "lessen.csv")
    assert len(info.value.fouten) == MAX_FOUTEN + 1
    assert info.value.weggelaten == 20
    assert str(info.value.fouten[-1]) == "lessen.csv: en nog 20 fouten"


def test_a_file_over_the_limit_is_refused_before_reading() -> None:
    [fout] = fouten_van(read_lessen_csv, b"a" * (MAX_BYTES + 1), "groot.csv")
    assert "MB" in fout.melding


def test_the_caller_may_say_separator_and_encoding() -> None:
    data = als_csv(LESSEN, "|", "cp1252")
    assert read_lessen_csv(data, "lessen.csv", scheidingsteken="|", codering="cp1252") == VERWACHT


def test_a_wrong_encoding_from_the_caller_names_the_line() -> None:
    data = "leerkracht;dag;lesuur;groep;vak\nJDV;ma;1;3A;Français\n".encode("cp1252")
    [fout] = fouten_van(read_lessen_csv, data, "lessen.csv", codering="utf-8")
    assert fout.regel == 2 and "UTF-8" in fout.melding


def test_the_exception_text_lists_every_error() -> None:
    data = als_csv([LESSEN[0], ["JDV", "zo", "1", "", ""], ["JDV", "ma", "x", "", ""]])
    with pytest.raises(ImportMislukt) as info:
        read_lessen_csv(data, "lessen.csv")
    assert str(info.value).count("lessen.csv, regel") == 2


LEZERS = [
    lambda d: read_lessen_csv(d, "x.csv"),
    lambda d: read_gpu_lessen(d, "GPU001.TXT"),
    lambda d: read_gpu_leerkrachten(d, "GPU004.TXT"),
    lambda d: read_ical(d, "x.ics", date(2027, 1, 1), date(2027, 12, 31)),
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=400), lezer=st.sampled_from(LEZERS))
def test_random_bytes_never_crash_with_anything_but_import_mislukt(
    data: bytes, lezer: Callable[[bytes], object]
) -> None:
    try:
        lezer(data)
    except ImportMislukt as fout:
        assert fout.fouten and all(isinstance(f, ImportFout) for f in fout.fouten)
