"""The monthly digest: each traject's task queues this month's mail and next month's task; the
cron command catches up when no worker runs."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import partial

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from plg.post import bezorging
from plg.post import services as post
from plg.traject import mails
from plg.traject.authorizers import Rol, rol
from plg.traject.models import Traject

LOOPTIJD = timedelta(days=2 * 365 + 92)  # two school years and the summer after


def runs(traject: Traject, dag: date) -> bool:
    return traject.start <= dag < traject.start + LOOPTIJD


@task()
def send_trajectdigest(traject_id: int, maand: str) -> bool:
    """Queue the digest of ``maand`` (YYYY-MM-01) once, while the traject runs and its advisor
    still supports the network; then the next month's."""
    eerste = date.fromisoformat(maand)
    with transaction.atomic():
        traject = Traject.objects.select_related("begeleider").filter(pk=traject_id).first()
        if traject is None or not runs(traject, eerste + timedelta(days=27)):
            return False
        nieuw = _queue(traject, eerste)
        schedule(traject, mails.volgende_maand(eerste))
    return nieuw


def _queue(traject: Traject, maand: date) -> bool:
    if rol(traject.begeleider, traject) != Rol.BEGELEIDER:
        return False
    return bool(post.queue_berichten([mails.digest(traject, maand)]))


def schedule(traject: Traject, maand: date) -> None:
    """On the first working morning of ``maand``, when the task backend can wait."""
    if not send_trajectdigest.get_backend().supports_defer:
        return
    moment = timezone.make_aware(datetime.combine(maand, time(7, 0)))
    transaction.on_commit(
        partial(send_trajectdigest.using(run_after=moment).enqueue, traject.pk, maand.isoformat())
    )


def send_due_digests(today: date | None = None) -> int:
    """This month's digest of every running traject (once), then delivery: the cron fallback.
    Returns how many digests were new."""
    dag = today or timezone.localdate()
    maand = mails.maand_van(dag)
    nieuw = 0
    for traject in Traject.objects.select_related("begeleider"):
        if runs(traject, dag):
            with transaction.atomic():
                nieuw += _queue(traject, maand)
    bezorging.deliver()
    return nieuw
