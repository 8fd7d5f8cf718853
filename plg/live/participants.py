"""Who takes part in a live bijeenkomst, and in which order they speak in a round."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from plg.communities.models import Lidmaatschap
from plg.communities.sharing import Relation, sees_names
from plg.live.models import Intervisie, LiveSessie


class Deelname(models.TextChoices):
    """How someone takes part in a live session."""

    COACH = "coach", _("procescoach")
    LID = "lid", _("lid")
    SCHOOLLEIDER = "schoolleider", _("schoolleider")
    GAST = "gast", _("gast")


RELATION: dict[str, Relation] = {
    Deelname.COACH: Relation.LID,
    Deelname.LID: Relation.LID,
    Deelname.SCHOOLLEIDER: Relation.LEIDER,
    Deelname.GAST: Relation.GEEN,
}
"""How each kind of participant stands to what the PLG writes (``sharing.READERS``)."""


@dataclass(frozen=True)
class Viewer:
    """A participant: a user (``user_id``), or a guest with a link (``user_id`` 0) whose
    link stops working at ``until``."""

    user_id: int
    name: str
    role: str
    until: datetime | None = field(default=None, compare=False)

    @property
    def is_coach(self) -> bool:
        return self.role == Deelname.COACH

    @property
    def writes(self) -> bool:
        return self.role != Deelname.GAST

    @property
    def relation(self) -> Relation:
        return RELATION[self.role]

    @property
    def reads_members_part(self) -> bool:
        return reads_members_part(self.relation)


def reads_members_part(relation: Relation) -> bool:
    """The one rule for what stays inside the PLG, on the live screen and in the summary: who
    wrote what, who brings in an OASE case and what they take from it, and who is speaking.
    The members read it (``sharing.sees_names``); a school leader, a guest and anyone around
    the PLG do not."""
    return sees_names(relation)


def round_order(sessie: LiveSessie) -> list[dict[str, Any]]:
    """Turn order for rounds: the members, alphabetically (the coach can move the turn on)."""
    people = [
        {"id": row["user_id"], "name": display_name(row, "user__")}
        for row in Lidmaatschap.objects.filter(plg_id=sessie.bijeenkomst.plg_id).values(
            "user_id", "user__first_name", "user__last_name", "user__email"
        )
    ]
    return sorted(people, key=lambda person: person["name"].lower())


def turn_order(order: list[dict[str, Any]], inbrenger: int | None) -> list[dict[str, Any]]:
    """In an OASE round the others take turns; the inbrenger listens and answers."""
    return [person for person in order if person["id"] != inbrenger]


def current_inbrenger(sessie: LiveSessie) -> int | None:
    return (
        Intervisie.objects.filter(sessie=sessie, blok_id=sessie.current_blok_id)
        .values_list("inbrenger_id", flat=True)
        .first()
    )


def display_name(row: Mapping[str, Any], prefix: str) -> str:
    """A user's name from a ``values()`` row (``prefix``: the path to the user)."""
    full = f"{row[prefix + 'first_name']} {row[prefix + 'last_name']}".strip()
    return full or str(row[prefix + "email"])
