"""Who may act on an e-mail: only whoever caused it to be sent. Deny by default.

Whether they may still send it (their rights now, its cause) is asked of the app that wrote
it when they try (``geldig``)."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.http import Http404

from plg.post.models import Bericht


def eigen_berichten(user: AbstractBaseUser | AnonymousUser, pks: list[int]) -> QuerySet[Bericht]:
    """The e-mails among ``pks`` that this person sent; 404 when none are theirs, because
    someone else's mail is not theirs to know of."""
    berichten = (
        Bericht.objects.filter(door_id=user.pk, pk__in=pks)
        if isinstance(user, AbstractBaseUser)
        else None
    )
    if berichten is None or not berichten.exists():
        raise Http404
    return berichten
