"""The e-mails of a wave: the invitation with a personal link, the reminders, and when they
may still go."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from plg.accounts.models import User
from plg.post import geldig
from plg.post.models import Bericht, Soort
from plg.scans.authorizers import toegangen_to_run
from plg.scans.models import Afname, Toegang


def uitnodigingen(
    *, afname: Afname, toegangen: Iterable[Toegang], door: User | None, herinnering: bool
) -> list[Bericht]:
    """One per personal link. Round 0 is the invitation, round N the N-th reminder, so the
    same round is never stored twice for a person."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = (
            _("Herinnering: %(scan)s") if herinnering else _("Wil je de %(scan)s invullen?")
        ) % {"scan": afname.title}
        return [
            Bericht(
                sleutel=f"scan:{toegang.pk}:{toegang.reminders_sent + 1 if herinnering else 0}",
                soort=Soort.SCAN_HERINNERING if herinnering else Soort.SCAN_UITNODIGING,
                over=toegang,
                door=door,
                aan=toegang.email,
                onderwerp=subject,
                tekst=render_to_string(
                    "scans/email/uitnodiging.txt",
                    {
                        "afname": afname,
                        "toegang": toegang,
                        "link": settings.SITE_URL + reverse("scan_start", args=[toegang.token]),
                        "reminder": herinnering,
                    },
                ),
            )
            for toegang in toegangen
        ]


@geldig.controle(Soort.SCAN_UITNODIGING, Soort.SCAN_HERINNERING)
def may_send(door: AbstractBaseUser, berichten: list[Bericht]) -> set[int]:
    """Sent again while the wave runs and the link has not been used to answer, by someone who
    still runs that school in the wave."""
    if not isinstance(door, User):
        return set()
    open_ids = set(
        toegangen_to_run(door)
        .filter(pk__in=geldig.over_ids(berichten), afname__closed_at=None, responded=False)
        .values_list("pk", flat=True)
    )
    return {bericht.pk for bericht in berichten if bericht.over_id in open_ids}
