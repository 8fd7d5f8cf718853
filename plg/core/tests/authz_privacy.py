"""Authorisation cases of the AVG pages: a person's own data, and the access log, which only a
beheerder reads (no persona is one: every persona is told the page does not exist)."""

from __future__ import annotations

from plg.core.tests.authz import LOGGED_IN, Case

CASES: dict[str, Case] = {
    "mijn_gegevens": (lambda w, o: [], "get", {}, LOGGED_IN, 200),
    "mijn_gegevens_json": (lambda w, o: [], "get", {}, LOGGED_IN, 200),
    "mijn_gegevens_pdf": (lambda w, o: [], "get", {}, LOGGED_IN, 200),
    "raadplegingen": (lambda w, o: [], "get", {}, set(), 200),
    "raadplegingen_csv": (lambda w, o: [], "get", {}, set(), 200),
}
