"""The archive's Leadership-for-Learning compass: per principle, what the coach tagged with it.

Bijeenkomsten are the members' to see; a tagged note counts only for a reader its audience
includes, so a coach's private note tells another member nothing, not even as a number.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from plg.accounts.models import User
from plg.communities.lfl import principes
from plg.communities.models import PLG, Notitie, NotitiePrincipe
from plg.meetings.models import Bijeenkomst, BijeenkomstPrincipe


@dataclass
class Principe:
    key: str
    label: str
    uitleg: str
    bijeenkomsten: list[Bijeenkomst] = field(default_factory=list)
    notities: list[Notitie] = field(default_factory=list)

    @property
    def aantal(self) -> int:
        return len(self.bijeenkomsten) + len(self.notities)


def kompas(user: User, plg: PLG) -> list[Principe]:
    """All five principles in the framework's order, each with its tagged items (two queries)."""
    rows = {key: Principe(key, label, uitleg) for key, label, uitleg in principes()}
    for tag in (
        BijeenkomstPrincipe.objects.filter(bijeenkomst__plg=plg)
        .select_related("bijeenkomst")
        .order_by("bijeenkomst__starts_at", "id")
    ):
        rows[tag.principe].bijeenkomsten.append(tag.bijeenkomst)
    for ntag in (
        NotitiePrincipe.objects.filter(notitie__in=Notitie.objects.visible_to(user).filter(plg=plg))
        .select_related("notitie")
        .order_by("notitie__created_at", "id")
    ):
        rows[ntag.principe].notities.append(ntag.notitie)
    return list(rows.values())
