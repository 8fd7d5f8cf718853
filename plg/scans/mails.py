"""The e-mails of a wave: the invitation with a personal link, and the reminders."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from plg.post.models import Bericht, Soort
from plg.scans.models import Afname, Toegang


def uitnodigingen(
    *, afname: Afname, toegangen: Iterable[Toegang], door: Any, herinnering: bool
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
