"""The error summary collects every problem of a page's forms, each linked to its field, and
the pages ask for confirmation in one way only."""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.conf import settings

from plg.core.templatetags.error_summary import Problem, error_summary
from plg.core.validators import single_line


class Keuze(forms.Form):
    naam = forms.CharField(label="Naam", max_length=100, validators=[single_line])
    dagen = forms.MultipleChoiceField(
        label="Dagen", choices=[("ma", "ma"), ("di", "di")], widget=forms.CheckboxSelectMultiple
    )

    def clean(self) -> dict[str, object]:
        raise forms.ValidationError("Samen gaat het niet.")


Rijen = forms.formset_factory(Keuze, extra=0)


def test_a_group_of_choices_links_to_its_first_choice() -> None:
    problems = error_summary(Keuze({}))["problems"]
    assert Problem("Dit veld is verplicht.", "Dagen", "id_dagen_0") in problems


def test_a_problem_of_the_whole_form_is_listed_without_a_link() -> None:
    problems = error_summary(Keuze({"naam": "x", "dagen": ["ma"]}))["problems"]
    assert problems == [Problem("Samen gaat het niet.")]


def test_formset_rows_are_named_as_the_page_names_them() -> None:
    rijen = Rijen(
        {
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "0",
            "form-0-dagen": ["ma"],
            "form-1-naam": "x",
        }
    )
    labels = {p.label for p in error_summary(rijen, rij="Opdracht")["problems"]}
    assert {"Opdracht 1 · Naam", "Opdracht 2 · Dagen"} <= labels


def test_an_unsent_form_has_no_problems() -> None:
    assert error_summary(Keuze(), Rijen())["problems"] == []


def test_every_confirmation_goes_through_data_confirm() -> None:
    templates = Path(settings.BASE_DIR) / "plg" / "templates"
    offending = [
        str(t.relative_to(templates))
        for t in templates.rglob("*.html")
        if "hx-confirm" in t.read_text(encoding="utf-8")
    ]
    assert offending == []
