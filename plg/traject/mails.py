"""The advisor's monthly digest of a traject, and when a failed one may still go."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from plg.accounts.models import User
from plg.post import geldig
from plg.post.models import Bericht, Soort
from plg.traject.authorizers import Rol, rol
from plg.traject.models import Deelname, Traject


def maand_van(dag: date) -> date:
    return dag.replace(day=1)


def volgende_maand(maand: date) -> date:
    return (maand.replace(day=28) + timedelta(days=4)).replace(day=1)


def digest(traject: Traject, maand: date) -> Bericht:
    """Phases, schools and milestones: what the advisor reads on the traject page, never a
    teacher's name, a note or a figure about fewer people than the minimum group."""
    deelnames = Deelname.objects.filter(traject=traject).select_related("school", "school_plg")
    einde = volgende_maand(volgende_maand(maand))
    mijlpalen = traject.mijlpalen.filter(bereikt_op__isnull=True, datum__lt=einde)
    link = settings.SITE_URL + reverse("traject", args=[traject.pk])
    with translation.override(settings.LANGUAGE_CODE):
        return Bericht(
            sleutel=f"traject-digest:{traject.pk}:{maand:%Y-%m}",
            soort=Soort.TRAJECT_DIGEST,
            over=traject,
            door=traject.begeleider,
            aan=traject.begeleider.email,
            onderwerp=_("Het traject '%(traject)s' in %(maand)s")
            % {"traject": traject.naam, "maand": f"{maand:%m/%Y}"},
            tekst=render_to_string(
                "traject/email/digest.txt",
                {
                    "traject": traject,
                    "deelnames": deelnames,
                    "mijlpalen": mijlpalen,
                    "maand": maand,
                    "link": link,
                },
            ),
        )


@geldig.controle(Soort.TRAJECT_DIGEST)
def may_send(door: AbstractBaseUser, berichten: list[Bericht]) -> set[int]:
    """Sent again while its sender still leads the traject."""
    if not isinstance(door, User):
        return set()
    leads = {
        t.pk
        for t in Traject.objects.filter(pk__in=geldig.over_ids(berichten), begeleider=door)
        if rol(door, t) == Rol.BEGELEIDER
    }
    return {bericht.pk for bericht in berichten if bericht.over_id in leads}
