"""``manage.py zoekindex``: rebuild the library's search index, after changing
`zoeken/woorden.yaml` or writing entries around `save()`."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from plg.bibliotheek.zoeken.index import herindexeer


class Command(BaseCommand):
    help = "De zoekindex van de bibliotheek opnieuw opbouwen."

    def handle(self, *args: Any, **options: Any) -> None:
        aantal = herindexeer()
        self.stdout.write(_("%(n)s bibliotheekitems in de zoekindex.") % {"n": aantal})
