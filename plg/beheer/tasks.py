"""The worker's heartbeat: a task that records the time and leaves the next beat on the queue."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from plg.beheer.models import Hartslag

WERKER = "werker"


@task()
def hartslag() -> str:
    nu = timezone.now()
    Hartslag.objects.update_or_create(naam=WERKER, defaults={"laatst": nu})
    if hartslag.get_backend().supports_defer:
        hartslag.using(run_after=nu + timedelta(seconds=settings.HARTSLAG_SECONDS)).enqueue()
    return nu.isoformat()
