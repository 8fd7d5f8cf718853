"""Who may open a bijeenkomst: its PLG's rules (``communities.authorizers.get_plg``) decide."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from plg.accounts.http import AuthedRequest
from plg.communities.authorizers import get_plg
from plg.communities.models import Lidmaatschap
from plg.meetings.models import Bijeenkomst


def get_bijeenkomst(
    request: AuthedRequest, bid: int, *, coach: bool = False, writable: bool = False
) -> tuple[Bijeenkomst, Lidmaatschap]:
    bijeenkomst = get_object_or_404(Bijeenkomst.objects.select_related("plg"), pk=bid)
    _plg, lid = get_plg(request.user, bijeenkomst.plg_id, coach=coach, writable=writable)
    return bijeenkomst, lid
