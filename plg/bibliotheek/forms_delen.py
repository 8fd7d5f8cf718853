"""The library entry as the procescoach writes it, from what the PLG already recorded."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from plg.bibliotheek.models import (
    Bibliotheekitem,
    Onderwijsniveau,
    Zichtbaarheid,
    schooljaar_validator,
)
from plg.communities.forms import MultipleFileField, MultipleFileInput
from plg.core.validators import single_line
from plg.methods.models import Werkvorm

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise

MAX_BIJLAGE = 5 * 1024 * 1024  # the same limit as the attachments of an afronding
MAX_THEMAS = 20


def _lengte(naam: str) -> int:
    return cast(int, cast(Any, Bibliotheekitem._meta.get_field(naam)).max_length)


def _tekst(
    label: StrOrPromise, naam: str, *, required: bool = False, rows: int = 4
) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=_lengte(naam),
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class ItemForm(forms.Form):
    titel = forms.CharField(label=_("Titel"), max_length=200, validators=[single_line])
    onderwijsniveau = forms.ChoiceField(
        label=_("Onderwijsniveau"), choices=Onderwijsniveau.choices, widget=forms.RadioSelect
    )
    schooljaar = forms.CharField(
        label=_("Schooljaar"),
        max_length=9,
        validators=[single_line, schooljaar_validator],
        help_text=_("Bijvoorbeeld 2024-2025."),
    )
    praktijknood = _tekst(_("Praktijknood"), "praktijknood")
    leervraag = _tekst(_("Leervraag"), "leervraag", required=True, rows=2)
    themas = forms.CharField(
        label=_("Thema's"),
        max_length=MAX_THEMAS * 201,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Eén thema per regel."),
    )
    actieplan = _tekst(_("Actieplan"), "actieplan", rows=6)
    werkvormen = forms.MultipleChoiceField(
        label=_("Werkvormen die we gebruikten"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    voorstel = _tekst(_("Voorstel aan het team"), "voorstel", rows=6)
    wat_we_leerden = _tekst(_("Wat we leerden"), "wat_we_leerden", rows=6)
    zichtbaarheid = forms.ChoiceField(
        label=_("Wie mag het lezen?"), choices=Zichtbaarheid.choices, widget=forms.RadioSelect
    )
    met_namen = forms.BooleanField(
        label=_("Met onze namen erbij"),
        required=False,
        help_text=_(
            "Zonder vinkje staat er geen enkele naam bij: lezers zien het pad, geen mensen."
        ),
    )
    bijlagen = MultipleFileField(
        label=_("Bijlagen"), required=False, widget=MultipleFileInput(attrs={"multiple": True})
    )

    def __init__(self, *args: Any, werkvormen: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.MultipleChoiceField, self.fields["werkvormen"]).choices = werkvormen

    def clean_schooljaar(self) -> str:
        jaar: str = self.cleaned_data["schooljaar"]
        begin, _sep, einde = jaar.partition("-")
        if int(einde) != int(begin) + 1:
            raise forms.ValidationError(_("Een schooljaar loopt over twee opeenvolgende jaren."))
        return jaar

    def clean_themas(self) -> list[str]:
        regels = [r.strip() for r in self.cleaned_data["themas"].splitlines() if r.strip()]
        if len(regels) > MAX_THEMAS:
            raise forms.ValidationError(_("Hoogstens %(n)s thema's.") % {"n": MAX_THEMAS})
        if any(len(r) > 200 for r in regels):
            raise forms.ValidationError(_("Een thema is hoogstens 200 tekens lang."))
        return regels

    def clean_bijlagen(self) -> list[UploadedFile]:
        files: list[UploadedFile] = self.cleaned_data.get("bijlagen") or []
        for upload in files:
            if (upload.size or 0) > MAX_BIJLAGE:
                raise forms.ValidationError(
                    _("'%(name)s' is groter dan 5 MB.") % {"name": upload.name}
                )
        return files


def werkvorm_keuzes(plg_school_ids: list[int]) -> list[tuple[str, str]]:
    """The catalogue and the PLG's schools' own werkvormen, by slug (as a package names them)."""
    rows = Werkvorm.objects.filter(school__isnull=True) | Werkvorm.objects.filter(
        school_id__in=plg_school_ids
    )
    keuzes: dict[str, str] = {}
    for werkvorm in rows.order_by("name"):
        keuzes.setdefault(werkvorm.slug, werkvorm.localised("name"))
    return list(keuzes.items())


__all__ = ["ItemForm", "werkvorm_keuzes"]
