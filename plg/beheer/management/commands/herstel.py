"""``manage.py herstel FILE --ja``: put a backup back (stop the werkplaats first)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from plg.beheer.backup import BackupFout, herstel


class Command(BaseCommand):
    help = (
        "Vervangt de database en de opgeladen bestanden door die van een backup, en brengt de "
        "database daarna op het niveau van deze versie (migrate)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("bestand", type=Path)
        parser.add_argument(
            "--ja",
            action="store_true",
            help="Bevestigt dat alles wat nu in de werkplaats staat vervangen wordt.",
        )

    def handle(self, *args: Any, bestand: Path, ja: bool, **options: Any) -> None:
        if not ja:
            raise CommandError(
                "Herstellen vervangt alles wat nu in de werkplaats staat. "
                "Stop de werkplaats en herhaal met --ja."
            )
        try:
            manifest = herstel(bestand)
        except BackupFout as fout:
            raise CommandError(str(fout)) from fout
        call_command("migrate", verbosity=0)
        self.stdout.write(
            f"Hersteld uit {bestand} (gemaakt op {manifest.gemaakt_op}): "
            f"{manifest.bestanden} bestanden."
        )
