"""Co-teaching series: two colleagues plan, teach and reflect on lessons together.

Each lesson is a ``Klasbezoek`` of soort co-teaching in the series (``reeks``): the owner's class
(geobserveerde), the partner teaching along (bezoeker). Its ``CoTeachingNota`` holds the plan
before and the reflection after, read through ``visible_to`` like every note about a visit.
Stopping a series withdraws every lesson, so the partner reads nothing of it any more.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plg.accounts.models import User
from plg.bezoeken import services
from plg.bezoeken.models import CoTeachingNota, CoTeachingReeks, Klasbezoek, Soort, Status
from plg.communities.models import PLG
from plg.organisations.models import School

LES_MINUTEN = range(10, 241)


def check_partner(eigenaar: User, partner: User) -> None:
    if eigenaar.pk == partner.pk:
        raise ValidationError(
            _("Co-teaching doe je met een collega: kies iemand anders dan jezelf."),
            code="zichzelf",
        )


def check_les_minuten(minuten: int) -> None:
    if minuten not in LES_MINUTEN:
        raise ValidationError(
            _("Een les duurt tussen %(van)s en %(tot)s minuten."),
            code="les_duur",
            params={"van": LES_MINUTEN[0], "tot": LES_MINUTEN[-1]},
        )


def start_reeks(
    *,
    eigenaar: User,
    partner: User,
    school: School,
    titel: str,
    klas: str,
    focus: str = "",
    plg: PLG | None = None,
) -> CoTeachingReeks:
    check_partner(eigenaar, partner)
    return CoTeachingReeks.objects.create(
        eigenaar=eigenaar,
        partner=partner,
        school=school,
        titel=titel,
        klas=klas,
        focus=focus,
        plg=plg,
    )


@transaction.atomic
def add_les(
    *,
    reeks: CoTeachingReeks,
    door: User,
    begin: datetime,
    minuten: int,
    les: str = "",
    plan: str = "",
    audience: str = "wij",
) -> Klasbezoek:
    """A lesson both agreed on, invited like every visit (``services.invite_bezoeker``: the same
    checks, the mail with a calendar file to the other one of the two, without the plan, and
    the reminder), with its plan when one is written."""
    if reeks.ingetrokken:
        raise ValidationError(_("Deze reeks is gestopt."), code="gestopt")
    check_les_minuten(minuten)
    les_bezoek = services.invite_bezoeker(
        soort=Soort.CO_TEACHING,
        reeks=reeks,
        door=door,
        geobserveerde=reeks.eigenaar,
        bezoeker=reeks.partner,
        school=reeks.school,
        plg=reeks.plg,
        focus=reeks.focus,
        klas=reeks.klas,
        les=les,
        begin=begin,
        einde=begin + timedelta(minutes=minuten),
    )
    if plan:
        CoTeachingNota.objects.create(bezoek=les_bezoek, author=door, plan=plan, audience=audience)
    return les_bezoek


def save_nota(
    *, les: Klasbezoek, door: User, plan: str, reflectie: str, audience: str | None
) -> CoTeachingNota:
    """One shared note per lesson; its first writer keeps the say over who reads it."""
    nota = CoTeachingNota.objects.filter(bezoek=les).first()
    if nota is None:
        return CoTeachingNota.objects.create(
            bezoek=les, author=door, plan=plan, reflectie=reflectie, audience=audience or "wij"
        )
    nota.plan, nota.reflectie = plan, reflectie
    if audience and nota.author_id == door.pk:
        nota.audience = audience
    nota.save()
    return nota


@transaction.atomic
def stop_reeks(*, reeks: CoTeachingReeks) -> None:
    """Either of the two may stop; every lesson is withdrawn, so the partner's access ends.
    Lessons still ahead are cancelled like any visit: mails and reminders that have not left
    stay home, an invitation that left gets its cancellation, arranged cover is withdrawn."""
    reeks.ingetrokken = True
    reeks.save(update_fields=["ingetrokken"])
    ahead = reeks.lessen.filter(
        begin__gt=timezone.now(), status__in=[Status.UITGENODIGD, Status.AANVAARD]
    )
    for les in ahead:
        services.cancel_bezoek(bezoek=les)
    reeks.lessen.update(ingetrokken=True)
    reeks.lessen.filter(status=Status.UITGENODIGD).update(status=Status.GEANNULEERD)


def mijn_reeksen(user: User) -> QuerySet[CoTeachingReeks]:
    """Series I own, and those I co-teach in while they run."""
    return (
        CoTeachingReeks.objects.filter(Q(eigenaar=user) | Q(partner=user, ingetrokken=False))
        .select_related("eigenaar", "partner")
        .order_by("ingetrokken", "-created_at", "-id")
    )


def lessen_met_notas(
    reeks: CoTeachingReeks, user: User
) -> list[tuple[Klasbezoek, CoTeachingNota | None]]:
    """The series' lessons, each with its note when this reader may read it."""
    notas = {
        nota.bezoek_id: nota
        for nota in CoTeachingNota.objects.visible_to(user)
        .filter(bezoek__reeks=reeks)
        .select_related("author")
    }
    return [(les, notas.get(les.pk)) for les in reeks.lessen.order_by("begin", "id")]
