"""Authorisation cases of signing in with the school's account: open to everyone, like the
login page. The test world sets up no provider: its start page is not found for anyone, and a
return without a started sign-in sends everyone back to the login page."""

from __future__ import annotations

from plg.core.tests.authz import PERSONAS, Case

EVERYONE = set(PERSONAS)

CASES: dict[str, Case] = {
    "school_aanmelden": (lambda w, o: ["microsoft"], "get", {}, EVERYONE, 404),
    "school_aanmelden_terug": (lambda w, o: [], "get", {}, EVERYONE, 302),
}
