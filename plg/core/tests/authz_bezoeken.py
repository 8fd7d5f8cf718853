"""Authorisation cases of class visits, blitsbezoeken, buddies, co-teaching and kijkwijzers."""

from __future__ import annotations

from conftest import World
from plg.bezoeken.models import Kijkwijzer, Klasbezoek
from plg.bezoeken.tests.factories import KijkwijzerFactory, bezoek_bij_member
from plg.core.tests.authz import DE_TWEE, LOGGED_IN, MEMBERS, TEACHERS, TEAM, Case


def _bezoek(w: World) -> Klasbezoek:
    """An accepted visit in the member's class (the owner); the colleague visits."""
    return bezoek_bij_member(w)


def _kijkwijzer(w: World) -> Kijkwijzer:
    return KijkwijzerFactory.create(eigenaar=w.member, plg=w.plg)


# The other one of a visit's two knows it exists: refused (403), not hidden (404).
REFUSED = {
    "bezoek_antwoord": {"member"},
    "observeren": {"member"},
    "observatie_bewaar": {"member"},
    "meegenomen": {"member"},
    "bezoek_annuleren": {"colleague"},
    "bezoek_lezers": {"colleague"},
    "nagesprek": {"colleague"},
}


def _b(w: World, o: object) -> list[object]:
    return [_bezoek(w).pk]


CASES: dict[str, Case] = {
    # blitsbezoeken, buddies and co-teaching: the two people concerned; the school's staff to
    # start one; the organiser of the buddies (a leader) sees counts only
    "samen": (lambda w, o: [], "get", {}, LOGGED_IN, 200),
    "blits_nieuw": (lambda w, o: [], "get", {}, TEAM, 200),
    "blits_detail": (lambda w, o: [o["blits"].pk], "get", {}, DE_TWEE, 200),
    "blits_feedback": (lambda w, o: [o["blits"].pk], "get", {}, {"colleague"}, 200),
    "buddy_aanmelden": (lambda w, o: [], "get", {}, TEAM, 200),
    "buddy_afmelden": (lambda w, o: [], "post", {}, TEAM, 302),
    "buddies_koppelen": (lambda w, o: [w.school.pk], "get", {}, {"leader"}, 200),
    "coteaching_nieuw": (lambda w, o: [], "get", {}, TEAM, 200),
    "coteaching_reeks": (lambda w, o: [o["reeks"].pk], "get", {}, DE_TWEE, 200),
    "coteaching_les_nieuw": (lambda w, o: [o["reeks"].pk], "get", {}, DE_TWEE, 200),
    "coteaching_nota": (lambda w, o: [o["co_les"].pk], "get", {}, DE_TWEE, 200),
    "coteaching_stoppen": (lambda w, o: [o["reeks"].pk], "post", {}, DE_TWEE, 302),
    # a class visit is its two people's: the owner (member) and the visitor (colleague)
    "mijn_klasbezoeken": (lambda w, o: [], "get", {}, LOGGED_IN, 200),
    "bezoek_nieuw": (lambda w, o: [], "get", {}, TEACHERS, 200),
    "bezoek_detail": (lambda w, o: [_bezoek(w).pk], "get", {}, {"member", "colleague"}, 200),
    "bezoek_antwoord": (_b, "post", {"antwoord": "ja"}, {"colleague"}, 302),
    "bezoek_annuleren": (lambda w, o: [_bezoek(w).pk], "post", {}, {"member"}, 302),
    "bezoek_lezers": (_b, "post", {"notities_audience": "plg"}, {"member"}, 302),
    "observeren": (lambda w, o: [_bezoek(w).pk], "get", {}, {"colleague"}, 200),
    "observatie_bewaar": (
        lambda w, o: [_bezoek(w).pk],
        "post",
        {
            "client_id": "3f1c9a52-7d0e-4b7a-9c1e-2a6b8d4e5f60",
            "tekst": "Ayla vraagt hulp",
            "moment": "2030-01-07T10:00",
        },
        {"colleague"},
        201,
    ),
    "nagesprek": (lambda w, o: [_bezoek(w).pk], "get", {}, {"member"}, 200),
    "meegenomen": (lambda w, o: [_bezoek(w).pk], "get", {}, {"colleague"}, 200),
    "kijkwijzers": (lambda w, o: [], "get", {}, LOGGED_IN, 200),
    "kijkwijzer_nieuw": (lambda w, o: [], "get", {}, LOGGED_IN, 200),
    "plg_kijkwijzer_nieuw": (lambda w, o: [w.plg.pk], "get", {}, MEMBERS, 200),
    "kijkwijzer_detail": (lambda w, o: [_kijkwijzer(w).pk], "get", {}, MEMBERS, 200),
    "kijkpunt_nieuw_hx": (
        lambda w, o: [_kijkwijzer(w).pk],
        "post",
        {"tekst": "Leerlingen lezen voor"},
        MEMBERS,
        302,
    ),
    "kijkpunt_hx": (
        lambda w, o: [(k := _kijkwijzer(w)).pk, k.items.last().pk, "op"],  # type: ignore[union-attr]
        "post",
        {},
        MEMBERS,
        302,
    ),
}
