"""The e-mail the communities app writes: the invitation to join a PLG."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from plg.communities.models import Uitnodiging
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
