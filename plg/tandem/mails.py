"""The e-mail that tells a school leader the procescoach invites them to a bijeenkomst."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from plg.accounts.models import User
from plg.communities.models import Fase, Rol
from plg.post import geldig
from plg.post.models import Bericht, Soort
from plg.tandem.models import Aanwezigheid


def uitnodiging(aanwezigheid: Aanwezigheid, *, door: User) -> Bericht:
    """Only the date, the place and the way to answer: what the PLG does stays in the PLG, and
    the leader answers on the tandem page (no calendar file before a yes)."""
    tandem = aanwezigheid.tandem
    bijeenkomst = aanwezigheid.bijeenkomst
    when = timezone.localtime(bijeenkomst.starts_at)
    with translation.override(settings.LANGUAGE_CODE):
        return Bericht(
            sleutel=f"tandem-uitnodiging:{aanwezigheid.pk}",
            soort=Soort.TANDEM_UITNODIGING,
            over=aanwezigheid,
            door=door,
            aan=tandem.schoolleider.email,
            onderwerp=_("Uitnodiging: bijeenkomst van de PLG %(plg)s op %(dag)s")
            % {"plg": tandem.plg.name, "dag": f"{when:%d/%m/%Y %H:%M}"},
            tekst=render_to_string(
                "tandem/email/uitnodiging.txt",
                {
                    "leider": tandem.schoolleider,
                    "coach": door,
                    "plg": tandem.plg,
                    "bijeenkomst": bijeenkomst,
                    "link": settings.SITE_URL + reverse("tandem", args=[tandem.plg_id]),
                },
            ),
        )


@geldig.controle(Soort.TANDEM_UITNODIGING)
def uitnodiging_mag_nog(door: AbstractBaseUser, berichten: list[Bericht]) -> set[int]:
    """A coach of the PLG sends it again while the invitation stands, its bijeenkomst is ahead
    and the PLG open."""
    if not isinstance(door, User):
        return set()
    open_ids = set(
        Aanwezigheid.objects.filter(
            pk__in=geldig.over_ids(berichten),
            bijeenkomst__starts_at__gte=timezone.now(),
            tandem__plg__lidmaatschappen__user=door,
            tandem__plg__lidmaatschappen__rol=Rol.PROCESCOACH,
        )
        .exclude(tandem__plg__fase=Fase.AFGESLOTEN)
        .values_list("pk", flat=True)
    )
    return {bericht.pk for bericht in berichten if bericht.over_id in open_ids}
