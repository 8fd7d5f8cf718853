"""A school's team page, and the sheets printed from it: what the PLG's give the whole team.

The guide ends a PLG with a proposal to the whole team and asks to make small steps known in
the staff room and the personeelsvergadering. Everything here is read as the team reads it
(``readable_as(Relation.TEAM)``), whoever looks: a member opening the page, or printing a poster,
sees what the team sees, never what the PLG kept to itself or shared with the leader only. And
nothing says who wrote what.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from django.db.models import F, QuerySet
from django.utils.translation import gettext as _

from plg.accounts.models import User
from plg.communities.models import (
    FASE_ORDER,
    PLG,
    Actieplan,
    Afronding,
    Fase,
    Mijlpaal,
    Notitie,
)
from plg.communities.sharing import Relation, SharedQuerySet
from plg.organisations.models import School

STAPPEN = [fase for fase in FASE_ORDER if fase != Fase.AFGESLOTEN]
"""The steps on a poster: a closed PLG has taken them all."""


@dataclass(frozen=True)
class Stap:
    fase: Fase
    done: bool
    current: bool


@dataclass(frozen=True)
class Viering:
    """Something a PLG celebrated and told the team: a milestone, or the PLG's own end."""

    plg: PLG
    what: str
    on: date
    note: str


@dataclass(frozen=True)
class TeamPLG:
    """One PLG as the whole team may read it."""

    plg: PLG
    actieplan: Actieplan | None
    mijlpalen: list[Mijlpaal]
    notities: list[Notitie]
    afronding: Afronding | None

    @property
    def leervraag(self) -> str:
        """The group's chosen question, without its versions or who wrote them."""
        chosen = self.plg.gekozen_leervraag
        return chosen.current_text if chosen is not None else ""

    @property
    def stappen(self) -> list[Stap]:
        index = len(STAPPEN) if self.plg.is_archived else self.plg.fase_index
        return [
            Stap(fase=fase, done=i < index, current=i == index) for i, fase in enumerate(STAPPEN)
        ]

    @property
    def vieringen(self) -> list[Viering]:
        found = [
            Viering(plg=self.plg, what=m.title, on=m.celebrated_on, note=m.celebration_note)
            for m in self.mijlpalen
            if m.celebrated_on is not None
        ]
        if self.afronding is not None and self.afronding.viering_datum is not None:
            found.append(
                Viering(
                    plg=self.plg,
                    what=str(_("De afronding van de PLG")),
                    on=self.afronding.viering_datum,
                    note=self.afronding.viering_notitie,
                )
            )
        return sorted(found, key=lambda v: v.on, reverse=True)


@dataclass(frozen=True)
class TeamPage:
    school: School
    plgs: list[TeamPLG]

    @property
    def voorstellen(self) -> list[TeamPLG]:
        return [item for item in self.plgs if item.afronding is not None]

    @property
    def vieringen(self) -> list[Viering]:
        found = [v for item in self.plgs for v in item.vieringen]
        return sorted(found, key=lambda v: v.on, reverse=True)


_S = TypeVar("_S", Actieplan, Afronding, Mijlpaal, Notitie)


def _for_team(queryset: SharedQuerySet[_S], user: User) -> SharedQuerySet[_S]:
    """What ``user`` may read and the whole team may read too: both, never the wider one."""
    return queryset.visible_to(user).readable_as(Relation.TEAM)


def team_plgs(*, user: User, plgs: QuerySet[PLG]) -> list[TeamPLG]:
    """``plgs`` as the team reads them, open ones first; a fixed number of queries."""
    rows = list(
        plgs.select_related("gekozen_leervraag").order_by(
            F("closed_at").asc(nulls_first=True), "name"
        )
    )
    ids = [plg.pk for plg in rows]
    mijlpalen: dict[int, list[Mijlpaal]] = defaultdict(list)
    for mijlpaal in _for_team(Mijlpaal.objects.all(), user).filter(plg_id__in=ids):
        mijlpalen[mijlpaal.plg_id].append(mijlpaal)
    notities: dict[int, list[Notitie]] = defaultdict(list)
    for notitie in _for_team(Notitie.objects.all(), user).filter(plg_id__in=ids):
        notities[notitie.plg_id].append(notitie)
    plannen = {a.plg_id: a for a in _for_team(Actieplan.objects.all(), user).filter(plg_id__in=ids)}
    afrondingen = {
        a.plg_id: a
        for a in _for_team(Afronding.objects.all(), user)
        .filter(plg_id__in=ids)
        .prefetch_related("bijlagen")
    }
    return [
        TeamPLG(
            plg=plg,
            actieplan=plannen.get(plg.pk),
            mijlpalen=mijlpalen[plg.pk],
            notities=notities[plg.pk],
            afronding=afrondingen.get(plg.pk),
        )
        for plg in rows
    ]


def team_page(*, school: School, user: User) -> TeamPage:
    return TeamPage(
        school=school, plgs=team_plgs(user=user, plgs=PLG.objects.of_schools([school.pk]))
    )
