"""The delivery task: started by every new e-mail, by its own wake-up call, and by the cron."""

from __future__ import annotations

from dataclasses import asdict

from django_tasks import task

from plg.post import bezorging


@task()
def deliver() -> dict[str, int]:
    return asdict(bezorging.deliver())


# Deliveries queued before the rename name this path in the database queue.
bezorg = deliver
