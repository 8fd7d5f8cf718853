"""Who may look at a school as a whole. Deny by default: only the named roles pass."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from plg.accounts.models import User
from plg.organisations.models import Aanstelling, School


def require_school_leader(user: User, school: School) -> None:
    """A school's overview is for its own leaders (schoolleider, coördinerend directeur)."""
    if not Aanstelling.objects.leaders().filter(user=user, school=school).exists():
        raise Http404


def schools_supported_by(user: User) -> QuerySet[School]:
    """The schools a pedagogisch begeleider supports (their advisor aanstellingen)."""
    return School.objects.filter(aanstellingen__in=Aanstelling.objects.advisors().filter(user=user))


def schools_led_by(user: User) -> QuerySet[School]:
    return School.objects.filter(aanstellingen__in=Aanstelling.objects.leaders().filter(user=user))


def schools_of(user: User) -> QuerySet[School]:
    """Every school where the user has an aanstelling, whatever the function."""
    return School.objects.filter(aanstellingen__user=user).distinct()
