"""Timetable imports: every format the schools have, and every mistake named by file, line and field."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plg.roosters.imports import (
    MAX_BYTES,
    MAX_FOUTEN,
    BezetBlok,
    ImportFout,
    ImportMislukt,
    Leerkracht,
    LesRegel,
    lees_gpu_leerkrachten,
    lees_gpu_lessen,
    lees_ical,
    lees_lessen_csv,
)

BRUSSEL = ZoneInfo("Europe/Brussels")
UTC = ZoneInfo("UTC")


def fouten_van(functie, *args, **kwargs) -> list[ImportFout]:
    with pytest.raises(ImportMislukt) as info:
        functie(*args, **kwargs)
    return info.value.fouten


# --- our CSV ---------------------------------------------------------------------------------

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


@pytest.mark.parametrize("scheidingsteken", [";", ",", "\t"])
@pytest.mark.parametrize("codering", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_a_good_csv_is_read_in_every_separator_and_encoding(scheidingsteken, codering):
    data = als_csv(LESSEN, scheidingsteken, codering)
    assert lees_lessen_csv(data, "lessen.csv") == VERWACHT


def test_utf16_without_byte_order_mark_is_recognised():
    data = als_csv(LESSEN, "\t", "utf-16-le")
    assert lees_lessen_csv(data, "lessen.txt") == VERWACHT


def test_header_names_ignore_case_spaces_order_and_may_be_english():
    rijen = [["  SUBJECT", "Group ", "Teacher", "PERIOD", " Day "]] + [
        [r[4], r[3], r[0], r[2], r[1]] for r in LESSEN[1:]
    ]
    assert lees_lessen_csv(als_csv(rijen), "lessons.csv") == VERWACHT


def test_extra_columns_are_ignored():
    rijen = [[*r, "lokaal"] if i == 0 else [*r, "A1.02"] for i, r in enumerate(LESSEN)]
    assert lees_lessen_csv(als_csv(rijen), "lessen.csv") == VERWACHT


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
def test_day_may_be_short_long_english_or_a_number(waarde, dag):
    data = als_csv([LESSEN[0], ["JDV", waarde, "3", "3A", "Frans"]])
    assert lees_lessen_csv(data, "lessen.csv")[0].dag == dag


def test_excel_separator_hint_line_and_empty_lines_are_skipped_with_true_line_numbers():
    data = b"sep=,\r\n\r\nleerkracht,dag,lesuur,groep,vak\r\n\r\nJDV,ma,1,3A,Frans\r\n,,,,\r\nJDV,di,1,3A,Frans\r\n"
    lessen = lees_lessen_csv(data, "lessen.csv")
    assert [(les.dag, les.regel) for les in lessen] == [(0, 5), (1, 7)]


def test_the_same_lesson_twice_counts_once():
    data = als_csv(
        [LESSEN[0], ["JDV", "ma", "1", "3A", "Frans"], ["JDV", "Maandag", "1", "3a", "frans"]]
    )
    assert len(lees_lessen_csv(data, "lessen.csv")) == 1


def test_one_teacher_with_two_groups_in_one_period_names_both_lines():
    data = als_csv(
        [
            LESSEN[0],
            ["JDV", "ma", "1", "3A", "Frans"],
            ["x", "di", "1", "", ""],
            ["JDV", "ma", "1", "3B", "Frans"],
        ]
    )
    [fout] = fouten_van(lees_lessen_csv, data, "lessen.csv")
    assert (fout.bestand, fout.regel, fout.veld) == ("lessen.csv", 4, "groep")
    assert "regel 2" in fout.melding and "3A" in fout.melding and "3B" in fout.melding
    assert "3A+3B" in fout.melding  # says how to write a shared lesson


def test_two_teachers_in_one_group_at_once_is_fine():
    data = als_csv(
        [LESSEN[0], ["JDV", "ma", "1", "3A", "Frans"], ["KLM", "ma", "1", "3A", "Frans"]]
    )
    assert len(lees_lessen_csv(data, "lessen.csv")) == 2


def test_an_unknown_day_names_file_line_and_field_and_what_to_use():
    data = als_csv([LESSEN[0], LESSEN[1], LESSEN[2], ["JDV", "zondag", "1", "3A", "Frans"]])
    [fout] = fouten_van(lees_lessen_csv, data, "lessen.csv")
    assert str(fout) == (
        "lessen.csv, regel 4, veld 'dag': 'zondag' is geen lesdag; gebruik ma, di, wo, do of vr."
    )


def test_a_word_that_is_no_day_at_all_is_explained():
    [fout] = fouten_van(
        lees_lessen_csv, als_csv([LESSEN[0], ["JDV", "mandag", "1", "", ""]]), "l.csv"
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
def test_a_wrong_period_says_a_number_from_1_to_12_is_expected(waarde, tekst):
    [fout] = fouten_van(
        lees_lessen_csv, als_csv([LESSEN[0], ["JDV", "ma", waarde, "3A", ""]]), "l.csv"
    )
    assert (fout.regel, fout.veld) == (2, "lesuur")
    assert tekst in fout.melding and "1 tot 12" in fout.melding


def test_the_field_is_named_as_the_user_wrote_the_header():
    data = als_csv(
        [["Teacher", "Day", "Period", "Group", "Subject"], ["JDV", "sunday", "1", "", ""]]
    )
    [fout] = fouten_van(lees_lessen_csv, data, "l.csv")
    assert fout.veld == "Day"


def test_a_missing_column_is_named_with_the_expected_header():
    data = als_csv([["leerkracht", "lesuur", "groep", "vak"], ["JDV", "1", "3A", "Frans"]])
    [fout] = fouten_van(lees_lessen_csv, data, "lessen.csv")
    assert (fout.regel, fout.veld) == (1, "dag")
    assert "leerkracht;dag;lesuur;groep;vak" in fout.melding


def test_a_file_without_header_misses_every_column():
    data = als_csv([["JDV", "ma", "1", "3A", "Frans"]])
    fouten = fouten_van(lees_lessen_csv, data, "lessen.csv")
    assert {f.veld for f in fouten} == {"leerkracht", "dag", "lesuur", "groep", "vak"}


def test_a_wrong_email_address_is_named():
    [fout] = fouten_van(
        lees_lessen_csv, als_csv([LESSEN[0], ["an@@school", "ma", "1", "", ""]]), "l.csv"
    )
    assert (fout.regel, fout.veld) == (2, "leerkracht") and "e-mailadres" in fout.melding


def test_a_missing_teacher_is_named():
    [fout] = fouten_van(lees_lessen_csv, als_csv([LESSEN[0], ["", "ma", "1", "3A", ""]]), "l.csv")
    assert (fout.regel, fout.veld) == (2, "leerkracht")


@pytest.mark.parametrize("data", [b"", b"   \r\n\r\n", b"\xef\xbb\xbf", b"\xff\xfe"])
def test_an_empty_file_is_one_clear_error(data):
    [fout] = fouten_van(lees_lessen_csv, data, "lessen.csv")
    assert (fout.regel, fout.veld) == (None, None) and "leeg" in fout.melding
    assert str(fout) == "lessen.csv: het bestand is leeg."


def test_only_a_header_is_no_timetable():
    [fout] = fouten_van(lees_lessen_csv, als_csv([LESSEN[0]]), "lessen.csv")
    assert "geen lessen" in fout.melding


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 4,
        b"\x00\x01\x02\x03binary\x00\x00\xfe\x10" * 50,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    ],
)
def test_binary_garbage_is_refused_as_not_text(data):
    [fout] = fouten_van(lees_lessen_csv, data, "foto.png")
    assert fout.regel is None and ("tekst" in fout.melding)


def test_an_excel_workbook_says_to_save_as_csv():
    [fout] = fouten_van(lees_lessen_csv, b"PK\x03\x04" + b"\x00" * 100, "lessen.xlsx")
    assert "Excel" in fout.melding and "CSV" in fout.melding


def test_all_errors_are_reported_together_in_line_order():
    data = als_csv(
        [
            LESSEN[0],
            ["JDV", "zaterdag", "1", "", ""],
            ["JDV", "ma", "x", "", ""],
            LESSEN[1],
            ["", "di", "99", "", ""],
        ]
    )
    fouten = fouten_van(lees_lessen_csv, data, "lessen.csv")
    assert [(f.regel, f.veld) for f in fouten] == [
        (2, "dag"),
        (3, "lesuur"),
        (5, "leerkracht"),
        (5, "lesuur"),
    ]


def test_after_fifty_errors_the_rest_is_counted():
    data = als_csv([LESSEN[0]] + [["JDV", "zondag", str(i % 12 + 1), "", ""] for i in range(70)])
    with pytest.raises(ImportMislukt) as info:
        lees_lessen_csv(data, "lessen.csv")
    assert len(info.value.fouten) == MAX_FOUTEN + 1
    assert info.value.weggelaten == 20
    assert str(info.value.fouten[-1]) == "lessen.csv: en nog 20 fouten"


def test_a_file_over_the_limit_is_refused_before_reading():
    [fout] = fouten_van(lees_lessen_csv, b"a" * (MAX_BYTES + 1), "groot.csv")
    assert "MB" in fout.melding


def test_the_caller_may_say_separator_and_encoding():
    data = als_csv(LESSEN, "|", "cp1252")
    assert lees_lessen_csv(data, "lessen.csv", scheidingsteken="|", codering="cp1252") == VERWACHT


def test_a_wrong_encoding_from_the_caller_names_the_line():
    data = "leerkracht;dag;lesuur;groep;vak\nJDV;ma;1;3A;Français\n".encode("cp1252")
    [fout] = fouten_van(lees_lessen_csv, data, "lessen.csv", codering="utf-8")
    assert fout.regel == 2 and "UTF-8" in fout.melding


def test_the_exception_text_lists_every_error():
    data = als_csv([LESSEN[0], ["JDV", "zo", "1", "", ""], ["JDV", "ma", "x", "", ""]])
    with pytest.raises(ImportMislukt) as info:
        lees_lessen_csv(data, "lessen.csv")
    assert str(info.value).count("lessen.csv, regel") == 2


# --- Untis GPU001 ----------------------------------------------------------------------------

GPU001 = [
    (1, "3A", "PEE", "WI", "A1.02", 1, 1, ""),
    (1, "3B", "PEE", "WI", "A1.02", 1, 1, ""),  # one lesson for two classes
    (2, "3A", "DVR", "FR", "B0.01", 2, 3, ""),
    (3, "", "DVR", "Vakgroep", "", 3, 4, ""),  # no class: still busy
    (4, "4B", "", "LO", "Zaal", 4, 5, ""),  # no teacher: nobody's lesson
    (5, "5é", "DVR", "Éco", "C2", 5, 8, ""),
]


def als_gpu(rijen, scheidingsteken: str = ",", codering: str = "cp1252", quote=True) -> bytes:
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
def test_gpu001_is_read_in_every_separator_and_encoding(scheidingsteken, codering):
    data = als_gpu(GPU001, scheidingsteken, codering)
    assert lees_gpu_lessen(data, "GPU001.TXT") == GPU001_VERWACHT


def test_gpu001_without_quotes_is_read_too():
    assert lees_gpu_lessen(als_gpu(GPU001, ";", quote=False), "GPU001.TXT") == GPU001_VERWACHT


def test_gpu001_alternating_weeks_merge_subjects():
    rijen = [(1, "3A", "PEE", "WI", "", 1, 1, ""), (2, "3B", "PEE", "FY", "", 1, 1, "")]
    [les] = lees_gpu_lessen(als_gpu(rijen), "GPU001.TXT")
    assert (les.groep, les.vak) == ("3A, 3B", "WI, FY")


def test_gpu001_weekend_and_bad_period_are_named_by_column():
    rijen = [
        GPU001[0],
        (7, "3A", "PEE", "WI", "", 6, 1, ""),
        (8, "3A", "PEE", "WI", "", 2, "x", ""),
    ]
    fouten = fouten_van(lees_gpu_lessen, als_gpu(rijen), "GPU001.TXT")
    assert [(f.regel, f.veld) for f in fouten] == [(2, "dag (kolom 6)"), (3, "lesuur (kolom 7)")]
    assert "weekend" in fouten[0].melding


def test_gpu001_short_row_is_named():
    fouten = fouten_van(lees_gpu_lessen, als_gpu([GPU001[0], (9, "3A", "PEE")]), "GPU001.TXT")
    assert [(f.regel, f.veld) for f in fouten] == [(2, None)]
    assert "minstens 7" in fouten[0].melding


def test_gpu004_given_as_timetable_gets_a_hint():
    fouten = fouten_van(lees_gpu_lessen, als_gpu(GPU004), "GPU004.TXT")
    assert fouten[0].regel is None and "GPU001" in fouten[0].melding


def test_gpu001_separator_may_be_given():
    data = als_gpu(GPU001, ";", "cp1252")
    assert lees_gpu_lessen(data, "g.txt", scheidingsteken=";", codering="cp1252") == GPU001_VERWACHT


def test_a_lessons_csv_is_not_a_gpu001():
    fouten = fouten_van(lees_gpu_lessen, als_csv(LESSEN), "lessen.csv")
    assert any("GPU001" in f.melding for f in fouten)


# --- Untis GPU004 ----------------------------------------------------------------------------


def leraar(code, langnaam, voornaam="", email="", lengte=45):
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
def test_gpu004_is_read_in_every_separator_and_encoding(scheidingsteken, codering):
    data = als_gpu(GPU004, scheidingsteken, codering)
    assert lees_gpu_leerkrachten(data, "GPU004.TXT") == [
        Leerkracht("PEE", "Peeters", "An", "an.peeters@school.be"),
        Leerkracht("DVR", "De Vriendt", "Jérôme", ""),
        Leerkracht("OUD", "Oudenaerde", "", ""),
    ]


def test_gpu004_comma_inside_quotes_stays_in_the_name():
    data = als_gpu([leraar("PEE", "Peeters, A.", "An")])
    assert lees_gpu_leerkrachten(data, "GPU004.TXT")[0].familienaam == "Peeters, A."


def test_gpu004_duplicate_code_and_bad_email_are_named():
    rijen = [*GPU004, leraar("PEE", "Pauwels"), leraar("XYZ", "X", "Y", "geen-adres")]
    fouten = fouten_van(lees_gpu_leerkrachten, als_gpu(rijen), "GPU004.TXT")
    assert [(f.regel, f.veld) for f in fouten] == [(4, "naam (kolom 1)"), (5, "e-mail (kolom 33)")]
    assert "regel 1" in fouten[0].melding


def test_gpu004_codes_differing_only_in_case_are_one_teacher():
    fouten = fouten_van(
        lees_gpu_leerkrachten, als_gpu([*GPU004, leraar("pee", "Pauwels")]), "g.txt"
    )
    assert [(f.regel, f.veld) for f in fouten] == [(4, "naam (kolom 1)")]


def test_gpu001_given_as_teachers_gets_a_hint():
    [fout] = fouten_van(lees_gpu_leerkrachten, als_gpu(GPU001), "GPU001.TXT")
    assert fout.regel is None and "GPU004" in fout.melding


def test_gpu_binary_and_empty_files_are_refused():
    assert "leeg" in fouten_van(lees_gpu_leerkrachten, b"", "GPU004.TXT")[0].melding
    assert "tekst" in fouten_van(lees_gpu_lessen, bytes(range(256)) * 3, "GPU001.TXT")[0].melding


# --- iCalendar -------------------------------------------------------------------------------


def ics(*regels: str) -> bytes:
    inhoud = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//NL", *regels, "END:VCALENDAR"]
    return ("\r\n".join(inhoud) + "\r\n").encode()


def event(*regels: str, uid: str = "e1") -> list[str]:
    return ["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20270101T000000Z", *regels, "END:VEVENT"]


def lokaal(blokken: list[BezetBlok]) -> list[tuple[datetime, datetime]]:
    return [(b.begin.replace(tzinfo=None), b.einde.replace(tzinfo=None)) for b in blokken]


MAART = (date(2027, 3, 1), date(2027, 4, 30))

OUTLOOK_ZONE = [
    "BEGIN:VTIMEZONE",
    "TZID:Romance Standard Time",
    "BEGIN:STANDARD",
    "DTSTART:16010101T030000",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:16010101T020000",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
]


def test_a_utc_event_becomes_brussels_time():
    data = ics(*event("DTSTART:20270310T120000Z", "DTEND:20270310T130000Z", "SUMMARY:Geheim"))
    [blok] = lees_ical(data, "agenda.ics", *MAART)
    assert blok.begin == datetime(2027, 3, 10, 13, 0, tzinfo=BRUSSEL)
    assert blok.einde == datetime(2027, 3, 10, 14, 0, tzinfo=BRUSSEL)
    assert str(blok.begin.tzinfo) == "Europe/Brussels"
    assert not hasattr(blok, "titel") and "Geheim" not in repr(blok)


def test_floating_time_and_unknown_zone_are_brussels_time():
    data = ics(
        *event("DTSTART:20270310T090000", "DURATION:PT50M", uid="a"),
        *event(
            "DTSTART;TZID=Nergens/Zone:20270311T090000",
            "DTEND;TZID=Nergens/Zone:20270311T100000",
            uid="b",
        ),
    )
    assert lokaal(lees_ical(data, "agenda.ics", *MAART)) == [
        (datetime(2027, 3, 10, 9), datetime(2027, 3, 10, 9, 50)),
        (datetime(2027, 3, 11, 9), datetime(2027, 3, 11, 10)),
    ]


def test_an_all_day_event_is_busy_from_midnight_to_midnight():
    data = ics(*event("DTSTART;VALUE=DATE:20270329", "DTEND;VALUE=DATE:20270331"))
    [blok] = lees_ical(data, "agenda.ics", *MAART)
    assert (blok.begin, blok.einde) == (
        datetime(2027, 3, 29, tzinfo=BRUSSEL),
        datetime(2027, 3, 31, tzinfo=BRUSSEL),
    )


def test_an_all_day_event_without_end_is_one_day():
    [blok] = lees_ical(ics(*event("DTSTART;VALUE=DATE:20270328")), "a.ics", *MAART)
    assert blok.einde.astimezone(UTC) - blok.begin.astimezone(UTC) == timedelta(hours=23)


@pytest.mark.parametrize(
    "zone",
    [
        "Romance Standard Time",
        '"(UTC+01:00) Brussel, Kopenhagen, Madrid, Parijs"',
        "Europe/Brussels",
    ],
)
def test_outlook_windows_zone_names_are_understood(zone):
    tabel = [r.replace("Romance Standard Time", zone.strip('"')) for r in OUTLOOK_ZONE]
    data = ics(
        *tabel,
        *event(f"DTSTART;TZID={zone}:20270401T140000", f"DTEND;TZID={zone}:20270401T150000"),
    )
    [blok] = lees_ical(data, "outlook.ics", *MAART)
    assert blok.begin == datetime(2027, 4, 1, 12, 0, tzinfo=UTC)


def test_weekly_meeting_stays_at_14_across_the_march_change_with_exdate_and_overrides():
    data = ics(
        *OUTLOOK_ZONE,
        *event(
            "DTSTART;TZID=Romance Standard Time:20270315T140000",
            "DTEND;TZID=Romance Standard Time:20270315T150000",
            "RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20270426T120000Z",
            "EXDATE;TZID=Romance Standard Time:20270405T140000",
            uid="overleg",
        ),
        *event(  # 12 April moved to 16:00
            "RECURRENCE-ID;TZID=Romance Standard Time:20270412T140000",
            "DTSTART;TZID=Romance Standard Time:20270412T160000",
            "DTEND;TZID=Romance Standard Time:20270412T170000",
            uid="overleg",
        ),
        *event(  # 19 April cancelled
            "RECURRENCE-ID:20270419T120000Z",
            "DTSTART;TZID=Romance Standard Time:20270419T140000",
            "DTEND;TZID=Romance Standard Time:20270419T150000",
            "STATUS:CANCELLED",
            uid="overleg",
        ),
    )
    blokken = lees_ical(data, "outlook.ics", *MAART)
    assert [(b.begin.date().isoformat(), b.begin.time(), b.einde.time()) for b in blokken] == [
        ("2027-03-15", time(14), time(15)),
        ("2027-03-22", time(14), time(15)),
        ("2027-03-29", time(14), time(15)),  # after the change: still 14:00 local
        ("2027-04-12", time(16), time(17)),
        ("2027-04-26", time(14), time(15)),
    ]
    utc_uren = [b.begin.astimezone(UTC).hour for b in blokken]
    assert utc_uren == [13, 13, 12, 14, 12]


def test_weekly_meeting_stays_at_14_across_the_october_change():
    data = ics(
        *event(
            "DTSTART;TZID=Europe/Brussels:20271018T140000",
            "DTEND;TZID=Europe/Brussels:20271018T150000",
            "RRULE:FREQ=WEEKLY;COUNT=4",
        )
    )
    blokken = lees_ical(data, "google.ics", date(2027, 10, 1), date(2027, 11, 30))
    assert [b.begin.time() for b in blokken] == [time(14)] * 4
    assert [b.begin.astimezone(UTC).hour for b in blokken] == [12, 12, 13, 13]
    assert blokken[2].begin.date() == date(2027, 11, 1)


def test_a_recurring_series_is_cut_to_the_window():
    data = ics(*event("DTSTART:20200106T080000", "DTEND:20200106T090000", "RRULE:FREQ=DAILY"))
    blokken = lees_ical(data, "a.ics", date(2027, 3, 1), date(2027, 3, 7))
    assert len(blokken) == 7
    assert blokken[0].begin == datetime(2027, 3, 1, 8, tzinfo=BRUSSEL)


def test_exdate_as_a_date_removes_that_day():
    data = ics(
        *event(
            "DTSTART;TZID=Europe/Brussels:20270301T100000",
            "DTEND;TZID=Europe/Brussels:20270301T110000",
            "RRULE:FREQ=DAILY;COUNT=3",
            "EXDATE;VALUE=DATE:20270302",
        )
    )
    assert [b.begin.day for b in lees_ical(data, "a.ics", *MAART)] == [1, 3]


@pytest.mark.parametrize(
    "regel", ["STATUS:CANCELLED", "TRANSP:TRANSPARENT", "X-MICROSOFT-CDO-BUSYSTATUS:FREE"]
)
def test_cancelled_and_free_events_are_not_busy(regel):
    data = ics(*event("DTSTART:20270310T120000Z", "DTEND:20270310T130000Z", regel))
    assert lees_ical(data, "a.ics", *MAART) == []


def test_overlapping_events_merge_into_one_block_and_are_clipped():
    data = ics(
        *event("DTSTART:20270310T090000", "DTEND:20270310T110000", uid="a"),
        *event("DTSTART:20270310T100000", "DTEND:20270310T120000", uid="b"),
        *event("DTSTART:20270228T220000", "DTEND:20270301T020000", uid="c"),
        *event("DTSTART:20270601T090000", "DTEND:20270601T100000", uid="d"),
    )
    assert lokaal(lees_ical(data, "a.ics", *MAART)) == [
        (datetime(2027, 3, 1, 0), datetime(2027, 3, 1, 2)),
        (datetime(2027, 3, 10, 9), datetime(2027, 3, 10, 12)),
    ]


def test_freebusy_periods_are_busy_except_free():
    data = ics(
        "BEGIN:VFREEBUSY",
        "DTSTART:20270301T000000Z",
        "DTEND:20270401T000000Z",
        "FREEBUSY;FBTYPE=BUSY:20270302T090000Z/20270302T100000Z,20270303T090000Z/PT1H",
        "FREEBUSY;FBTYPE=FREE:20270305T090000Z/20270305T100000Z",
        "END:VFREEBUSY",
    )
    assert [b.begin.day for b in lees_ical(data, "vrijbezet.vfb", *MAART)] == [2, 3]


def test_a_calendar_without_events_is_empty_not_an_error():
    assert lees_ical(ics(), "leeg.ics", *MAART) == []


def test_a_bad_date_names_the_line_and_property():
    data = ics(*event("DTSTART:2027-03-10 12:00", "DTEND:20270310T130000Z"))
    [fout] = fouten_van(lees_ical, data, "agenda.ics", *MAART)
    assert (fout.regel, fout.veld) == (7, "DTSTART")
    assert "2027-03-10 12:00" in fout.melding


def test_a_line_that_is_no_calendar_line_is_named():
    data = ics(*event("DTSTART:20270310T120000Z", "dit hoort hier niet"))
    [fout] = fouten_van(lees_ical, data, "agenda.ics", *MAART)
    assert fout.regel == 8 and "NAAM:waarde" in fout.melding


def test_a_cut_off_file_names_the_unclosed_event():
    data = ics(*event("DTSTART:20270310T120000Z"))[:-40]
    fouten = fouten_van(lees_ical, data, "agenda.ics", *MAART)
    assert any(f.regel == 4 and "END:VEVENT" in f.melding for f in fouten)


def test_a_mismatched_end_is_named():
    data = ics("BEGIN:VEVENT", "DTSTART:20270310T120000Z", "END:VTODO")
    [fout] = fouten_van(lees_ical, data, "agenda.ics", *MAART)
    assert fout.regel == 6 and "BEGIN:VEVENT op regel 4" in fout.melding


def test_a_missing_start_and_a_bad_rule_are_reported_together():
    data = ics(
        *event("DTEND:20270310T130000Z", uid="a"),
        *event("DTSTART:20270310T120000Z", "RRULE:FREQ=SOMETIMES", uid="b"),
    )
    fouten = fouten_van(lees_ical, data, "agenda.ics", *MAART)
    assert [(f.regel, f.veld) for f in fouten] == [(4, "DTSTART"), (13, "RRULE")]


def test_a_csv_is_not_a_calendar():
    [fout] = fouten_van(lees_ical, als_csv(LESSEN), "lessen.csv", *MAART)
    assert fout.regel == 1


def test_an_end_before_the_start_is_named():
    data = ics(*event("DTSTART:20270310T120000Z", "DTEND:20270310T110000Z"))
    [fout] = fouten_van(lees_ical, data, "agenda.ics", *MAART)
    assert (fout.regel, fout.veld) == (8, "DTEND")


# --- invariants ------------------------------------------------------------------------------

LEZERS = [
    lambda d: lees_lessen_csv(d, "x.csv"),
    lambda d: lees_gpu_lessen(d, "GPU001.TXT"),
    lambda d: lees_gpu_leerkrachten(d, "GPU004.TXT"),
    lambda d: lees_ical(d, "x.ics", date(2027, 1, 1), date(2027, 12, 31)),
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=400), lezer=st.sampled_from(LEZERS))
def test_random_bytes_never_crash_with_anything_but_import_mislukt(data, lezer):
    try:
        lezer(data)
    except ImportMislukt as fout:
        assert fout.fouten and all(isinstance(f, ImportFout) for f in fout.fouten)


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
    lessen, scheidingsteken, codering, dagvorm, kop
):
    rijen = [kop] + [[c, dagvorm[d], str(u), g, v] for c, d, u, g, v in lessen]
    gelezen = lees_lessen_csv(als_csv(rijen, scheidingsteken, codering), "lessen.csv")
    assert [(r.leerkracht, r.dag, r.lesuur, r.groep, r.vak) for r in gelezen] == lessen


def test_the_example_in_the_school_documentation_reads():
    tekst = (Path(__file__).resolve().parents[3] / "docs" / "tijd-maken-import.md").read_text()
    voorbeeld = tekst.split("```\nleerkracht;")[1].split("```")[0]
    lessen = lees_lessen_csv(("leerkracht;" + voorbeeld).encode("cp1252"), "voorbeeld.csv")
    assert [(les.leerkracht, les.dag, les.lesuur, les.groep) for les in lessen] == [
        ("an.peeters@school.be", 0, 1, "3A"),
        ("an.peeters@school.be", 0, 2, "3B"),
        ("PEE", 1, 4, ""),
        ("jan.devriendt@school.be", 4, 7, "5WEWI+5ECMT"),
    ]
