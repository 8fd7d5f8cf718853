"""Authorisation cases of the two-year traject and the advisor's network dashboard.

The traject is its advisor's and its leaders': a leader reads it and is refused (403) what is
the advisor's; another advisor of the network, another leader or a teacher finds nothing."""

from __future__ import annotations

from conftest import World
from plg.core.tests.authz import Case
from plg.traject.tests.factories import deelname_of, mijlpaal_of, traject_of

ADVISORS = {"advisor", "other_advisor"}
LEADERS_AND_ADVISORS = {"leader", "other_leader", "advisor", "other_advisor"}
IN_TRAJECT = {"advisor", "leader"}


def _traject(w: World, o: object) -> list[object]:
    return [traject_of(w).pk]


REFUSED = {
    "traject_netwerk_plg": {"leader"},
    "traject_mijlpaal": {"leader"},
    "mijlpaal_bereikt": {"leader"},
}

CASES: dict[str, Case] = {
    "trajecten": (lambda w, o: [], "get", {}, LEADERS_AND_ADVISORS, 200),
    "traject_nieuw": (lambda w, o: [], "get", {}, ADVISORS, 200),
    "traject": (_traject, "get", {}, IN_TRAJECT, 200),
    "traject_mijlpaal": (
        _traject,
        "post",
        {"titel": "Elke school kiest een leervraag", "datum": "2026-06-01"},
        {"advisor"},
        302,
    ),
    "traject_netwerk_plg": (_traject, "post", {"netwerk_plg": ""}, {"advisor"}, 302),
    "mijlpaal_bereikt": (lambda w, o: [mijlpaal_of(w).pk], "post", {}, {"advisor"}, 302),
    "deelname_plg": (lambda w, o: [deelname_of(w).pk], "get", {}, IN_TRAJECT, 200),
    "netwerk": (lambda w, o: [], "get", {}, ADVISORS, 200),
}
