"""Login throttling by django-axes, for every login that comes with a request."""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.http import HttpRequest


class Throttled(AxesStandaloneBackend):  # type: ignore[misc]  # django-axes ships no types
    """Refuses a locked-out address+IP before the password is checked.

    Every login a visitor can reach goes through the login form, which passes the request;
    `authenticate()` without one (the test client's `login()`, a shell) has no address to count,
    so it is left to the next backend instead of failing. It never signs anyone in itself: it
    lets the login go on to the next backend (None) or refuses it (``PermissionDenied``).
    """

    def authenticate(self, request: HttpRequest | None, *args: Any, **kwargs: Any) -> None:
        if request is not None:
            super().authenticate(request, *args, **kwargs)


def login_address(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    """Failures are counted per address as typed, in any case: COACH@ and coach@ are one."""
    value = (credentials or {}).get("username") or request.POST.get("username", "")
    return str(value).strip().lower()
