"""The daily pass over the retention periods: a task that leaves the next day's on the queue;
``manage.py bewaartermijn`` is the cron fallback."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from plg.post import bezorging
from plg.privacy.retention import houd_bewaartermijn

UUR = time(3, 0)


@task()
def bewaartermijn() -> str:
    ronde = houd_bewaartermijn()
    bezorging.deliver()
    plan_volgende()
    return f"{ronde.aangekondigd} aangekondigd, {ronde.gewist} gewist"


def plan_volgende() -> None:
    """Tomorrow at three in the night, when the task backend can wait."""
    if not bewaartermijn.get_backend().supports_defer:
        return
    morgen = timezone.localdate() + timedelta(days=1)
    moment = timezone.make_aware(datetime.combine(morgen, UUR))
    bewaartermijn.using(run_after=moment).enqueue()


@transaction.atomic
def start_bewaartermijn(**kwargs: object) -> None:
    """When the worker starts: one pass waiting on the queue, whatever earlier workers left."""
    DBTaskResult.objects.filter(
        status=TaskResultStatus.READY, task_path=bewaartermijn.module_path
    ).delete()
    plan_volgende()
