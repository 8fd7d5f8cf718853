from __future__ import annotations

from datetime import date
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plg.core.validators import sensible_date, single_line
from plg.organisations.models import School
from plg.scans.services import Recipient, parse_recipients


class AfnameForm(forms.Form):
    title = forms.CharField(
        label=_("Naam van de afname"),
        max_length=120,
        validators=[single_line],
        help_text=_("Bijvoorbeeld: PLG-scan voorjaar 2027."),
    )
    schools = forms.ModelMultipleChoiceField(
        label=_("Voor welke scholen?"),
        queryset=School.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    closes_on = forms.DateField(
        label=_("Sluit op"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[sensible_date],
        help_text=_("Een richtdatum voor het team; je sluit de afname zelf af."),
    )
    team = forms.BooleanField(
        label=_("Stuur elk teamlid met een account een persoonlijke link"),
        required=False,
        initial=True,
    )
    extra = forms.CharField(
        label=_("Nog andere e-mailadressen"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Eén per regel. Kies je meer dan één school, zet dan na het adres een puntkomma en de "
            "naam van de school."
        ),
    )
    poster = forms.BooleanField(
        label=_("Maak ook een affiche met QR-code voor de leraarskamer"),
        required=False,
        initial=True,
        help_text=_(
            "Wie de code scant, antwoordt zonder persoonlijke link. Eenzelfde browser kan maar "
            "één keer indienen, maar wie een ander toestel of een andere browser neemt, kan "
            "opnieuw antwoorden."
        ),
    )

    def __init__(self, *args: Any, schools: QuerySet[School], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast("forms.ModelMultipleChoiceField[School]", self.fields["schools"]).queryset = schools
        if schools.count() == 1:
            self.fields["schools"].initial = list(schools)

    def clean_closes_on(self) -> date | None:
        closes_on: date | None = self.cleaned_data["closes_on"]
        if closes_on and closes_on < timezone.localdate():
            raise ValidationError(_("Kies een datum vanaf vandaag."))
        return closes_on

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        schools = list(cleaned.get("schools") or [])
        recipients: list[Recipient] = []
        if schools:
            try:
                recipients = parse_recipients(cleaned.get("extra", ""), schools)
            except ValidationError as error:
                self.add_error("extra", error)
            if not cleaned.get("team") and not recipients and not cleaned.get("poster"):
                raise ValidationError(
                    _("Kies minstens één manier om het team uit te nodigen: links of een affiche.")
                )
        cleaned["recipients"] = recipients
        return cleaned


class ZelfscanForm(forms.Form):
    title = forms.CharField(
        label=_("Naam"),
        max_length=120,
        validators=[single_line],
        help_text=_("Bijvoorbeeld: Zelfscan bij de start, of Zelfscan na drie maanden."),
    )


class ResumeForm(forms.Form):
    email = forms.EmailField(label=_("Je e-mailadres"), max_length=254)
