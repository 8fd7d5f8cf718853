"""Who may see and change a school's timetables. Deny by default.

A timetable says where a teacher is all week: it is for that teacher, the school's leaders and
the staff member a leader asked to plan — never for colleagues.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from plg.accounts.models import User
from plg.organisations.models import Aanstelling, Functie, Scholengemeenschap, School


def schools_to_plan(user: User | AnonymousUser) -> QuerySet[School]:
    """The schools a user leads, all of the scholengemeenschap for its coördinerend directeur,
    and the ones where a leader made them planner."""
    if not isinstance(user, User):
        return School.objects.none()
    mine = Aanstelling.objects.filter(user=user)
    return School.objects.filter(
        Q(aanstellingen__in=mine.filter(functie=Functie.SCHOOLLEIDER))
        | Q(scholengemeenschap__in=coordinated(user))
        | Q(planners__user=user)
    ).distinct()


def coordinated(user: User | AnonymousUser) -> QuerySet[Scholengemeenschap]:
    """Scholengemeenschappen a user plans as a whole: the coördinerend directeur's."""
    if not isinstance(user, User):
        return Scholengemeenschap.objects.none()
    return Scholengemeenschap.objects.filter(
        schools__aanstellingen__user=user,
        schools__aanstellingen__functie=Functie.COORDINEREND_DIRECTEUR,
    ).distinct()


def get_school_to_plan(user: User, pk: int) -> School:
    school = get_object_or_404(School.objects.select_related("scholengemeenschap"), pk=pk)
    if not schools_to_plan(user).filter(pk=pk).exists():
        raise Http404
    return school


def may_lead(user: User, school: School) -> bool:
    """Naming planners is for the school's leaders, not for the planners themselves."""
    return (
        Aanstelling.objects.filter(user=user, school=school, functie=Functie.SCHOOLLEIDER).exists()
        or coordinated(user).filter(pk=school.scholengemeenschap_id).exists()
    )


def get_school_to_lead(user: User, pk: int) -> School:
    """The school's staff list is for its leaders only, not for the planners they named."""
    school = get_school_to_plan(user, pk)
    if not may_lead(user, school):
        raise Http404
    return school


def may_see_timetable(user: User, teacher: User, school: School) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return user.pk == teacher.pk or schools_to_plan(user).filter(pk=school.pk).exists()
