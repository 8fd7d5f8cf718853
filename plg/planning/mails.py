"""The e-mails of planning: the substitutes' classes, and when the mails of what a planner
planned may still go."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from plg.accounts.models import User
from plg.bezoeken.models import Bezoekronde, Klasbezoek, RondeStatus
from plg.meetings.mails import coached_by, moment, still_ahead
from plg.meetings.models import Bijeenkomst
from plg.planning.authorizers import may_organise_ronde
from plg.planning.models import Vervangbeurt
from plg.post import geldig
from plg.post.models import Bericht, Soort
from plg.roosters.authorizers import schools_to_plan


def vervangingen(bijeenkomst: Bijeenkomst, *, door: Any) -> list[Bericht]:
    """Each substitute gets the classes they take over so members can be at the bijeenkomst."""
    when = timezone.localtime(bijeenkomst.starts_at)
    beurten: dict[tuple[int, str], list[Vervangbeurt]] = {}
    for beurt in Vervangbeurt.objects.filter(bijeenkomst=bijeenkomst).select_related(
        "vervanger", "afwezige"
    ):
        beurten.setdefault((beurt.vervanger_id, beurt.vervanger.email), []).append(beurt)
    with translation.override(settings.LANGUAGE_CODE):
        return [
            Bericht(
                sleutel=f"vervanging:{bijeenkomst.pk}:{moment(bijeenkomst)}:{user_id}",
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
            for (user_id, email), duties in beurten.items()
        ]


@geldig.controle(Soort.BIJEENKOMST, Soort.VERVANGING)
def bijeenkomst_may_resend(door: Any, berichten: list[Bericht]) -> set[int]:
    """Sent again while the bijeenkomst is still ahead at the time the mail names and its PLG
    is not archived, by a coach of the PLG or a planner of one of its schools."""
    return still_ahead(
        berichten, may_send=coached_by(door) | Q(plg__schools__in=schools_to_plan(door))
    )


def bezoek_vervanging_vervalt(
    bezoek: Klasbezoek, per_vervanger: dict[int, list[Vervangbeurt]]
) -> list[Bericht]:
    """Each substitute of a cancelled visit hears which lessons they need not take over. Sent
    by nobody: the name of whoever cancelled would tell whom the colleague was to visit."""
    people = User.objects.in_bulk(per_vervanger)
    eerste = timezone.localtime(bezoek.begin)
    with translation.override(settings.LANGUAGE_CODE):
        return [
            Bericht(
                sleutel=f"vervanging-bezoek-af:{bezoek.pk}:{user_id}",
                soort=Soort.VERVANGING,
                over=bezoek.ronde if bezoek.ronde_id else bezoek,
                aan=people[user_id].email,
                onderwerp=_("Vervanging op %(dag)s gaat niet door") % {"dag": f"{eerste:%d/%m/%Y}"},
                tekst=render_to_string(
                    "planning/email/vervanging_bezoek_af.txt",
                    {"beurten": beurten, "link": settings.SITE_URL + reverse("tijd")},
                ),
            )
            for user_id, beurten in sorted(per_vervanger.items())
        ]


def bezoek_vervangingen(
    ronde: Any, per_vervanger: dict[int, list[Vervangbeurt]], *, door: Any
) -> list[Bericht]:
    """Each substitute gets the classes they take over so colleagues can make a class visit;
    the mail names the class and the colleague who is away, never whom they visit."""
    ids = set(per_vervanger) | {
        b.afwezige_id for beurten in per_vervanger.values() for b in beurten
    }
    people = User.objects.in_bulk(ids)
    result = []
    with translation.override(settings.LANGUAGE_CODE):
        for user_id, beurten in sorted(per_vervanger.items()):
            for beurt in beurten:
                beurt.afwezige = people[beurt.afwezige_id]
            eerste = timezone.localtime(min(b.begin for b in beurten))
            result.append(
                Bericht(
                    sleutel=f"vervanging-bezoek:{ronde.pk}:{user_id}",
                    soort=Soort.VERVANGING,
                    over=ronde,
                    door=door,
                    aan=people[user_id].email,
                    onderwerp=_("Vervanging vanaf %(dag)s") % {"dag": f"{eerste:%d/%m/%Y}"},
                    tekst=render_to_string(
                        "planning/email/vervanging_bezoek.txt",
                        {"beurten": beurten, "link": settings.SITE_URL + reverse("tijd")},
                    ),
                )
            )
    return result


@geldig.controle(Soort.VERVANGING)
def bezoekronde_may_resend(door: Any, berichten: list[Bericht]) -> set[int]:
    """A round's cover mails (and the notice that a cancelled visit's cover is off) go again by
    whoever may organise the round, while it is applied and not over."""
    if not isinstance(door, User):
        return set()
    soort = ContentType.objects.get_for_model(Bezoekronde)
    over_rondes = [b for b in berichten if b.over_type_id == soort.pk]
    rondes = Bezoekronde.objects.filter(
        pk__in=geldig.over_ids(over_rondes),
        status=RondeStatus.TOEGEPAST,
        tot__gte=timezone.localdate(),
    )
    mag = {ronde.pk for ronde in rondes if may_organise_ronde(door, ronde)}
    return {b.pk for b in over_rondes if b.over_id in mag}
