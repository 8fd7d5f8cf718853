"""For a cron job beside ``herinneringen``: reminders for the class visits of the coming day."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from plg.bezoeken.tasks import send_due_bezoek_reminders


class Command(BaseCommand):
    help = "Verstuur de herinneringen voor de klasbezoeken van de komende dag."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{send_due_bezoek_reminders()}")
