"""The Flemish school year and its trimesters: the one calendar every part of visiting uses.

A school year starts on 1 September and is written "2026-2027". The first trimester runs from
1 September to Christmas (until 31 December), the second from 1 January to Easter Sunday, the
third from Easter Sunday to the end of the school year (July and August count with it, so "this
trimester" always exists and a summer visit is not lost).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _


def pasen(year: int) -> date:
    """Easter Sunday (the anonymous Gregorian computus): where the second trimester ends."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def startjaar(day: date) -> int:
    """The calendar year the school year of ``day`` starts in: from 1 September."""
    return day.year if day.month >= 9 else day.year - 1


def schooljaar_naam(start: int) -> str:
    """How a school year is written everywhere (``Buddykoppel.schooljaar``): ``2026-2027``."""
    return f"{start}-{start + 1}"


def schooljaar_van(day: date) -> str:
    """The school year ``day`` falls in, as it is written: ``2026-2027``."""
    return schooljaar_naam(startjaar(day))


@dataclass(frozen=True)
class Tijdvak:
    """A stretch of days, ``van`` included and ``tot`` not."""

    label: str
    van: date
    tot: date

    @property
    def schooljaren(self) -> set[str]:
        """The school years it touches, for the pairs that are made per school year."""
        last = self.tot - timedelta(days=1)
        return {schooljaar_naam(y) for y in range(startjaar(self.van), startjaar(last) + 1)}

    @property
    def dagen(self) -> str:
        last = self.tot - timedelta(days=1)
        return _("%(van)s tot en met %(tot)s") % {
            "van": date_format(self.van, "j F Y"),
            "tot": date_format(last, "j F Y"),
        }

    def bevat(self, moment: datetime) -> bool:
        return self.van <= timezone.localdate(moment) < self.tot


def trimesters(start: int) -> list[Tijdvak]:
    """The three trimesters of the school year that starts in September of ``start``."""
    easter = pasen(start + 1)
    return [
        Tijdvak(_("eerste trimester"), date(start, 9, 1), date(start + 1, 1, 1)),
        Tijdvak(_("tweede trimester"), date(start + 1, 1, 1), easter),
        Tijdvak(_("derde trimester"), easter, date(start + 1, 9, 1)),
    ]


def dit_trimester(today: date | None = None) -> Tijdvak:
    today = today or timezone.localdate()
    return next(t for t in trimesters(startjaar(today)) if t.van <= today < t.tot)


def dit_schooljaar(today: date | None = None) -> Tijdvak:
    start = startjaar(today or timezone.localdate())
    label = _("schooljaar %(jaar)s") % {"jaar": schooljaar_naam(start)}
    return Tijdvak(label, date(start, 9, 1), date(start + 1, 9, 1))
