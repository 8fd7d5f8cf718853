"""Writes of a traject: starting it, linking or starting a leader's school PLG, milestones."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from plg.accounts.models import User
from plg.communities import services as communities
from plg.communities.models import PLG
from plg.organisations.models import Aanstelling
from plg.traject import tasks
from plg.traject.mails import maand_van, volgende_maand
from plg.traject.models import Deelname, Traject, Trajectmijlpaal


@transaction.atomic
def create_traject(
    *,
    begeleider: User,
    naam: str,
    start: date,
    leiders: Iterable[Aanstelling],
    netwerk_plg: PLG | None = None,
) -> Traject:
    """The leaders come as their leader aanstelling: a person and the school they bring."""
    leiders = list(leiders)
    if not leiders:
        raise ValidationError({"leiders": _("Kies minstens één schoolleider.")})
    networks = {a.school.scholengemeenschap.network_id for a in leiders}
    if len(networks) != 1:
        raise ValidationError({"leiders": _("Kies schoolleiders van één netwerk.")})
    if len({a.user_id for a in leiders}) != len(leiders):
        raise ValidationError({"leiders": _("Kies elke schoolleider met één school.")})
    traject = Traject.objects.create(
        naam=naam,
        begeleider=begeleider,
        network_id=networks.pop(),
        netwerk_plg=netwerk_plg,
        start=start,
    )
    Deelname.objects.bulk_create(
        Deelname(traject=traject, leider_id=a.user_id, school_id=a.school_id) for a in leiders
    )
    tasks.schedule(traject, volgende_maand(maand_van(max(start, timezone.localdate()))))
    return traject


def link_school_plg(*, deelname: Deelname, plg: PLG | None) -> None:
    """Year 2: the PLG of the leader's own school (or none, to undo a wrong link)."""
    if plg is not None and not plg.schools.filter(pk=deelname.school_id).exists():
        raise ValidationError(
            {"plg": _("Kies een PLG van %(school)s.") % {"school": deelname.school}}
        )
    deelname.school_plg = plg
    deelname.save(update_fields=["school_plg"])


@transaction.atomic
def start_school_plg(*, deelname: Deelname, name: str) -> PLG:
    """The leader starts it and is its procescoach until they hand the role over."""
    plg = communities.create_plg(coach=deelname.leider, name=name, schools=[deelname.school])
    link_school_plg(deelname=deelname, plg=plg)
    return plg


def add_mijlpaal(*, traject: Traject, titel: str, datum: date) -> Trajectmijlpaal:
    return Trajectmijlpaal.objects.create(traject=traject, titel=titel, datum=datum)


def toggle_bereikt(*, mijlpaal: Trajectmijlpaal) -> None:
    mijlpaal.bereikt_op = None if mijlpaal.bereikt_op else timezone.localdate()
    mijlpaal.save(update_fields=["bereikt_op"])
