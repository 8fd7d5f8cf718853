"""The state of a live bijeenkomst as every client renders it, and how it is split per viewer.

``snapshot`` is the state every client renders; ``broadcast`` and ``viewer_part`` split it into
what everyone may see and what only one participant may see (decision 16: the shared part is
encoded once per change, the secrets are sliced per participant).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from plg.accounts.models import User
from plg.communities.sharing import may_read
from plg.live import kandoe
from plg.live.boards import BOARD_ZONES, kind_of, still_hidden
from plg.live.models import (
    OASE_FASEN,
    Intervisie,
    Kaart,
    Kandoe,
    LiveSessie,
    Rondebijdrage,
    Zet,
    Zone,
)
from plg.live.participants import Viewer, display_name, round_order, turn_order

if TYPE_CHECKING:
    from plg.live.commands import Change


CARD_FIELDS = (
    "id",
    "blok_id",
    "text",
    "why",
    "zone",
    "parked",
    "version",
    "author_id",
    "anonymous",
)


def _card_json(row: Mapping[str, Any], author: str) -> dict[str, Any]:
    """A card as the server keeps it for sending; the author's name only when the card is not
    anonymous (who may read that name is decided when it is sent)."""
    return {
        "id": row["id"],
        "blok": row["blok_id"],
        "text": row["text"],
        "why": row["why"],
        "zone": row["zone"],
        "parked": row["parked"],
        "version": row["version"],
        "author_id": row["author_id"],
        "author": "" if row["anonymous"] else author,
        "reasons": row.get("reasons", []),
    }


def snapshot(sessie_id: int) -> dict[str, Any]:
    """Everything a client renders: a handful of small queries and no model objects per card,
    because it runs after every action of every session. Written round contributions are kept
    apart (``written``): who may read each is decided per participant. An archived PLG's
    session shows as ended: nothing changes there any more."""
    now = timezone.now()
    sessie = LiveSessie.objects.select_related("current_blok", "bijeenkomst__plg").get(pk=sessie_id)
    order = round_order(sessie)
    kaarten, clustered = _cards(sessie)
    written = list(
        Rondebijdrage.objects.filter(sessie=sessie).values(
            "id", "blok_id", "author_id", "audience", "text"
        )
    )
    names = _names(order, {k["author_id"] for k in kaarten} | {w["author_id"] for w in written})
    intervisies = list(Intervisie.objects.filter(sessie=sessie).select_related("blok"))
    inbrenger = next(
        (i.inbrenger_id for i in intervisies if i.blok_id == sessie.current_blok_id), None
    )
    turns = turn_order(order, inbrenger)
    games = list(Kandoe.objects.filter(sessie=sessie))
    return {
        "version": sessie.version,
        "oase": {str(i.blok_id): _oase_round(i, names, now) for i in intervisies},
        "ended": sessie.is_over,
        "running": sessie.running,
        "current_blok": sessie.current_blok_id,
        "remaining": sessie.remaining(now),
        "revealed_blokken": list(sessie.revealed_blokken),
        "audience": sessie.audience,
        "kandoe": {str(k.blok_id): kandoe.public(k) for k in games},
        **_turn(sessie, turns, games, now),
        "seconds_per_turn": sessie.seconds_per_turn,
        "order": order,
        "blokken": _blokken(sessie),
        "cards": [
            _card_json(k, names.get(k["author_id"], "")) | {"members": clustered.get(k["id"], [])}
            for k in kaarten
        ],
        "written": [
            {
                "id": w["id"],
                "blok": w["blok_id"],
                "author_id": w["author_id"],
                "name": names.get(w["author_id"], ""),
                "audience": w["audience"],
                "text": w["text"],
            }
            for w in written
        ],
    }


def _turn(
    sessie: LiveSessie, turns: list[dict[str, Any]], games: list[Kandoe], now: datetime
) -> dict[str, Any]:
    """Whose turn it is: in a KanDoe game on the current step, its own turn (once its cards
    are shown, without a countdown); else the round's, which the coach moves on."""
    game = next((k for k in games if k.blok_id == sessie.current_blok_id), None)
    if game is not None:
        shown = sessie.current_blok_id in sessie.revealed_blokken
        return {"turn": kandoe.whose_turn(game, turns) if shown else None, "turn_remaining": None}
    return {
        "turn": turns[sessie.turn % len(turns)] if turns else None,
        "turn_remaining": sessie.turn_remaining(now),
    }


def _cards(sessie: LiveSessie) -> tuple[list[dict[str, Any]], dict[int, list[str]]]:
    """The cards on the boards, and for each cluster the texts of the cards merged into it."""
    rows = list(Kaart.objects.filter(sessie=sessie).values(*CARD_FIELDS, "merged_into_id"))
    reasons = _reasons(Zet.objects.filter(kaart__sessie=sessie))
    for k in rows:
        k["reasons"] = reasons.get(k["id"], [])
    clustered: dict[int, list[str]] = {}
    for k in rows:
        if k["merged_into_id"] is not None:
            clustered.setdefault(k["merged_into_id"], []).append(k["text"])
    return [k for k in rows if k["merged_into_id"] is None], clustered


def _reasons(zetten: QuerySet[Zet]) -> dict[int, list[str]]:
    """Why each card was moved inwards, in the order it was said, with the reasons of the
    cards merged into it (no names: the reasons belong to the card, as on the paper circle)."""
    reasons: dict[int, list[str]] = {}
    rows = zetten.exclude(reason="").values_list("kaart_id", "kaart__merged_into_id", "reason")
    for kaart_id, cluster_id, reason in rows:
        reasons.setdefault(cluster_id or kaart_id, []).append(reason)
    return reasons


def _names(order: list[dict[str, Any]], authors: set[int]) -> dict[int, str]:
    """The members' names, and those of authors who are not members (any more)."""
    names = {person["id"]: person["name"] for person in order}
    missing = authors - names.keys()
    if missing:  # authors who have left the PLG since, or a school leader who attends
        names |= {
            row["id"]: display_name(row, "")
            for row in User.objects.filter(pk__in=missing).values(
                "id", "first_name", "last_name", "email"
            )
        }
    return names


def _oase_round(intervisie: Intervisie, names: dict[int, str], now: datetime) -> dict[str, Any]:
    return {
        "inbrenger": intervisie.inbrenger_id,
        "inbrenger_name": names.get(intervisie.inbrenger_id, ""),
        "thema": intervisie.thema,
        "fase": str(OASE_FASEN[intervisie.fase]),
        "fase_remaining": intervisie.fase_remaining(now),
        "fase_seconds": intervisie.fase_seconds(),
        "evaluatie": intervisie.evaluatie,
    }


def _blokken(sessie: LiveSessie) -> list[dict[str, Any]]:
    blokken = sessie.bijeenkomst.blokken.order_by("position", "id").values(
        "id", "stap", "title", "minutes", "werkvorm_id", "werkvorm__slug", "werkvorm__name"
    )
    return [
        {
            "id": b["id"],
            "stap": b["stap"],
            "title": b["title"],
            "werkvorm_name": b["werkvorm__name"] or "",
            "minutes": b["minutes"],
            "werkvorm": b["werkvorm_id"],
            "board": kind_of(b["werkvorm__slug"]),
            "zones": BOARD_ZONES.get(kind_of(b["werkvorm__slug"]), [Zone.LOS]),
        }
        for b in blokken
    ]


OASE_SHARED = ("thema", "fase", "fase_remaining", "fase_seconds")
"""What everyone in the session reads of an OASE round: what it is about and where it stands.
Who brings the case in and what they take from it stay inside the PLG
(``participants.reads_members_part``)."""


@dataclass(frozen=True)
class Broadcast:
    """A state ready to send: what everyone may see encoded once, what only the members read
    encoded once, and the secrets kept on the server.

    ``public`` is the JSON every participant gets: no names and no user ids, and on boards
    where everyone writes alone first (KanDoe, beginsituatie-analyse) nothing of an
    unrevealed card but its place: no text, no "why", no author (nor the cards clustered into
    it). Of an OASE round only its theme and phase; of a round only whether someone has the
    turn. ``names`` is the members' part (``participants.reads_members_part``): the authors
    of the cards shown, the inbrenger and evaluation of each OASE round, whose turn it is and
    the speaking order. ``authors``, ``hidden``, ``written``, ``turn_holder`` and
    ``inbrengers`` never leave the server as a whole; each participant gets only their slice.
    """

    public: str
    names: str
    authors: dict[int, int]
    hidden: dict[int, dict[str, str]]
    written: list[dict[str, Any]]
    kind: str = "state"
    turn_holder: int | None = None
    inbrengers: dict[str, int] = field(default_factory=dict)

    def to_event(self, ref: str | None) -> dict[str, Any]:
        """As a channel-layer message (string keys: the Redis layer's msgpack refuses integer
        map keys)."""
        return {
            "type": "live.state",
            "kind": self.kind,
            "public": self.public,
            "names": self.names,
            "authors": {str(k): v for k, v in self.authors.items()},
            "hidden": {str(k): v for k, v in self.hidden.items()},
            "written": self.written,
            "turn_holder": self.turn_holder,
            "inbrengers": self.inbrengers,
            "ref": ref,
        }

    @classmethod
    def from_event(cls, event: dict[str, Any]) -> Broadcast:
        return cls(
            event["public"],
            event["names"],
            {int(k): v for k, v in event["authors"].items()},
            {int(k): v for k, v in event["hidden"].items()},
            event["written"],
            event["kind"],
            event["turn_holder"],
            event["inbrengers"],
        )


def _public_cards(
    cards: list[dict[str, Any]], hidden_blokken: set[int]
) -> tuple[list[dict[str, Any]], dict[str, str], dict[int, int], dict[int, dict[str, str]]]:
    """Cards for everyone alike: no author, and nothing of an unrevealed card but its place."""
    public, names, authors, hidden = [], {}, {}, {}
    for card in cards:
        authors[card["id"]] = card["author_id"]
        shown = {k: v for k, v in card.items() if k not in {"author_id", "author"}}
        if card["blok"] in hidden_blokken:
            hidden[card["id"]] = {"text": card["text"], "why": card["why"]}
            shown |= {"text": "", "why": "", "reasons": [], "hidden": True}
            if "members" in card:
                shown["members"] = []
        else:
            shown["hidden"] = False
            if card["author"]:
                names[str(card["id"])] = card["author"]
        public.append(shown)
    return public, names, authors, hidden


def broadcast(state: dict[str, Any]) -> Broadcast:
    hidden_blokken = still_hidden(state["blokken"], state["revealed_blokken"], over=state["ended"])
    cards, card_names, authors, hidden = _public_cards(state["cards"], hidden_blokken)
    rounds = state["oase"].items()
    turn = state["turn"]
    public = {k: v for k, v in state.items() if k not in {"written", "order"}} | {
        "cards": cards,
        "oase": {blok: {k: round_[k] for k in OASE_SHARED} for blok, round_ in rounds},
        "turn": turn is not None,
    }
    names = {
        "cards": card_names,
        "inbrengers": {blok: round_["inbrenger_name"] for blok, round_ in rounds},
        "evaluaties": {blok: round_["evaluatie"] for blok, round_ in rounds},
        "turn": turn["name"] if turn else "",
        "order": state["order"],
    }
    return Broadcast(
        json.dumps(public),
        json.dumps(names),
        authors,
        hidden,
        state["written"],
        turn_holder=turn["id"] if turn else None,
        inbrengers={blok: round_["inbrenger"] for blok, round_ in rounds},
    )


def card_delta(card_id: int, version: int) -> Broadcast:
    """One card as it is now, for a change that touched only that card: a few hundred bytes
    instead of the whole board. A client whose version is not the delta's ``base`` asks for
    the whole state again (a ``sync``), so a lost or reordered message heals itself."""
    row = (
        Kaart.objects.filter(pk=card_id)
        .values(
            *CARD_FIELDS,
            "author__first_name",
            "author__last_name",
            "author__email",
            "blok__werkvorm__slug",
            "sessie__revealed_blokken",
            "sessie__ended_at",
        )
        .get()
    )
    zetten = Zet.objects.filter(Q(kaart_id=card_id) | Q(kaart__merged_into_id=card_id))
    row["reasons"] = _reasons(zetten).get(card_id, [])
    card = _card_json(row, display_name(row, "author__"))
    blok = {"id": row["blok_id"], "board": kind_of(row["blok__werkvorm__slug"])}
    hidden_blokken = still_hidden(
        [blok], row["sessie__revealed_blokken"], over=row["sessie__ended_at"] is not None
    )
    cards, card_names, authors, hidden = _public_cards([card], hidden_blokken)
    public = {"version": version, "base": version - 1, "cards": cards}
    names = {"cards": card_names}
    return Broadcast(json.dumps(public), json.dumps(names), authors, hidden, [], kind="cards")


def outcome(sessie_id: int, change: Change) -> Broadcast:
    """What everyone receives after a change: the touched card, or the whole state."""
    if change.card is not None:
        return card_delta(change.card, change.version)
    return broadcast(snapshot(sessie_id))


def viewer_part(message: Broadcast, viewer: Viewer) -> dict[str, Any]:
    """What only this participant may know: which cards are theirs, the text and "why" of
    their own cards that stay hidden for the others, the written round contributions they may
    read (``sharing.READERS``), with the writer's name only for members, whether it is their
    turn, and the OASE rounds they bring in (their evaluation is theirs to write)."""
    mine = [card for card, author in message.authors.items() if author == viewer.user_id]
    names = viewer.reads_members_part
    written = []
    for item in message.written:
        own = item["author_id"] == viewer.user_id
        if own or may_read(viewer.relation, item["audience"]):
            shown = {k: v for k, v in item.items() if k != "author_id"}
            written.append(shown | {"mine": own, "name": item["name"] if names or own else ""})
    return {
        "me": viewer.user_id,
        "is_coach": viewer.is_coach,
        "role": viewer.role,
        "mine": mine,
        "own": {card: message.hidden[card] for card in mine if card in message.hidden},
        "written": written,
        "my_turn": message.turn_holder == viewer.user_id,
        "inbrenger_in": [b for b, user in message.inbrengers.items() if user == viewer.user_id],
    }
