"""For a cron job: this month's digest of every running traject, when no task worker runs."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from plg.traject.tasks import send_due_digests


class Command(BaseCommand):
    help = "Zet de maandelijkse samenvatting van elk lopend traject klaar en verstuur ze."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{send_due_digests()}")
