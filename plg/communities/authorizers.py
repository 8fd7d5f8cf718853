"""Who may do what with a PLG. Deny by default: each check raises unless the user qualifies.

Outsiders get a 404 (the PLG's existence is not theirs to know); members who lack the coach
role get a 403; nobody writes in an archived PLG.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from plg.accounts.models import User
from plg.communities.models import PLG, Lidmaatschap
from plg.organisations.authorizers import require_team
from plg.organisations.models import Aanstelling, School


def membership(user: User | AnonymousUser, plg: PLG) -> Lidmaatschap | None:
    if not user.is_authenticated:
        return None
    return Lidmaatschap.objects.filter(user=user, plg=plg).first()


def require_member(user: User | AnonymousUser, plg: PLG) -> Lidmaatschap:
    lid = membership(user, plg)
    if lid is None:
        raise Http404
    return lid


def require_coach(user: User | AnonymousUser, plg: PLG) -> Lidmaatschap:
    lid = require_member(user, plg)
    if not lid.is_coach:
        raise PermissionDenied
    return lid


def require_open(plg: PLG) -> None:
    if plg.is_archived:
        raise PermissionDenied


def get_plg(
    user: User | AnonymousUser, pk: int, *, coach: bool = False, writable: bool = False
) -> tuple[PLG, Lidmaatschap]:
    """The one way views fetch a PLG for its members."""
    plg = get_object_or_404(PLG.objects.select_related("scholengemeenschap"), pk=pk)
    lid = require_coach(user, plg) if coach else require_member(user, plg)
    if writable:
        require_open(plg)
    return plg, lid


def may_view_shared(user: User | AnonymousUser, plg: PLG) -> bool:
    """Members, and anyone placed in the PLG's scholengemeenschap, may see what was shared.

    What exactly they see is decided per row by the audience (``visible_to``).
    """
    if not user.is_authenticated:
        return False
    if membership(user, plg) is not None:
        return True
    return Aanstelling.objects.filter(
        user=user, school__scholengemeenschap_id=plg.scholengemeenschap_id
    ).exists()


def require_shared_view(user: User | AnonymousUser, plg: PLG) -> None:
    if not may_view_shared(user, plg):
        raise Http404


def get_team_plg(user: User, school_pk: int, plg_pk: int) -> tuple[School, PLG]:
    """A PLG of the school, for the school's team: what is printed for the staff room."""
    school = get_object_or_404(School, pk=school_pk)
    require_team(user, school)
    plg = get_object_or_404(PLG.objects.of_schools([school.pk]), pk=plg_pk)
    return school, plg


__all__ = [
    "get_plg",
    "get_team_plg",
    "may_view_shared",
    "membership",
    "require_coach",
    "require_member",
    "require_open",
    "require_shared_view",
]
