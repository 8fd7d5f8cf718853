"""E-mail for scans: invitations and reminders leave the request, one task per wave."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import get_connection, send_mail
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from plg.scans.models import Afname, ToegangSoort


@task()
def send_invitations(afname_id: int, reminder: bool) -> int:
    """Mail the personal link to everyone invited who has not submitted yet."""
    afname = Afname.objects.get(pk=afname_id)
    if not afname.is_open:
        return 0
    toegangen = list(
        afname.toegangen.filter(soort=ToegangSoort.PERSOONLIJK, responded=False)
        .exclude(email="")
        .select_related("school")
    )
    subject = (_("Herinnering: %(scan)s") if reminder else _("Wil je de %(scan)s invullen?")) % {
        "scan": afname.title
    }
    with get_connection() as connection:
        for toegang in toegangen:
            link = settings.SITE_URL + reverse("scan_start", args=[toegang.token])
            body = render_to_string(
                "scans/email/uitnodiging.txt",
                {"afname": afname, "toegang": toegang, "link": link, "reminder": reminder},
            )
            send_mail(subject, body, None, [toegang.email], connection=connection)
    if reminder:
        afname.toegangen.filter(pk__in=[t.pk for t in toegangen]).update(
            reminders_sent=F("reminders_sent") + 1
        )
    return len(toegangen)
