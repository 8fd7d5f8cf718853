"""Reading a command's values like form input: text cleaned and bounded, ids that are ids, and
the one refusal every rule of the live bijeenkomst raises."""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext as _

from plg.core.http import MAX_ID

TEXT_LIMIT = 300


class Refused(Exception):
    """A command that changes nothing; the message goes back to its sender only."""


class Revoked(Refused):
    """The sender no longer takes part (left the PLG, taken off the list): the socket closes."""


_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(value: str, *, multiline: bool = False) -> str:
    value = _INVISIBLE.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    if not multiline:
        value = re.sub(r"[\t\n]+", " ", value)
    return value.strip()


def read_text(
    command: dict[str, Any],
    key: str,
    *,
    required: bool,
    label: str,
    limit: int = TEXT_LIMIT,
    multiline: bool = False,
) -> str:
    value = command.get(key, "")
    if not isinstance(value, str):
        raise Refused(_("'%(label)s' moet tekst zijn.") % {"label": label})
    value = clean_text(value, multiline=multiline)
    if required and not value:
        raise Refused(_("Vul '%(label)s' in.") % {"label": label})
    if len(value) > limit:
        raise Refused(
            _("'%(label)s' mag hoogstens %(limit)s tekens lang zijn.")
            % {"label": label, "limit": limit}
        )
    return value


def is_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and -MAX_ID <= value <= MAX_ID


def read_int(command: dict[str, Any], key: str, *, label: str) -> int:
    value = command.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise Refused(_("'%(label)s' ontbreekt of is geen getal.") % {"label": label})
    if not is_id(value):
        raise Refused(_("'%(label)s' is te groot.") % {"label": label})
    return value
