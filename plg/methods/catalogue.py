"""Loads the werkvormen and the vragenkit from the YAML files that hold them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

DATA = Path(__file__).resolve().parent / "data"
TEXT_FIELDS = ("name", "summary", "wat", "waarom", "hoe", "valkuil", "variant")


def read(name: str) -> list[dict[str, Any]]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return list(yaml.safe_load(handle))


@transaction.atomic
def load_catalogue(
    *, werkvorm_model: Any = None, groep_model: Any = None, vraag_model: Any = None
) -> None:
    """Create or update the shared catalogue; models may be historical ones from a migration."""
    if werkvorm_model is None:
        from plg.methods.models import Vraag, Vragengroep, Werkvorm

        werkvorm_model, groep_model, vraag_model = Werkvorm, Vragengroep, Vraag
    for item in read("werkvormen.yaml"):
        nl = item["nl"]
        werkvorm_model.objects.update_or_create(
            slug=item["slug"],
            school=None,
            defaults={
                **{field: nl.get(field, "") for field in TEXT_FIELDS},
                "minutes": item["minutes"],
                "steps": item["steps"],
                "translations": {"en": item.get("en", {})},
            },
        )
    for position, group in enumerate(read("vragenkit.yaml")):
        groep, _ = groep_model.objects.update_or_create(
            slug=group["slug"],
            defaults={
                "position": position,
                "title": group["nl"]["title"],
                "intro": group["nl"].get("intro", ""),
                "translations": {"en": group.get("en", {})},
            },
        )
        groep.vragen.all().delete()
        vraag_model.objects.bulk_create(
            vraag_model(
                groep=groep,
                position=index,
                text=question["nl"],
                steps=question.get("steps", group["steps"]),
                translations={"en": {"text": question.get("en", "")}},
            )
            for index, question in enumerate(group["questions"])
        )
