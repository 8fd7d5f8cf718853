"""Taking access away reaches an open live screen at once.

Whoever withdraws a guest link, takes a school leader off the attendance list, lets a member
leave, changes a role or archives a PLG calls ``rights_changed`` (the PLG's own changes reach it
through the signal ``communities.signals.rechten_gewijzigd``). Once that change is committed,
the consumers of the people concerned look again at what they may do: gone means their socket
closes, another role means their page reloads. Each command is checked against the rights of
that moment as well (``commands.apply``), so a message that gets lost only delays the close.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

logger = logging.getLogger(__name__)

GUEST = 0  # guests have no account: their viewer's user id


def session_group(sessie_id: int) -> str:
    return f"live-{sessie_id}"


def plg_group(plg_id: int) -> str:
    return f"live-plg-{plg_id}"


def rights_changed(
    *, plg_id: int | None = None, sessie_id: int | None = None, users: Iterable[int] | None = None
) -> None:
    """Tell the live sessions of a PLG (or one session) that the rights of ``users`` (user ids;
    ``GUEST`` for the guests; None for everyone) changed."""
    if users is not None:
        users = sorted(set(users))
        if not users:
            return
    group = plg_group(plg_id) if plg_id is not None else session_group(sessie_id or 0)
    message = {"type": "live.rights", "users": users}

    def send() -> None:
        layer = get_channel_layer()
        if layer is None:
            return
        try:
            async_to_sync(layer.group_send)(group, message)
        except Exception:  # the change itself stands; the next command is refused anyway
            logger.exception("Live: could not tell %s about changed rights", group)

    transaction.on_commit(send)
