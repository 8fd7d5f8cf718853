import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from plg.communities.leervraag_check import check_leervraag


class Command(BaseCommand):
    help = "Check a leervraag against the criteria of a good learning question."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("vraag")
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args: Any, **options: Any) -> None:
        result = check_leervraag(options["vraag"])
        if options["json"]:
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False))
            return
        for key, met in result.criteria.items():
            mark = "✓" if met else "·"
            self.stdout.write(f"{mark} {result.explanations[key]}")
        if result.werkgroep_hint:
            self.stdout.write(result.werkgroep_hint)
