"""Who may plan what. Deny by default.

A PLG's moments are searched by its procescoach. Month plans belong to the school's planners and
leaders, or to the coördinerend directeur for the whole scholengemeenschap.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from plg.accounts.models import User
from plg.planning.models import Maandplan
from plg.roosters.authorizers import coordinated, schools_to_plan


def may_see_maandplan(user: User, maandplan: Maandplan) -> bool:
    if maandplan.school_id is not None:
        return schools_to_plan(user).filter(pk=maandplan.school_id).exists()
    return coordinated(user).filter(pk=maandplan.scholengemeenschap_id).exists()


def get_maandplan(user: User, pk: int) -> Maandplan:
    maandplan = get_object_or_404(
        Maandplan.objects.select_related("school", "scholengemeenschap", "door"), pk=pk
    )
    if not may_see_maandplan(user, maandplan):
        raise Http404
    return maandplan
