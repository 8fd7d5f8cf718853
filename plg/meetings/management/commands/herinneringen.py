"""For a cron job: reminders whose time has come, then every e-mail that is due (also those a
worker that died left behind), when no task worker runs or one stopped."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from plg.meetings.tasks import send_due_reminders


class Command(BaseCommand):
    help = (
        "Verstuur de herinneringen waarvan het tijdstip voorbij is, en alle mails die klaarstaan."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{send_due_reminders()}")
