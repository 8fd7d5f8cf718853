"""Authorisation cases of Mijn leerlog and the printable session kit."""

from __future__ import annotations

from plg.core.tests.authz import LOGGED_IN, MEMBERS, Case

CASES: dict[str, Case] = {
    # a person's own leerlog: everyone signed in has one (empty or not), nobody reads another's
    "mijn_leerlog": (lambda w, o: [], "get", {}, LOGGED_IN, 200),
    "mijn_leerlog_pdf": (lambda w, o: [], "get", {}, LOGGED_IN, 200),
    "mijn_leerlog_jaar_pdf": (lambda w, o: [2026], "get", {}, LOGGED_IN, 200),
    # the kit of a bijeenkomst is its PLG's; the blank sheets are the catalogue's, like the
    # werkvormen they belong to
    "bijeenkomst_kit": (lambda w, o: [o["bijeenkomst"].pk], "get", {}, MEMBERS, 200),
    "bijeenkomst_kit_pdf": (
        lambda w, o: [o["bijeenkomst"].pk, "check-out"],
        "get",
        {},
        MEMBERS,
        200,
    ),
    "kit_pdf": (lambda w, o: ["oase"], "get", {}, LOGGED_IN, 200),
}
