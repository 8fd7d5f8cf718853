"""The e-mails of a class visit, a blitsbezoek and a co-taught lesson: the invitation with its
calendar file, its cancellation, and the reminder the day before, and when they may still go.

No mail carries a note, a focus or what the visitor looks at: the link opens the visit's page,
where the authorizer decides who reads what.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from plg.accounts.models import User
from plg.bezoeken import ical
from plg.bezoeken.models import Klasbezoek, Status
from plg.bezoeken.models import Soort as BezoekSoort
from plg.post import geldig
from plg.post.models import Bericht, Soort
from plg.post.taal import in_language_of


def moment(bezoek: Klasbezoek) -> str:
    """The time a mail names, part of its key: a moved visit gets new mails."""
    return f"{timezone.localtime(bezoek.begin):%Y%m%dT%H%M}"


def _context(
    bezoek: Klasbezoek, door: User | None = None, aan: User | None = None
) -> dict[str, object]:
    return {
        "bezoek": bezoek,
        "door": door or bezoek.geobserveerde,
        "voor_geobserveerde": aan is not None and aan.pk == bezoek.geobserveerde_id,
        "begin": timezone.localtime(bezoek.begin),
        "einde": timezone.localtime(bezoek.einde),
        "link": settings.SITE_URL + bezoek.get_absolute_url(),
    }


def _onderwerp(bezoek: Klasbezoek) -> str:
    dag = f"{timezone.localtime(bezoek.begin):%d/%m/%Y}"
    if bezoek.soort == BezoekSoort.BLITS:
        return _("Uitnodiging voor een blitsbezoek op %(dag)s") % {"dag": dag}
    if bezoek.soort == BezoekSoort.CO_TEACHING:
        return _("Een les samen op %(dag)s") % {"dag": dag}
    return _("Uitnodiging voor een klasbezoek op %(dag)s") % {"dag": dag}


TEKSTEN = {
    BezoekSoort.KLASBEZOEK: "bezoeken/email/uitnodiging.txt",
    BezoekSoort.BLITS: "bezoeken/samen/email/blits.txt",
    BezoekSoort.CO_TEACHING: "bezoeken/samen/email/co_les.txt",
}


def _tekst(bezoek: Klasbezoek) -> str:
    """A round's visit was arranged for both by its organiser; any other was asked by one."""
    if bezoek.ronde_id is not None:
        return "bezoeken/email/ronde.txt"
    return TEKSTEN[BezoekSoort(bezoek.soort)]


def uitnodiging(
    bezoek: Klasbezoek, *, door: User | None = None, aan: User | None = None
) -> Bericht:
    """From ``door`` (the observed teacher unless said otherwise) to ``aan`` (the other one of
    the two unless said otherwise), with a calendar file they can add: one mail for every form
    of visit."""
    door = door or bezoek.geobserveerde
    if aan is None:
        aan = bezoek.geobserveerde if door.pk == bezoek.bezoeker_id else bezoek.bezoeker
    with in_language_of(aan.language):
        return Bericht(
            sleutel=f"klasbezoek:{bezoek.pk}:{moment(bezoek)}:{aan.pk}",
            soort=Soort.KLASBEZOEK,
            over=bezoek,
            door=door,
            aan=aan.email,
            onderwerp=_onderwerp(bezoek),
            tekst=render_to_string(_tekst(bezoek), _context(bezoek, door, aan)),
            bijlagen=[
                {
                    "naam": "klasbezoek.ics",
                    "inhoud": ical.uitnodiging(bezoek).decode(),
                    "type": "text/calendar",
                }
            ],
        )


def annulering(bezoek: Klasbezoek, *, aan: str) -> Bericht:
    """To someone whose invitation already left: the event leaves their calendar, in the
    language they chose (the address is all the invitation kept of them)."""
    chosen = User.objects.filter(email=aan).values_list("language", flat=True).first()
    with in_language_of(chosen):
        return Bericht(
            sleutel=f"klasbezoek-af:{bezoek.pk}:{moment(bezoek)}:{aan}",
            soort=Soort.KLASBEZOEK_AF,
            over=bezoek,
            door=bezoek.geobserveerde,
            aan=aan,
            onderwerp=_("Klasbezoek op %(dag)s gaat niet door")
            % {"dag": f"{timezone.localtime(bezoek.begin):%d/%m/%Y}"},
            tekst=render_to_string("bezoeken/email/annulering.txt", _context(bezoek)),
            bijlagen=[
                {
                    "naam": "klasbezoek.ics",
                    "inhoud": ical.annulering(bezoek).decode(),
                    "type": "text/calendar",
                }
            ],
        )


def herinneringen(bezoek: Klasbezoek) -> list[Bericht]:
    """One to each of the two, in the language each chose, sent by nobody (the system)."""
    berichten = []
    for user in (bezoek.geobserveerde, bezoek.bezoeker):
        with in_language_of(user.language):
            berichten.append(
                Bericht(
                    sleutel=f"klasbezoek-herinn:{bezoek.pk}:{moment(bezoek)}:{user.pk}",
                    soort=Soort.KLASBEZOEK_HERINNERING,
                    over=bezoek,
                    aan=user.email,
                    onderwerp=_("Morgen: klasbezoek om %(uur)s")
                    % {"uur": f"{timezone.localtime(bezoek.begin):%H:%M}"},
                    tekst=render_to_string("bezoeken/email/herinnering.txt", _context(bezoek)),
                )
            )
    return berichten


@geldig.controle(Soort.KLASBEZOEK)
def uitnodiging_mag_nog(door: AbstractBaseUser, berichten: list[Bericht]) -> set[int]:
    """Whoever sent the invitation sends it again while the visit is on (invited or accepted,
    not withdrawn) and ahead, at the time the mail names."""
    if not isinstance(door, User):
        return set()
    open_visits = Klasbezoek.objects.filter(
        pk__in=geldig.over_ids(berichten),
        ingetrokken=False,
        status__in=[Status.UITGENODIGD, Status.AANVAARD],
        begin__gt=timezone.now(),
    )
    momenten = {bezoek.pk: moment(bezoek) for bezoek in open_visits}
    return {
        b.pk
        for b in berichten
        if b.door_id == door.pk and momenten.get(b.over_id) == b.sleutel.split(":")[2]
    }


@geldig.controle(Soort.KLASBEZOEK_AF)
def annulering_mag_nog(door: AbstractBaseUser, berichten: list[Bericht]) -> set[int]:
    """A cancellation may go again by whoever cancelled, while the visit would still be ahead."""
    ids = set(
        Klasbezoek.objects.filter(
            pk__in=geldig.over_ids(berichten),
            geobserveerde_id=door.pk,
            status=Status.GEANNULEERD,
            begin__gt=timezone.now(),
        ).values_list("pk", flat=True)
    )
    return {b.pk for b in berichten if b.over_id in ids}


@geldig.controle(Soort.KLASBEZOEK_HERINNERING)
def herinnering_mag_nog(door: AbstractBaseUser, berichten: list[Bericht]) -> set[int]:
    """Reminders are the system's own: nobody sends them again."""
    return set()
