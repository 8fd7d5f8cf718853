"""Who may join a live bijeenkomst. Deny by default: only members of that PLG join."""

from __future__ import annotations

from typing import Any

from plg.communities.authorizers import membership
from plg.live.models import LiveSessie
from plg.live.services import Viewer


def live_access(user: Any, code: str) -> tuple[int, Viewer] | None:
    """The session and the viewer for a member, or None: strangers learn nothing."""
    if not getattr(user, "is_authenticated", False):
        return None
    sessie = LiveSessie.objects.select_related("bijeenkomst__plg").filter(code=code).first()
    if sessie is None:
        return None
    lid = membership(user, sessie.bijeenkomst.plg)
    if lid is None:
        return None
    return sessie.pk, Viewer(user_id=user.pk, name=user.display_name, is_coach=lid.is_coach)
