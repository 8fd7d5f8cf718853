"""Writes that span several rows, as small keyword-only atomic functions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from plg.communities import mails
from plg.communities.models import (
    PLG,
    Actieplan,
    Afronding,
    Bijlage,
    Fase,
    Leervraag,
    LeervraagVersie,
    Lidmaatschap,
    Mijlpaal,
    Prioriteerbaar,
    Rol,
    Thema,
    Uitnodiging,
    UitnodigingStatus,
)
from plg.communities.signals import rights_changed
from plg.communities.versions import save_versioned
from plg.core.ordering import moved
from plg.core.uploads import discard_uploads, store_uploads
from plg.organisations.models import Aanstelling, Functie, School
from plg.post import services as post

if TYPE_CHECKING:
    from plg.accounts.models import User

P = TypeVar("P", bound=Prioriteerbaar)


@transaction.atomic
def create_plg(*, coach: User, name: str, schools: Iterable[School], praktijknood: str = "") -> PLG:
    schools = list(schools)
    if not schools:
        raise ValidationError(_("Kies minstens één school."))
    sg_ids = {school.scholengemeenschap_id for school in schools}
    if len(sg_ids) != 1:
        raise ValidationError(_("Alle scholen moeten tot dezelfde scholengemeenschap behoren."))
    plg = PLG.objects.create(
        name=name, scholengemeenschap_id=sg_ids.pop(), praktijknood=praktijknood, created_by=coach
    )
    plg.schools.set(schools)
    Lidmaatschap.objects.create(plg=plg, user=coach, rol=Rol.PROCESCOACH)
    return plg


@transaction.atomic
def invite(
    *, plg: PLG, email: str, school: School, invited_by: User, message: str = ""
) -> Uitnodiging:
    email = email.strip().lower()
    if Lidmaatschap.objects.filter(plg=plg, user__email__iexact=email).exists():
        raise ValidationError({"email": _("Deze persoon is al lid van de PLG.")})
    earlier = Uitnodiging.objects.filter(
        plg=plg, email__iexact=email, status=UitnodigingStatus.OPEN
    )
    post.withdraw_berichten(earlier)  # a mail with a withdrawn link must not leave any more
    earlier.update(status=UitnodigingStatus.INGETROKKEN)
    uitnodiging = Uitnodiging.objects.create(
        plg=plg, email=email, school=school, invited_by=invited_by, message=message
    )
    post.queue_berichten([mails.uitnodiging(uitnodiging)])
    return uitnodiging


@dataclass(frozen=True)
class Collega:
    """A colleague a coach may invite by picking them: staff of one of the PLG's schools."""

    key: str
    name: str
    email: str
    school: School


def colleagues_to_invite(plg: PLG) -> list[Collega]:
    """Staff of the PLG's schools who are not in it and have no open invitation to it."""
    taken = Uitnodiging.objects.filter(plg=plg, status=UitnodigingStatus.OPEN).values("email")
    rows = (
        Aanstelling.objects.team()
        .filter(school__in=plg.schools.all(), user__is_active=True)
        .exclude(user__lidmaatschappen__plg=plg)
        .exclude(user__email__in=taken)
        .select_related("user", "school")
        .order_by("user__first_name", "user__last_name", "school__name", "pk")
    )
    found: dict[str, Collega] = {}
    for row in rows:
        key = f"{row.user_id}-{row.school_id}"
        found.setdefault(
            key, Collega(key, row.user.display_name, row.user.email.lower(), row.school)
        )
    return list(found.values())


@transaction.atomic
def withdraw_uitnodiging(*, uitnodiging: Uitnodiging) -> None:
    """The coach takes back an open invitation: its link stops working and a mail that has not
    left stays home."""
    this = Uitnodiging.objects.select_for_update().filter(pk=uitnodiging.pk)
    post.withdraw_berichten(this)
    this.filter(status=UitnodigingStatus.OPEN).update(status=UitnodigingStatus.INGETROKKEN)


@transaction.atomic
def accept_uitnodiging(
    *, uitnodiging: Uitnodiging, user: User, newcomer: bool = False
) -> Lidmaatschap:
    """Join the PLG. Only a newcomer (an account made for this invitation) gets a place in the
    school, as leraar: an existing account never gains staff rights by accepting."""
    uitnodiging = Uitnodiging.objects.select_for_update().get(pk=uitnodiging.pk)
    if not uitnodiging.is_open:
        raise ValidationError(_("Deze uitnodiging is niet meer geldig."))
    if newcomer:
        Aanstelling.objects.get_or_create(
            user=user, school=uitnodiging.school, functie=Functie.LERAAR
        )
    lid, _created = Lidmaatschap.objects.get_or_create(plg=uitnodiging.plg, user=user)
    uitnodiging.status = UitnodigingStatus.AANVAARD
    uitnodiging.responded_at = timezone.now()
    uitnodiging.save(update_fields=["status", "responded_at"])
    return lid


@transaction.atomic
def decline_uitnodiging(*, uitnodiging: Uitnodiging) -> None:
    uitnodiging = Uitnodiging.objects.select_for_update().get(pk=uitnodiging.pk)
    if not uitnodiging.is_open:
        raise ValidationError(_("Deze uitnodiging is niet meer geldig."))
    uitnodiging.status = UitnodigingStatus.AFGEWEZEN
    uitnodiging.responded_at = timezone.now()
    uitnodiging.save(update_fields=["status", "responded_at"])


@transaction.atomic
def follow_suggested_fase(*, plg: PLG, fase: str, by: User) -> None:
    """The coach confirms the phase the work points to (`PLG.suggested_fase`); it may lie
    further than the next phase, because the work shows the steps between were taken. A
    suggestion that no longer holds (someone else moved the phase meanwhile) changes nothing."""
    plg = PLG.objects.select_for_update().get(pk=plg.pk)
    written = Actieplan.objects.visible_to(by).filter(plg=plg).exists()
    if fase != plg.suggested_fase(has_actieplan=written):
        raise ValidationError(_("Die fase past niet meer bij waar de PLG nu staat."))
    plg.fase = fase
    plg.save(update_fields=["fase"])


@transaction.atomic
def change_fase(*, plg: PLG, fase: str) -> None:
    if fase not in plg.allowed_fases():
        raise ValidationError(_("Van deze fase kan de PLG niet naar '%(fase)s'.") % {"fase": fase})
    plg.fase = fase
    plg.closed_at = timezone.now() if fase == Fase.AFGESLOTEN else None
    plg.save(update_fields=["fase", "closed_at"])
    if plg.is_archived:
        open_ = plg.uitnodigingen.filter(status=UitnodigingStatus.OPEN)
        post.withdraw_berichten(open_)  # a mail with a withdrawn link must not leave any more
        open_.update(status=UitnodigingStatus.INGETROKKEN)
        rights_changed.send(sender=PLG, plg_id=plg.pk, users=None)


@transaction.atomic
def set_rol(*, lid: Lidmaatschap, rol: str) -> None:
    """Share or hand over the coach role; a PLG always keeps at least one procescoach."""
    if rol == Rol.LID and lid.is_coach:
        coaches = Lidmaatschap.objects.select_for_update().filter(plg=lid.plg, rol=Rol.PROCESCOACH)
        if coaches.count() <= 1:
            raise ValidationError(
                _("Een PLG heeft altijd een procescoach. Maak eerst iemand anders procescoach.")
            )
    if lid.rol != rol:
        rights_changed.send(sender=PLG, plg_id=lid.plg_id, users=[lid.user_id])
    lid.rol = rol
    lid.save(update_fields=["rol"])


@transaction.atomic
def leave(*, lid: Lidmaatschap) -> None:
    """Taking part is voluntary, so leaving is always possible, except for the last coach."""
    if lid.is_coach:
        set_rol(lid=lid, rol=Rol.LID)
    lid.delete()
    rights_changed.send(sender=PLG, plg_id=lid.plg_id, users=[lid.user_id])


def _next_position(items: QuerySet[Prioriteerbaar]) -> int:
    top: int | None = items.aggregate(top=Max("position"))["top"]
    return 0 if top is None else top + 1


@transaction.atomic
def add_themas(*, plg: PLG, titles: Iterable[str], author: User) -> list[Thema]:
    """New themes go to the end of the active list, in the order given."""
    start = _next_position(plg.themas.filter(parked=False))
    return Thema.objects.bulk_create(
        Thema(plg=plg, title=title[:200], created_by=author, position=start + i)
        for i, title in enumerate(titles)
    )


@transaction.atomic
def add_leervraag(*, plg: PLG, text: str, author: User) -> Leervraag:
    leervraag = Leervraag.objects.create(
        plg=plg,
        created_by=author,
        current_text=text,
        position=_next_position(plg.leervragen.all()),
    )
    _add_version(leervraag, text, author)
    return leervraag


@transaction.atomic
def revise_leervraag(*, leervraag: Leervraag, text: str, author: User) -> None:
    """A question evolves; the earlier wording stays in the history."""
    if text.strip() == leervraag.current_text.strip():
        return
    leervraag.current_text = text
    leervraag.save(update_fields=["current_text"])
    _add_version(leervraag, text, author)


def _add_version(leervraag: Leervraag, text: str, author: User) -> None:
    LeervraagVersie.objects.create(leervraag=leervraag, text=text, author=author)


@transaction.atomic
def move(*, item: P, siblings: QuerySet[P], direction: str) -> None:
    ordered = moved(
        list(siblings.filter(parked=item.parked).order_by("position", "id")), item, direction
    )
    siblings.bulk_update(ordered, ["position"])


def toggle_parked(*, item: P, siblings: QuerySet[P]) -> None:
    item.parked = not item.parked
    item.position = _next_position(siblings.filter(parked=item.parked))
    item.save(update_fields=["parked", "position"])


# The saves below are compare-and-set on the version the form was opened with: a stale form
# raises VersionConflict and, the transaction rolled back, nothing of it is written.


@transaction.atomic
def save_plg(*, plg: PLG, version: int | None, by: User) -> PLG:
    """The PLG's name and praktijknood, as the coach edited them."""
    return save_versioned(plg, version=version, by=by)


@transaction.atomic
def save_actieplan(*, plan: Actieplan, version: int | None, by: User) -> Actieplan:
    if plan.pk is None:
        plan.author = by
    return save_versioned(plan, version=version, by=by)


@transaction.atomic
def celebrate(
    *, mijlpaal: Mijlpaal, on: date, note: str, version: int | None, by: User
) -> Mijlpaal:
    mijlpaal.celebrated_on = on
    mijlpaal.celebration_note = note
    return save_versioned(mijlpaal, version=version, by=by)


def save_afronding(
    *,
    afronding: Afronding,
    version: int | None,
    by: User,
    bijlagen: Iterable[UploadedFile] = (),
    afsluiten: bool = False,
) -> Afronding:
    """The proposal to the team with its new attachments; closing the PLG if asked and allowed.

    The files are written to storage first, outside the transaction (slow work never holds
    the write lock); when the save does not happen (a version conflict), they are removed."""
    stored = store_uploads(Bijlage.file.field, bijlagen)
    try:
        return _save_afronding(
            afronding=afronding, version=version, by=by, stored=stored, afsluiten=afsluiten
        )
    except BaseException:
        discard_uploads(Bijlage.file.field, stored)
        raise


@transaction.atomic
def _save_afronding(
    *,
    afronding: Afronding,
    version: int | None,
    by: User,
    stored: list[tuple[str, str]],
    afsluiten: bool,
) -> Afronding:
    if afronding.pk is None:
        afronding.author = by
    save_versioned(afronding, version=version, by=by)
    Bijlage.objects.bulk_create(
        Bijlage(afronding=afronding, file=file_name, name=name[:200]) for file_name, name in stored
    )
    if afsluiten and afronding.plg.fase == Fase.AFRONDEN:
        change_fase(plg=afronding.plg, fase=Fase.AFGESLOTEN)
    return afronding
