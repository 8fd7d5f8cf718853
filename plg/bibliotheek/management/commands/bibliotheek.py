"""``manage.py bibliotheek importeer FILE…`` and ``manage.py bibliotheek zoek --json "vraag"``.

The command line is nobody in particular: it searches what everyone may read, exactly as the
library page does for a reader without a network.
"""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from plg.bibliotheek.pakket import PakketFout, importeer_bestanden
from plg.bibliotheek.zoeken import zoek


class Command(BaseCommand):
    help = "De bibliotheek: pakketten (plg-pakket/1) importeren, of zoeken zoals op de pagina."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="actie", required=True)
        importeer = sub.add_parser("importeer", help="plg-pakket/1-bestanden importeren")
        importeer.add_argument("bestanden", nargs="+", type=Path)
        zoeken = sub.add_parser("zoek", help="zoeken in wat iedereen mag lezen")
        zoeken.add_argument("vraag")
        zoeken.add_argument("--json", action="store_true", help="één JSON-lijst, beste eerst")
        zoeken.add_argument("--limiet", type=int, default=20)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["actie"] == "importeer":
            self._importeer(options["bestanden"])
        else:
            self._zoek(options["vraag"], limiet=options["limiet"], als_json=options["json"])

    def _importeer(self, bestanden: list[Path]) -> None:
        try:
            items = importeer_bestanden(bestanden)
        except PakketFout as e:
            raise CommandError(
                _("Niets geïmporteerd. %(fout)s") % {"fout": e}, returncode=2
            ) from None
        for item in items:
            self.stdout.write(f"{item.slug}\t{item.titel}")
        self.stdout.write(_("%(n)s pakket(ten) geïmporteerd.") % {"n": len(items)})

    def _zoek(self, vraag: str, *, limiet: int, als_json: bool) -> None:
        treffers = zoek(vraag, lezer=None, limiet=max(1, min(limiet, 100)))
        rijen = [
            {
                "id": t.item.slug,
                "titel": t.item.titel,
                "score": round(float(t.score), 4),
                "woorden": list(t.woorden),
            }
            for t in treffers
        ]
        if als_json:
            self.stdout.write(json.dumps(rijen, ensure_ascii=False))
            return
        for rij in rijen:
            self.stdout.write(f"{rij['score']:.3f}\t{rij['id']}\t{rij['titel']}")
