from __future__ import annotations

from typing import Any, TypeVar, cast

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from plg.communities.models import (
    PLG,
    Actieplan,
    Afronding,
    Fase,
    Mijlpaal,
    Notitie,
    Thema,
    Uitnodiging,
)
from plg.communities.services import Collega
from plg.communities.sharing import Audience, Shared
from plg.communities.versions import VersionedForm
from plg.core.validators import MAX_PASSWORD, sensible_date, single_line
from plg.organisations.models import School

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

S = TypeVar("S", bound=Shared)


class AudienceRadio(forms.RadioSelect):
    """Radio buttons, so the choice of readers is always visible, never hidden in a menu."""


class SharedForm(forms.ModelForm[S]):
    """Every written thing asks explicitly who may read it."""

    audience = forms.ChoiceField(
        label=_("Wie mag dit lezen?"), choices=Audience.choices, widget=AudienceRadio
    )


class PLGForm(forms.Form):
    name = forms.CharField(label=_("Naam van de PLG"), max_length=150, validators=[single_line])
    schools = forms.ModelMultipleChoiceField(
        label=_("School of scholen"),
        queryset=School.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kies meerdere scholen voor een netwerk-PLG binnen de scholengemeenschap."),
    )
    praktijknood = forms.CharField(
        label=_("Praktijknood"),
        max_length=PLG._meta.get_field("praktijknood").max_length,
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Wat merken jullie in de dagelijkse praktijk? Een vaststelling volstaat."),
    )

    def __init__(self, *args: Any, schools: QuerySet[School], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast("forms.ModelMultipleChoiceField[School]", self.fields["schools"]).queryset = schools

    def clean_schools(self) -> QuerySet[School]:
        schools: QuerySet[School] = self.cleaned_data["schools"]
        if len({s.scholengemeenschap_id for s in schools}) > 1:
            raise forms.ValidationError(
                _("Een netwerk-PLG bundelt scholen van één scholengemeenschap.")
            )
        return schools


class PraktijknoodForm(VersionedForm[PLG]):
    class Meta:
        model = PLG
        fields = ["name", "praktijknood"]
        widgets = {"praktijknood": forms.Textarea(attrs={"rows": 5})}


class FaseForm(forms.Form):
    fase = forms.ChoiceField(label=_("Fase"))

    def __init__(self, *args: Any, plg: PLG, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["fase"]).choices = [
            (f.value, f.label) for f in plg.allowed_fases()
        ]


class FaseVoorstelForm(forms.Form):
    """The coach's answer to a suggested phase: follow it now, or not yet."""

    VOLGEN, NIET_NU = "volgen", "niet_nu"
    fase = forms.ChoiceField(label=_("Fase"), choices=Fase.choices)
    antwoord = forms.ChoiceField(
        label=_("Antwoord"), choices=[(VOLGEN, _("volgen")), (NIET_NU, _("nog niet"))]
    )


class UitnodigingForm(forms.Form):
    """Pick a colleague of the PLG's schools, or type the address of someone without an account
    yet; the school follows from the colleague picked."""

    collega = forms.ChoiceField(
        label=_("Collega"),
        required=False,
        help_text=_("Iemand van je school die nog niet meedoet."),
    )
    email = forms.EmailField(
        label=_("Of een e-mailadres"),
        max_length=254,
        required=False,
        help_text=_("Voor een collega die hier nog geen account heeft."),
    )
    school = forms.ModelChoiceField(
        label=_("School"), queryset=School.objects.none(), required=False
    )
    message = forms.CharField(
        label=_("Persoonlijke boodschap"),
        max_length=Uitnodiging._meta.get_field("message").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Deelnemen is vrijwillig: zeg gerust waarom je aan deze collega denkt."),
    )

    def __init__(self, *args: Any, plg: PLG, colleagues: list[Collega], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.colleagues = {c.key: c for c in colleagues}
        label = "{} · {}" if len({c.school.pk for c in colleagues}) > 1 else "{}"
        cast("forms.ChoiceField", self.fields["collega"]).choices = [
            ("", _("Kies een collega")),
            *((c.key, label.format(c.name, c.school.name)) for c in colleagues),
        ]
        schools = plg.schools.all()
        cast("forms.ModelChoiceField[School]", self.fields["school"]).queryset = schools
        if len(schools) == 1:
            self.fields["school"].initial = schools[0]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        picked = self.colleagues.get(data.get("collega") or "")
        if picked is not None:
            data["email"], data["school"] = picked.email, picked.school
        elif not data.get("email") and "email" not in self.errors:
            self.add_error("collega", _("Kies een collega of vul een e-mailadres in."))
        elif data.get("email") and data.get("school") is None and "school" not in self.errors:
            self.add_error("school", _("Kies de school van je collega."))
        return data

    def invitation(self) -> dict[str, Any]:
        """What ``services.invite`` needs, from a valid form."""
        return {k: self.cleaned_data[k] for k in ("email", "school", "message")}


class NewAccountForm(forms.Form):
    first_name = forms.CharField(label=_("Voornaam"), max_length=100, validators=[single_line])
    last_name = forms.CharField(label=_("Familienaam"), max_length=100, validators=[single_line])
    password1 = forms.CharField(
        label=_("Wachtwoord"), max_length=MAX_PASSWORD, widget=forms.PasswordInput
    )
    password2 = forms.CharField(
        label=_("Wachtwoord (nog eens)"), max_length=MAX_PASSWORD, widget=forms.PasswordInput
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("De twee wachtwoorden zijn niet gelijk."))
        elif data.get("password1"):
            try:
                validate_password(data["password1"])
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class LeervraagForm(forms.Form):
    text = forms.CharField(
        label=_("Leervraag"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": _("Waarom zouden we …?")}),
    )

    def __init__(self, *args: Any, check_url: str, **kwargs: Any) -> None:
        """The textarea asks for live feedback (htmx) while the group types."""
        super().__init__(*args, **kwargs)
        self.fields["text"].widget.attrs.update(
            {
                "hx-post": check_url,
                "hx-trigger": "input changed delay:400ms",
                "hx-target": "#leervraag-check",
                "hx-include": "this",
                "aria-describedby": "leervraag-check",
            }
        )


class ThemaForm(forms.ModelForm[Thema]):
    class Meta:
        model = Thema
        fields = ["title"]


class ActieplanForm(VersionedForm[Actieplan], SharedForm[Actieplan]):
    class Meta:
        model = Actieplan
        fields = ["target_date", "gewenste_verandering", "aanpak", "audience"]
        widgets = {
            "target_date": DATE,
            "gewenste_verandering": forms.Textarea(attrs={"rows": 4}),
            "aanpak": forms.Textarea(attrs={"rows": 4}),
        }


class MijlpaalForm(SharedForm[Mijlpaal]):
    class Meta:
        model = Mijlpaal
        fields = ["title", "due_date", "audience"]
        widgets = {"due_date": DATE}


class VieringForm(VersionedForm[Mijlpaal]):
    celebrated_on = forms.DateField(label=_("Gevierd op"), widget=DATE, validators=[sensible_date])

    class Meta:
        model = Mijlpaal
        fields = ["celebrated_on", "celebration_note"]
        widgets = {"celebration_note": forms.Textarea(attrs={"rows": 3})}


class NotitieForm(SharedForm[Notitie]):
    class Meta:
        model = Notitie
        fields = ["text", "audience"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def clean(self, data: object, initial: object = None) -> list[UploadedFile]:
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data]
        return [super().clean(data, initial)] if data else []


class AfrondingForm(VersionedForm[Afronding], SharedForm[Afronding]):
    bijlagen = MultipleFileField(
        label=_("Bijlagen"), required=False, widget=MultipleFileInput(attrs={"multiple": True})
    )

    class Meta:
        model = Afronding
        fields = ["voorstel", "audience", "viering_datum", "viering_notitie"]
        widgets = {
            "voorstel": forms.Textarea(attrs={"rows": 8}),
            "viering_datum": DATE,
            "viering_notitie": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_bijlagen(self) -> list[UploadedFile]:
        files: list[UploadedFile] = self.cleaned_data.get("bijlagen") or []
        for upload in files:
            if (upload.size or 0) > 5 * 1024 * 1024:
                raise forms.ValidationError(
                    _("'%(name)s' is groter dan 5 MB.") % {"name": upload.name}
                )
        return files
