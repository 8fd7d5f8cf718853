"""The e-mails of planning: the invitation with a calendar file, the substitutes' classes, and
the reminders before and after a bijeenkomst."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from plg.meetings.models import Bijeenkomst, Opdracht
from plg.planning import feeds
from plg.planning.models import Herinnering, HerinneringSoort, Vervangbeurt
from plg.post.models import Bericht, Soort


def uitnodigingen(bijeenkomst: Bijeenkomst, *, door: Any) -> list[Bericht]:
    """Members get the bijeenkomst with a calendar file; substitutes get their classes."""
    link = settings.SITE_URL + reverse("bijeenkomst_detail", args=[bijeenkomst.pk])
    when = timezone.localtime(bijeenkomst.starts_at)
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("PLG %(plg)s: bijeenkomst op %(dag)s") % {
            "plg": bijeenkomst.plg.name,
            "dag": f"{when:%d/%m/%Y %H:%M}",
        }
        body = render_to_string(
            "planning/email/uitnodiging.txt", {"bijeenkomst": bijeenkomst, "link": link}
        )
        ics = {
            "naam": "bijeenkomst.ics",
            "inhoud": feeds.uitnodiging(bijeenkomst).decode(),
            "type": "text/calendar",
        }
        berichten = [
            Bericht(
                sleutel=f"bijeenkomst:{bijeenkomst.pk}:{when:%Y%m%dT%H%M}:{user_id}",
                soort=Soort.BIJEENKOMST,
                over=bijeenkomst,
                door=door,
                aan=email,
                onderwerp=subject,
                tekst=body,
                bijlagen=[ics],
            )
            for user_id, email in bijeenkomst.plg.lidmaatschappen.values_list(
                "user_id", "user__email"
            )
        ]
        beurten: dict[tuple[int, str], list[Vervangbeurt]] = {}
        for beurt in Vervangbeurt.objects.filter(bijeenkomst=bijeenkomst).select_related(
            "vervanger", "afwezige"
        ):
            beurten.setdefault((beurt.vervanger_id, beurt.vervanger.email), []).append(beurt)
        for (user_id, email), duties in beurten.items():
            berichten.append(
                Bericht(
                    sleutel=f"vervanging:{bijeenkomst.pk}:{when:%Y%m%dT%H%M}:{user_id}",
                    soort=Soort.VERVANGING,
                    over=bijeenkomst,
                    door=door,
                    aan=email,
                    onderwerp=_("Vervanging op %(dag)s") % {"dag": f"{when:%d/%m/%Y}"},
                    tekst=render_to_string(
                        "planning/email/vervanging.txt",
                        {"beurten": duties, "link": settings.SITE_URL + reverse("tijd")},
                    ),
                )
            )
    return berichten


def herinneringen(herinnering: Herinnering) -> list[Bericht]:
    """One per member, with their own open assignments; sent by nobody (the system)."""
    bijeenkomst = herinnering.bijeenkomst
    leerlog = herinnering.soort == HerinneringSoort.LEERLOG
    template = "planning/email/leerlog.txt" if leerlog else "planning/email/herinnering.txt"
    target = "leerlog" if leerlog else "bijeenkomst_detail"
    when = timezone.localtime(bijeenkomst.starts_at)
    blokken = list(bijeenkomst.blokken.select_related("werkvorm"))
    open_per_lid: dict[int, list[str]] = {}
    for owner_id, description in Opdracht.objects.filter(
        bijeenkomst__plg=bijeenkomst.plg, done=False
    ).values_list("owner_id", "description"):
        open_per_lid.setdefault(owner_id, []).append(description)
    with translation.override(settings.LANGUAGE_CODE):
        subject = (
            _("Wat nam je mee uit de PLG %(plg)s?")
            if leerlog
            else _("Morgen: PLG %(plg)s om %(uur)s")
        ) % {"plg": bijeenkomst.plg.name, "uur": f"{when:%H:%M}"}
        return [
            Bericht(
                sleutel=f"herinnering:{herinnering.pk}:{user_id}",
                soort=Soort.LEERLOG if leerlog else Soort.HERINNERING,
                over=bijeenkomst,
                aan=email,
                onderwerp=subject,
                tekst=render_to_string(
                    template,
                    {
                        "bijeenkomst": bijeenkomst,
                        "blokken": blokken,
                        "opdrachten": open_per_lid.get(user_id, []),
                        "link": settings.SITE_URL + reverse(target, args=[bijeenkomst.pk]),
                    },
                ),
            )
            for user_id, email in bijeenkomst.plg.lidmaatschappen.values_list(
                "user_id", "user__email"
            )
        ]
