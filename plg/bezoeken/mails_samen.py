"""The e-mails of blitsbezoeken and co-teaching: an invitation, a lesson planned together.

No mail carries a note, a plan, a focus or what to look at: the link opens the page, where the
authorizer decides who reads what.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from plg.accounts.models import User
from plg.bezoeken.models import Klasbezoek
from plg.post import geldig
from plg.post.models import Bericht, Soort


def _moment(bezoek: Klasbezoek) -> str:
    """Part of a mail's key: a moved visit or lesson gets a new mail."""
    return f"{timezone.localtime(bezoek.begin):%Y%m%dT%H%M}"


def _context(bezoek: Klasbezoek, door: User, link: str) -> dict[str, object]:
    return {
        "door": door,
        "begin": timezone.localtime(bezoek.begin),
        "einde": timezone.localtime(bezoek.einde),
        "link": settings.SITE_URL + link,
    }


def blits_uitnodiging(bezoek: Klasbezoek) -> Bericht:
    """To the visitor, in the site's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return Bericht(
            sleutel=f"blits:{bezoek.pk}:{_moment(bezoek)}",
            soort=Soort.SAMEN,
            over=bezoek,
            door=bezoek.geobserveerde,
            aan=bezoek.bezoeker.email,
            onderwerp=_("Uitnodiging voor een blitsbezoek op %(dag)s")
            % {"dag": f"{timezone.localtime(bezoek.begin):%d/%m/%Y}"},
            tekst=render_to_string(
                "bezoeken/samen/email/blits.txt",
                _context(bezoek, bezoek.geobserveerde, reverse("blits_detail", args=[bezoek.pk])),
            ),
        )


def co_les(les: Klasbezoek, door: User) -> Bericht:
    """To the other one of the two, when one of them adds a lesson to their series."""
    ander = les.bezoeker if door.pk == les.geobserveerde_id else les.geobserveerde
    with translation.override(settings.LANGUAGE_CODE):
        return Bericht(
            sleutel=f"co-les:{les.pk}:{_moment(les)}",
            soort=Soort.SAMEN,
            over=les,
            door=door,
            aan=ander.email,
            onderwerp=_("Een les samen op %(dag)s")
            % {"dag": f"{timezone.localtime(les.begin):%d/%m/%Y}"},
            tekst=render_to_string(
                "bezoeken/samen/email/co_les.txt",
                _context(les, door, reverse("coteaching_reeks", args=[les.reeks_id])),
            ),
        )


@geldig.controle(Soort.SAMEN)
def may_send(door: AbstractBaseUser, berichten: list[Bericht]) -> set[int]:
    """Sent again while the visit or lesson is still ahead and not withdrawn, by one of the two
    who caused it."""
    if not isinstance(door, User):
        return set()
    open_ids = set(
        Klasbezoek.objects.filter(
            Q(geobserveerde=door) | Q(bezoeker=door),
            pk__in=geldig.over_ids(berichten),
            ingetrokken=False,
            begin__gt=timezone.now(),
        ).values_list("pk", flat=True)
    )
    return {b.pk for b in berichten if b.over_id in open_ids and b.door_id == door.pk}
