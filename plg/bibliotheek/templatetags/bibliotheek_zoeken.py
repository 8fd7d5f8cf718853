"""Showing a reader why an entry was found: the matched words marked in its text."""

from __future__ import annotations

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def markeer(tekst: str, woorden: tuple[str, ...]) -> SafeString:
    """The text, escaped, with each found word in a <mark> (the words come from the text)."""
    tekst = str(tekst or "")
    if not woorden:
        return escape(tekst)
    patroon = re.compile(
        r"(?<!\w)("
        + "|".join(re.escape(w) for w in sorted(woorden, key=len, reverse=True))
        + r")(?!\w)",
        re.IGNORECASE,
    )
    delen: list[str] = []
    begin = 0
    for treffer in patroon.finditer(tekst):
        delen.append(escape(tekst[begin : treffer.start()]))
        delen.append(f"<mark>{escape(treffer.group(0))}</mark>")
        begin = treffer.end()
    delen.append(escape(tekst[begin:]))
    return mark_safe("".join(delen))  # noqa: S308 - every piece is escaped above
