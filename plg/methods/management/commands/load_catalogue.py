from typing import Any

from django.core.management.base import BaseCommand

from plg.methods.catalogue import load_catalogue


class Command(BaseCommand):
    help = "Load or refresh the werkvormen and the vragenkit from their YAML files."

    def handle(self, *args: Any, **options: Any) -> None:
        load_catalogue()
        self.stdout.write("Catalogus geladen.")
