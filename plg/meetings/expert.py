"""Preparing an expert's visit: questions drawn from the leervraag, sent ahead to the expert.

The guide warns that an expert booked long before often misses where the group is; questions
the members prepare together, sent ahead, keep the visit on their leervraag. The coach writes
who and when; every member may rewrite the questions (compare-and-set, like every shared
text); the coach sends them. The mail carries the leervraag and the questions only.
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from plg.accounts.http import AuthedRequest
from plg.accounts.models import User
from plg.communities.authorizers import get_plg
from plg.communities.context import plg_context
from plg.communities.models import PLG, Lidmaatschap
from plg.communities.versions import VersionedForm, save_versioned
from plg.meetings import mails
from plg.meetings.models import Bijeenkomst, Expertbezoek
from plg.post.services import queue_berichten
from plg.post.stand import stand as post_stand

COACH_FIELDS = ("naam", "email", "datum", "bijeenkomst")


def voorgestelde_vragen(leervraag: str) -> list[str]:
    """A start for the group, never the last word: they rewrite, add and strike."""
    eerste = (
        _("Wat weet u uit onderzoek of uit de praktijk dat ons helpt bij de vraag '%(vraag)s'?")
        % {"vraag": leervraag.strip()}
        if leervraag.strip()
        else _("Wat weet u uit onderzoek of uit de praktijk dat ons hier verder helpt?")
    )
    return [
        eerste,
        _("Welke scholen werkten aan een gelijkaardige vraag, en wat leerden zij?"),
        _("Wat kunnen we in onze eigen klassen uitproberen, en waar letten we dan op?"),
        _("Waaraan zouden we merken dat onze leerlingen er beter van worden?"),
        _("Welke vraag stellen we ons nog niet, die we ons wel zouden moeten stellen?"),
    ]


class MomentField(forms.ModelChoiceField[Bijeenkomst]):
    """A bijeenkomst of this PLG as the form lists it: its day and hour."""

    def label_from_instance(self, obj: Bijeenkomst) -> str:
        return formats.date_format(timezone.localtime(obj.starts_at), "l j F Y, H:i")


class ExpertbezoekForm(VersionedForm[Expertbezoek]):
    """The coach fills in everything; another member sees only the questions."""

    datum = forms.DateField(
        label=gettext_lazy("Datum van het bezoek"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=gettext_lazy("Kies je een bijeenkomst, dan nemen we haar datum."),
    )

    class Meta:
        model = Expertbezoek
        fields = ["naam", "email", "bijeenkomst", "datum", "vragen"]
        widgets = {"vragen": forms.Textarea(attrs={"rows": 7})}
        field_classes = {"bijeenkomst": MomentField}

    def __init__(self, *args: Any, plg: PLG, coach: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.plg = plg
        if not coach:
            for name in COACH_FIELDS:
                del self.fields[name]
            return
        self.fields["datum"].validators = list(Expertbezoek._meta.get_field("datum").validators)
        field = cast("MomentField", self.fields["bijeenkomst"])
        field.queryset = Bijeenkomst.objects.filter(plg=plg).upcoming()
        field.empty_label = gettext_lazy("(een ander moment)")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "naam" not in self.fields:
            return data
        bijeenkomst: Bijeenkomst | None = data.get("bijeenkomst")
        if bijeenkomst is not None:
            data["datum"] = timezone.localtime(bijeenkomst.starts_at).date()
            self.instance.datum = data["datum"]
        elif not data.get("datum") and "datum" not in self.errors:
            self.add_error("datum", gettext_lazy("Kies een datum of een bijeenkomst."))
        elif data.get("datum") and data["datum"] < timezone.localdate():
            self.add_error("datum", gettext_lazy("Kies een datum vanaf vandaag."))
        return data


def prepare_expertbezoek(*, form: ExpertbezoekForm, by: User) -> Expertbezoek:
    form.instance.created_by = by
    return save_versioned(form.instance, version=None, by=by)


def save_expertbezoek(*, bezoek: Expertbezoek, version: int | None, by: User) -> Expertbezoek:
    return save_versioned(bezoek, version=version, by=by)


def send_error(bezoek: Expertbezoek) -> str | None:
    """Why the questions cannot go (yet), in words for the coach; ``None`` when they can."""
    if bezoek.datum < timezone.localdate():
        return _("Dit bezoek ligt al achter jullie: er gaat geen mail meer.")
    if not bezoek.vragen_lijst():
        return _("Schrijf eerst minstens één vraag.")
    return None


@transaction.atomic
def send_expertbezoek(*, bezoek: Expertbezoek, door: User) -> bool:
    """Queue the mail for the questions as they are now; ``False`` if that version already
    went (sending twice sends once)."""
    new = queue_berichten([mails.expertbezoek(bezoek, door=door)]) > 0
    bezoek.verstuurd_op = timezone.now()
    bezoek.verstuurde_versie = bezoek.version
    bezoek.save(update_fields=["verstuurd_op", "verstuurde_versie"])
    return new


def _get_bezoek(
    request: AuthedRequest, eid: int, *, coach: bool = False, writable: bool = False
) -> tuple[Expertbezoek, Lidmaatschap]:
    bezoek = get_object_or_404(Expertbezoek.objects.select_related("plg", "bijeenkomst"), pk=eid)
    _plg, lid = get_plg(request.user, bezoek.plg_id, coach=coach, writable=writable)
    return bezoek, lid


@login_required
def expertbezoeken(request: AuthedRequest, pk: int) -> HttpResponse:
    plg, lid = get_plg(request.user, pk)
    context = plg_context(plg, lid) | {
        "bezoeken": plg.expertbezoeken.select_related("bijeenkomst"),
    }
    return render(request, "meetings/expertbezoeken.html", context)


@login_required
def expertbezoek_nieuw(request: AuthedRequest, pk: int) -> HttpResponse:
    plg, lid = get_plg(request.user, pk, coach=True, writable=True)
    leervraag = plg.gekozen_leervraag.current_text if plg.gekozen_leervraag else ""
    form = ExpertbezoekForm(
        request.POST or None,
        plg=plg,
        coach=True,
        initial={"vragen": "\n".join(voorgestelde_vragen(leervraag))},
    )
    if request.method == "POST" and form.is_valid():
        bezoek = prepare_expertbezoek(form=form, by=request.user)
        messages.success(
            request, _("Het bezoek is voorbereid. Werk de vragen samen bij en stuur ze dan door.")
        )
        return redirect("expertbezoek_detail", eid=bezoek.pk)
    context = plg_context(plg, lid) | {"form": form, "leervraag": leervraag}
    return render(request, "meetings/expertbezoek_form.html", context)


@login_required
def expertbezoek_detail(request: AuthedRequest, eid: int) -> HttpResponse:
    bezoek, lid = _get_bezoek(request, eid, writable=request.method == "POST")
    plg = bezoek.plg
    form = None
    if not plg.is_archived:
        form = ExpertbezoekForm(request.POST or None, instance=bezoek, plg=plg, coach=lid.is_coach)
        if (
            request.method == "POST"
            and form.is_valid()
            and form.saved(
                lambda version: save_expertbezoek(
                    bezoek=form.instance, version=version, by=request.user
                ),
                plg=plg,
                viewer=request.user,
            )
        ):
            messages.success(request, _("De voorbereiding is bewaard."))
            return redirect("expertbezoek_detail", eid=bezoek.pk)
    context = plg_context(plg, lid) | {
        "bezoek": bezoek,
        "form": form,
        "leervraag": plg.gekozen_leervraag.current_text if plg.gekozen_leervraag else "",
        "send_error": send_error(bezoek),
        "post_stand": post_stand(over=Expertbezoek.objects.filter(pk=bezoek.pk), user=request.user)
        if lid.is_coach
        else None,
    }
    return render(
        request, "meetings/expertbezoek_detail.html", context, status=form.status if form else 200
    )


@require_POST
@login_required
def expertbezoek_versturen(request: AuthedRequest, eid: int) -> HttpResponse:
    bezoek, _lid = _get_bezoek(request, eid, coach=True, writable=True)
    error = send_error(bezoek)
    if error:
        messages.error(request, error)
    elif send_expertbezoek(bezoek=bezoek, door=request.user):
        messages.success(
            request,
            _("De vragen gaan naar %(naam)s. Enkel de leervraag en de vragen staan in de mail.")
            % {"naam": bezoek.naam},
        )
    else:
        messages.info(request, _("Deze vragen waren al verstuurd."))
    return redirect("expertbezoek_detail", eid=bezoek.pk)
