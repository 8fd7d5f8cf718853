"""Who may join a live bijeenkomst, and how they take part. Deny by default: members of the
PLG; a school leader the coach listed as attending; a guest with a valid link, for this
session only.

``rights`` and ``deelname`` are the one rule, asked when someone joins (``viewer_for``) and
again, under the session's row lock, with every command they give (``commands.apply``)."""

from __future__ import annotations

from typing import Any, NamedTuple

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, F, FilteredRelation, OuterRef, Q
from django.utils import timezone

from plg.accounts.models import User
from plg.communities.models import Lidmaatschap, Rol
from plg.live.models import Gastlink, LiveSessie
from plg.live.participants import Deelname, Viewer
from plg.organisations.models import Aanstelling

GUEST_SESSION_KEY = "live_gastlinks"


def rights(user_id: int, *, leader: bool = True) -> dict[str, Any]:
    """Annotations for a ``LiveSessie`` query that read how ``user_id`` stands now: the PLG's
    phase (``fase``), their role in the PLG (``rol``) and, with ``leader``, whether the coach
    lists them as attending while they lead one of the PLG's schools (``attends``). The role is
    a join, not a subquery: it is read with every command, and a subquery costs more to build
    than the whole lookup takes to run; the leader's check is left out for whoever joined as a
    member."""
    annotations: dict[str, Any] = {
        "fase": F("bijeenkomst__plg__fase"),
        "lid": FilteredRelation(
            "bijeenkomst__plg__lidmaatschappen",
            condition=Q(bijeenkomst__plg__lidmaatschappen__user_id=user_id),
        ),
        "rol": F("lid__rol"),
    }
    if leader:
        listed = LiveSessie.schoolleiders.through.objects.filter(
            livesessie_id=OuterRef("pk"), user_id=user_id
        )
        leads = Aanstelling.objects.filter(
            user_id=user_id, school__plgs=OuterRef("bijeenkomst__plg_id")
        ).leaders()
        annotations["attends"] = Exists(listed) & Exists(leads)
    return annotations


def member_role(rol: str) -> str:
    """How a member takes part: the procescoach steers, the others write."""
    return Deelname.COACH if rol == Rol.PROCESCOACH else Deelname.LID


def deelname(sessie: LiveSessie) -> str | None:
    """How the user whose ``rights`` annotate ``sessie`` takes part in it now: as a member,
    as a listed and attending leader, or (None) not at all."""
    rol = getattr(sessie, "rol", None)
    if rol is not None:
        return member_role(rol)
    return Deelname.SCHOOLLEIDER if getattr(sessie, "attends", False) else None


def valid_guest_link(sessie: LiveSessie, tokens: object) -> Gastlink | None:
    if not isinstance(tokens, list) or not tokens:
        return None
    link = Gastlink.objects.filter(sessie=sessie, token__in=tokens[:20]).first()
    return link if link is not None and link.is_valid(timezone.now()) else None


def member_viewer(user: User, lid: Lidmaatschap) -> Viewer:
    """A member on the live page before the coach has opened the session."""
    return Viewer(user_id=user.pk, name=user.display_name, role=member_role(lid.rol))


def viewer_for(
    user: AbstractBaseUser | AnonymousUser | None, sessie: LiveSessie, guest_tokens: object = None
) -> Viewer | None:
    """The one decision behind the page and the socket; None for everyone else."""
    if isinstance(user, User):
        role = deelname(LiveSessie.objects.annotate(**rights(user.pk)).get(pk=sessie.pk))
        if role is not None:
            return Viewer(user_id=user.pk, name=user.display_name, role=role)
    link = valid_guest_link(sessie, guest_tokens)
    if link is not None:
        return Viewer(user_id=0, name=link.name, role=Deelname.GAST, until=link.expires_at)
    return None


class Toegang(NamedTuple):
    sessie_id: int
    viewer: Viewer
    plg_id: int


def live_access(
    user: AbstractBaseUser | AnonymousUser | None, code: str, guest_tokens: object = None
) -> Toegang | None:
    """The session and the viewer, or None: strangers learn nothing."""
    sessie = LiveSessie.objects.select_related("bijeenkomst__plg").filter(code=code).first()
    if sessie is None:
        return None
    viewer = viewer_for(user, sessie, guest_tokens)
    if viewer is None:
        return None
    return Toegang(sessie.pk, viewer, sessie.bijeenkomst.plg_id)
