"""Who may do what with a class visit. Deny by default.

The observed teacher owns a visit; the visitor takes part until it is cancelled or declined.
Anyone else gets a 404: that a visit exists, and between whom, is not theirs to know.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from plg.accounts.models import User
from plg.bezoeken.models import CoTeachingReeks, Kijkwijzer, Klasbezoek, Soort
from plg.communities.authorizers import get_plg
from plg.organisations.models import (
    LEADER_FUNCTIONS,
    Aanstelling,
    AanstellingQuerySet,
    Functie,
    School,
)


def get_bezoek(
    user: User, pk: int, *, eigenaar: bool = False, bezoeker: bool = False
) -> Klasbezoek:
    """The one way views fetch a visit: its owner, or its visitor while it is not cancelled.
    ``eigenaar`` asks for the owner, ``bezoeker`` for the visitor; the other one of the two
    knows the visit and gets a 403."""
    bezoek = get_object_or_404(
        Klasbezoek.objects.select_related("geobserveerde", "bezoeker", "school", "kijkwijzer"),
        pk=pk,
    )
    if bezoek.geobserveerde_id == user.pk:
        if bezoeker:
            raise PermissionDenied
        return bezoek
    if bezoek.bezoeker_id == user.pk and not bezoek.ingetrokken:
        if eigenaar:
            raise PermissionDenied
        return bezoek
    raise Http404


def team_schools(user: User) -> QuerySet[School]:
    """The schools where this person is staff (an advisor supports a school, is not its team)."""
    return School.objects.filter(
        pk__in=Aanstelling.objects.team().filter(user=user).values("school_id")
    )


def require_team(user: User) -> list[School]:
    """Blitsbezoeken, buddies and co-teaching are for a school's own staff."""
    schools = list(team_schools(user))
    if not schools:
        raise Http404
    return schools


def teachers() -> AanstellingQuerySet:
    """Places as a teacher: the team, but not its leaders (and never an external advisor)."""
    return Aanstelling.objects.team().exclude(functie__in=LEADER_FUNCTIONS)


def colleagues(user: User) -> QuerySet[User]:
    """The one list of whom a person may ask into their class or visit, in every form: the
    teachers of the scholengemeenschappen of the schools they are team of. Never oneself; never
    a leader or an advisor, for a visit is between peers and the school never learns who
    visited whom."""
    sgs = team_schools(user).values("scholengemeenschap_id")
    return (
        User.objects.filter(
            is_active=True,
            pk__in=teachers().filter(school__scholengemeenschap__in=sgs).values("user_id"),
        )
        .exclude(pk=user.pk)
        .order_by("first_name", "last_name", "email")
    )


BUDDY_ORGANISERS = (
    Functie.SCHOOLLEIDER,
    Functie.COORDINEREND_DIRECTEUR,
    Functie.AANVANGSBEGELEIDER,
)
"""Who may start the buddy matching of a school: its leaders and its aanvangsbegeleiders. They
learn counts only, never who is with whom."""


def organiser_schools(user: User) -> QuerySet[School]:
    return School.objects.filter(
        pk__in=Aanstelling.objects.filter(user=user, functie__in=BUDDY_ORGANISERS).values(
            "school_id"
        )
    )


def get_buddy_school(user: User, pk: int) -> School:
    school = organiser_schools(user).filter(pk=pk).first()
    if school is None:
        raise Http404
    return school


def get_blits(user: User, pk: int, *, bezoeker: bool = False) -> Klasbezoek:
    """A blitsbezoek for its two people; with ``bezoeker`` only for the visitor (the form for
    feedback is theirs alone)."""
    bezoek = get_bezoek(user, pk)
    if bezoek.soort != Soort.BLITS or (bezoeker and bezoek.bezoeker_id != user.pk):
        raise Http404
    return bezoek


def get_reeks(user: User, pk: int) -> CoTeachingReeks:
    """Its owner, always; its partner while the series runs; for anyone else it does not exist."""
    reeks = get_object_or_404(
        CoTeachingReeks.objects.select_related("eigenaar", "partner", "school"), pk=pk
    )
    if reeks.eigenaar_id == user.pk or (reeks.partner_id == user.pk and not reeks.ingetrokken):
        return reeks
    raise Http404


def get_co_les(user: User, pk: int) -> tuple[Klasbezoek, CoTeachingReeks]:
    """A co-taught lesson, for whoever may open its series."""
    les = get_object_or_404(Klasbezoek, pk=pk, soort=Soort.CO_TEACHING, reeks__isnull=False)
    return les, get_reeks(user, les.reeks_id or 0)


def get_kijkwijzer(user: User, pk: int) -> Kijkwijzer:
    """A PLG's kijkwijzer is its members' to edit while the PLG is open; a personal one is its
    owner's alone."""
    kijkwijzer = get_object_or_404(Kijkwijzer.objects.select_related("plg"), pk=pk)
    if kijkwijzer.plg_id is not None:
        get_plg(user, kijkwijzer.plg_id, writable=True)
        return kijkwijzer
    if kijkwijzer.eigenaar_id != user.pk:
        raise Http404
    return kijkwijzer
