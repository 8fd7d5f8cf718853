"""How long data is kept: an archived PLG and a closed scan wave are removed
``PRIVACY_BEWAARTERMIJN_JAREN`` after they closed. Its people hear it
``PRIVACY_AANKONDIGING_WEKEN`` ahead, and nothing goes before that notice is as old: a PLG
closed long before this rule existed still gets its weeks of notice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from plg.accounts.models import User
from plg.communities.models import PLG, Bijlage, Fase
from plg.organisations.models import Aanstelling
from plg.post import services as post
from plg.privacy import mails
from plg.privacy.models import Aankondiging, Raadpleging
from plg.scans.models import Afname


def bewaartermijn_jaren() -> int:
    return int(settings.PRIVACY_BEWAARTERMIJN_JAREN)


def aankondiging() -> timedelta:
    return timedelta(weeks=int(settings.PRIVACY_AANKONDIGING_WEKEN))


def jaren_terug(moment: datetime, jaren: int) -> datetime:
    try:
        return moment.replace(year=moment.year - jaren)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year - jaren, day=28)


@dataclass(frozen=True)
class Ronde:
    """What one pass did: notices queued (one per thing, to its people), things removed."""

    aangekondigd: int = 0
    gewist: int = 0


def _plgs_due(grens: datetime) -> models.QuerySet[PLG]:
    return PLG.objects.filter(fase=Fase.AFGESLOTEN, closed_at__lt=grens)


def _afnames_due(grens: datetime) -> models.QuerySet[Afname]:
    return Afname.objects.filter(closed_at__lt=grens)


def _leaders(schools: models.QuerySet[models.Model]) -> models.QuerySet[User]:
    return User.objects.filter(
        pk__in=Aanstelling.objects.leaders().filter(school__in=schools).values("user")
    )


def _people_of_plg(plg: PLG) -> list[User]:
    members = User.objects.filter(lidmaatschappen__plg=plg)
    return list((members | _leaders(plg.schools.all())).filter(is_active=True).distinct())


def _people_of_afname(afname: Afname) -> list[User]:
    opener = User.objects.filter(pk=afname.opened_by_id)
    return list((opener | _leaders(afname.schools.all())).filter(is_active=True).distinct())


def _ids(aankondigingen: models.QuerySet[Aankondiging], veld: str) -> models.QuerySet[Any]:
    """The announced ids of one kind (a NULL in ``NOT IN`` would match nothing at all)."""
    ids: models.QuerySet[Any] = aankondigingen.filter(**{f"{veld}__isnull": False}).values(veld)
    return ids


def _announce(nu: datetime, grens: datetime) -> int:
    """One notice per PLG and per wave due before the weeks of notice are over."""
    later = grens + aankondiging()
    count = 0
    announced = Aankondiging.objects.all()
    for plg in _plgs_due(later).exclude(pk__in=_ids(announced, "plg")):
        wanneer = max(jaren_terug(plg.closed_at or nu, -bewaartermijn_jaren()), nu + aankondiging())
        post.queue_berichten(mails.over_plg(plg, _people_of_plg(plg), wanneer))
        Aankondiging.objects.create(plg=plg, verstuurd_op=nu)
        count += 1
    for afname in _afnames_due(later).exclude(pk__in=_ids(announced, "afname")):
        wanneer = max(
            jaren_terug(afname.closed_at or nu, -bewaartermijn_jaren()), nu + aankondiging()
        )
        post.queue_berichten(mails.over_afname(afname, _people_of_afname(afname), wanneer))
        Aankondiging.objects.create(afname=afname, verstuurd_op=nu)
        count += 1
    return count


def _purge(nu: datetime, grens: datetime) -> int:
    announced = Aankondiging.objects.filter(verstuurd_op__lte=nu - aankondiging())
    plgs = _plgs_due(grens).filter(pk__in=_ids(announced, "plg"))
    afnames = _afnames_due(grens).filter(pk__in=_ids(announced, "afname"))
    for bijlage in Bijlage.objects.filter(afronding__plg__in=plgs):
        transaction.on_commit(partial(bijlage.file.delete, save=False))
    gewist = afnames.count() + plgs.count()
    afnames.delete()
    plgs.delete()
    Raadpleging.objects.ouder_dan(grens).delete()
    return gewist


@transaction.atomic
def houd_bewaartermijn(nu: datetime | None = None) -> Ronde:
    """Announce what is due within the weeks of notice; remove what is due and was announced
    long enough ago. The access log goes after the same number of years."""
    moment = nu or timezone.now()
    grens = jaren_terug(moment, bewaartermijn_jaren())
    return Ronde(aangekondigd=_announce(moment, grens), gewist=_purge(moment, grens))
