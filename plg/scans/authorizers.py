"""Who may open, run and read scans. Deny by default: each check raises unless the user qualifies.

Answering needs no account: the personal link or the poster is the key. Reading results needs a
place in the school; running a wave needs leading or supporting one of its schools.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from plg.organisations.models import Aanstelling, Functie, School
from plg.scans.models import Afname, Toegang


def schools_for_waves(user: Any) -> QuerySet[School]:
    """Schools a user may open a PLG-scan for: the ones they lead, all of the scholengemeenschap
    for a coördinerend directeur, and the ones an advisor supports."""
    if not getattr(user, "is_authenticated", False):
        return School.objects.none()
    mine = Aanstelling.objects.filter(user=user)
    return School.objects.filter(
        Q(aanstellingen__in=mine.leaders())
        | Q(aanstellingen__in=mine.advisors())
        | Q(
            scholengemeenschap__in=mine.filter(functie=Functie.COORDINEREND_DIRECTEUR).values(
                "school__scholengemeenschap"
            )
        )
    ).distinct()


def may_run(user: Any, afname: Afname) -> bool:
    if not getattr(user, "is_authenticated", False) or afname.is_zelfscan:
        return False
    if afname.opened_by_id == user.pk:
        return True
    return schools_for_waves(user).filter(pk__in=afname.schools.values("pk")).exists()


def get_afname_to_run(user: Any, pk: int) -> Afname:
    afname = get_object_or_404(Afname, pk=pk, plg=None)
    if not may_run(user, afname):
        raise Http404
    return afname


def may_read_school(user: Any, school: School) -> bool:
    """A school's results are for everyone placed in it: team, leaders and its advisors."""
    return Aanstelling.objects.filter(user=user, school=school).exists() or (
        schools_for_waves(user).filter(pk=school.pk).exists()
    )


def get_report(user: Any, afname_pk: int, school_pk: int) -> tuple[Afname, School]:
    """A closed wave's report for one of its schools, for those who may read that school."""
    afname = get_object_or_404(Afname, pk=afname_pk, plg=None, closed_at__isnull=False)
    school = get_object_or_404(afname.schools.all(), pk=school_pk)
    if not may_read_school(user, school):
        raise Http404
    return afname, school


def get_toegang(token: str, user: Any) -> Toegang:
    """A way in by its token. A Zelfscan link belongs to a signed-in member: only they open it."""
    toegang = get_object_or_404(
        Toegang.objects.select_related("afname", "school", "afname__plg"), token=token
    )
    if toegang.afname.is_zelfscan and toegang.user_id != getattr(user, "pk", None):
        raise Http404
    return toegang
