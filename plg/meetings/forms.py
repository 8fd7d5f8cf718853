from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from plg.accounts.models import User
from plg.communities.forms import DATE, SharedForm
from plg.communities.versions import VersionedForm
from plg.core.validators import sensible_date
from plg.meetings.models import (
    AgendaBlok,
    Bijeenkomst,
    DoelenBereikt,
    LeerlogEntry,
    Opdracht,
    Terugblik,
)
from plg.methods.models import Werkvorm


class BijeenkomstForm(forms.ModelForm[Bijeenkomst]):
    starts_at = forms.DateTimeField(
        label=_("Datum en uur"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M"],
        validators=[sensible_date],
    )

    class Meta:
        model = Bijeenkomst
        fields = ["starts_at", "place", "duration_minutes", "doelen"]
        widgets = {"doelen": forms.Textarea(attrs={"rows": 3})}

    def clean_duration_minutes(self) -> int:
        minutes: int = self.cleaned_data["duration_minutes"]
        if not 15 <= minutes <= 480:
            raise forms.ValidationError(_("Kies een duur tussen 15 en 480 minuten."))
        return minutes


class BijeenkomstEditForm(VersionedForm[Bijeenkomst], BijeenkomstForm):
    """The same fields, for a bijeenkomst that exists and that co-coaches may edit at once.
    Its time stays put once colleagues cover classes for it: their duties hold for that time."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        moved = {"starts_at", "duration_minutes"} & set(self.changed_data)
        if moved and self.instance.pk and self.instance.vervangbeurten.exists():
            for field in sorted(moved):
                self.add_error(
                    field,
                    _(
                        "Collega's vangen klassen op voor deze bijeenkomst op dit moment. "
                        "Kies een nieuw moment via Tijd maken; dan krijgt iedereen bericht."
                    ),
                )
        return cleaned


class AgendaBlokForm(forms.ModelForm[AgendaBlok]):
    class Meta:
        model = AgendaBlok
        fields = ["stap", "title", "werkvorm", "minutes"]

    def __init__(self, *args: Any, werkvormen: QuerySet[Werkvorm], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        werkvorm = cast("forms.ModelChoiceField[Werkvorm]", self.fields["werkvorm"])
        werkvorm.queryset = werkvormen
        werkvorm.required = False

    def clean_minutes(self) -> int:
        minutes: int = self.cleaned_data["minutes"]
        if not 1 <= minutes <= 240:
            raise forms.ValidationError(_("Kies tussen 1 en 240 minuten."))
        return minutes


class AgendaBlokEditForm(AgendaBlokForm):
    """One block changed where it stands; its own prefix keeps its fields apart from the
    form that adds a block, and the first field takes the focus when the form opens."""

    def __init__(self, *args: Any, instance: AgendaBlok, **kwargs: Any) -> None:
        super().__init__(*args, instance=instance, prefix=f"blok-{instance.pk}", **kwargs)
        self.fields["stap"].widget.attrs["autofocus"] = True


class TerugblikForm(VersionedForm[Terugblik], SharedForm[Terugblik]):
    doelen_gehaald = forms.MultipleChoiceField(
        label=_("Welke doelen van deze bijeenkomst zijn gehaald?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, doelen: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # a required choice offers only its answers: no "---------" that is ticked from the start
        cast(forms.ChoiceField, self.fields["doelen_bereikt"]).choices = DoelenBereikt.choices
        if doelen:
            cast(forms.ChoiceField, self.fields["doelen_gehaald"]).choices = [
                (d, d) for d in doelen
            ]
        else:
            del self.fields["doelen_gehaald"]

    class Meta:
        model = Terugblik
        fields = [
            "doelen_gehaald",
            "doelen_bereikt",
            "hoe_was_het",
            "behouden",
            "veranderen",
            "volgende_stap",
            "audience",
        ]
        widgets = {
            "doelen_bereikt": forms.RadioSelect,
            "hoe_was_het": forms.Textarea(attrs={"rows": 2}),
            "behouden": forms.Textarea(attrs={"rows": 2}),
            "veranderen": forms.Textarea(attrs={"rows": 2}),
            "volgende_stap": forms.Textarea(attrs={"rows": 2}),
        }


class OpdrachtForm(forms.ModelForm[Opdracht]):
    class Meta:
        model = Opdracht
        fields = ["description", "owner", "due_date"]
        widgets = {"due_date": DATE}

    def __init__(self, *args: Any, owners: QuerySet[User], **kwargs: Any) -> None:
        """``owners`` is evaluated once for the whole formset, not once per form."""
        super().__init__(*args, **kwargs)
        field = cast("forms.ModelChoiceField[User]", self.fields["owner"])
        field.queryset = owners
        field.choices = [("", "---------"), *((u.pk, u.display_name) for u in owners)]


OpdrachtFormSet = forms.inlineformset_factory(
    Bijeenkomst, Opdracht, form=OpdrachtForm, extra=2, can_delete=True, can_delete_extra=False
)


class LeerlogForm(VersionedForm[LeerlogEntry], SharedForm[LeerlogEntry]):
    class Meta:
        model = LeerlogEntry
        fields = ["kennis_inzicht", "vaardigheden", "attitudes", "audience"]
        widgets = {
            "kennis_inzicht": forms.Textarea(attrs={"rows": 3}),
            "vaardigheden": forms.Textarea(attrs={"rows": 3}),
            "attitudes": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any(
            data.get(f, "").strip() for f in ("kennis_inzicht", "vaardigheden", "attitudes")
        ):
            raise forms.ValidationError(
                _(
                    "Schrijf iets bij minstens één van de drie: kennis en inzicht, vaardigheden of attitudes."
                )
            )
        return data
