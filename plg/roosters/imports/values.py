"""One value of a row: a day, a period, a teacher, an e-mail address, a name.

Each reader returns the value, or the Dutch message that says what to write instead.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

MAX_LESUUR = 12
MAX_TEKST = 100  # group and subject names; Untis' own names are far shorter

_DAGEN = {
    **dict.fromkeys(("ma", "maa", "maandag", "mon", "monday"), 0),
    **dict.fromkeys(("di", "din", "dinsdag", "tue", "tues", "tuesday"), 1),
    **dict.fromkeys(("wo", "woe", "woensdag", "wed", "wednesday"), 2),
    **dict.fromkeys(("do", "don", "donderdag", "thu", "thur", "thurs", "thursday"), 3),
    **dict.fromkeys(("vr", "vri", "vrijdag", "fri", "friday"), 4),
}
_WEEKEND = {"za", "zat", "zaterdag", "sat", "saturday", "zo", "zon", "zondag", "sun", "sunday"}


def dagnaam(dag: int) -> str:
    return [_("maandag"), _("dinsdag"), _("woensdag"), _("donderdag"), _("vrijdag")][dag]


def read_dag(waarde: str, alleen_getal: bool) -> tuple[int | None, str | None]:
    """The weekday 0–4, or the message that explains what to write instead."""
    gebruik = _("gebruik ma, di, wo, do of vr.") if not alleen_getal else ""
    if not waarde:
        if alleen_getal:
            return None, _("de dag ontbreekt; Untis schrijft 1 (maandag) tot 5 (vrijdag).")
        return None, _("de dag ontbreekt; %(gebruik)s") % {"gebruik": gebruik}
    sleutel = waarde.casefold().rstrip(".")
    if sleutel.isdecimal() and sleutel.isascii():
        nummer = int(sleutel)
        if 1 <= nummer <= 5:
            return nummer - 1, None
        sleutel = "za" if nummer in (6, 7) else "?"  # the weekend, or no day at all
    elif alleen_getal:
        return None, _(
            "'%(waarde)s' is geen dagnummer; Untis schrijft 1 (maandag) tot 5 (vrijdag)."
        ) % {"waarde": waarde}
    if sleutel in _DAGEN:
        return _DAGEN[sleutel], None
    if sleutel in _WEEKEND:
        if alleen_getal:
            return None, _(
                "dag %(waarde)s valt in het weekend; alleen lessen van maandag tot vrijdag "
                "worden ingelezen."
            ) % {"waarde": waarde}
        return None, _("'%(waarde)s' is geen lesdag; %(gebruik)s") % {
            "waarde": waarde,
            "gebruik": gebruik,
        }
    if alleen_getal:
        return None, _(
            "'%(waarde)s' is geen dagnummer; Untis schrijft 1 (maandag) tot 5 (vrijdag)."
        ) % {"waarde": waarde}
    return None, _(
        "'%(waarde)s' is geen dag; gebruik ma, di, wo, do of vr (of maandag … vrijdag, of 1 tot 5)."
    ) % {"waarde": waarde}


def read_lesuur(waarde: str) -> tuple[int | None, str | None]:
    if not waarde:
        return None, _("het lesuur ontbreekt; geef een getal van 1 tot %(max)d.") % {
            "max": MAX_LESUUR
        }
    if not (waarde.isdecimal() and waarde.isascii()):
        return None, _(
            "'%(waarde)s' is geen getal; geef het lesuur als getal van 1 tot %(max)d."
        ) % {
            "waarde": waarde,
            "max": MAX_LESUUR,
        }
    nummer = int(waarde)
    if not 1 <= nummer <= MAX_LESUUR:
        return None, _("lesuur %(waarde)s bestaat niet; geef een getal van 1 tot %(max)d.") % {
            "waarde": waarde,
            "max": MAX_LESUUR,
        }
    return nummer, None


def read_email(waarde: str) -> tuple[str | None, str | None]:
    try:
        validate_email(waarde)
    except ValidationError:
        return None, _("'%(waarde)s' is geen geldig e-mailadres.") % {"waarde": waarde}
    return waarde.lower(), None


def read_leerkracht(waarde: str) -> tuple[str | None, str | None]:
    if not waarde:
        return None, _(
            "de leerkracht ontbreekt; geef het e-mailadres of de afkorting uit het lesrooster."
        )
    if "@" in waarde:
        return read_email(waarde)
    if len(waarde) > MAX_TEKST:
        return None, _("de afkorting is langer dan %(max)d tekens.") % {"max": MAX_TEKST}
    return waarde, None


def too_long(waarde: str) -> str | None:
    if len(waarde) > MAX_TEKST:
        return _("is langer dan %(max)d tekens; kort het in.") % {"max": MAX_TEKST}
    return None
