"""The guard: every model that holds a person or free text has a rule, so a new model cannot
slip past the download and the erasure."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models
from django.urls import get_resolver

from plg.accounts.models import User
from plg.pages.management.commands.seed_demo import build_demo
from plg.privacy.export import build_inzage
from plg.privacy.middleware import GEVOELIG
from plg.privacy.rules import REGELS, ZONDER_PERSOON, Actie


def _our_models() -> list[type[models.Model]]:
    return [m for m in apps.get_models() if m.__module__.startswith("plg.")]


def _person_fields(model: type[models.Model]) -> set[str]:
    user = apps.get_model(settings.AUTH_USER_MODEL)
    return {
        f.name
        for f in model._meta.get_fields()
        if f.concrete and f.is_relation and f.related_model is user
    }


def _has_free_text(model: type[models.Model]) -> bool:
    return any(
        isinstance(f, models.CharField | models.TextField) and not f.choices
        for f in model._meta.concrete_fields
    )


def test_every_field_pointing_at_a_person_has_a_rule() -> None:
    missing = [
        f"{model._meta.label}.{name}"
        for model in _our_models()
        for name in _person_fields(model)
        if name not in REGELS.get(model._meta.label, REGELS["accounts.User"]).personen
    ]
    assert missing == []


def test_every_model_with_free_text_has_a_rule_or_a_reason() -> None:
    missing = [
        model._meta.label
        for model in _our_models()
        if _has_free_text(model)
        and model._meta.label not in REGELS
        and model._meta.label not in ZONDER_PERSOON
    ]
    assert missing == []


def test_every_rule_names_a_field_of_its_model() -> None:
    for label, regel in REGELS.items():
        model = apps.get_model(label)
        assert set(regel.personen) <= _person_fields(model), label
        if regel.email:
            assert model._meta.get_field(regel.email), label


def test_only_what_has_an_audience_is_forgotten_by_its_audience() -> None:
    for label, regel in REGELS.items():
        fields = {f.name for f in apps.get_model(label)._meta.concrete_fields}
        if Actie.PUBLIEK in regel.personen.values():
            assert "audience" in fields, label


def test_a_model_is_either_about_a_person_or_not() -> None:
    assert set(REGELS) & set(ZONDER_PERSOON) == set()


@pytest.mark.django_db
def test_the_download_holds_every_row_pointing_at_the_person() -> None:
    """On the demo data: for every rule with rows, the person the row points at finds that row
    in their own download."""
    build_demo()
    checked = 0
    for label, regel in REGELS.items():
        model = apps.get_model(label)
        for veld in regel.personen:
            rows = model._default_manager.filter(**{f"{veld}__isnull": False})
            row = rows.first()
            if row is None:
                continue
            person = User.objects.filter(pk__in=rows.filter(pk=row.pk).values(veld)).first()
            assert person is not None
            sections = {s.model: s for s in build_inzage(person).secties}
            pks = {dict((v.naam, v.waarde) for v in r)["id"] for r in sections[label].rijen}
            assert row.pk in pks, f"{label}.{veld}"
            checked += 1
    assert checked > 40


def test_every_logged_page_exists() -> None:
    names = {name for name in get_resolver().reverse_dict if isinstance(name, str)}
    assert names >= GEVOELIG
