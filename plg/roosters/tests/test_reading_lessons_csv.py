"""Reading our own lessons CSV: every header, day and period a school writes, and every mistake
named by line and by the field as the user wrote it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plg.roosters.imports.lessen_csv import read_lessen_csv
from plg.roosters.tests.uploads import LESSEN, VERWACHT, als_csv, fouten_van


@pytest.mark.parametrize("scheidingsteken", [";", ",", "\t"])
@pytest.mark.parametrize("codering", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_a_good_csv_is_read_in_every_separator_and_encoding(
    scheidingsteken: str, codering: str
) -> None:
    data = als_csv(LESSEN, scheidingsteken, codering)
    assert read_lessen_csv(data, "lessen.csv") == VERWACHT


def test_utf16_without_byte_order_mark_is_recognised() -> None:
    data = als_csv(LESSEN, "\t", "utf-16-le")
    assert read_lessen_csv(data, "lessen.txt") == VERWACHT


def test_header_names_ignore_case_spaces_order_and_may_be_english() -> None:
    rijen = [["  SUBJECT", "Group ", "Teacher", "PERIOD", " Day "]] + [
        [r[4], r[3], r[0], r[2], r[1]] for r in LESSEN[1:]
    ]
    assert read_lessen_csv(als_csv(rijen), "lessons.csv") == VERWACHT


def test_extra_columns_are_ignored() -> None:
    rijen = [[*r, "lokaal"] if i == 0 else [*r, "A1.02"] for i, r in enumerate(LESSEN)]
    assert read_lessen_csv(als_csv(rijen), "lessen.csv") == VERWACHT


@pytest.mark.parametrize(
    ("waarde", "dag"),
    [
        ("ma", 0),
        ("Maandag", 0),
        ("DI", 1),
        ("wo.", 2),
        ("Thursday", 3),
        ("fri", 4),
        ("5", 4),
        ("donderdag", 3),
    ],
)
def test_day_may_be_short_long_english_or_a_number(waarde: str, dag: int) -> None:
    data = als_csv([LESSEN[0], ["JDV", waarde, "3", "3A", "Frans"]])
    assert read_lessen_csv(data, "lessen.csv")[0].dag == dag


def test_excel_separator_hint_line_and_empty_lines_are_skipped_with_true_line_numbers() -> None:
    data = b"sep=,\r\n\r\nleerkracht,dag,lesuur,groep,vak\r\n\r\nJDV,ma,1,3A,Frans\r\n,,,,\r\nJDV,di,1,3A,Frans\r\n"
    lessen = read_lessen_csv(data, "lessen.csv")
    assert [(les.dag, les.regel) for les in lessen] == [(0, 5), (1, 7)]


def test_the_same_lesson_twice_counts_once() -> None:
    data = als_csv(
        [LESSEN[0], ["JDV", "ma", "1", "3A", "Frans"], ["JDV", "Maandag", "1", "3a", "frans"]]
    )
    assert len(read_lessen_csv(data, "lessen.csv")) == 1


def test_one_teacher_with_two_groups_in_one_period_names_both_lines() -> None:
    data = als_csv(
        [
            LESSEN[0],
            ["JDV", "ma", "1", "3A", "Frans"],
            ["x", "di", "1", "", ""],
            ["JDV", "ma", "1", "3B", "Frans"],
        ]
    )
    [fout] = fouten_van(read_lessen_csv, data, "lessen.csv")
    assert (fout.bestand, fout.regel, fout.veld) == ("lessen.csv", 4, "groep")
    assert "regel 2" in fout.melding and "3A" in fout.melding and "3B" in fout.melding
    assert "3A+3B" in fout.melding  # says how to write a shared lesson


def test_two_teachers_in_one_group_at_once_is_fine() -> None:
    data = als_csv(
        [LESSEN[0], ["JDV", "ma", "1", "3A", "Frans"], ["KLM", "ma", "1", "3A", "Frans"]]
    )
    assert len(read_lessen_csv(data, "lessen.csv")) == 2


def test_an_unknown_day_names_file_line_and_field_and_what_to_use() -> None:
    data = als_csv([LESSEN[0], LESSEN[1], LESSEN[2], ["JDV", "zondag", "1", "3A", "Frans"]])
    [fout] = fouten_van(read_lessen_csv, data, "lessen.csv")
    assert str(fout) == (
        "lessen.csv, regel 4, veld 'dag': 'zondag' is geen lesdag; gebruik ma, di, wo, do of vr."
    )


def test_a_word_that_is_no_day_at_all_is_explained() -> None:
    [fout] = fouten_van(
        read_lessen_csv, als_csv([LESSEN[0], ["JDV", "mandag", "1", "", ""]]), "l.csv"
    )
    assert fout.regel == 2 and fout.veld == "dag"
    assert "'mandag' is geen dag" in fout.melding and "ma, di, wo, do of vr" in fout.melding


@pytest.mark.parametrize(
    ("waarde", "tekst"),
    [
        ("drie", "geen getal"),
        ("0", "bestaat niet"),
        ("13", "bestaat niet"),
        ("", "ontbreekt"),
        ("2.5", "geen getal"),
    ],
)
def test_a_wrong_period_says_a_number_from_1_to_12_is_expected(waarde: str, tekst: str) -> None:
    [fout] = fouten_van(
        read_lessen_csv, als_csv([LESSEN[0], ["JDV", "ma", waarde, "3A", ""]]), "l.csv"
    )
    assert (fout.regel, fout.veld) == (2, "lesuur")
    assert tekst in fout.melding and "1 tot 12" in fout.melding


def test_the_field_is_named_as_the_user_wrote_the_header() -> None:
    data = als_csv(
        [["Teacher", "Day", "Period", "Group", "Subject"], ["JDV", "sunday", "1", "", ""]]
    )
    [fout] = fouten_van(read_lessen_csv, data, "l.csv")
    assert fout.veld == "Day"


def test_a_missing_column_is_named_with_the_expected_header() -> None:
    data = als_csv([["leerkracht", "lesuur", "groep", "vak"], ["JDV", "1", "3A", "Frans"]])
    [fout] = fouten_van(read_lessen_csv, data, "lessen.csv")
    assert (fout.regel, fout.veld) == (1, "dag")
    assert "leerkracht;dag;lesuur;groep;vak" in fout.melding


def test_a_file_without_header_misses_every_column() -> None:
    data = als_csv([["JDV", "ma", "1", "3A", "Frans"]])
    fouten = fouten_van(read_lessen_csv, data, "lessen.csv")
    assert {f.veld for f in fouten} == {"leerkracht", "dag", "lesuur", "groep", "vak"}


def test_a_wrong_email_address_is_named() -> None:
    [fout] = fouten_van(
        read_lessen_csv, als_csv([LESSEN[0], ["an@@school", "ma", "1", "", ""]]), "l.csv"
    )
    assert (fout.regel, fout.veld) == (2, "leerkracht") and "e-mailadres" in fout.melding


def test_a_missing_teacher_is_named() -> None:
    [fout] = fouten_van(read_lessen_csv, als_csv([LESSEN[0], ["", "ma", "1", "3A", ""]]), "l.csv")
    assert (fout.regel, fout.veld) == (2, "leerkracht")


_REGELTEKENS = st.sampled_from(list('abcdeklmnopqrstuvwxyzABCDEKLMZ0123456789éèëçàü -+/.;,"'))
_TEKST = st.text(_REGELTEKENS, max_size=12).map(str.strip)
_CODE = st.text(st.sampled_from(list("ABCDEFGHKLMNPRSTVWZ")), min_size=1, max_size=5)
_DAGVORMEN = [
    ["ma", "di", "wo", "do", "vr"],
    ["Maandag", "DINSDAG", "woensdag", "Donderdag", "vrijdag"],
    ["monday", "Tuesday", "wed", "THU", "fri"],
    ["1", "2", "3", "4", "5"],
]


@settings(max_examples=60, deadline=None)
@given(
    lessen=st.lists(
        st.tuples(_CODE, st.integers(0, 4), st.integers(1, 12), _TEKST, _TEKST),
        min_size=1,
        max_size=25,
        unique_by=lambda r: (r[0], r[1], r[2]),
    ),
    scheidingsteken=st.sampled_from([";", ",", "\t"]),
    codering=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
    dagvorm=st.sampled_from(_DAGVORMEN),
    kop=st.sampled_from(
        [
            ["leerkracht", "dag", "lesuur", "groep", "vak"],
            ["Teacher", "DAY", "period", "Group", "subject"],
        ]
    ),
)
def test_valid_rows_round_trip_through_a_written_csv(
    lessen: list[tuple[str, int, int, str, str]],
    scheidingsteken: str,
    codering: str,
    dagvorm: list[str],
    kop: list[str],
) -> None:
    rijen = [kop] + [[c, dagvorm[d], str(u), g, v] for c, d, u, g, v in lessen]
    gelezen = read_lessen_csv(als_csv(rijen, scheidingsteken, codering), "lessen.csv")
    assert [(r.leerkracht, r.dag, r.lesuur, r.groep, r.vak) for r in gelezen] == lessen


def test_the_example_in_the_school_documentation_reads() -> None:
    tekst = (Path(__file__).resolve().parents[3] / "docs" / "tijd-maken-import.md").read_text()
    voorbeeld = tekst.split("```\nleerkracht;")[1].split("```")[0]
    lessen = read_lessen_csv(("leerkracht;" + voorbeeld).encode("cp1252"), "voorbeeld.csv")
    assert [(les.leerkracht, les.dag, les.lesuur, les.groep) for les in lessen] == [
        ("an.peeters@school.be", 0, 1, "3A"),
        ("an.peeters@school.be", 0, 2, "3B"),
        ("PEE", 1, 4, ""),
        ("jan.devriendt@school.be", 4, 7, "5WEWI+5ECMT"),
    ]
