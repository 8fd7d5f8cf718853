"""Background work: e-mail leaves the request so a slow mail server never blocks a page."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from plg.communities.models import Uitnodiging


@task()
def send_invitation(uitnodiging_id: int) -> None:
    uitnodiging = Uitnodiging.objects.select_related("plg", "invited_by").get(pk=uitnodiging_id)
    link = settings.SITE_URL + reverse("uitnodiging", args=[uitnodiging.token])
    body = render_to_string(
        "communities/email/uitnodiging.txt", {"uitnodiging": uitnodiging, "link": link}
    )
    send_mail(
        _("Uitnodiging voor de PLG '%(plg)s'") % {"plg": uitnodiging.plg.name},
        body,
        None,
        [uitnodiging.email],
    )
