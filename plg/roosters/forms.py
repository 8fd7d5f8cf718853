from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plg.accounts.models import User
from plg.core.validators import sensible_date, single_line
from plg.roosters.imports.errors import ImportMislukt
from plg.roosters.models import Kalender, SoortVrij
from plg.roosters.services import parse_lesuren

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class KalenderForm(forms.ModelForm[Kalender]):
    lesuren_tekst = forms.CharField(
        label=_("Lesuren"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 9}),
        help_text=_("Eén lesuur per regel, in volgorde, zoals 08:30-09:20."),
    )

    class Meta:
        model = Kalender
        fields = [
            "woensdag_tot",
            "na_school",
            "vrij_begin",
            "vervang_max_week",
            "na_school_max_maand",
        ]
        widgets = {
            "na_school": forms.TimeInput(attrs={"type": "time"}),
            "vrij_begin": forms.TimeInput(attrs={"type": "time"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.fields["lesuren_tekst"].initial = "\n".join(
                f"{u.begin:%H:%M}-{u.einde:%H:%M}" for u in self.instance.lesuren.all()
            )

    def clean_lesuren_tekst(self) -> list[Any]:
        try:
            return parse_lesuren(self.cleaned_data["lesuren_tekst"], str(_("Lesuren")))
        except ImportMislukt as error:
            raise ValidationError([str(fout) for fout in error.fouten]) from error

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        lesuren = cleaned.get("lesuren_tekst") or []
        tot = cleaned.get("woensdag_tot")
        if lesuren and tot is not None and tot > len(lesuren):
            self.add_error(
                "woensdag_tot",
                _("Er zijn maar %(n)s lesuren op een dag.") % {"n": len(lesuren)},
            )
        return cleaned


class VrijeDagenForm(forms.Form):
    van = forms.DateField(label=_("Van"), widget=DATE, validators=[sensible_date])
    tot = forms.DateField(
        label=_("Tot en met"), widget=DATE, required=False, validators=[sensible_date]
    )
    soort = forms.ChoiceField(label=_("Soort"), choices=SoortVrij.choices)
    omschrijving = forms.CharField(
        label=_("Omschrijving"),
        max_length=100,
        required=False,
        validators=[single_line],
        help_text=_("Bijvoorbeeld: krokusvakantie, pedagogische studiedag."),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        van, tot = cleaned.get("van"), cleaned.get("tot")
        if van and not tot:
            cleaned["tot"] = van
        elif van and tot and tot < van:
            self.add_error("tot", _("De laatste dag ligt voor de eerste."))
        elif van and tot and (tot - van).days > 120:
            self.add_error("tot", _("Geef een periode van hoogstens vier maanden."))
        return cleaned


MAX_UPLOAD = 5 * 1024 * 1024


def _read(upload: Any) -> bytes:
    if upload.size > MAX_UPLOAD:
        raise ValidationError(_("Dit bestand is groter dan 5 MB."))
    return bytes(upload.read())


class LessenCsvForm(forms.Form):
    bestand = forms.FileField(
        label=_("Lessen (CSV)"),
        help_text=_("Kolommen: leerkracht, dag, lesuur, groep, vak. Zie de uitleg hieronder."),
    )

    def clean_bestand(self) -> tuple[str, bytes]:
        upload = self.cleaned_data["bestand"]
        return upload.name, _read(upload)


class PersoneelForm(forms.Form):
    bestand = forms.FileField(
        label=_("Personeelslijst (CSV)"),
        help_text=_("Kolommen: naam, e-mail, en als je wil school en functie. Zie de uitleg."),
    )

    def clean_bestand(self) -> tuple[str, bytes]:
        upload = self.cleaned_data["bestand"]
        return upload.name, _read(upload)


SCHEIDINGSTEKENS = [("", _("zelf herkennen")), (";", ";"), (",", ","), ("\t", _("tab"))]
CODERINGEN = [
    ("", _("zelf herkennen")),
    ("utf-8", "UTF-8"),
    ("cp1252", _("Windows (ANSI)")),
]


class UntisForm(forms.Form):
    leerkrachten = forms.FileField(
        label=_("Leerkrachten (GPU004.TXT)"),
        help_text=_("Koppelt de korte code van elke leraar aan een persoon van de school."),
    )
    lessen = forms.FileField(label=_("Lesrooster (GPU001.TXT)"))
    scheidingsteken = forms.ChoiceField(
        label=_("Scheidingsteken"), choices=SCHEIDINGSTEKENS, required=False
    )
    codering = forms.ChoiceField(label=_("Tekencodering"), choices=CODERINGEN, required=False)

    def clean_leerkrachten(self) -> tuple[str, bytes]:
        upload = self.cleaned_data["leerkrachten"]
        return upload.name, _read(upload)

    def clean_lessen(self) -> tuple[str, bytes]:
        upload = self.cleaned_data["lessen"]
        return upload.name, _read(upload)


class IcalForm(forms.Form):
    bestand = forms.FileField(
        label=_("Agenda (.ics)"),
        help_text=_(
            "Een export uit Outlook of Google Agenda. We bewaren alleen wanneer iemand bezet "
            "is, nooit de titels of details."
        ),
    )
    van = forms.DateField(label=_("Van"), widget=DATE, validators=[sensible_date])
    tot = forms.DateField(label=_("Tot en met"), widget=DATE, validators=[sensible_date])

    def __init__(self, *args: Any, people: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["van"].initial = today
        self.fields["tot"].initial = date(today.year + (today.month > 6), 6, 30)  # school year
        if people is not None:
            self.fields["persoon"] = forms.ModelChoiceField(
                label=_("Van wie?"), queryset=people, empty_label=None
            )
            self.order_fields(["persoon", "bestand", "van", "tot"])

    def clean_bestand(self) -> tuple[str, bytes]:
        upload = self.cleaned_data["bestand"]
        return upload.name, _read(upload)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        van, tot = cleaned.get("van"), cleaned.get("tot")
        if van and tot and tot < van:
            self.add_error("tot", _("De laatste dag ligt voor de eerste."))
        elif van and tot and (tot - van).days > 370:
            self.add_error("tot", _("Geef een periode van hoogstens een jaar."))
        return cleaned


class PersoonForm(forms.Form):
    persoon = forms.ModelChoiceField(label=_("Wie?"), queryset=User.objects.none())

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["persoon"].queryset = people  # type: ignore[attr-defined]
