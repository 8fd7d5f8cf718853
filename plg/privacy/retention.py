"""How long data is kept: archived PLG's and scan waves go after a number of years."""

from __future__ import annotations

from django.conf import settings


def bewaartermijn_jaren() -> int:
    return int(settings.PRIVACY_BEWAARTERMIJN_JAREN)
