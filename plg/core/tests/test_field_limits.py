"""No text without a limit, no date without a range, no name over several lines: checked on
every model and every form class of the project, so a new field cannot forget it."""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any, TypeVar

import pytest
from django import forms
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models

import plg
from plg.core.validators import sensible_date, single_line


def _plg_modules() -> None:
    for module in pkgutil.walk_packages(plg.__path__, "plg."):
        if not any(part in module.name for part in (".tests", ".migrations", "settings")):
            importlib.import_module(module.name)


_T = TypeVar("_T")


def _subclasses(cls: type[_T]) -> set[type[_T]]:
    found: set[type[_T]] = set()
    for sub in cls.__subclasses__():
        found |= {sub, *_subclasses(sub)}
    return found


def form_classes() -> list[type[forms.Form | forms.ModelForm[Any]]]:
    _plg_modules()
    return sorted(
        (
            c
            for c in _subclasses(forms.Form) | _subclasses(forms.ModelForm)
            if c.__module__.startswith("plg.")
        ),
        key=lambda c: f"{c.__module__}.{c.__qualname__}",
    )


def form_fields() -> list[tuple[str, forms.Field, object]]:
    """(name, form field, the model field it comes from or None) of every form class."""
    found: list[tuple[str, forms.Field, object]] = []
    for form in form_classes():
        model = getattr(getattr(form, "_meta", None), "model", None)
        for name, field in form.base_fields.items():
            model_field: object = None
            if model is not None:
                try:
                    model_field = model._meta.get_field(name)
                except FieldDoesNotExist:  # a form-only field
                    model_field = None
            found.append((f"{form.__module__}.{form.__qualname__}.{name}", field, model_field))
    return found


def validators(field: forms.Field, model_field: object) -> list[object]:
    return [*field.validators, *(getattr(model_field, "validators", None) or [])]


def model_text_fields() -> list[tuple[str, models.Field[Any, Any]]]:
    return [
        (f"{model._meta.label}.{field.name}", field)
        for model in apps.get_models()
        if model.__module__.startswith("plg.")
        for field in model._meta.get_fields()
        if isinstance(field, models.CharField | models.TextField)
    ]


@pytest.mark.parametrize(
    ("name", "field"), model_text_fields(), ids=lambda x: x if isinstance(x, str) else ""
)
def test_every_text_column_has_a_maximum_length(name: str, field: models.Field[Any, Any]) -> None:
    assert field.max_length, f"{name}: give it a max_length (TextField takes one too)"


TEXT = [(n, f, m) for n, f, m in form_fields() if isinstance(f, forms.CharField)]
DATES = [
    (n, f, m) for n, f, m in form_fields() if isinstance(f, forms.DateField | forms.DateTimeField)
]
ONE_LINE = [
    (n, f, m)
    for n, f, m in TEXT
    if not isinstance(f, forms.EmailField)
    and not isinstance(f.widget, forms.Textarea | forms.PasswordInput)
]


def test_the_walk_finds_the_forms() -> None:
    names = {n for n, _f, _m in form_fields()}
    assert "plg.communities.forms.PLGForm.name" in names
    assert "plg.meetings.forms.BijeenkomstForm.starts_at" in names


@pytest.mark.parametrize(("name", "field", "model_field"), TEXT, ids=[n for n, _f, _m in TEXT])
def test_every_text_input_has_a_maximum_length(
    name: str, field: forms.CharField, model_field: object
) -> None:
    assert field.max_length, f"{name}: give it a max_length (on the model field when it has one)"


@pytest.mark.parametrize(("name", "field", "model_field"), DATES, ids=[n for n, _f, _m in DATES])
def test_every_date_input_has_a_sensible_range(
    name: str, field: forms.Field, model_field: object
) -> None:
    assert sensible_date in validators(field, model_field), f"{name}: add sensible_date"


@pytest.mark.parametrize(
    ("name", "field", "model_field"), ONE_LINE, ids=[n for n, _f, _m in ONE_LINE]
)
def test_every_single_line_input_stays_on_one_line(
    name: str, field: forms.CharField, model_field: object
) -> None:
    assert single_line in validators(field, model_field), f"{name}: add single_line"
