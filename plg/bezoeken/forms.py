from __future__ import annotations

import uuid
from datetime import date, datetime, time
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plg.accounts.models import User
from plg.bezoeken import authorizers, services
from plg.bezoeken.models import (
    Kijkwijzer,
    KijkwijzerItem,
    Klasbezoek,
    Meegenomen,
    Nagesprek,
    Observatie,
)
from plg.bezoeken.voorbeelden import VOORBEELDEN
from plg.communities.forms import DATE, AudienceRadio
from plg.communities.models import PLG, Leervraag
from plg.communities.sharing import BezoekAudience
from plg.core.validators import sensible_date, single_line
from plg.organisations.models import School
from plg.roosters.models import Lesuur

TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """A service's refusal shown on the form: on the field it names, else above the form."""
    for field, fouten in error.message_dict.items():
        form.add_error(field if field in form.fields else None, fouten)


class BezoekForm(forms.Form):
    """The invitation: who, what about, when. The rules live in ``services.invite_errors``."""

    bezoeker = forms.ModelChoiceField(
        label=_("Wie nodig je uit?"),
        queryset=User.objects.none(),
        help_text=_("Een collega van je school of van je scholengemeenschap."),
        error_messages={
            "invalid_choice": _("Kies een collega van je school of scholengemeenschap.")
        },
    )
    school = forms.ModelChoiceField(label=_("School"), queryset=School.objects.none())
    leervraag = forms.ModelChoiceField(
        label=_("Focus uit de leervraag van je PLG"),
        queryset=Leervraag.objects.none(),
        required=False,
    )
    focus = forms.CharField(
        label=_("Focus"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Wat wil je zelf leren uit dit bezoek? Laat leeg om de leervraag te nemen."),
    )
    les = forms.CharField(label=_("Les"), max_length=150, validators=[single_line], required=False)
    klas = forms.CharField(label=_("Klas"), max_length=50, validators=[single_line], required=False)
    kijken_naar = forms.CharField(
        label=_("Waar kijkt je collega naar?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Naar wat leerlingen doen en zeggen, niet naar jou als leraar."),
    )
    kijkwijzer = forms.ModelChoiceField(
        label=_("Kijkwijzer"), queryset=Kijkwijzer.objects.none(), required=False
    )
    datum = forms.DateField(label=_("Datum"), widget=DATE, validators=[sensible_date])
    lesuur = forms.TypedChoiceField(
        label=_("Lesuur"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("Uit de kalender van je school; of vul hieronder het begin en het einde in."),
    )
    begin = forms.TimeField(label=_("Begin"), widget=TIME, required=False)
    einde = forms.TimeField(label=_("Einde"), widget=TIME, required=False)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        bezoeker = cast("forms.ModelChoiceField[User]", self.fields["bezoeker"])
        # Any account is looked up, so a wrong one gets a message that says why; the list shows
        # only the colleagues.
        bezoeker.queryset = User.objects.filter(is_active=True)
        bezoeker.widget.choices = [("", "---------")] + [
            (u.pk, u.display_name) for u in authorizers.colleagues(user)
        ]
        scholen = services.scholen_van(user)
        school = cast("forms.ModelChoiceField[School]", self.fields["school"])
        school.queryset = scholen
        eigen = list(scholen[:2])
        if eigen:
            school.initial = eigen[0].pk
        if len(eigen) == 1:
            school.widget = forms.HiddenInput()
        leervraag = cast("forms.ModelChoiceField[Leervraag]", self.fields["leervraag"])
        leervraag.queryset = leervragen_voor(user)
        leervraag.label_from_instance = _leervraag_label  # type: ignore[method-assign,assignment]
        kijkwijzer = cast("forms.ModelChoiceField[Kijkwijzer]", self.fields["kijkwijzer"])
        kijkwijzer.queryset = kijkwijzers_voor(user)
        lesuren = Lesuur.objects.filter(kalender__school__in=scholen).order_by("nummer")
        nummers = list(dict.fromkeys(lesuren.values_list("nummer", flat=True)))
        cast("forms.ChoiceField", self.fields["lesuur"]).choices = [("", "---------")] + [
            (nummer, str(_("lesuur %(n)d") % {"n": nummer})) for nummer in nummers
        ]
        self._hide_what_offers_no_choice(
            lesuur=bool(nummers),
            leervraag=leervraag.queryset.exists(),
            kijkwijzer=kijkwijzer.queryset.exists(),
        )

    def _hide_what_offers_no_choice(self, **has_choices: bool) -> None:
        """A select without anything to pick is noise: it leaves the form."""
        for name, has in has_choices.items():
            if not has:
                del self.fields[name]

    def _moment(self, school: School, datum: date) -> tuple[datetime, datetime] | None:
        lesuur = self.cleaned_data.setdefault("lesuur", None)
        begin: time | None = self.cleaned_data.get("begin")
        einde: time | None = self.cleaned_data.get("einde")
        if lesuur is not None:
            uur = Lesuur.objects.filter(kalender__school=school, nummer=lesuur).first()
            if uur is None:
                self.add_error("lesuur", _("Dit lesuur staat niet in de kalender van de school."))
                return None
            begin, einde = uur.begin, uur.einde
        if begin is None or einde is None:
            self.add_error("begin", _("Kies een lesuur, of vul het begin en het einde in."))
            return None
        zone = timezone.get_current_timezone()
        return (
            datetime.combine(datum, begin, tzinfo=zone),
            datetime.combine(datum, einde, tzinfo=zone),
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        leervraag = cleaned.setdefault("leervraag", None)
        cleaned.setdefault("kijkwijzer", None)
        if not cleaned.get("focus") and leervraag is not None:
            cleaned["focus"] = leervraag.current_text
        school, datum = cleaned.get("school"), cleaned.get("datum")
        if school is None or datum is None:
            return cleaned
        moment = self._moment(school, datum)
        if moment is None:
            return cleaned
        cleaned["van"], cleaned["tot"] = moment
        errors = services.invite_errors(
            geobserveerde=self.user,
            bezoeker=cleaned.get("bezoeker"),
            school=school,
            begin=moment[0],
            einde=moment[1],
        )
        for field, message in errors.items():
            self.add_error(field, message)
        return cleaned


def leervragen_voor(user: User) -> QuerySet[Leervraag]:
    """The chosen leervragen of the PLG's a teacher is in: a visit's focus may come from one."""
    return Leervraag.objects.filter(
        pk__in=PLG.objects.filter(lidmaatschappen__user=user).values("gekozen_leervraag")
    ).select_related("plg")


def _leervraag_label(leervraag: Leervraag) -> str:
    return f"{leervraag.plg.name}: {leervraag.current_text}"


def kijkwijzers_voor(user: User) -> QuerySet[Kijkwijzer]:
    """The kijkwijzers a teacher may use: their PLG's, and their own."""
    return Kijkwijzer.objects.filter(
        Q(plg__in=PLG.objects.filter(lidmaatschappen__user=user))
        | Q(plg__isnull=True, eigenaar=user)
    )


class AntwoordForm(forms.Form):
    antwoord = forms.ChoiceField(
        choices=[("ja", _("Ik kom")), ("nee", _("Ik kan niet"))], widget=forms.HiddenInput
    )


class NotitiesAudienceForm(forms.ModelForm[Klasbezoek]):
    """The owner always reads the notes about their class: they choose between the two of them
    and their PLG."""

    notities_audience = forms.ChoiceField(
        label=_("Wie mag de notities lezen?"),
        choices=[
            (BezoekAudience.WIJ_TWEE, BezoekAudience.WIJ_TWEE.label),
            (BezoekAudience.PLG, BezoekAudience.PLG.label),
        ],
        widget=AudienceRadio,
        help_text=_(
            "De notities gaan over jouw klas: jij beslist. De schoolleiding leest ze nooit."
        ),
    )

    class Meta:
        model = Klasbezoek
        fields = ["notities_audience"]


class ObservatieForm(forms.ModelForm[Observatie]):
    """One note from the phone; ``client_id`` and ``moment`` are made there."""

    client_id = forms.CharField(max_length=36, validators=[single_line])
    moment = forms.DateTimeField(validators=[sensible_date])
    item = forms.ModelChoiceField(queryset=KijkwijzerItem.objects.none(), required=False)

    class Meta:
        model = Observatie
        fields = ["tekst", "moment", "client_id", "item"]

    def clean_client_id(self) -> uuid.UUID:
        try:
            return uuid.UUID(self.cleaned_data["client_id"])
        except ValueError as error:
            raise forms.ValidationError(
                _("Dit is geen geldige sleutel voor een notitie.")
            ) from error

    def __init__(self, *args: Any, bezoek: Klasbezoek, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        items = cast("forms.ModelChoiceField[KijkwijzerItem]", self.fields["item"])
        items.queryset = (
            KijkwijzerItem.objects.filter(kijkwijzer_id=bezoek.kijkwijzer_id)
            if bezoek.kijkwijzer_id
            else KijkwijzerItem.objects.none()
        )


class BezoekNotaForm(forms.ModelForm[Any]):
    audience = forms.ChoiceField(
        label=_("Wie mag dit lezen?"),
        choices=BezoekAudience.choices,
        widget=AudienceRadio,
        initial=BezoekAudience.WIJ_TWEE,
    )


class NagesprekForm(BezoekNotaForm):
    class Meta:
        model = Nagesprek
        fields = ["wat_zag_je", "wat_neem_ik_mee", "volgende_stap", "audience"]
        widgets = {
            "wat_zag_je": forms.Textarea(attrs={"rows": 4}),
            "wat_neem_ik_mee": forms.Textarea(attrs={"rows": 4}),
            "volgende_stap": forms.Textarea(attrs={"rows": 2}),
        }


class MeegenomenForm(BezoekNotaForm):
    class Meta:
        model = Meegenomen
        fields = ["tekst", "audience"]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 4})}


class KijkwijzerForm(forms.Form):
    titel = forms.CharField(label=_("Titel"), max_length=150, validators=[single_line])
    voorbeeld = forms.ChoiceField(
        label=_("Begin van een voorbeeld"),
        required=False,
        choices=[("", _("Ik schrijf zelf"))] + [(v.key, v.titel) for v in VOORBEELDEN],
        widget=forms.RadioSelect,
    )
    kijkpunten = forms.CharField(
        label=_("Kijkpunten, één per regel"),
        max_length=20_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Beschrijf wat leerlingen doen of zeggen, bijvoorbeeld: "
            "‘Leerlingen leggen aan elkaar uit hoe ze tot een antwoord kwamen.’"
        ),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        lines = [line.strip() for line in cleaned.get("kijkpunten", "").splitlines()]
        punten = [line for line in lines if line]
        voorbeeld = next((v for v in VOORBEELDEN if v.key == cleaned.get("voorbeeld")), None)
        if not punten and voorbeeld is not None:
            punten = [str(p) for p in voorbeeld.kijkpunten]
        if not punten and "kijkpunten" not in self.errors:
            self.add_error("kijkpunten", _("Kies een voorbeeld of schrijf zelf enkele kijkpunten."))
        error = services.kijkpunten_error(len(punten))
        if error:
            self.add_error("kijkpunten", error)
        max_length = KijkwijzerItem._meta.get_field("tekst").max_length or 300
        if any(len(p) > max_length for p in punten):
            self.add_error(
                "kijkpunten",
                _("Houd elk kijkpunt korter dan %(max)d tekens.") % {"max": max_length},
            )
        cleaned["punten"] = punten
        return cleaned


class KijkpuntForm(forms.ModelForm[KijkwijzerItem]):
    class Meta:
        model = KijkwijzerItem
        fields = ["tekst"]
