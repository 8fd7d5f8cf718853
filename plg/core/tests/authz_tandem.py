"""Authorisation cases of the tandem of procescoach and school leader, and the leader's view
of a PLG. The two sides are the coach and the leader of the PLG's school; a member knows the
tandem exists and is refused (403); nobody else learns of it."""

from __future__ import annotations

from conftest import World
from plg.core.tests.authz import COACH, MEMBERS, Case
from plg.tandem.tests.factories import steunvraag_of, tandem_of, uitnodiging_of

DE_TWEE = {"coach", "leader"}
STEUNVRAAG = 9_000_101  # a fixed pk: the answer's form fields carry it in their prefix


def _plg(w: World, o: object) -> list[object]:
    return [w.plg.pk]


def _tandem(w: World, o: object) -> list[object]:
    return [tandem_of(w).plg_id]


REFUSED = {
    "tandem": {"member"},
    "tandem_afspraak": {"member"},
    "tandem_akkoord": {"member", "coach"},  # the coach proposed: the leader agrees
    "tandem_moment": {"member"},
    "tandem_steunvraag": {"leader"},
    "tandem_uitnodigen": {"leader"},
    "tandem_steunantwoord": {"member", "coach"},
    "tandem_komt": {"member", "coach"},
    "tandem_uitnodiging_intrekken": {"member", "leader"},
}

CASES: dict[str, Case] = {
    # a leader of the PLG's school reads its leervraag and what it shared, never who is in it
    "plg_detail": (_plg, "get", {}, MEMBERS | {"leader"}, 200),
    "tandem": (_tandem, "get", {}, DE_TWEE, 200),
    # without a tandem yet, the coach proposes one (an empty form: 400)
    "tandem_start": (_plg, "post", {}, COACH, 400),
    "tandem_afspraak": (
        _tandem,
        "post",
        {"delen": "De leervraag", "binnen_plg": "De leerlogs", "overleg": "Maandelijks"},
        DE_TWEE,
        302,
    ),
    "tandem_akkoord": (_tandem, "post", {}, {"leader"}, 302),
    "tandem_moment": (
        _tandem,
        "post",
        {"datum": "2026-11-20", "notitie": "Over de vervanging gepraat."},
        DE_TWEE,
        302,
    ),
    "tandem_steunvraag": (_tandem, "post", {"soort": "tijd", "vraag": "Een halve dag"}, COACH, 302),
    "tandem_steunantwoord": (
        lambda w, o: [w.plg.pk, steunvraag_of(w, STEUNVRAAG).pk],
        "post",
        {f"steun{STEUNVRAAG}-antwoord": "ja"},
        {"leader"},
        302,
    ),
    # the bijeenkomst is not named here: an empty form, 400
    "tandem_uitnodigen": (_tandem, "post", {}, COACH, 400),
    "tandem_komt": (
        lambda w, o: [w.plg.pk, uitnodiging_of(w).pk],
        "post",
        {"komt": "ja"},
        {"leader"},
        302,
    ),
    "tandem_uitnodiging_intrekken": (
        lambda w, o: [w.plg.pk, uitnodiging_of(w).pk],
        "post",
        {},
        COACH,
        302,
    ),
}
