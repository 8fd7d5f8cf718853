"""The notice before an archived PLG or a closed scan wave is removed, in each reader's
language; and whether a failed one may still go."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from plg.accounts.models import User
from plg.communities.models import PLG
from plg.post import geldig
from plg.post.models import Bericht, Soort
from plg.post.taal import in_language_of
from plg.scans.models import Afname


def _berichten(
    over: models.Model, soort: str, naam: str, people: list[User], wanneer: datetime
) -> list[Bericht]:
    link = settings.SITE_URL + reverse("mijn_gegevens" if soort == "plg" else "scans")
    berichten = []
    for user in people:
        with in_language_of(user.language):
            berichten.append(
                Bericht(
                    sleutel=f"bewaartermijn:{soort}:{over.pk}:{user.pk}",
                    soort=Soort.BEWAARTERMIJN,
                    over=over,
                    door=None,
                    aan=user.email,
                    onderwerp=_("'%(naam)s' wordt binnenkort gewist") % {"naam": naam},
                    tekst=render_to_string(
                        f"privacy/email/bewaartermijn_{soort}.txt",
                        {
                            "naam": naam,
                            "wanneer": wanneer,
                            "jaren": settings.PRIVACY_BEWAARTERMIJN_JAREN,
                            "link": link,
                        },
                    ),
                )
            )
    return berichten


def over_plg(plg: PLG, people: list[User], wanneer: datetime) -> list[Bericht]:
    return _berichten(plg, "plg", plg.name, people, wanneer)


def over_afname(afname: Afname, people: list[User], wanneer: datetime) -> list[Bericht]:
    return _berichten(afname, "scan", afname.title, people, wanneer)


@geldig.controle(Soort.BEWAARTERMIJN)
def may_send(door: AbstractBaseUser, berichten: list[Bericht]) -> set[int]:
    """A notice may go again while what it announces is still there; it has no sender, so only
    a beheerder asks."""
    if not getattr(door, "is_staff", False):
        return set()
    ids = geldig.over_ids(berichten)
    there = set(PLG.objects.filter(pk__in=ids).values_list("pk", flat=True)) | set(
        Afname.objects.filter(pk__in=ids).values_list("pk", flat=True)
    )
    return {b.pk for b in berichten if b.over_id in there}
