"""Changes made from the live pages rather than over the socket: who may join from outside the
PLG, and keeping a KanDoe outcome."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from plg.accounts.models import User
from plg.live import commands, state
from plg.live.boards import hidden_boards, zones_for
from plg.live.models import Gastlink, Kaart, LiveSessie
from plg.live.participants import Viewer
from plg.live.revocation import GUEST, rights_changed, session_group
from plg.meetings.models import AgendaBlok
from plg.organisations.models import Aanstelling


@transaction.atomic
def new_guest_link(*, sessie: LiveSessie, name: str, hours: int, by: User) -> Gastlink:
    """A link for someone from outside the PLG, working for ``hours``."""
    return Gastlink.objects.create(
        sessie=sessie,
        name=name,
        expires_at=timezone.now() + timedelta(hours=hours),
        created_by=by,
    )


def end_session(*, sessie: LiveSessie, viewer: Viewer) -> None:
    """End a session from a form (where the app's confirmation asks first) through the same
    command as over the socket, then show every open screen the ended state."""
    change = commands.apply(sessie.pk, viewer, {"type": "session.end"})
    message = state.outcome(sessie.pk, change).to_event(None)
    layer = get_channel_layer()
    if layer is not None:
        async_to_sync(layer.group_send)(session_group(sessie.pk), message)


@transaction.atomic
def withdraw_guest_link(*, sessie: LiveSessie, link_pk: int) -> None:
    """The link stops working, and a guest watching with it is closed out at once."""
    Gastlink.objects.filter(pk=link_pk, sessie=sessie, withdrawn_at=None).update(
        withdrawn_at=timezone.now()
    )
    rights_changed(sessie_id=sessie.pk, users=[GUEST])


def attendable_leaders(sessie: LiveSessie) -> QuerySet[User]:
    """The leaders of the PLG's schools: the ones the coach may list as attending."""
    leaders = Aanstelling.objects.filter(school__in=sessie.bijeenkomst.plg.schools.all()).leaders()
    return User.objects.filter(pk__in=leaders.values("user_id")).order_by("first_name", "last_name")


@transaction.atomic
def set_attending_leaders(*, sessie: LiveSessie, leaders: Iterable[User]) -> None:
    """The school leaders who take part in this session: only leaders of the PLG's schools
    are listed, and whoever is taken off the list is closed out at once."""
    chosen = set(
        attendable_leaders(sessie)
        .filter(pk__in=[leader.pk for leader in leaders])
        .values_list("pk", flat=True)
    )
    before = set(sessie.schoolleiders.values_list("pk", flat=True))
    sessie.schoolleiders.set(chosen)
    rights_changed(sessie_id=sessie.pk, users=before - chosen)


def ranked_cards(blok: AgendaBlok) -> list[Kaart]:
    """KanDoe's outcome: the centre first, outwards from there; parked cards left aside."""
    zones = zones_for(blok)
    kaarten = Kaart.objects.filter(blok=blok, merged_into=None, parked=False)
    return sorted(kaarten, key=lambda k: (zones.index(k.zone), k.created_at, k.pk))


class StillHidden(Exception):
    """The board's cards are still written alone: they are not the PLG's to keep yet."""


def _still_hidden(blok: AgendaBlok) -> bool:
    sessie = (
        LiveSessie.objects.select_related("bijeenkomst__plg")
        .filter(bijeenkomst_id=blok.bijeenkomst_id)
        .first()
    )
    return sessie is not None and blok.pk in hidden_boards(sessie)


@transaction.atomic
def save_ranking(*, blok: AgendaBlok, as_kind: str, by: User) -> int:
    """Store a board's ordered cards as the PLG's themes or candidate leervragen, after what is
    already there; returns how many were added. Every member reads those, so a board whose
    cards the coach has not shown yet is refused (``StillHidden``)."""
    from plg.communities import services as community_services

    if _still_hidden(blok):
        raise StillHidden
    plg = blok.bijeenkomst.plg
    kaarten = ranked_cards(blok)
    if as_kind == "leervraag":
        for kaart in kaarten:
            community_services.add_leervraag(plg=plg, text=kaart.text, author=by)
    else:
        community_services.add_themas(plg=plg, titles=[k.text for k in kaarten], author=by)
    return len(kaarten)
