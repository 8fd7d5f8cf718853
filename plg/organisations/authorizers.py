"""Who may look at a school as a whole. Deny by default: only the named roles pass.

The organisations sit beside the accounts, not above them: a person is Django's
``AbstractBaseUser`` here, found by their key."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import QuerySet
from django.http import Http404

from plg.organisations.models import Aanstelling, School


def require_school_leader(user: AbstractBaseUser, school: School) -> None:
    """A school's overview is for its own leaders (schoolleider, coördinerend directeur)."""
    if not Aanstelling.objects.leaders().filter(user_id=user.pk, school=school).exists():
        raise Http404


def schools_supported_by(user: AbstractBaseUser) -> QuerySet[School]:
    """The schools a pedagogisch begeleider supports (their advisor aanstellingen)."""
    return School.objects.filter(
        aanstellingen__in=Aanstelling.objects.advisors().filter(user_id=user.pk)
    )


def schools_led_by(user: AbstractBaseUser) -> QuerySet[School]:
    return School.objects.filter(
        aanstellingen__in=Aanstelling.objects.leaders().filter(user_id=user.pk)
    )


def schools_of(user: AbstractBaseUser) -> QuerySet[School]:
    """Every school where the user has an aanstelling, whatever the function."""
    return School.objects.filter(aanstellingen__user_id=user.pk).distinct()


def schools_in_team(user: AbstractBaseUser) -> QuerySet[School]:
    """The schools whose team the user belongs to: its staff, leaders included, advisors not."""
    return School.objects.filter(
        aanstellingen__in=Aanstelling.objects.team().filter(user_id=user.pk)
    ).distinct()


def require_team(user: AbstractBaseUser, school: School) -> None:
    """A school's team page is for its own staff; to anyone else the page does not exist."""
    if not Aanstelling.objects.team().filter(user_id=user.pk, school=school).exists():
        raise Http404
