"""``manage.py backup FILE``: the database and the uploaded files in one tar file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from plg.beheer.backup import BackupFout, maak


class Command(BaseCommand):
    help = "Schrijft een backup (database en opgeladen bestanden) naar één bestand."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("bestand", type=Path)

    def handle(self, *args: Any, bestand: Path, **options: Any) -> None:
        try:
            manifest = maak(bestand)
        except BackupFout as fout:
            raise CommandError(str(fout)) from fout
        self.stdout.write(
            f"Backup geschreven naar {bestand}: {manifest.database}, "
            f"{manifest.bestanden} bestanden, {len(manifest.migraties)} migraties."
        )
