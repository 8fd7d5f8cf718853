"""Changes made from the live pages rather than over the socket."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from plg.live.boards import zones_for
from plg.live.models import Kaart
from plg.meetings.models import AgendaBlok


def ranked_cards(blok: AgendaBlok) -> list[Kaart]:
    """KanDoe's outcome: the centre first, outwards from there; parked cards left aside."""
    zones = zones_for(blok)
    kaarten = Kaart.objects.filter(blok=blok, merged_into=None, parked=False)
    return sorted(kaarten, key=lambda k: (zones.index(k.zone), k.created_at, k.pk))


@transaction.atomic
def save_ranking(*, blok: AgendaBlok, as_kind: str, by: Any) -> int:
    """Store a board's ordered cards as the PLG's themes or candidate leervragen, after what is
    already there; returns how many were added."""
    from plg.communities import services as community_services

    plg = blok.bijeenkomst.plg
    kaarten = ranked_cards(blok)
    if as_kind == "leervraag":
        for kaart in kaarten:
            community_services.add_leervraag(plg=plg, text=kaart.text, author=by)
    else:
        community_services.add_themas(plg=plg, titles=[k.text for k in kaarten], author=by)
    return len(kaarten)
