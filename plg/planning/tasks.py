"""Background work for planning: the month solver, invitations and reminders."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from plg.meetings.models import Bijeenkomst, Opdracht
from plg.planning import feeds, services
from plg.planning.models import (
    Herinnering,
    HerinneringSoort,
    Maandplan,
    MaandplanStatus,
    Vervangbeurt,
)


@task()
def compute_maandplan(maandplan_id: int) -> str:
    """A failure is shown as such: the page must not wait for a plan that never comes."""
    maandplan = Maandplan.objects.select_related("school", "scholengemeenschap").get(
        pk=maandplan_id
    )
    try:
        return str(services.bereken_maandplan(maandplan))
    except Exception:
        Maandplan.objects.filter(pk=maandplan_id).update(status=MaandplanStatus.MISLUKT)
        raise


def _members(bijeenkomst: Bijeenkomst) -> list[str]:
    return list(bijeenkomst.plg.lidmaatschappen.values_list("user__email", flat=True))


@task()
def send_uitnodigingen(bijeenkomst_id: int) -> int:
    """Members get the bijeenkomst with a calendar file; substitutes get their classes."""
    bijeenkomst = Bijeenkomst.objects.select_related("plg").filter(pk=bijeenkomst_id).first()
    if bijeenkomst is None:
        return 0
    link = settings.SITE_URL + reverse("bijeenkomst_detail", args=[bijeenkomst.pk])
    when = timezone.localtime(bijeenkomst.starts_at)
    sent = 0
    with get_connection() as connection:
        for email in _members(bijeenkomst):
            message = EmailMessage(
                _("PLG %(plg)s: bijeenkomst op %(dag)s")
                % {"plg": bijeenkomst.plg.name, "dag": f"{when:%d/%m/%Y %H:%M}"},
                render_to_string(
                    "planning/email/uitnodiging.txt", {"bijeenkomst": bijeenkomst, "link": link}
                ),
                to=[email],
                connection=connection,
            )
            message.attach("bijeenkomst.ics", feeds.uitnodiging(bijeenkomst), "text/calendar")
            message.send()
            sent += 1
        beurten: dict[str, list[Vervangbeurt]] = {}
        for beurt in Vervangbeurt.objects.filter(bijeenkomst=bijeenkomst).select_related(
            "vervanger", "afwezige"
        ):
            beurten.setdefault(beurt.vervanger.email, []).append(beurt)
        for email, duties in beurten.items():
            EmailMessage(
                _("Vervanging op %(dag)s") % {"dag": f"{when:%d/%m/%Y}"},
                render_to_string(
                    "planning/email/vervanging.txt",
                    {"beurten": duties, "link": settings.SITE_URL + reverse("tijd")},
                ),
                to=[email],
                connection=connection,
            ).send()
            sent += 1
    return sent


@task()
def send_herinnering(herinnering_id: int, due_at: str) -> bool:
    """Send once, and only if the bijeenkomst was not moved since this was queued."""
    with transaction.atomic():
        herinnering = (
            Herinnering.objects.select_for_update()
            .select_related("bijeenkomst__plg")
            .filter(pk=herinnering_id, sent_at__isnull=True)
            .first()
        )
        if herinnering is None or herinnering.due_at != datetime.fromisoformat(due_at):
            return False
        _send(herinnering)
        herinnering.sent_at = timezone.now()
        herinnering.save(update_fields=["sent_at"])
    return True


def _send(herinnering: Herinnering) -> None:
    bijeenkomst = herinnering.bijeenkomst
    leerlog = herinnering.soort == HerinneringSoort.LEERLOG
    template = "planning/email/leerlog.txt" if leerlog else "planning/email/herinnering.txt"
    target = "leerlog" if leerlog else "bijeenkomst_detail"
    when = timezone.localtime(bijeenkomst.starts_at)
    subject = (
        _("Wat nam je mee uit de PLG %(plg)s?") if leerlog else _("Morgen: PLG %(plg)s om %(uur)s")
    ) % {"plg": bijeenkomst.plg.name, "uur": f"{when:%H:%M}"}
    with get_connection() as connection:
        for lid in bijeenkomst.plg.lidmaatschappen.select_related("user"):
            context = {
                "bijeenkomst": bijeenkomst,
                "blokken": bijeenkomst.blokken.select_related("werkvorm"),
                "opdrachten": Opdracht.objects.filter(
                    bijeenkomst__plg=bijeenkomst.plg, owner=lid.user, done=False
                ).values_list("description", flat=True),
                "link": settings.SITE_URL + reverse(target, args=[bijeenkomst.pk]),
            }
            EmailMessage(
                subject,
                render_to_string(template, context),
                to=[lid.user.email],
                connection=connection,
            ).send()


def send_due_reminders() -> int:
    """Send every reminder whose time has come: the worker's safety net and the cron fallback."""
    sent = 0
    for pk, due_at in Herinnering.objects.filter(
        sent_at__isnull=True, due_at__lte=timezone.now()
    ).values_list("pk", "due_at"):
        sent += bool(send_herinnering.call(pk, due_at.isoformat()))
    return sent
