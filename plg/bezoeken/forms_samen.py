"""Forms for blitsbezoeken, buddies and co-teaching: short, phone-friendly, in the users' words."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from plg.accounts.models import User
from plg.bezoeken import blits, coteaching
from plg.bezoeken.models import Blitsfeedback, Buddyvoorkeur, CoTeachingNota, Periode
from plg.communities.models import PLG
from plg.communities.sharing import BezoekAudience
from plg.core.validators import sensible_date, single_line
from plg.organisations.models import School

MOMENT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
MOMENT_FORMATS = ["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M"]


def _audience_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Wie mag dit lezen?"),
        choices=BezoekAudience.choices,
        initial=BezoekAudience.WIJ_TWEE,
        widget=forms.RadioSelect,
    )


class ColleagueChoice(forms.ModelChoiceField[User]):
    def label_from_instance(self, obj: User) -> str:
        return obj.display_name


class BlitsUitnodigingForm(forms.Form):
    bezoeker = ColleagueChoice(
        label=_("Welke collega nodig je uit?"),
        queryset=User.objects.none(),
        error_messages={
            "invalid_choice": _("Kies een collega van je school; jezelf uitnodigen kan niet.")
        },
    )
    begin = forms.DateTimeField(
        label=_("Wanneer?"), widget=MOMENT, input_formats=MOMENT_FORMATS, validators=[sensible_date]
    )
    minuten = forms.IntegerField(label=_("Hoeveel minuten?"), initial=15, min_value=1)
    klas = forms.CharField(label=_("Klas"), max_length=50, validators=[single_line])
    kijken_naar = forms.CharField(
        label=_("Waar mag je collega op letten?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, colleagues: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(ColleagueChoice, self.fields["bezoeker"]).queryset = colleagues

    def clean_minuten(self) -> int:
        minuten: int = self.cleaned_data["minuten"]
        blits.check_blits_minuten(minuten)
        return minuten

    def clean_begin(self) -> datetime:
        begin: datetime = self.cleaned_data["begin"]
        blits.check_later(begin)
        return begin


class BlitsfeedbackForm(forms.ModelForm[Blitsfeedback]):
    audience = _audience_field()

    class Meta:
        model = Blitsfeedback
        fields = ["waardering", "vraag", "audience"]
        labels = {
            "waardering": _("Eén zin waardering: wat zag je dat werkte?"),
            "vraag": _("Eén vraag: waar ben je benieuwd naar?"),
        }
        error_messages = {
            "waardering": {"required": _("Schrijf één zin over wat je waardeerde.")},
            "vraag": {"required": _("Stel één vraag aan je collega.")},
        }
        widgets = {
            "waardering": forms.TextInput(attrs={"autocomplete": "off"}),
            "vraag": forms.TextInput(attrs={"autocomplete": "off"}),
        }


class BuddyvoorkeurForm(forms.ModelForm[Buddyvoorkeur]):
    school = forms.ModelChoiceField(label=_("School"), queryset=School.objects.none())
    graad = forms.CharField(
        label=_("Mijn graad of leerjaar"),
        max_length=50,
        required=False,
        validators=[single_line],
    )

    class Meta:
        model = Buddyvoorkeur
        fields = ["school", "graad", "andere_graad", "over_scholen", "wil_mentor", "zoekt_mentor"]

    def __init__(self, *args: Any, schools: list[School], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast("forms.ModelChoiceField[School]", self.fields["school"])
        field.queryset = School.objects.filter(pk__in=[s.pk for s in schools])
        if len(schools) == 1:
            field.initial = schools[0].pk
            field.widget = forms.HiddenInput()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("wil_mentor") and cleaned.get("zoekt_mentor"):
            self.add_error(
                "zoekt_mentor",
                _("Kies één van beide: een starter begeleiden of zelf een mentor zoeken."),
            )
        return cleaned


class KoppelenForm(forms.Form):
    periode = forms.ChoiceField(
        label=_("Voor hoe lang?"), choices=Periode.choices, widget=forms.RadioSelect
    )


class CoTeachingReeksForm(forms.Form):
    partner = ColleagueChoice(
        label=_("Met welke collega?"),
        queryset=User.objects.none(),
        error_messages={
            "invalid_choice": _(
                "Kies een collega van je school; co-teaching doe je niet met jezelf."
            )
        },
    )
    titel = forms.CharField(label=_("Titel"), max_length=150, validators=[single_line])
    klas = forms.CharField(label=_("Klas"), max_length=50, validators=[single_line])
    focus = forms.CharField(
        label=_("Waar willen we samen aan werken?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    plg = forms.ModelChoiceField(
        label=_("Hoort bij onze PLG (niet verplicht)"), queryset=PLG.objects.none(), required=False
    )

    def __init__(
        self, *args: Any, colleagues: QuerySet[User], plgs: QuerySet[PLG], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(ColleagueChoice, self.fields["partner"]).queryset = colleagues
        cast("forms.ModelChoiceField[PLG]", self.fields["plg"]).queryset = plgs


class CoTeachingLesForm(forms.Form):
    begin = forms.DateTimeField(
        label=_("Wanneer geven we de les?"),
        widget=MOMENT,
        input_formats=MOMENT_FORMATS,
        validators=[sensible_date],
    )
    minuten = forms.IntegerField(label=_("Hoeveel minuten?"), initial=50, min_value=1)
    les = forms.CharField(
        label=_("Welke les?"), max_length=150, required=False, validators=[single_line]
    )
    plan = forms.CharField(
        label=_("Wat plannen we?"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    audience = _audience_field()

    def clean_minuten(self) -> int:
        minuten: int = self.cleaned_data["minuten"]
        coteaching.check_les_minuten(minuten)
        return minuten


class CoTeachingNotaForm(forms.ModelForm[CoTeachingNota]):
    audience = _audience_field()

    class Meta:
        model = CoTeachingNota
        fields = ["plan", "reflectie", "audience"]
        widgets = {
            "plan": forms.Textarea(attrs={"rows": 4}),
            "reflectie": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, may_choose_audience: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not may_choose_audience:
            del self.fields["audience"]
