"""Who may do what in a tandem. Deny by default: the PLG's procescoaches are one side, the
tandem's school leader (while they lead one of the PLG's schools) the other; nobody else.

A member who is not the coach knows the tandem exists (the PLG reads the agreed part of the
agreement) and is refused (403); anyone else never learns of it (404)."""

from __future__ import annotations

from enum import StrEnum

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from plg.accounts.models import User
from plg.communities.authorizers import membership, require_open
from plg.communities.models import PLG
from plg.organisations.models import Aanstelling
from plg.tandem.models import Tandem


class Kant(StrEnum):
    """The side of the tandem someone is on."""

    COACH = "coach"
    LEIDER = "leider"


def leaders_of(plg: PLG) -> QuerySet[User]:
    """The leaders of the PLG's schools: the ones a coach may form a tandem with."""
    leaders = Aanstelling.objects.filter(school__in=plg.schools.all()).leaders()
    return User.objects.filter(pk__in=leaders.values("user_id")).order_by("first_name", "last_name")


def leads_plg(user: User | AnonymousUser, plg: PLG) -> bool:
    """Whether the user leads one of the PLG's schools (schoolleider, coördinerend directeur)."""
    if not user.is_authenticated:
        return False
    return Aanstelling.objects.leaders().filter(user_id=user.pk, school__plgs=plg).exists()


def kant(user: User | AnonymousUser, tandem: Tandem) -> Kant | None:
    lid = membership(user, tandem.plg)
    if lid is not None and lid.is_coach:
        return Kant.COACH
    if user.pk == tandem.schoolleider_id and leads_plg(user, tandem.plg):
        return Kant.LEIDER
    if lid is not None:
        raise PermissionDenied
    return None


def get_tandem(
    user: User | AnonymousUser, pk: int, *, only: Kant | None = None, writable: bool = False
) -> tuple[Tandem, Kant]:
    """The one way views fetch a PLG's tandem (``pk`` is the PLG's), with the user's side;
    ``only`` limits it to one side, ``writable`` refuses an archived PLG."""
    tandem = get_object_or_404(Tandem.objects.select_related("plg", "schoolleider"), plg_id=pk)
    side = kant(user, tandem)
    if side is None:
        raise Http404
    if only is not None and side != only:
        raise PermissionDenied
    if writable:
        require_open(tandem.plg)
    return tandem, side
