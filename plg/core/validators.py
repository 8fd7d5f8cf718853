"""Limits every input shares: dates in a sensible range, single-line texts on one line."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

EARLIEST = date(2000, 1, 1)
LATEST = date(2099, 12, 31)
# Line and paragraph separators break a line as surely as a newline does.
MAX_PASSWORD = 256  # hashing is slow on purpose: no megabyte passwords
NOT_ON_ONE_LINE = {"Cc", "Zl", "Zp"}


def sensible_date(value: date | datetime) -> None:
    """Year 1 or 9999 is a typo, and date arithmetic on it overflows."""
    day = value.date() if isinstance(value, datetime) else value
    if not EARLIEST <= day <= LATEST:
        raise ValidationError(
            _("Kies een datum tussen %(van)s en %(tot)s."),
            code="date_range",
            params={"van": f"{EARLIEST:%d/%m/%Y}", "tot": f"{LATEST:%d/%m/%Y}"},
        )


@deconstructible
class SingleLine:
    """Names and titles end up in e-mail subjects and headers: one line, no control characters."""

    message = _("Schrijf dit op één regel, zonder tabs of andere stuurtekens.")
    code = "single_line"

    def __call__(self, value: str) -> None:
        if any(unicodedata.category(char) in NOT_ON_ONE_LINE for char in str(value)):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SingleLine)

    def __hash__(self) -> int:
        return hash(SingleLine)


single_line = SingleLine()
