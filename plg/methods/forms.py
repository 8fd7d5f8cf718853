from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from plg.methods.models import Stap, Werkvorm
from plg.organisations.models import School


class WerkvormForm(forms.ModelForm[Werkvorm]):
    steps = forms.MultipleChoiceField(
        label=_("Past bij de stappen"), choices=Stap.choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Werkvorm
        fields = [
            "school",
            "name",
            "summary",
            "wat",
            "waarom",
            "hoe",
            "valkuil",
            "variant",
            "minutes",
            "steps",
        ]
        widgets = {
            f: forms.Textarea(attrs={"rows": 3})
            for f in ["wat", "waarom", "hoe", "valkuil", "variant"]
        }

    def __init__(self, *args: Any, schools: QuerySet[School], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        school = cast("forms.ModelChoiceField[School]", self.fields["school"])
        school.queryset = schools
        school.required = True
        school.empty_label = None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("name"):
            return data
        slug = slugify(data["name"])
        if not slug:
            self.add_error("name", _("Gebruik minstens één letter of cijfer in de naam."))
            return data
        if Werkvorm.objects.filter(school=data.get("school"), slug=slug).exists():
            self.add_error("name", _("Jullie school heeft al een werkvorm met deze naam."))
        self.instance.slug = slug
        return data
