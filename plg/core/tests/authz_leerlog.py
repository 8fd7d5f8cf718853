"""Authorisation cases of Mijn leerlog and the printable session kit."""

from __future__ import annotations

from plg.core.tests.authz import LOGGED_IN, Case

CASES: dict[str, Case] = {
    # a person's own leerlog: everyone signed in has one (empty or not), nobody reads another's
    "mijn_leerlog": (lambda w, o: [], "get", {}, LOGGED_IN, 200),
    "mijn_leerlog_pdf": (lambda w, o: [], "get", {}, LOGGED_IN, 200),
    "mijn_leerlog_jaar_pdf": (lambda w, o: [2026], "get", {}, LOGGED_IN, 200),
}
