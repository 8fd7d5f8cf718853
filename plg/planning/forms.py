from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plg.core.validators import sensible_date, single_line
from plg.planning import problem as p
from plg.planning.services import MAX_SEARCH_DAYS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SearchForm(forms.Form):
    van = forms.DateField(label=_("Van"), widget=DATE, validators=[sensible_date])
    tot = forms.DateField(label=_("Tot en met"), widget=DATE, validators=[sensible_date])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["van"].initial = today + timedelta(days=1)
        self.fields["tot"].initial = today + timedelta(days=28)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        van, tot = cleaned.get("van"), cleaned.get("tot")
        if van and van <= timezone.localdate():
            self.add_error("van", _("Kies een dag vanaf morgen."))
        elif van and tot and tot < van:
            self.add_error("tot", _("De laatste dag ligt voor de eerste."))
        elif van and tot and (tot - van).days > MAX_SEARCH_DAYS:
            self.add_error("tot", _("Zoek in hoogstens twee maanden tegelijk."))
        return cleaned


class ChooseForm(forms.Form):
    begin = forms.DateTimeField(widget=forms.HiddenInput, validators=[sensible_date])
    van = forms.DateField(widget=forms.HiddenInput, validators=[sensible_date])
    tot = forms.DateField(widget=forms.HiddenInput, validators=[sensible_date])
    place = forms.CharField(
        label=_("Plaats"), max_length=200, required=False, validators=[single_line]
    )


class BijeenkomstForm(forms.Form):
    """Which meeting of a proposal: its PLG and current start, checked against the index."""

    plg = forms.IntegerField(widget=forms.HiddenInput)
    was = forms.DateTimeField(widget=forms.HiddenInput, validators=[sensible_date])


class MoveForm(BijeenkomstForm):
    """... and where it goes."""

    begin = forms.DateTimeField(widget=forms.HiddenInput, validators=[sensible_date])
    school = forms.IntegerField(widget=forms.HiddenInput)


AFWEGINGEN = [
    (p.Afweging.SCHOOLUREN.value, _("Tijdens de schooluren, vrij van leerlingen")),
    (p.Afweging.EVENWICHT.value, _("In evenwicht")),
    (p.Afweging.NA_SCHOOL.value, _("Na de schooluren")),
]
AFWEGING_UITLEG = _(
    "Wat weegt zwaarder als een maand niet zonder kost past? Tijdens de schooluren: liever "
    "vervanging regelen dan collega's na school te laten blijven. Na de schooluren: liever na "
    "school samenkomen dan lessen te laten vervangen. In evenwicht: een vervangen lesuur weegt "
    "even zwaar als een lesuur na school."
)


class AfwegingForm(forms.Form):
    afweging = forms.ChoiceField(label=_("Wanneer samenkomen"), choices=AFWEGINGEN)

    def clean_afweging(self) -> p.Afweging:
        return p.Afweging(self.cleaned_data["afweging"])


class MaandplanForm(forms.Form):
    maand = forms.DateField(
        label=_("Maand"),
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
        input_formats=["%Y-%m", "%Y-%m-%d"],
        validators=[sensible_date],
    )
    aantal = forms.IntegerField(
        label=_("Bijeenkomsten per PLG deze maand"), min_value=1, max_value=4, initial=2
    )
    min_dagen_tussen = forms.IntegerField(
        label=_("Minstens zoveel dagen ertussen"), min_value=0, max_value=21, initial=7
    )
    afweging = forms.ChoiceField(
        label=_("Wanneer samenkomen"),
        choices=AFWEGINGEN,
        widget=forms.RadioSelect,
        required=False,
        initial=p.Afweging.SCHOOLUREN.value,
        help_text=AFWEGING_UITLEG,
    )

    def __init__(
        self,
        *args: Any,
        coordinator: bool = False,
        afweging: p.Afweging = p.Afweging.SCHOOLUREN,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["afweging"].initial = afweging.value
        today = timezone.localdate()
        self.fields["maand"].initial = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
        if coordinator:
            self.fields["heel_sg"] = forms.BooleanField(
                label=_("Alle PLG's van de scholengemeenschap samen plannen"), required=False
            )

    def clean_afweging(self) -> p.Afweging:
        """Left open, the research's default."""
        return p.Afweging(self.cleaned_data["afweging"] or p.Afweging.SCHOOLUREN)

    def clean_maand(self) -> Any:
        maand = self.cleaned_data["maand"].replace(day=1)
        if maand < timezone.localdate().replace(day=1):
            raise forms.ValidationError(_("Kies deze maand of een latere."))
        return maand
