"""Background work for bijeenkomsten: reminders handed to the outbox when they come due."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from plg.meetings import mails
from plg.meetings.models import Herinnering
from plg.post import bezorging
from plg.post import services as post


@task()
def send_herinnering(herinnering_id: int, due_at: str) -> bool:
    """Put the reminder in the outbox once, and only if the bijeenkomst was not moved since this
    was queued. Its e-mails and ``sent_at`` commit together: a worker that dies before the
    commit leaves the reminder due, one that dies after leaves its e-mails in the outbox."""
    with transaction.atomic():
        herinnering = (
            Herinnering.objects.select_for_update()
            .select_related("bijeenkomst__plg")
            .filter(pk=herinnering_id, sent_at__isnull=True)
            .first()
        )
        if herinnering is None or herinnering.due_at != datetime.fromisoformat(due_at):
            return False
        post.queue_berichten(mails.herinneringen(herinnering))
        herinnering.sent_at = timezone.now()
        herinnering.save(update_fields=["sent_at"])
    return True


def send_due_reminders() -> int:
    """Every reminder whose time has come goes to the outbox, and the outbox is delivered: the
    worker's safety net and the cron fallback. Returns how many reminders were due."""
    due = 0
    for pk, due_at in Herinnering.objects.filter(
        sent_at__isnull=True, due_at__lte=timezone.now()
    ).values_list("pk", "due_at"):
        due += bool(send_herinnering.call(pk, due_at.isoformat()))
    bezorging.deliver()
    return due
