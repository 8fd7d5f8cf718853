"""Who may read and share library entries. Deny by default: each check raises unless allowed.

Reading goes through ``Bibliotheekitem.objects.zichtbaar_voor`` only: an entry a reader may
not see does not exist for them (404). Sharing is the PLG's: its members agree, its coach
publishes, and only once the PLG is afgesloten (a member learns that with a 403).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from plg.accounts.models import User
from plg.bibliotheek.models import Bibliotheekbijlage, Bibliotheekitem
from plg.communities.authorizers import get_plg
from plg.communities.models import PLG, Lidmaatschap
from plg.organisations.authorizers import schools_of
from plg.organisations.models import School


def get_item(user: User, slug: str) -> Bibliotheekitem:
    """A published entry the reader may see, or 404."""
    return get_object_or_404(Bibliotheekitem.objects.zichtbaar_voor(user), slug=slug)


def get_bijlage(user: User, slug: str, pk: int) -> Bibliotheekbijlage:
    return get_object_or_404(Bibliotheekbijlage, pk=pk, item=get_item(user, slug))


def get_gesloten_plg(user: User, pk: int, *, coach: bool = False) -> tuple[PLG, Lidmaatschap]:
    """A PLG of the user's own that is afgesloten: only a finished path is shared."""
    plg, lid = get_plg(user, pk, coach=coach)
    if not plg.is_archived:
        raise PermissionDenied
    return plg, lid


def schools_to_start(user: User) -> QuerySet[School]:
    """Where the user may start a PLG from an entry: as anywhere, a school they work in."""
    schools = schools_of(user).select_related("scholengemeenschap")
    if not schools.exists():
        raise Http404
    return schools


__all__ = ["get_bijlage", "get_gesloten_plg", "get_item", "schools_to_start"]
