from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plg.accounts.models import User
from plg.communities.models import PLG
from plg.meetings.models import Bijeenkomst
from plg.tandem.authorizers import leaders_of
from plg.tandem.models import Antwoord, Steun, Steunvraag, Tandem, Tandemmoment
from plg.tandem.services import Afspraak

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
AFSPRAAK_FIELDS = ["delen", "binnen_plg", "overleg", "tijd", "budget", "expert"]


class AfspraakForm(forms.ModelForm[Tandem]):
    class Meta:
        model = Tandem
        fields = AFSPRAAK_FIELDS
        widgets = {
            "delen": forms.Textarea(attrs={"rows": 3}),
            "binnen_plg": forms.Textarea(attrs={"rows": 3}),
        }

    def afspraak(self) -> Afspraak:
        return Afspraak(**{name: self.cleaned_data[name] for name in AFSPRAAK_FIELDS})


class StartForm(AfspraakForm):
    """The coach's first proposal, to one of the leaders of the PLG's schools."""

    schoolleider = forms.ModelChoiceField(
        label=_("Met welke schoolleider vorm je een tandem?"), queryset=User.objects.none()
    )

    class Meta(AfspraakForm.Meta):
        fields = ["schoolleider", *AFSPRAAK_FIELDS]

    def __init__(self, *args: Any, plg: PLG, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast("forms.ModelChoiceField[User]", self.fields["schoolleider"])
        field.queryset = leaders_of(plg)


class MomentForm(forms.ModelForm[Tandemmoment]):
    class Meta:
        model = Tandemmoment
        fields = ["datum", "notitie"]
        widgets = {"datum": DATE, "notitie": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"notitie": _("Enkel jullie twee lezen dit.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"datum": timezone.localdate()})
        super().__init__(*args, **kwargs)


class SteunvraagForm(forms.ModelForm[Steunvraag]):
    class Meta:
        model = Steunvraag
        fields = ["soort", "vraag"]
        widgets = {"soort": forms.RadioSelect, "vraag": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["soort"].choices = Steun.choices  # type: ignore[attr-defined]


class SteunantwoordForm(forms.Form):
    antwoord = forms.ChoiceField(
        label=_("Jouw antwoord"),
        choices=[c for c in Antwoord.choices if c[0] != Antwoord.OPEN],
        widget=forms.RadioSelect,
    )
    toelichting = forms.CharField(
        label=_("Toelichting"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Wat komt er, wanneer, of waarom het niet lukt."),
    )


class BijeenkomstKeuze(forms.ModelChoiceField[Bijeenkomst]):
    def label_from_instance(self, obj: Bijeenkomst) -> str:
        return f"{timezone.localtime(obj.starts_at):%d/%m/%Y %H:%M}"


class UitnodigenForm(forms.Form):
    bijeenkomst = BijeenkomstKeuze(
        label=_("Op welke bijeenkomst nodig je de schoolleider uit?"),
        queryset=Bijeenkomst.objects.none(),
    )

    def __init__(self, *args: Any, bijeenkomsten: list[Bijeenkomst], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast("forms.ModelChoiceField[Bijeenkomst]", self.fields["bijeenkomst"])
        field.queryset = Bijeenkomst.objects.filter(pk__in=[b.pk for b in bijeenkomsten])


class KomtForm(forms.Form):
    komt = forms.TypedChoiceField(
        label=_("Kom je?"),
        choices=[("ja", _("Ja, ik kom")), ("nee", _("Nee, deze keer niet"))],
        coerce=lambda value: value == "ja",
    )
