"""KanDoe played as the guide describes it: after the start question everyone writes their own
cards in the outer ring; then, in rounds, each member in turn moves one card of someone else
one ring inwards and says why, or passes. A round without a single move ends the game."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from plg.live.inputs import Refused
from plg.live.models import Einde, Kandoe, LiveSessie
from plg.live.participants import Viewer


def game(sessie: LiveSessie, blok_id: int) -> Kandoe | None:
    return Kandoe.objects.filter(sessie=sessie, blok_id=blok_id).first()


def started(sessie: LiveSessie, blok_id: int) -> Kandoe:
    """The game on this board; the start question comes first."""
    kandoe = game(sessie, blok_id)
    if kandoe is None:
        raise Refused(_("De procescoach stelt eerst de startvraag van deze KanDoe."))
    if kandoe.is_ended:
        raise Refused(_("Deze KanDoe is afgerond: de volgorde ligt vast."))
    return kandoe


def whose_turn(kandoe: Kandoe, order: list[dict[str, Any]]) -> dict[str, Any] | None:
    if kandoe.is_ended or not order:
        return None
    return order[kandoe.beurt % len(order)]


def require_turn(kandoe: Kandoe, order: list[dict[str, Any]], viewer: Viewer) -> None:
    turn = whose_turn(kandoe, order)
    if turn is None or turn["id"] != viewer.user_id:
        raise Refused(_("Het is nu niet jouw beurt. Eén kaart per beurt, dan is de volgende."))


def end_turn(kandoe: Kandoe, order: list[dict[str, Any]], *, moved: bool) -> None:
    """The next member's turn; after the last one a new round, unless nobody moved a card in
    the round that just ended: then the group is content with the order and the game ends."""
    if moved:
        kandoe.zetten_in_ronde += 1
    kandoe.beurt += 1
    if kandoe.beurt >= len(order):
        if kandoe.zetten_in_ronde == 0:
            end(kandoe, einde=Einde.STIL)
            return
        kandoe.ronde += 1
        kandoe.beurt = 0
        kandoe.zetten_in_ronde = 0
    kandoe.save(update_fields=["ronde", "beurt", "zetten_in_ronde"])


def end(kandoe: Kandoe, *, einde: str) -> None:
    kandoe.ended_at = timezone.now()
    kandoe.einde = einde
    kandoe.save(update_fields=["ended_at", "einde", "zetten_in_ronde", "beurt"])


def public(kandoe: Kandoe) -> dict[str, Any]:
    """What everyone in the session reads of a game: its question, its round, how it ended."""
    return {
        "startvraag": kandoe.startvraag,
        "ronde": kandoe.ronde,
        "ended": kandoe.is_ended,
        "einde": kandoe.einde,
    }
