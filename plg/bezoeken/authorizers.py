"""Who may do what with a class visit. Deny by default.

The observed teacher owns a visit; the visitor takes part until it is cancelled or declined.
Anyone else gets a 404: that a visit exists, and between whom, is not theirs to know.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from plg.accounts.models import User
from plg.bezoeken.models import Kijkwijzer, Klasbezoek
from plg.communities.authorizers import get_plg


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
