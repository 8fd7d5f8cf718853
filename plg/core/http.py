"""Small helpers for reading a request: numbers and return paths."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme

# The largest key a BigAutoField holds (PostgreSQL's bigint, SQLite's integer).
MAX_ID = 2**63 - 1


def parse_small_int(raw: object, maximum: int) -> int | None:
    """A whole number from 0 to ``maximum`` in plain ASCII digits, else None.

    ``str.isdigit`` also accepts '²' and '٣', which ``int`` refuses or reads, and ``int``
    refuses more than 4,300 digits, while a database refuses a number beyond its column: the
    length is bounded before anything is converted.
    """
    if not isinstance(raw, str) or not (raw.isascii() and raw.isdigit()):
        return None
    if len(raw) > len(str(maximum)):
        return None
    value = int(raw)
    return value if value <= maximum else None


def safe_next(request: HttpRequest, default: str) -> str:
    """Where a form's ``next`` sends the browser back to: a path on this site, else ``default``
    (a URL). Never an address elsewhere, and never a bare word, which ``redirect`` would look
    up as a view name."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default
