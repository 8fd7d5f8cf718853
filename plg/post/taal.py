"""The language a mail, its calendar file and a calendar feed are written in.

Each person reads the product in the language they chose in the menu; what reaches them
outside it (a mail, an .ics, the feed their calendar app fetches without a cookie) follows
the same choice, stored with their account. Without a choice: the installation's language.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation


def language_of(chosen: str | None) -> str:
    supported = {code for code, _name in settings.LANGUAGES}
    return chosen if chosen and chosen in supported else settings.LANGUAGE_CODE


def in_language_of(chosen: str | None) -> translation.override:
    return translation.override(language_of(chosen))
