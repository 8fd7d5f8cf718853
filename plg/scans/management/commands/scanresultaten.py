"""Recompute the stored results of every closed wave, e.g. after a fix in how they are counted.

Closing a wave is the only other time its results are computed: its answers do not change.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from plg.scans.models import Afname
from plg.scans.results import compute

BATCH = 500  # waves per pass: bounds memory, however large the network


class Command(BaseCommand):
    help = "Bereken de resultaten van alle afgesloten afnames opnieuw."

    def handle(self, *args: Any, **options: Any) -> None:
        waves = list(Afname.objects.filter(closed_at__isnull=False).order_by("pk"))
        stored = sum(compute(waves[i : i + BATCH]) for i in range(0, len(waves), BATCH))
        self.stdout.write(f"{len(waves)} afnames, {stored} resultaten")
