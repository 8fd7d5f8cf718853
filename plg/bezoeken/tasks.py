"""Background work for class visits: the reminder the day before, like a bijeenkomst's."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from plg.bezoeken import mails
from plg.bezoeken.models import Klasbezoek, Status
from plg.post import bezorging
from plg.post import services as post


def _herinneren(bezoek: Klasbezoek) -> int:
    """Queue both reminders; their keys name the visit's time, so a second run adds none."""
    return post.queue_berichten(mails.herinneringen(bezoek))


@task()
def send_bezoek_herinnering(bezoek_id: int, begin: str) -> bool:
    """Remind both, only if the visit is still on at the time this was queued for (a cancelled,
    declined or moved visit is not reminded)."""
    with transaction.atomic():
        bezoek = (
            Klasbezoek.objects.select_related("geobserveerde", "bezoeker")
            .filter(pk=bezoek_id, status=Status.AANVAARD, ingetrokken=False)
            .first()
        )
        if bezoek is None or bezoek.begin != datetime.fromisoformat(begin):
            return False
        return bool(_herinneren(bezoek))


def send_due_bezoek_reminders() -> int:
    """Every accepted visit that begins within a day gets its reminders (once), and the outbox
    is delivered: the cron fallback when no worker runs. Returns how many mails were new."""
    nu = timezone.now()
    nieuw = 0
    for bezoek in Klasbezoek.objects.select_related("geobserveerde", "bezoeker").filter(
        status=Status.AANVAARD, ingetrokken=False, begin__gt=nu, begin__lte=nu + timedelta(days=1)
    ):
        with transaction.atomic():
            nieuw += _herinneren(bezoek)
    bezorging.deliver()
    return nieuw
