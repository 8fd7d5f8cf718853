"""The demo's school calendar: the Christmas holidays as Flemish schools have them."""

from __future__ import annotations

from datetime import date

import pytest

from plg.pages.management.commands.seed_demo import _kerstvakantie


@pytest.mark.parametrize(
    ("today", "holidays"),
    [
        (date(2026, 11, 23), (date(2026, 12, 21), date(2027, 1, 3))),  # Christmas on a Friday
        (date(2027, 2, 1), (date(2026, 12, 21), date(2027, 1, 3))),  # same school year
        (date(2024, 9, 1), (date(2024, 12, 23), date(2025, 1, 5))),  # on a Wednesday
        (date(2021, 10, 1), (date(2021, 12, 27), date(2022, 1, 9))),  # on a Saturday
        (date(2022, 12, 1), (date(2022, 12, 26), date(2023, 1, 8))),  # on a Sunday
    ],
)
def test_the_christmas_holidays_of_the_school_year(today, holidays):
    assert _kerstvakantie(today) == holidays
