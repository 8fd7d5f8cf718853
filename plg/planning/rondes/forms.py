"""The organiser's round and the teacher's question for moments, with Dutch messages."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plg.bezoeken.models import Bezoekronde, Soort
from plg.core.validators import sensible_date

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_DAGEN = {Soort.BLITS: 7, Soort.KLASBEZOEK: 28}  # a blitsweek; up to four weeks of visits
MAX_PER_PERSOON = 5


class BezoekrondeForm(forms.ModelForm[Bezoekronde]):
    soort = forms.ChoiceField(
        label=_("soort"),
        choices=[(Soort.KLASBEZOEK, _("klasbezoek")), (Soort.BLITS, _("blitsbezoek"))],
    )
    van = forms.DateField(label=_("van"), widget=DATE, validators=[sensible_date])
    tot = forms.DateField(label=_("tot en met"), widget=DATE, validators=[sensible_date])

    class Meta:
        model = Bezoekronde
        fields = [
            "titel",
            "soort",
            "van",
            "tot",
            "bezoeken_per_persoon",
            "bezocht_per_persoon",
            "minuten",
            "reistijd",
            "vervang_max_maand",
            "over_scholen",
        ]

    def __init__(self, *args: Any, heel_sg: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not heel_sg:
            del self.fields["over_scholen"]
            del self.fields["reistijd"]
        today = timezone.localdate()
        self.fields["van"].initial = today + timedelta(days=7)
        self.fields["tot"].initial = today + timedelta(days=11)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        van, tot, soort = cleaned.get("van"), cleaned.get("tot"), cleaned.get("soort")
        if van and van <= timezone.localdate():
            self.add_error("van", _("Kies een dag vanaf morgen."))
        elif van and tot and tot < van:
            self.add_error("tot", _("De laatste dag ligt voor de eerste."))
        elif van and tot and soort in MAX_DAGEN and (tot - van).days >= MAX_DAGEN[soort]:
            self.add_error(
                "tot",
                _("Een blitsweek duurt hoogstens een week.")
                if soort == Soort.BLITS
                else _("Een bezoekronde duurt hoogstens vier weken."),
            )
        for veld in ("bezoeken_per_persoon", "bezocht_per_persoon"):
            aantal = cleaned.get(veld)
            if aantal is not None and not 1 <= aantal <= MAX_PER_PERSOON:
                self.add_error(veld, _("Kies een aantal van 1 tot %(n)s.") % {"n": MAX_PER_PERSOON})
        minuten = cleaned.get("minuten")
        if minuten is not None and not 10 <= minuten <= 60:
            self.add_error(
                "minuten", _("Een bezoek duurt 10 tot 60 minuten (hoogstens een lesuur).")
            )
        if soort == Soort.BLITS and minuten is not None and minuten > 15:
            self.add_error("minuten", _("Een blitsbezoek duurt 10 tot 15 minuten."))
        if (cleaned.get("reistijd") or 0) > 120:
            self.add_error("reistijd", _("Reken met hoogstens twee uur reistijd."))
        if (cleaned.get("vervang_max_maand") or 0) > 10:
            self.add_error("vervang_max_maand", _("Vraag hoogstens 10 vervanguren per maand."))
        return cleaned


class MomentenForm(forms.Form):
    """When can I visit this colleague, or they me?"""

    rol = forms.ChoiceField(
        label=_("Wie gaat op bezoek?"),
        choices=[
            ("ik", _("ik ga bij mijn collega kijken")),
            ("collega", _("mijn collega komt bij mij kijken")),
        ],
        initial="ik",
    )
    van = forms.DateField(label=_("Van"), widget=DATE, validators=[sensible_date])
    tot = forms.DateField(label=_("Tot en met"), widget=DATE, validators=[sensible_date])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["van"].initial = today + timedelta(days=1)
        self.fields["tot"].initial = today + timedelta(days=14)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        van, tot = cleaned.get("van"), cleaned.get("tot")
        if van and van <= timezone.localdate():
            self.add_error("van", _("Kies een dag vanaf morgen."))
        elif van and tot and tot < van:
            self.add_error("tot", _("De laatste dag ligt voor de eerste."))
        elif van and tot and (tot - van).days > 28:
            self.add_error("tot", _("Zoek in hoogstens vier weken tegelijk."))
        return cleaned
