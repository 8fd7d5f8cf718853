"""Publishing a finished PLG in the library, and starting a new PLG from an entry.

Publishing is the group's decision: every member says yes to the text as it reads, then the
procescoach publishes. Whoever of them changes their mind withdraws the entry.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from plg.bezoeken.schooljaar import schooljaar_van
from plg.bibliotheek.models import (
    Bibliotheekbijlage,
    Bibliotheekitem,
    Instemming,
    Vertrekpunt,
)
from plg.communities import services as plg_services
from plg.communities.models import PLG, Actieplan, Afronding, Lidmaatschap
from plg.communities.sharing import Relation
from plg.core.uploads import discard_uploads, store_uploads
from plg.meetings.models import AgendaBlok, Terugblik
from plg.organisations.models import School

if TYPE_CHECKING:
    from plg.accounts.models import User

# What the members agree to: a change to any of these asks everyone again.
TEKSTVELDEN = (
    "titel",
    "onderwijsniveau",
    "schooljaar",
    "praktijknood",
    "leervraag",
    "themas",
    "actieplan",
    "werkvormen",
    "voorstel",
    "wat_we_leerden",
    "namen",
    "zichtbaarheid",
)


def voorstel_uit_plg(plg: PLG) -> dict[str, Any]:
    """The entry as the PLG's own records already tell it: a start the coach rewrites.

    Only what the whole PLG may read is taken, so a text someone kept to themselves never
    reaches the library through the prefill.
    """
    actieplan = Actieplan.objects.readable_as(Relation.LID).filter(plg=plg).first()
    afronding = Afronding.objects.readable_as(Relation.LID).filter(plg=plg).first()
    behouden = Terugblik.objects.readable_as(Relation.LID).filter(bijeenkomst__plg=plg)
    werkvormen = (
        AgendaBlok.objects.filter(bijeenkomst__plg=plg, werkvorm__isnull=False)
        .order_by("werkvorm__slug")
        .values_list("werkvorm__slug", flat=True)
        .distinct()
    )
    plan = ""
    if actieplan is not None:
        plan = "\n\n".join(t for t in (actieplan.gewenste_verandering, actieplan.aanpak) if t)
    return {
        "titel": plg.name,
        "schooljaar": schooljaar_van(timezone.localdate(plg.closed_at or timezone.now())),
        "praktijknood": plg.praktijknood,
        "leervraag": plg.gekozen_leervraag.current_text if plg.gekozen_leervraag else "",
        "themas": list(plg.themas.filter(parked=False).values_list("title", flat=True)),
        "actieplan": plan,
        "werkvormen": list(werkvormen),
        "voorstel": afronding.voorstel if afronding else "",
        "wat_we_leerden": "\n\n".join(
            t.behouden for t in behouden.order_by("bijeenkomst__starts_at") if t.behouden
        ),
    }


def item_van(plg: PLG) -> Bibliotheekitem | None:
    return Bibliotheekitem.objects.filter(plg=plg).first()


def namen_van(plg: PLG) -> str:
    """The members as they would be named, if the PLG chooses to be named."""
    return ", ".join(
        lid.user.get_full_name() or lid.user.first_name
        for lid in plg.lidmaatschappen.select_related("user").order_by("user__first_name")
    )[:500]


def _nieuwe_slug(titel: str) -> str:
    return f"{slugify(titel)[:100] or 'plg'}-{secrets.token_hex(4)}"


def save_concept(
    *,
    plg: PLG,
    velden: Mapping[str, Any],
    met_namen: bool,
    bijlagen: Iterable[UploadedFile] = (),
) -> Bibliotheekitem:
    """The draft entry of a closed PLG, with its new attachments (files stored first)."""
    uploads = list(bijlagen)
    stored = store_uploads(Bibliotheekbijlage.file.field, uploads) if uploads else []
    try:
        return _save_concept(plg=plg, velden=velden, met_namen=met_namen, stored=stored)
    except BaseException:
        discard_uploads(Bibliotheekbijlage.file.field, stored)
        raise


@transaction.atomic
def _save_concept(
    *, plg: PLG, velden: Mapping[str, Any], met_namen: bool, stored: list[tuple[str, str]]
) -> Bibliotheekitem:
    if not plg.is_archived:
        raise ValidationError(_("Enkel een afgesloten PLG kan in de bibliotheek."))
    item = item_van(plg) or Bibliotheekitem(
        plg=plg, network_id=plg.scholengemeenschap.network_id, slug=_nieuwe_slug(plg.name)
    )
    if item.is_gepubliceerd:
        raise ValidationError(_("Trek het item eerst in om het te wijzigen."))
    voor = {naam: getattr(item, naam) for naam in TEKSTVELDEN}
    for naam in TEKSTVELDEN:
        if naam in velden:
            setattr(item, naam, velden[naam])
    item.namen = namen_van(plg) if met_namen else ""
    item.full_clean()
    item.save()
    if stored or voor != {naam: getattr(item, naam) for naam in TEKSTVELDEN}:
        item.instemmingen.all().delete()
    Bibliotheekbijlage.objects.bulk_create(
        Bibliotheekbijlage(item=item, file=file_name, name=name[:200]) for file_name, name in stored
    )
    return item


@dataclass(frozen=True)
class Instemmingen:
    """Who of the PLG said yes to the entry as it reads now, and who not (yet)."""

    ja: list[Lidmaatschap]
    nog_niet: list[Lidmaatschap]

    @property
    def iedereen(self) -> bool:
        return bool(self.ja) and not self.nog_niet


def instemmingen(item: Bibliotheekitem, plg: PLG) -> Instemmingen:
    ja_ids = set(item.instemmingen.values_list("user_id", flat=True))
    leden = list(plg.lidmaatschappen.select_related("user"))
    return Instemmingen(
        ja=[lid for lid in leden if lid.user_id in ja_ids],
        nog_niet=[lid for lid in leden if lid.user_id not in ja_ids],
    )


def stem_in(*, item: Bibliotheekitem, user: User) -> None:
    Instemming.objects.get_or_create(item=item, user=user)


@transaction.atomic
def trek_instemming_in(*, item: Bibliotheekitem, user: User) -> None:
    """A member's no. A published entry needed everyone's yes, so it is withdrawn too."""
    item.instemmingen.filter(user=user).delete()
    if item.is_gepubliceerd:
        withdraw(item=item)


@transaction.atomic
def publish(*, item: Bibliotheekitem, plg: PLG) -> None:
    if not instemmingen(item, plg).iedereen:
        raise ValidationError(_("Nog niet iedereen van de PLG stemde in."))
    item.published_at = timezone.now()
    item.withdrawn_at = None
    item.save()


@transaction.atomic
def withdraw(*, item: Bibliotheekitem) -> None:
    """Out of the library at once; publishing again asks everyone again."""
    item.withdrawn_at = timezone.now()
    item.save()
    item.instemmingen.all().delete()


@transaction.atomic
def start_plg_from(
    *, item: Bibliotheekitem, coach: User, name: str, schools: Iterable[School], praktijknood: str
) -> PLG:
    """A new PLG that sets out from an entry: its themes and leervraag as drafts to rework."""
    plg = plg_services.create_plg(
        coach=coach, name=name, schools=schools, praktijknood=praktijknood
    )
    plg_services.add_themas(plg=plg, titles=item.themas, author=coach)
    if item.leervraag:
        plg_services.add_leervraag(plg=plg, text=item.leervraag[:500], author=coach)
    Vertrekpunt.objects.create(plg=plg, item=item)
    return plg


__all__ = [
    "TEKSTVELDEN",
    "Instemmingen",
    "instemmingen",
    "item_van",
    "publish",
    "save_concept",
    "start_plg_from",
    "stem_in",
    "trek_instemming_in",
    "voorstel_uit_plg",
    "withdraw",
]
