"""Reading calendars: busy blocks in Brussels time from Outlook and Google exports, recurrences
across the clock change, and every unreadable line named."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from plg.roosters.imports.ical import read_ical
from plg.roosters.imports.records import BezetBlok
from plg.roosters.tests.uploads import LESSEN, als_csv, fouten_van

BRUSSEL = ZoneInfo("Europe/Brussels")
UTC = ZoneInfo("UTC")


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


def test_a_utc_event_becomes_brussels_time() -> None:
    data = ics(*event("DTSTART:20270310T120000Z", "DTEND:20270310T130000Z", "SUMMARY:Geheim"))
    [blok] = read_ical(data, "agenda.ics", *MAART)
    assert blok.begin == datetime(2027, 3, 10, 13, 0, tzinfo=BRUSSEL)
    assert blok.einde == datetime(2027, 3, 10, 14, 0, tzinfo=BRUSSEL)
    assert str(blok.begin.tzinfo) == "Europe/Brussels"
    assert not hasattr(blok, "titel") and "Geheim" not in repr(blok)


def test_floating_time_and_unknown_zone_are_brussels_time() -> None:
    data = ics(
        *event("DTSTART:20270310T090000", "DURATION:PT50M", uid="a"),
        *event(
            "DTSTART;TZID=Nergens/Zone:20270311T090000",
            "DTEND;TZID=Nergens/Zone:20270311T100000",
            uid="b",
        ),
    )
    assert lokaal(read_ical(data, "agenda.ics", *MAART)) == [
        (datetime(2027, 3, 10, 9), datetime(2027, 3, 10, 9, 50)),
        (datetime(2027, 3, 11, 9), datetime(2027, 3, 11, 10)),
    ]


def test_an_all_day_event_is_busy_from_midnight_to_midnight() -> None:
    data = ics(*event("DTSTART;VALUE=DATE:20270329", "DTEND;VALUE=DATE:20270331"))
    [blok] = read_ical(data, "agenda.ics", *MAART)
    assert (blok.begin, blok.einde) == (
        datetime(2027, 3, 29, tzinfo=BRUSSEL),
        datetime(2027, 3, 31, tzinfo=BRUSSEL),
    )


def test_an_all_day_event_without_end_is_one_day() -> None:
    [blok] = read_ical(ics(*event("DTSTART;VALUE=DATE:20270328")), "a.ics", *MAART)
    assert blok.einde.astimezone(UTC) - blok.begin.astimezone(UTC) == timedelta(hours=23)


@pytest.mark.parametrize(
    "zone",
    [
        "Romance Standard Time",
        '"(UTC+01:00) Brussel, Kopenhagen, Madrid, Parijs"',
        "Europe/Brussels",
    ],
)
def test_outlook_windows_zone_names_are_understood(zone: str) -> None:
    tabel = [r.replace("Romance Standard Time", zone.strip('"')) for r in OUTLOOK_ZONE]
    data = ics(
        *tabel,
        *event(f"DTSTART;TZID={zone}:20270401T140000", f"DTEND;TZID={zone}:20270401T150000"),
    )
    [blok] = read_ical(data, "outlook.ics", *MAART)
    assert blok.begin == datetime(2027, 4, 1, 12, 0, tzinfo=UTC)


def test_weekly_meeting_stays_at_14_across_the_march_change_with_exdate_and_overrides() -> None:
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
    blokken = read_ical(data, "outlook.ics", *MAART)
    assert [(b.begin.date().isoformat(), b.begin.time(), b.einde.time()) for b in blokken] == [
        ("2027-03-15", time(14), time(15)),
        ("2027-03-22", time(14), time(15)),
        ("2027-03-29", time(14), time(15)),  # after the change: still 14:00 local
        ("2027-04-12", time(16), time(17)),
        ("2027-04-26", time(14), time(15)),
    ]
    utc_uren = [b.begin.astimezone(UTC).hour for b in blokken]
    assert utc_uren == [13, 13, 12, 14, 12]


def test_weekly_meeting_stays_at_14_across_the_october_change() -> None:
    data = ics(
        *event(
            "DTSTART;TZID=Europe/Brussels:20271018T140000",
            "DTEND;TZID=Europe/Brussels:20271018T150000",
            "RRULE:FREQ=WEEKLY;COUNT=4",
        )
    )
    blokken = read_ical(data, "google.ics", date(2027, 10, 1), date(2027, 11, 30))
    assert [b.begin.time() for b in blokken] == [time(14)] * 4
    assert [b.begin.astimezone(UTC).hour for b in blokken] == [12, 12, 13, 13]
    assert blokken[2].begin.date() == date(2027, 11, 1)


def test_a_recurring_series_is_cut_to_the_window() -> None:
    data = ics(*event("DTSTART:20200106T080000", "DTEND:20200106T090000", "RRULE:FREQ=DAILY"))
    blokken = read_ical(data, "a.ics", date(2027, 3, 1), date(2027, 3, 7))
    assert len(blokken) == 7
    assert blokken[0].begin == datetime(2027, 3, 1, 8, tzinfo=BRUSSEL)


def test_exdate_as_a_date_removes_that_day() -> None:
    data = ics(
        *event(
            "DTSTART;TZID=Europe/Brussels:20270301T100000",
            "DTEND;TZID=Europe/Brussels:20270301T110000",
            "RRULE:FREQ=DAILY;COUNT=3",
            "EXDATE;VALUE=DATE:20270302",
        )
    )
    assert [b.begin.day for b in read_ical(data, "a.ics", *MAART)] == [1, 3]


@pytest.mark.parametrize(
    "regel", ["STATUS:CANCELLED", "TRANSP:TRANSPARENT", "X-MICROSOFT-CDO-BUSYSTATUS:FREE"]
)
def test_cancelled_and_free_events_are_not_busy(regel: str) -> None:
    data = ics(*event("DTSTART:20270310T120000Z", "DTEND:20270310T130000Z", regel))
    assert read_ical(data, "a.ics", *MAART) == []


def test_overlapping_events_merge_into_one_block_and_are_clipped() -> None:
    data = ics(
        *event("DTSTART:20270310T090000", "DTEND:20270310T110000", uid="a"),
        *event("DTSTART:20270310T100000", "DTEND:20270310T120000", uid="b"),
        *event("DTSTART:20270228T220000", "DTEND:20270301T020000", uid="c"),
        *event("DTSTART:20270601T090000", "DTEND:20270601T100000", uid="d"),
    )
    assert lokaal(read_ical(data, "a.ics", *MAART)) == [
        (datetime(2027, 3, 1, 0), datetime(2027, 3, 1, 2)),
        (datetime(2027, 3, 10, 9), datetime(2027, 3, 10, 12)),
    ]


def test_freebusy_periods_are_busy_except_free() -> None:
    data = ics(
        "BEGIN:VFREEBUSY",
        "DTSTART:20270301T000000Z",
        "DTEND:20270401T000000Z",
        "FREEBUSY;FBTYPE=BUSY:20270302T090000Z/20270302T100000Z,20270303T090000Z/PT1H",
        "FREEBUSY;FBTYPE=FREE:20270305T090000Z/20270305T100000Z",
        "END:VFREEBUSY",
    )
    assert [b.begin.day for b in read_ical(data, "vrijbezet.vfb", *MAART)] == [2, 3]


def test_a_calendar_without_events_is_empty_not_an_error() -> None:
    assert read_ical(ics(), "leeg.ics", *MAART) == []


def test_a_bad_date_names_the_line_and_property() -> None:
    data = ics(*event("DTSTART:2027-03-10 12:00", "DTEND:20270310T130000Z"))
    [fout] = fouten_van(read_ical, data, "agenda.ics", *MAART)
    assert (fout.regel, fout.veld) == (7, "DTSTART")
    assert "2027-03-10 12:00" in fout.melding


def test_a_line_that_is_no_calendar_line_is_named() -> None:
    data = ics(*event("DTSTART:20270310T120000Z", "dit hoort hier niet"))
    [fout] = fouten_van(read_ical, data, "agenda.ics", *MAART)
    assert fout.regel == 8 and "NAAM:waarde" in fout.melding


def test_a_cut_off_file_names_the_unclosed_event() -> None:
    data = ics(*event("DTSTART:20270310T120000Z"))[:-40]
    fouten = fouten_van(read_ical, data, "agenda.ics", *MAART)
    assert any(f.regel == 4 and "END:VEVENT" in f.melding for f in fouten)


def test_a_mismatched_end_is_named() -> None:
    data = ics("BEGIN:VEVENT", "DTSTART:20270310T120000Z", "END:VTODO")
    [fout] = fouten_van(read_ical, data, "agenda.ics", *MAART)
    assert fout.regel == 6 and "BEGIN:VEVENT op regel 4" in fout.melding


def test_a_missing_start_and_a_bad_rule_are_reported_together() -> None:
    data = ics(
        *event("DTEND:20270310T130000Z", uid="a"),
        *event("DTSTART:20270310T120000Z", "RRULE:FREQ=SOMETIMES", uid="b"),
    )
    fouten = fouten_van(read_ical, data, "agenda.ics", *MAART)
    assert [(f.regel, f.veld) for f in fouten] == [(4, "DTSTART"), (13, "RRULE")]


def test_a_csv_is_not_a_calendar() -> None:
    [fout] = fouten_van(read_ical, als_csv(LESSEN), "lessen.csv", *MAART)
    assert fout.regel == 1


def test_an_end_before_the_start_is_named() -> None:
    data = ics(*event("DTSTART:20270310T120000Z", "DTEND:20270310T110000Z"))
    [fout] = fouten_van(read_ical, data, "agenda.ics", *MAART)
    assert (fout.regel, fout.veld) == (8, "DTEND")
