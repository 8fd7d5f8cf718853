"""Who may look at a traject and the network dashboard. Deny by default.

The advisor who leads a traject reads all of it while they still support a school of its
network; a leader in it reads their own row and the group's aggregates. Anyone else never learns
the traject exists (404); a leader asking for what is the advisor's is refused (403).
"""

from __future__ import annotations

from enum import StrEnum

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from plg.organisations.authorizers import schools_supported_by
from plg.organisations.models import Network
from plg.traject.models import Deelname, Traject


class Rol(StrEnum):
    BEGELEIDER = "begeleider"
    LEIDER = "leider"


def advised_network(user: AbstractBaseUser) -> Network:
    """The network of the schools an advisor supports (the first, when they support several);
    to anyone who supports no school the network pages do not exist."""
    school = (
        schools_supported_by(user)
        .select_related("scholengemeenschap__network")
        .order_by("scholengemeenschap__network__name")
        .first()
    )
    if school is None:
        raise Http404
    return school.scholengemeenschap.network


def supports_network(user: AbstractBaseUser, network_id: int) -> bool:
    return schools_supported_by(user).filter(scholengemeenschap__network_id=network_id).exists()


def rol(user: AbstractBaseUser, traject: Traject) -> Rol | None:
    if traject.begeleider_id == user.pk and supports_network(user, traject.network_id):
        return Rol.BEGELEIDER
    if Deelname.objects.filter(traject=traject, leider_id=user.pk).exists():
        return Rol.LEIDER
    return None


def get_traject(user: AbstractBaseUser, pk: int, *, only: Rol | None = None) -> tuple[Traject, Rol]:
    """The one way views fetch a traject, with the user's role in it; ``only`` limits it to
    one role (the other is refused, anyone else finds nothing)."""
    traject = get_object_or_404(
        Traject.objects.select_related("begeleider", "network", "netwerk_plg"), pk=pk
    )
    found = rol(user, traject)
    if found is None:
        raise Http404
    if only is not None and found != only:
        raise PermissionDenied
    return traject, found


def get_deelname(user: AbstractBaseUser, pk: int) -> tuple[Deelname, Rol]:
    """A leader's row: the advisor of its traject, or that leader; another leader of the same
    traject is refused, anyone else finds nothing."""
    deelname = get_object_or_404(Deelname.objects.select_related("traject", "school"), pk=pk)
    found = rol(user, deelname.traject)
    if found is None:
        raise Http404
    if found == Rol.LEIDER and deelname.leider_id != user.pk:
        raise PermissionDenied
    return deelname, found
