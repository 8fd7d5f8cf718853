"""Who may do what with a class visit. Deny by default.

The observed teacher owns a visit; the visitor takes part until it is cancelled or declined.
Anyone else gets a 404: that a visit exists, and between whom, is not theirs to know.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from plg.accounts.models import User
from plg.bezoeken.models import Klasbezoek


def get_bezoek(user: User, pk: int, *, eigenaar: bool = False) -> Klasbezoek:
    """The one way views fetch a visit: its owner, or its visitor while it is not cancelled."""
    bezoek = get_object_or_404(
        Klasbezoek.objects.select_related("geobserveerde", "bezoeker", "school", "kijkwijzer"),
        pk=pk,
    )
    if bezoek.geobserveerde_id == user.pk:
        return bezoek
    if bezoek.bezoeker_id == user.pk and not bezoek.ingetrokken:
        if eigenaar:
            raise PermissionDenied
        return bezoek
    raise Http404
