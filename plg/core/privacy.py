"""The smallest group a figure may describe: one rule for scans, overviews and visit counts.

A figure about fewer people than this lets readers recognise who is behind it, so it is not
shown at all (not rounded, not marked as small).
"""

from __future__ import annotations

from django.conf import settings


def minimum_group_size(configured: int) -> int:
    """The configured minimum, but never below 3: fewer people are recognisable."""
    return max(3, configured)


def minimum_group() -> int:
    """The minimum in force: the ``SCAN_MIN_GROUP`` setting, never below 3."""
    return minimum_group_size(settings.SCAN_MIN_GROUP)


def may_show(n: int, minimum: int) -> bool:
    """Figures about ``n`` people may be shown: the one rule every report and overview asks."""
    return n >= minimum
