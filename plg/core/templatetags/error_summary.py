"""One error summary above a form: every problem in one list, each linked to its field.

A page can hold a form and a formset (the check-out and its assignments); the summary collects
them all, so the person reads every problem where the page opens, not one hidden further down.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms, template
from django.forms import BaseFormSet

register = template.Library()


@dataclass(frozen=True)
class Problem:
    message: str
    label: str = ""
    anchor: str = ""


def _anchor(field: forms.BoundField) -> str:
    """Where the link lands: the field itself, or the first choice of a group of choices."""
    if isinstance(field.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"{field.auto_id}_0" if field.auto_id else ""
    return str(field.id_for_label or field.auto_id or "")


def _problems(form: forms.BaseForm, row: str = "") -> list[Problem]:
    found = [Problem(str(e), row) for e in form.non_field_errors()]
    for field in form:
        label = f"{row} · {field.label}" if row else str(field.label)
        found += [Problem(str(e), label, _anchor(field)) for e in field.errors]
    return found


@register.inclusion_tag("_error_summary.html")
def error_summary(*forms_or_formsets: Any, rij: str = "") -> dict[str, list[Problem]]:
    """``rij`` names a formset's rows as the page does ("Opdracht" → "Opdracht 2 · Wie")."""
    problems: list[Problem] = []
    for item in forms_or_formsets:
        if isinstance(item, BaseFormSet):
            problems += [Problem(str(e)) for e in item.non_form_errors()]
            for number, form in enumerate(item.forms, start=1):
                problems += _problems(form, f"{rij} {number}".strip() if rij else str(number))
        elif isinstance(item, forms.BaseForm):
            problems += _problems(item)
    return {"problems": problems}
