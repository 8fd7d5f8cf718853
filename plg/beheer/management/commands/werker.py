"""The task worker with its heartbeat: start it instead of ``db_worker`` (same options)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Command as DbWorker
from django_tasks_db.models import DBTaskResult

from plg.beheer.tasks import hartslag
from plg.core.signals import worker_started


class Command(DbWorker):
    help = "Voert de taken uit (e-mail, herinneringen) en laat elke minuut een hartslag na."

    def handle(self, *args: Any, **options: Any) -> None:
        start_hartslag()
        worker_started.send(sender=self.__class__)
        super().handle(*args, **options)


@transaction.atomic
def start_hartslag() -> None:
    """One beat waiting on the queue, whatever earlier workers left: every start replaces the
    waiting beats with one that runs now, so restarts never multiply them."""
    DBTaskResult.objects.filter(
        status=TaskResultStatus.READY, task_path=hartslag.module_path
    ).delete()
    hartslag.enqueue()
