"""Who may read what was written: the one place where audiences are enforced.

Every written thing (note, leerlog entry, check-out record, milestone, proposal, action plan)
carries an explicit audience. Views never filter by audience themselves: they fetch through
``visible_to(user)``, which turns the audience rules into one query. The rules are one table,
``READERS``: the query and the in-memory check for the people in a live session both come from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, ClassVar, TypeVar

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plg.organisations.models import Aanstelling, School

if TYPE_CHECKING:
    from plg.accounts.models import User
    from plg.communities.models import PLG


class Audience(models.TextChoices):
    ALLEEN_IK = "ik", _("alleen ik")
    PLG = "plg", _("de PLG")
    PLG_EN_SCHOOLLEIDER = "leiding", _("PLG en schoolleider")
    TEAM = "team", _("het hele team")
    NETWERK = "netwerk", _("het netwerk")


class Relation(StrEnum):
    """How a reader stands to what was written in a PLG; the closest one counts."""

    AUTEUR = "auteur"  # wrote it
    LID = "lid"  # a member of the PLG, the procescoach included
    LEIDER = "leider"  # a leader (schoolleider, coördinerend directeur) of one of its schools
    TEAM = "team"  # staff of one of its schools (advisors are not team)
    NETWERK = "netwerk"  # placed at a school of the same scholengemeenschap, advisors included
    GEEN = "geen"  # anyone else, a guest with a link to a live session included


@dataclass(frozen=True)
class Reader:
    """What a relation may read, and whether it sees who wrote it."""

    reads: frozenset[str]
    sees_names: bool


_EVERY = frozenset(Audience.values)

READERS: dict[Relation, Reader] = {
    Relation.AUTEUR: Reader(_EVERY, sees_names=True),
    Relation.LID: Reader(_EVERY - {Audience.ALLEEN_IK}, sees_names=True),
    Relation.LEIDER: Reader(
        frozenset({Audience.PLG_EN_SCHOOLLEIDER, Audience.TEAM, Audience.NETWERK}), sees_names=False
    ),
    Relation.TEAM: Reader(frozenset({Audience.TEAM, Audience.NETWERK}), sees_names=False),
    Relation.NETWERK: Reader(frozenset({Audience.NETWERK}), sees_names=False),
    Relation.GEEN: Reader(frozenset(), sees_names=False),
}
"""The one table of who reads what: ``audience_q`` (SQL) and ``may_read`` (in memory, for the
people in a live session) are both derived from it. People around the PLG never see names."""


def may_read(relation: Relation, audience: str) -> bool:
    return audience in READERS[relation].reads


def sees_names(relation: Relation) -> bool:
    return READERS[relation].sees_names


def relation(user: User | AnonymousUser, plg: PLG) -> Relation:
    """The closest relation of ``user`` to ``plg`` (never AUTEUR: that is per row)."""
    from plg.communities.models import Lidmaatschap

    if not user.is_authenticated:
        return Relation.GEEN
    if Lidmaatschap.objects.filter(user=user, plg=plg).exists():
        return Relation.LID
    mine = Aanstelling.objects.filter(user=user)
    at_plg = mine.filter(school__in=plg.schools.all())
    if at_plg.leaders().exists():
        return Relation.LEIDER
    if at_plg.team().exists():
        return Relation.TEAM
    if mine.filter(school__scholengemeenschap_id=plg.scholengemeenschap_id).exists():
        return Relation.NETWERK
    return Relation.GEEN


def _reads(relation: Relation) -> Q:
    reads = READERS[relation].reads
    return Q() if reads == _EVERY else Q(audience__in=sorted(reads))


def audience_q(user: User | AnonymousUser, plg_lookup: str, author_lookup: str = "author") -> Q:
    """A filter for rows whose audience includes ``user``, derived from ``READERS``.

    - alleen ik: the author;
    - de PLG: also the active members of the PLG;
    - PLG en schoolleider: also the leaders of the PLG's schools;
    - het hele team: also the staff of the PLG's schools (advisors are not team);
    - het netwerk: also everyone placed at a school of the same scholengemeenschap,
      the advisors who support those schools included.
    """
    from plg.communities.models import PLG, Lidmaatschap

    if not user.is_authenticated:
        return Q(pk__in=[])
    mine = Aanstelling.objects.filter(user=user)
    schools_through = PLG.schools.through.objects
    plgs = {
        Relation.LID: Lidmaatschap.objects.filter(user=user).values("plg_id"),
        Relation.LEIDER: schools_through.filter(
            school_id__in=mine.leaders().values("school_id")
        ).values("plg_id"),
        Relation.TEAM: schools_through.filter(school_id__in=mine.team().values("school_id")).values(
            "plg_id"
        ),
        Relation.NETWERK: PLG.objects.filter(
            scholengemeenschap_id__in=School.objects.filter(aanstellingen__user=user).values(
                "scholengemeenschap_id"
            )
        ).values("id"),
    }
    condition = _reads(Relation.AUTEUR) & Q(**{author_lookup: user})
    for relation, plg_ids in plgs.items():
        condition |= _reads(relation) & Q(**{f"{plg_lookup}__in": plg_ids})
    return condition


_S = TypeVar("_S", bound="Shared")


def editable(queryset: SharedQuerySet[_S], user: User) -> _S | None:
    """The single row behind an edit form, or None; refused if it was not shared with the editor.

    A co-coach must not open (and republish) what another coach kept to themselves.
    """
    row = queryset.first()
    if row is not None and not queryset.visible_to(user).filter(pk=row.pk).exists():
        raise PermissionDenied
    return row


class SharedQuerySet(models.QuerySet[_S]):
    def visible_to(self, user: User | AnonymousUser) -> SharedQuerySet[_S]:
        return self.filter(audience_q(user, self.model.plg_lookup))

    def readable_as(self, relation: Relation) -> SharedQuerySet[_S]:
        """Rows that everyone in ``relation`` may read, whoever is looking.

        For what is shown to a whole audience at once (the team page, a poster in the staff
        room): a member who opens it sees what the team sees, not what the PLG kept to itself.
        """
        return self.filter(_reads(relation))


class Shared(models.Model):
    """Something a person wrote, with who may read it."""

    plg_lookup: ClassVar[str] = "plg"

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("auteur"),
    )
    audience = models.CharField(
        _("wie mag dit lezen?"), max_length=10, choices=Audience.choices, default=Audience.PLG
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SharedQuerySet.as_manager()

    class Meta:
        abstract = True


class BezoekAudience(models.TextChoices):
    """Who reads what was written about one class visit; the leader and the advisor: never."""

    ALLEEN_IK = "ik", _("alleen ik")
    WIJ_TWEE = "wij", _("wij twee")
    PLG = "plg", _("onze PLG")


class BezoekRelation(StrEnum):
    """How a reader stands to a class visit (or a co-teaching series); the closest one counts."""

    AUTEUR = "auteur"  # wrote it
    EIGENAAR = "eigenaar"  # the observed teacher: owns the visit, reads what was shared with "wij"
    PARTNER = "partner"  # the visitor (or the co-teacher), while the visit is not cancelled
    LID = "lid"  # a member of the PLG whose leervraag the visit is about
    GEEN = "geen"  # anyone else: colleagues, the school leader, the advisor


BEZOEK_READERS: dict[BezoekRelation, frozenset[str]] = {
    BezoekRelation.AUTEUR: frozenset(BezoekAudience.values),
    BezoekRelation.EIGENAAR: frozenset({BezoekAudience.WIJ_TWEE, BezoekAudience.PLG}),
    BezoekRelation.PARTNER: frozenset({BezoekAudience.WIJ_TWEE, BezoekAudience.PLG}),
    BezoekRelation.LID: frozenset({BezoekAudience.PLG}),
    BezoekRelation.GEEN: frozenset(),
}
"""Who reads what about a class visit. Nobody outside the visit and its PLG reads a note or sees
who visited whom: the school sees counts only (``bezoeken.aggregates``). A cancelled visit is the
observed teacher's alone: the visitor's relation lapses, even for what they wrote themselves."""


def may_read_bezoek(relation: BezoekRelation, audience: str) -> bool:
    return audience in BEZOEK_READERS[relation]


def bezoek_audience_q(
    user: User | AnonymousUser,
    visit: str,
    author_lookup: str = "author",
    audience_lookup: str = "audience",
) -> Q:
    """A filter for rows about a visit whose audience includes ``user``, from ``BEZOEK_READERS``.

    ``visit`` is the lookup from the row to its visit, which has ``geobserveerde``, ``bezoeker``,
    ``plg`` and ``ingetrokken`` (cancelled by its owner or declined by the visitor).
    """
    from plg.communities.models import Lidmaatschap

    if not user.is_authenticated:
        return Q(pk__in=[])
    open_visit = Q(**{f"{visit}__ingetrokken": False})
    owner = Q(**{f"{visit}__geobserveerde": user})
    partner = Q(**{f"{visit}__bezoeker": user}) & open_visit
    member = (
        Q(**{f"{visit}__plg__in": Lidmaatschap.objects.filter(user=user).values("plg_id")})
        & open_visit
    )
    mine = Q(**{author_lookup: user}) & (owner | open_visit)

    def reads(relation: BezoekRelation) -> Q:
        return Q(**{f"{audience_lookup}__in": sorted(BEZOEK_READERS[relation])})

    return (
        mine
        | (owner & reads(BezoekRelation.EIGENAAR))
        | (partner & reads(BezoekRelation.PARTNER))
        | (member & reads(BezoekRelation.LID))
    )
