"""Reading the Untis exports GPU001 (timetable) and GPU004 (teachers) by column position, and
telling the user when they gave one for the other."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from plg.roosters.imports.records import Leerkracht, LesRegel
from plg.roosters.imports.untis import read_gpu_leerkrachten, read_gpu_lessen
from plg.roosters.tests.uploads import LESSEN, als_csv, fouten_van

GPU001 = [
    (1, "3A", "PEE", "WI", "A1.02", 1, 1, ""),
    (1, "3B", "PEE", "WI", "A1.02", 1, 1, ""),  # one lesson for two classes
    (2, "3A", "DVR", "FR", "B0.01", 2, 3, ""),
    (3, "", "DVR", "Vakgroep", "", 3, 4, ""),  # no class: still busy
    (4, "4B", "", "LO", "Zaal", 4, 5, ""),  # no teacher: nobody's lesson
    (5, "5é", "DVR", "Éco", "C2", 5, 8, ""),
]


def als_gpu(
    rijen: Sequence[Sequence[object]],
    scheidingsteken: str = ",",
    codering: str = "cp1252",
    quote: bool = True,
) -> bytes:
    regels = []
    for rij in rijen:
        velden = [f'"{w}"' if quote and isinstance(w, str) and w else str(w) for w in rij]
        regels.append(scheidingsteken.join(velden))
    return ("\r\n".join(regels) + "\r\n").encode(codering)


GPU001_VERWACHT = [
    LesRegel("PEE", 0, 1, "3A, 3B", "WI", 1),
    LesRegel("DVR", 1, 3, "3A", "FR", 3),
    LesRegel("DVR", 2, 4, "", "Vakgroep", 4),
    LesRegel("DVR", 4, 8, "5é", "Éco", 6),
]


@pytest.mark.parametrize("scheidingsteken", [",", ";", "\t"])
@pytest.mark.parametrize("codering", ["cp1252", "utf-8", "utf-8-sig"])
def test_gpu001_is_read_in_every_separator_and_encoding(
    scheidingsteken: str, codering: str
) -> None:
    data = als_gpu(GPU001, scheidingsteken, codering)
    assert read_gpu_lessen(data, "GPU001.TXT") == GPU001_VERWACHT


def test_gpu001_without_quotes_is_read_too() -> None:
    assert read_gpu_lessen(als_gpu(GPU001, ";", quote=False), "GPU001.TXT") == GPU001_VERWACHT


def test_gpu001_alternating_weeks_merge_subjects() -> None:
    rijen = [(1, "3A", "PEE", "WI", "", 1, 1, ""), (2, "3B", "PEE", "FY", "", 1, 1, "")]
    [les] = read_gpu_lessen(als_gpu(rijen), "GPU001.TXT")
    assert (les.groep, les.vak) == ("3A, 3B", "WI, FY")


def test_gpu001_weekend_and_bad_period_are_named_by_column() -> None:
    rijen = [
        GPU001[0],
        (7, "3A", "PEE", "WI", "", 6, 1, ""),
        (8, "3A", "PEE", "WI", "", 2, "x", ""),
    ]
    fouten = fouten_van(read_gpu_lessen, als_gpu(rijen), "GPU001.TXT")
    assert [(f.regel, f.veld) for f in fouten] == [(2, "dag (kolom 6)"), (3, "lesuur (kolom 7)")]
    assert "weekend" in fouten[0].melding


def test_gpu001_short_row_is_named() -> None:
    fouten = fouten_van(read_gpu_lessen, als_gpu([GPU001[0], (9, "3A", "PEE")]), "GPU001.TXT")
    assert [(f.regel, f.veld) for f in fouten] == [(2, None)]
    assert "minstens 7" in fouten[0].melding


def test_gpu004_given_as_timetable_gets_a_hint() -> None:
    fouten = fouten_van(read_gpu_lessen, als_gpu(GPU004), "GPU004.TXT")
    assert fouten[0].regel is None and "GPU001" in fouten[0].melding


def test_gpu001_separator_may_be_given() -> None:
    data = als_gpu(GPU001, ";", "cp1252")
    assert read_gpu_lessen(data, "g.txt", scheidingsteken=";", codering="cp1252") == GPU001_VERWACHT


def test_a_lessons_csv_is_not_a_gpu001() -> None:
    fouten = fouten_van(read_gpu_lessen, als_csv(LESSEN), "lessen.csv")
    assert any("GPU001" in f.melding for f in fouten)


# --- Untis GPU004 ----------------------------------------------------------------------------


def leraar(
    code: str, langnaam: str, voornaam: str = "", email: str = "", lengte: int = 45
) -> list[object]:
    rij: list[object] = [""] * lengte
    rij[0], rij[1], rij[2], rij[5], rij[16] = code, langnaam, "5", "mn", "Vakgroep"
    if lengte > 28:
        rij[28] = voornaam
    if lengte > 32:
        rij[32] = email
    rij[14], rij[15] = "23.000", 6.8657
    return rij


GPU004 = [
    leraar("PEE", "Peeters", "An", "An.Peeters@School.be"),
    leraar("DVR", "De Vriendt", "Jérôme", ""),
    leraar("OUD", "Oudenaerde", lengte=20),  # an older export stops earlier
]


@pytest.mark.parametrize("scheidingsteken", [",", ";", "\t"])
@pytest.mark.parametrize("codering", ["cp1252", "utf-8"])
def test_gpu004_is_read_in_every_separator_and_encoding(
    scheidingsteken: str, codering: str
) -> None:
    data = als_gpu(GPU004, scheidingsteken, codering)
    assert read_gpu_leerkrachten(data, "GPU004.TXT") == [
        Leerkracht("PEE", "Peeters", "An", "an.peeters@school.be"),
        Leerkracht("DVR", "De Vriendt", "Jérôme", ""),
        Leerkracht("OUD", "Oudenaerde", "", ""),
    ]


def test_gpu004_comma_inside_quotes_stays_in_the_name() -> None:
    data = als_gpu([leraar("PEE", "Peeters, A.", "An")])
    assert read_gpu_leerkrachten(data, "GPU004.TXT")[0].familienaam == "Peeters, A."


def test_gpu004_duplicate_code_and_bad_email_are_named() -> None:
    rijen = [*GPU004, leraar("PEE", "Pauwels"), leraar("XYZ", "X", "Y", "geen-adres")]
    fouten = fouten_van(read_gpu_leerkrachten, als_gpu(rijen), "GPU004.TXT")
    assert [(f.regel, f.veld) for f in fouten] == [(4, "naam (kolom 1)"), (5, "e-mail (kolom 33)")]
    assert "regel 1" in fouten[0].melding


def test_gpu004_codes_differing_only_in_case_are_one_teacher() -> None:
    fouten = fouten_van(
        read_gpu_leerkrachten, als_gpu([*GPU004, leraar("pee", "Pauwels")]), "g.txt"
    )
    assert [(f.regel, f.veld) for f in fouten] == [(4, "naam (kolom 1)")]


def test_gpu001_given_as_teachers_gets_a_hint() -> None:
    [fout] = fouten_van(read_gpu_leerkrachten, als_gpu(GPU001), "GPU001.TXT")
    assert fout.regel is None and "GPU004" in fout.melding


def test_gpu_binary_and_empty_files_are_refused() -> None:
    assert "leeg" in fouten_van(read_gpu_leerkrachten, b"", "GPU004.TXT")[0].melding
    assert "tekst" in fouten_van(read_gpu_lessen, bytes(range(256)) * 3, "GPU001.TXT")[0].melding
