"""A person's leerlog over time: one shape for every moment they wrote down what they learned.

The moments come from several apps (bijeenkomsten here, class visits in ``bezoeken``); each
gives its own as ``LeerlogMoment`` and the page that shows them sorts them by date. Only the
person's own writing goes in: what others wrote, even when shared with them, never does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from plg.accounts.models import User
from plg.communities.models import Lidmaatschap
from plg.meetings.models import LeerlogEntry


@dataclass(frozen=True)
class LeerlogMoment:
    """One moment of learning: when, where (a PLG's name, a visit), and the person's own words."""

    when: datetime
    soort: str
    context: str
    parts: tuple[tuple[str, str], ...]
    audience: str
    url: str | None


def from_bijeenkomsten(user: User) -> list[LeerlogMoment]:
    """Every leerlog entry the person wrote, in every PLG: also closed PLG's and PLG's they
    left, because the writing stays theirs. A link only while they can still open the page."""
    still_member = set(Lidmaatschap.objects.filter(user=user).values_list("plg_id", flat=True))
    entries = LeerlogEntry.objects.filter(author=user).select_related("bijeenkomst__plg")
    return [
        LeerlogMoment(
            when=entry.bijeenkomst.starts_at,
            soort=_("Bijeenkomst"),
            context=entry.bijeenkomst.plg.name,
            parts=_parts(entry),
            audience=entry.get_audience_display(),
            url=reverse("bijeenkomst_detail", args=[entry.bijeenkomst_id])
            if entry.bijeenkomst.plg_id in still_member
            else None,
        )
        for entry in entries
    ]


def _parts(entry: LeerlogEntry) -> tuple[tuple[str, str], ...]:
    written = (
        (_("Kennis en inzicht"), entry.kennis_inzicht),
        (_("Vaardigheden"), entry.vaardigheden),
        (_("Attitudes"), entry.attitudes),
    )
    return tuple((label, text) for label, text in written if text.strip())
