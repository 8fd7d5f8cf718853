"""The e-mails of a bijeenkomst: the members' invitation with a calendar file, the reminders
before and after it, and when they may still go."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from plg.accounts.models import User
from plg.communities.models import Fase, Rol
from plg.meetings import ical
from plg.meetings.models import (
    Bijeenkomst,
    Expertbezoek,
    Herinnering,
    HerinneringSoort,
    Opdracht,
)
from plg.post import geldig
from plg.post.models import Bericht, Soort
from plg.post.taal import in_language_of, language_of


def moment(bijeenkomst: Bijeenkomst) -> str:
    """The time an invitation names, part of its key: a moved bijeenkomst gets new mails."""
    return f"{timezone.localtime(bijeenkomst.starts_at):%Y%m%dT%H%M}"


def uitnodigingen(bijeenkomst: Bijeenkomst, *, door: User | None) -> list[Bericht]:
    """Every member gets the bijeenkomst with a calendar file, in the language they chose."""
    written: dict[str, tuple[str, str, dict[str, str]]] = {}
    berichten = []
    for user_id, email, chosen in bijeenkomst.plg.lidmaatschappen.values_list(
        "user_id", "user__email", "user__language"
    ):
        language = language_of(chosen)
        if language not in written:
            written[language] = _uitnodiging(bijeenkomst, language)
        subject, body, ics = written[language]
        berichten.append(
            Bericht(
                sleutel=f"bijeenkomst:{bijeenkomst.pk}:{moment(bijeenkomst)}:{user_id}",
                soort=Soort.BIJEENKOMST,
                over=bijeenkomst,
                door=door,
                aan=email,
                onderwerp=subject,
                tekst=body,
                bijlagen=[ics],
            )
        )
    return berichten


def _uitnodiging(bijeenkomst: Bijeenkomst, language: str) -> tuple[str, str, dict[str, str]]:
    """The subject, text and calendar file of the invitation, written once per language."""
    link = settings.SITE_URL + reverse("bijeenkomst_detail", args=[bijeenkomst.pk])
    when = timezone.localtime(bijeenkomst.starts_at)
    with translation.override(language):
        subject = _("PLG %(plg)s: bijeenkomst op %(dag)s") % {
            "plg": bijeenkomst.plg.name,
            "dag": f"{when:%d/%m/%Y %H:%M}",
        }
        body = render_to_string(
            "meetings/email/uitnodiging.txt", {"bijeenkomst": bijeenkomst, "link": link}
        )
        ics = {
            "naam": "bijeenkomst.ics",
            "inhoud": ical.uitnodiging(bijeenkomst).decode(),
            "type": "text/calendar",
        }
    return subject, body, ics


def herinneringen(herinnering: Herinnering) -> list[Bericht]:
    """One per member, with their own open assignments, in the language they chose; sent by
    nobody (the system)."""
    bijeenkomst = herinnering.bijeenkomst
    leerlog = herinnering.soort == HerinneringSoort.LEERLOG
    template = "meetings/email/leerlog.txt" if leerlog else "meetings/email/herinnering.txt"
    link = settings.SITE_URL + reverse(
        "leerlog" if leerlog else "bijeenkomst_detail", args=[bijeenkomst.pk]
    )
    when = timezone.localtime(bijeenkomst.starts_at)
    blokken = list(bijeenkomst.blokken.select_related("werkvorm"))
    open_per_lid: dict[int, list[str]] = {}
    for owner_id, description in Opdracht.objects.filter(
        bijeenkomst__plg=bijeenkomst.plg, done=False
    ).values_list("owner_id", "description"):
        open_per_lid.setdefault(owner_id, []).append(description)
    berichten = []
    for user_id, email, chosen in bijeenkomst.plg.lidmaatschappen.values_list(
        "user_id", "user__email", "user__language"
    ):
        with in_language_of(chosen):
            subject = (
                _("Wat nam je mee uit de PLG %(plg)s?")
                if leerlog
                else _("Morgen: PLG %(plg)s om %(uur)s")
            ) % {"plg": bijeenkomst.plg.name, "uur": f"{when:%H:%M}"}
            context = {
                "bijeenkomst": bijeenkomst,
                "blokken": blokken,
                "opdrachten": open_per_lid.get(user_id, []),
                "link": link,
            }
            berichten.append(
                Bericht(
                    sleutel=f"herinnering:{herinnering.pk}:{user_id}",
                    soort=Soort.LEERLOG if leerlog else Soort.HERINNERING,
                    over=bijeenkomst,
                    aan=email,
                    onderwerp=subject,
                    tekst=render_to_string(template, context),
                )
            )
    return berichten


def coached_by(door: User) -> Q:
    """The bijeenkomsten of the PLG's where ``door`` is a procescoach."""
    return Q(plg__lidmaatschappen__user=door, plg__lidmaatschappen__rol=Rol.PROCESCOACH)


def still_ahead(berichten: list[Bericht], *, may_send: Q) -> set[int]:
    """Of these mails about a bijeenkomst, those whose bijeenkomst is still ahead at the time
    the mail names (a moved one got mails of its own), in a PLG not archived, and among the
    bijeenkomsten ``may_send`` selects: those the person who asks may send for."""
    bijeenkomsten = (
        Bijeenkomst.objects.filter(pk__in=geldig.over_ids(berichten), starts_at__gt=timezone.now())
        .exclude(plg__fase=Fase.AFGESLOTEN)
        .filter(may_send)
        .distinct()
    )
    momenten = {bijeenkomst.pk: moment(bijeenkomst) for bijeenkomst in bijeenkomsten}
    return {
        bericht.pk
        for bericht in berichten
        if momenten.get(bericht.over_id) == bericht.sleutel.split(":")[2]
    }


@geldig.controle(Soort.BIJEENKOMST)
def bijeenkomst_mag_nog(door: AbstractBaseUser, berichten: list[Bericht]) -> set[int]:
    """A coach of the PLG sends its invitations again while the bijeenkomst is ahead (the
    planners of its schools may too: ``planning/mails.py``)."""
    if not isinstance(door, User):
        return set()
    return still_ahead(berichten, may_send=coached_by(door))


@geldig.controle(Soort.HERINNERING, Soort.LEERLOG)
def herinnering_mag_nog(door: AbstractBaseUser, berichten: list[Bericht]) -> set[int]:
    """Reminders are the system's own: nobody sent them, so nobody sends them again (the next
    one comes by itself)."""
    return set()


def expertbezoek(bezoek: Expertbezoek, *, door: User) -> Bericht:
    """The questions go ahead to the expert: the leervraag, the questions, the date and the
    coach who writes. Nothing the members wrote elsewhere, and no name but the coach's. One
    mail per version of the questions: sending the same text twice stores it once."""
    leervraag = bezoek.plg.gekozen_leervraag
    with translation.override(settings.LANGUAGE_CODE):
        return Bericht(
            sleutel=f"expertbezoek:{bezoek.pk}:{bezoek.version}",
            soort=Soort.EXPERTBEZOEK,
            over=bezoek,
            door=door,
            aan=bezoek.email,
            onderwerp=_("Onze vragen voor uw bezoek aan de PLG %(plg)s") % {"plg": bezoek.plg.name},
            tekst=render_to_string(
                "meetings/email/expertbezoek.txt",
                {
                    "bezoek": bezoek,
                    "leervraag": leervraag.current_text if leervraag else "",
                    "vragen": bezoek.vragen_lijst(),
                    "coach": door,
                },
            ),
        )


@geldig.controle(Soort.EXPERTBEZOEK)
def expertbezoek_mag_nog(door: AbstractBaseUser, berichten: list[Bericht]) -> set[int]:
    """A coach of the PLG sends the questions again while the visit is ahead and the PLG open,
    and only the questions as they still are (a newer version gets a mail of its own)."""
    if not isinstance(door, User):
        return set()
    versies = dict(
        Expertbezoek.objects.filter(
            pk__in=geldig.over_ids(berichten), datum__gte=timezone.localdate()
        )
        .exclude(plg__fase=Fase.AFGESLOTEN)
        .filter(coached_by(door))
        .values_list("pk", "version")
    )
    return {
        bericht.pk
        for bericht in berichten
        if bericht.over_id in versies
        and bericht.sleutel == f"expertbezoek:{bericht.over_id}:{versies[bericht.over_id]}"
    }
