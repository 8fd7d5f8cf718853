"""Who may do what with the privacy pages: deny by default."""

from __future__ import annotations

from django.http import Http404

from plg.accounts.models import User


def require_privacy_officer(user: User) -> None:
    """The access log is for whoever runs the installation for the schools (a beheerder, who
    answers the DPO): anyone else does not learn the page exists."""
    if not (user.is_active and user.is_staff):
        raise Http404
