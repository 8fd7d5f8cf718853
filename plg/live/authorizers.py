"""Who may join a live bijeenkomst. Deny by default: members of the PLG; a school leader the
coach listed as attending; a guest with a valid link, for this session only."""

from __future__ import annotations

from typing import Any, NamedTuple

from django.utils import timezone

from plg.communities.authorizers import membership
from plg.communities.models import Lidmaatschap
from plg.live.models import Gastlink, LiveSessie
from plg.live.participants import Deelname, Viewer
from plg.organisations.models import Aanstelling

GUEST_SESSION_KEY = "live_gastlinks"


def attending_leader(user: Any, sessie: LiveSessie) -> bool:
    """Listed as attending by the coach, and still a leader of one of the PLG's schools."""
    return (
        sessie.schoolleiders.filter(pk=user.pk).exists()
        and Aanstelling.objects.filter(user=user, school__in=sessie.bijeenkomst.plg.schools.all())
        .leaders()
        .exists()
    )


def valid_guest_link(sessie: LiveSessie, tokens: Any) -> Gastlink | None:
    if not isinstance(tokens, list) or not tokens:
        return None
    link = Gastlink.objects.filter(sessie=sessie, token__in=tokens[:20]).first()
    return link if link is not None and link.is_valid(timezone.now()) else None


def member_viewer(user: Any, lid: Lidmaatschap) -> Viewer:
    role = Deelname.COACH if lid.is_coach else Deelname.LID
    return Viewer(user_id=user.pk, name=user.display_name, role=role)


def viewer_for(user: Any, sessie: LiveSessie, guest_tokens: Any = None) -> Viewer | None:
    """The one decision behind the page and the socket; None for everyone else."""
    if getattr(user, "is_authenticated", False):
        lid = membership(user, sessie.bijeenkomst.plg)
        if lid is not None:
            return member_viewer(user, lid)
        if attending_leader(user, sessie):
            return Viewer(user_id=user.pk, name=user.display_name, role=Deelname.SCHOOLLEIDER)
    link = valid_guest_link(sessie, guest_tokens)
    if link is not None:
        return Viewer(user_id=0, name=link.name, role=Deelname.GAST, until=link.expires_at)
    return None


class Toegang(NamedTuple):
    sessie_id: int
    viewer: Viewer
    plg_id: int


def live_access(user: Any, code: str, guest_tokens: Any = None) -> Toegang | None:
    """The session and the viewer, or None: strangers learn nothing."""
    sessie = LiveSessie.objects.select_related("bijeenkomst__plg").filter(code=code).first()
    if sessie is None:
        return None
    viewer = viewer_for(user, sessie, guest_tokens)
    if viewer is None:
        return None
    return Toegang(sessie.pk, viewer, sessie.bijeenkomst.plg_id)
