"""The e-mail the communities app writes: the invitation to join a PLG, and when it may still
go."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from plg.accounts.models import User
from plg.communities.models import Fase, Rol, Uitnodiging, UitnodigingStatus
from plg.post import geldig
from plg.post.models import Bericht, Soort


def uitnodiging(uitnodiging: Uitnodiging) -> Bericht:
    """Written in the site's language, whatever language the coach reads the site in."""
    link = settings.SITE_URL + reverse("uitnodiging", args=[uitnodiging.token])
    with translation.override(settings.LANGUAGE_CODE):
        return Bericht(
            sleutel=f"plg-uitnodiging:{uitnodiging.pk}",
            soort=Soort.PLG_UITNODIGING,
            over=uitnodiging,
            door=uitnodiging.invited_by,
            aan=uitnodiging.email,
            onderwerp=_("Uitnodiging voor de PLG '%(plg)s'") % {"plg": uitnodiging.plg.name},
            tekst=render_to_string(
                "communities/email/uitnodiging.txt", {"uitnodiging": uitnodiging, "link": link}
            ),
        )


@geldig.controle(Soort.PLG_UITNODIGING)
def may_send(door: AbstractBaseUser, berichten: list[Bericht]) -> set[int]:
    """Sent again while the invitation is open (not withdrawn, answered or expired, its PLG not
    archived) and its sender still coaches that PLG."""
    if not isinstance(door, User):
        return set()
    open_ids = set(
        Uitnodiging.objects.filter(
            pk__in=geldig.over_ids(berichten),
            status=UitnodigingStatus.OPEN,
            expires_at__gt=timezone.now(),
            plg__lidmaatschappen__user=door,
            plg__lidmaatschappen__rol=Rol.PROCESCOACH,
        )
        .exclude(plg__fase=Fase.AFGESLOTEN)
        .values_list("pk", flat=True)
    )
    return {bericht.pk for bericht in berichten if bericht.over_id in open_ids}
