"""The minimum group: one rule for every figure about people."""

from __future__ import annotations

from django.test import override_settings

from plg.core.privacy import may_show, minimum_group, minimum_group_size


def test_minimum_group_size_never_below_three() -> None:
    assert [minimum_group_size(n) for n in (-1, 0, 1, 2, 3, 5, 10)] == [3, 3, 3, 3, 3, 5, 10]


def test_a_group_of_the_minimum_may_be_shown_and_one_less_may_not() -> None:
    assert may_show(5, 5) and not may_show(4, 5)


@override_settings(SCAN_MIN_GROUP=1)
def test_the_setting_cannot_lower_the_minimum_below_three() -> None:
    assert minimum_group() == 3
