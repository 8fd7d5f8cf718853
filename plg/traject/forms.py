from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from plg.communities.models import PLG
from plg.core.validators import single_line
from plg.organisations.models import Aanstelling, Network
from plg.traject.models import Traject, Trajectmijlpaal

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class LeiderChoice(forms.ModelMultipleChoiceField[Aanstelling]):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.user.display_name} – {obj.school.name}"


def leaders_in(network: Network) -> QuerySet[Aanstelling]:
    return (
        Aanstelling.objects.leaders()
        .filter(school__scholengemeenschap__network=network)
        .select_related("user", "school")
        .order_by("school__name", "user__first_name")
    )


def plgs_in(network: Network) -> QuerySet[PLG]:
    return PLG.objects.filter(scholengemeenschap__network=network).order_by("name")


class TrajectForm(forms.ModelForm[Traject]):
    leiders = LeiderChoice(
        label=_("Schoolleiders"),
        queryset=Aanstelling.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Elke schoolleider brengt de school mee waar die leiding geeft."),
    )

    class Meta:
        model = Traject
        fields = ["naam", "start", "netwerk_plg"]
        widgets = {"start": DATE}
        help_texts = {
            "netwerk_plg": _("De PLG waarin de schoolleiders het eerste jaar samen leren."),
        }

    def __init__(self, *args: Any, network: Network, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["leiders"].queryset = leaders_in(network)  # type: ignore[attr-defined]
        self.fields["netwerk_plg"].queryset = plgs_in(network)  # type: ignore[attr-defined]


class NetwerkPLGForm(forms.ModelForm[Traject]):
    class Meta:
        model = Traject
        fields = ["netwerk_plg"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["netwerk_plg"].queryset = plgs_in(self.instance.network)  # type: ignore[attr-defined]


class SchoolPLGForm(forms.Form):
    plg = forms.ModelChoiceField(
        label=_("PLG in de eigen school"), queryset=PLG.objects.none(), required=False
    )

    def __init__(self, *args: Any, school_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["plg"].queryset = PLG.objects.of_schools([school_id])  # type: ignore[attr-defined]


class StartPLGForm(forms.Form):
    naam = forms.CharField(
        label=_("Naam van de nieuwe PLG"), max_length=150, validators=[single_line]
    )


class MijlpaalForm(forms.ModelForm[Trajectmijlpaal]):
    class Meta:
        model = Trajectmijlpaal
        fields = ["titel", "datum"]
        widgets = {"datum": DATE}
