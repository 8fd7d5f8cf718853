"""Whether a failed e-mail may still leave: the app that wrote it decides, per kind.

The outbox knows no PLG, wave or bijeenkomst (it sits below the apps that write mail), so each
of those apps registers, next to the code that builds its mails (``<app>/mails.py``, found by
``PostConfig.ready``), a check for its kinds: of these failed mails that this person asks to
send again, which may still go? That is: their cause still holds (the invitation is still
open, the wave still runs, the bijeenkomst is still ahead at the time the mail names), and
the person still has the right to send it (still coach of that PLG, still runs that school in
the wave). A kind without a check is never sent again, and a test fails while one has none.

The outbox sits below the accounts, so it knows a person as Django's ``AbstractBaseUser``; a
check that needs more of them asks its own app's ``User``.

A kind several apps send on someone's behalf (a bijeenkomst's invitation: its coach through
meetings, a planner through planning) has a check from each; a mail may go when one says yes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

from plg.post.models import Bericht, Soort

Controle = Callable[[AbstractBaseUser, list[Bericht]], set[int]]

CONTROLES: dict[str, list[Controle]] = {}


def controle(*soorten: str) -> Callable[[Controle], Controle]:
    """Register ``check(door, berichten) -> pks that may go`` for these kinds of mail, next to
    any other app's check for them."""

    def register(check: Controle) -> Controle:
        for soort in soorten:
            CONTROLES.setdefault(soort, []).append(check)
        return check

    return register


def may_resend(door: AbstractBaseUser | AnonymousUser, berichten: Iterable[Bericht]) -> set[int]:
    """The pks of these mails that ``door`` may send again now (a yes of one check of their
    kind)."""
    per_soort: dict[str, list[Bericht]] = {}
    for bericht in berichten:
        per_soort.setdefault(bericht.soort, []).append(bericht)
    toegestaan: set[int] = set()
    if not isinstance(door, AbstractBaseUser):
        return toegestaan
    for soort, groep in per_soort.items():
        for check in CONTROLES.get(soort, []):
            toegestaan |= check(door, groep) & {bericht.pk for bericht in groep}
    return toegestaan


def over_ids(berichten: Iterable[Bericht]) -> set[int]:
    """The objects these mails are about, for a check's query."""
    return {bericht.over_id for bericht in berichten}


def zonder_controle() -> list[str]:
    """Kinds of mail no app has said anything about."""
    return [soort for soort in Soort.values if soort not in CONTROLES]
