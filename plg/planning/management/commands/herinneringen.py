"""Send reminders whose time has come, for a cron job when no task worker runs."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from plg.planning.tasks import send_due_reminders


class Command(BaseCommand):
    help = "Verstuur de herinneringen waarvan het tijdstip voorbij is."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{send_due_reminders()}")
