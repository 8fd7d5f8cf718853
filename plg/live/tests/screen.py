"""How a client's screen combines the parts of a live message, as ``withViewer`` in
``static/js/live.js`` does: the tests read the state the way a participant sees it."""

from __future__ import annotations

from typing import Any


def _with_names(cards: list[dict[str, Any]], names: dict[str, Any] | None) -> list[dict[str, Any]]:
    authors = (names or {}).get("cards", {})
    return [card | {"author": authors.get(str(card["id"]), "")} for card in cards]


def merged(
    public: dict[str, Any], part: dict[str, Any], names: dict[str, Any] | None = None
) -> dict[str, Any]:
    """How a client combines the parts of a whole state; the page's script does the same.
    ``names`` is there only for the members."""
    mine = set(part["mine"])
    cards = [
        card
        | {"mine": card["id"] in mine}
        | (
            part["own"][str(card["id"])] | {"hidden": False}
            if str(card["id"]) in part["own"]
            else {}
        )
        for card in _with_names(public["cards"], names)
    ]
    members = names or {}
    oase = {
        blok: round_
        | {
            "inbrenger_name": members.get("inbrengers", {}).get(blok, ""),
            "evaluatie": members.get("evaluaties", {}).get(blok, ""),
            "mine": blok in part["inbrenger_in"],
        }
        for blok, round_ in public.get("oase", {}).items()
    }
    return public | {
        "cards": cards,
        "oase": oase,
        "turn_name": members.get("turn", ""),
        "order": members.get("order", []),
        "my_turn": part["my_turn"],
        "me": part["me"],
        "is_coach": part["is_coach"],
        "written": part["written"],
    }


def with_delta(
    state: dict[str, Any],
    delta: dict[str, Any],
    part: dict[str, Any],
    names: dict[str, Any] | None = None,
) -> dict[str, Any] | None:
    """How a client applies a card delta to the state it has (the page's script does the
    same); None when the delta does not follow on from that state."""
    if state["version"] != delta["base"]:
        return None
    changed = merged({"cards": delta["cards"]}, part | {"written": state["written"]}, names)[
        "cards"
    ]
    cards = {card["id"]: card for card in state["cards"]}
    for card in changed:
        cards[card["id"]] = cards.get(card["id"], {"members": []}) | card
    return state | {"version": delta["version"], "cards": list(cards.values())}
