"""Everything about one person, as data (JSON) and as a readable PDF: the same collection,
built from ``rules.REGELS``, so both hold what forgetting the person would touch."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from plg.accounts.models import User
from plg.privacy.rules import GEHEIM, REGELS, VERBORGEN, Regel

FORMAAT = "plg-inzage/1"


@dataclass(frozen=True)
class Veld:
    naam: str
    label: str
    waarde: Any  # as stored: for the JSON
    tekst: str  # as read: for the PDF


@dataclass(frozen=True)
class Sectie:
    model: str
    titel: str
    rijen: list[list[Veld]]


@dataclass(frozen=True)
class Inzage:
    """A person's download: who, when it was made, and per model the rows about them."""

    naam: str
    email: str
    gemaakt: datetime
    secties: list[Sectie]

    def as_json(self) -> str:
        return json.dumps(
            {
                "formaat": FORMAAT,
                "persoon": {"naam": self.naam, "email": self.email},
                "gemaakt": self.gemaakt,
                "gegevens": {
                    s.model: [{v.naam: v.waarde for v in rij} for rij in s.rijen]
                    for s in self.secties
                },
            },
            cls=DjangoJSONEncoder,
            ensure_ascii=False,
            indent=2,
        )


def rows_about(model: type[models.Model], regel: Regel, user: User) -> models.QuerySet[Any]:
    """The rows of ``model`` that point at ``user``: one query, whatever the data."""
    if model is User:
        return User.objects.filter(pk=user.pk)
    condition = Q(pk__in=[])
    for naam in regel.personen:
        condition |= Q(**{naam: user})
    if regel.email:
        condition |= Q(**{f"{regel.email}__iexact": user.email})
    return model._default_manager.filter(condition).distinct().order_by("pk")


def _exported(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    hidden = GEHEIM | VERBORGEN.get(model._meta.label, frozenset())
    return [f for f in model._meta.concrete_fields if f.name not in hidden]


def _veld(obj: models.Model, field: models.Field[Any, Any]) -> Veld:
    waarde = getattr(obj, field.attname)
    if isinstance(waarde, FieldFile):
        waarde = waarde.name
    if field.choices:
        tekst = str(getattr(obj, f"get_{field.name}_display")())
    elif isinstance(waarde, datetime):
        tekst = f"{timezone.localtime(waarde):%d/%m/%Y %H:%M}"
    elif waarde is None or waarde == "":
        tekst = "—"
    else:
        tekst = str(waarde)
    return Veld(field.name, str(field.verbose_name), waarde, tekst)


def build_inzage(user: User) -> Inzage:
    secties = []
    for label, regel in REGELS.items():
        model = apps.get_model(label)
        fields = _exported(model)
        rijen = [[_veld(obj, f) for f in fields] for obj in rows_about(model, regel, user)]
        if rijen:
            secties.append(Sectie(label, str(model._meta.verbose_name_plural), rijen))
    return Inzage(user.display_name, user.email, timezone.now(), secties)
