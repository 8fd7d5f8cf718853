"""Who may look at a school as a whole. Deny by default: only the named roles pass."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from plg.organisations.models import Aanstelling, School


def require_school_leader(user: Any, school: School) -> None:
    """A school's overview is for its own leaders (schoolleider, coördinerend directeur)."""
    if not Aanstelling.objects.leaders().filter(user=user, school=school).exists():
        raise Http404


def schools_supported_by(user: Any) -> Any:
    """The schools a pedagogisch begeleider supports (their advisor aanstellingen)."""
    return School.objects.filter(aanstellingen__in=Aanstelling.objects.advisors().filter(user=user))


def schools_led_by(user: Any) -> Any:
    return School.objects.filter(aanstellingen__in=Aanstelling.objects.leaders().filter(user=user))


def schools_of(user: Any) -> Any:
    """Every school where the user has an aanstelling, whatever the function."""
    return School.objects.filter(aanstellingen__user=user).distinct()
