"""One calendar for visiting: the school year and its trimesters, for counts and for buddies."""

from __future__ import annotations

from datetime import date

from plg.bezoeken.buddies import periode_begin
from plg.bezoeken.models import Periode
from plg.bezoeken.schooljaar import Tijdvak, dit_schooljaar, dit_trimester, pasen, schooljaar_van


def test_easter_falls_where_the_calendar_has_it() -> None:
    assert [pasen(y) for y in (2024, 2025, 2026, 2027)] == [
        date(2024, 3, 31),
        date(2025, 4, 20),
        date(2026, 4, 5),
        date(2027, 3, 28),
    ]


def test_trimesters_follow_the_flemish_school_year() -> None:
    assert dit_trimester(date(2026, 9, 1)).label == "eerste trimester"
    assert dit_trimester(date(2026, 12, 31)).label == "eerste trimester"
    assert dit_trimester(date(2027, 3, 27)).label == "tweede trimester"
    assert dit_trimester(date(2027, 3, 28)).label == "derde trimester"
    assert dit_trimester(date(2027, 8, 31)).label == "derde trimester"
    assert dit_schooljaar(date(2027, 8, 31)).label == "schooljaar 2026-2027"


def test_the_school_year_is_written_with_both_years_from_september() -> None:
    assert schooljaar_van(date(2026, 8, 31)) == "2025-2026"
    assert schooljaar_van(date(2026, 9, 1)) == "2026-2027"


def test_a_period_across_two_school_years_counts_the_pairs_of_both() -> None:
    span = Tijdvak("x", date(2025, 10, 1), date(2026, 10, 1))
    assert span.schooljaren == {"2025-2026", "2026-2027"}


def test_a_buddy_trimester_begins_when_the_counted_trimester_does() -> None:
    """Easter 2027 falls on 28 March: from then on it is the third trimester for both."""
    day = date(2027, 3, 30)
    assert periode_begin(Periode.TRIMESTER, day) == dit_trimester(day).van == date(2027, 3, 28)


def test_a_buddy_year_begins_on_the_first_of_september() -> None:
    assert periode_begin(Periode.JAAR, date(2027, 2, 10)) == date(2026, 9, 1)
