"""``manage.py bewaartermijn``: the daily pass over the retention periods, for cron."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from plg.post import bezorging
from plg.privacy.retention import houd_bewaartermijn


class Command(BaseCommand):
    help = (
        "Kondigt aan wat binnen de aankondigingstermijn gewist wordt en wist afgesloten PLG's "
        "en scans waarvan de bewaartermijn voorbij is (en de aankondiging lang genoeg geleden)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        ronde = houd_bewaartermijn()
        bezorging.deliver()
        self.stdout.write(f"{ronde.aangekondigd} aangekondigd, {ronde.gewist} gewist.")
