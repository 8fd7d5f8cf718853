"""Who may act on an e-mail: only whoever caused it to be sent. Deny by default.

Whether they may still send it (their rights now, its cause) is asked of the app that wrote
it when they try (``geldig``)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from plg.post.models import Bericht


def eigen_berichten(user: Any, pks: list[int]) -> QuerySet[Bericht]:
    """The e-mails among ``pks`` that this person sent; 404 when none are theirs, because
    someone else's mail is not theirs to know of."""
    berichten = Bericht.objects.filter(door=user, pk__in=pks) if user.is_authenticated else None
    if berichten is None or not berichten.exists():
        raise Http404
    return berichten
