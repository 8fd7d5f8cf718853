"""The tandem's page: one page for both sides, each seeing the forms that are theirs."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plg.accounts.http import AuthedRequest
from plg.communities.authorizers import get_plg, membership
from plg.communities.context import plg_context
from plg.tandem import services
from plg.tandem.authorizers import Kant, get_tandem
from plg.tandem.forms import (
    AfspraakForm,
    KomtForm,
    MomentForm,
    StartForm,
    SteunantwoordForm,
    SteunvraagForm,
    UitnodigenForm,
)
from plg.tandem.models import Aanwezigheid, Steunvraag, Tandem


def _context(request: AuthedRequest, tandem: Tandem, kant: Kant, **forms: Any) -> dict[str, Any]:
    uitnodigbaar = services.invitable(tandem) if kant == Kant.COACH else []
    lid = membership(request.user, tandem.plg)
    kop = plg_context(tandem.plg, lid) if lid is not None else {"plg": tandem.plg}
    return (
        kop
        | {
            "tandem": tandem,
            "kant": kant,
            "mag_akkoord": services.may_agree(tandem, request.user),
            "momenten": tandem.momenten.select_related("author"),
            "steunvragen": [
                (s, forms.get(f"steun{s.pk}") or SteunantwoordForm(prefix=f"steun{s.pk}"))
                for s in tandem.steunvragen.all()
            ],
            "uitnodigingen": Aanwezigheid.objects.filter(tandem=tandem).select_related(
                "bijeenkomst"
            ),
            "uitnodigbaar": uitnodigbaar,
            "afspraak_form": AfspraakForm(instance=tandem),
            "moment_form": MomentForm(),
            "steun_form": SteunvraagForm(),
            "uitnodigen_form": UitnodigenForm(bijeenkomsten=uitnodigbaar),
        }
        | forms
    )


def _page(request: AuthedRequest, tandem: Tandem, kant: Kant, **forms: Any) -> HttpResponse:
    status = 400 if forms else 200
    return render(
        request, "tandem/tandem.html", _context(request, tandem, kant, **forms), status=status
    )


@login_required
def tandem(request: AuthedRequest, pk: int) -> HttpResponse:
    """The coach without a tandem yet proposes one; both sides of a tandem see it here."""
    if not Tandem.objects.filter(plg_id=pk).exists():
        return _start_page(request, pk, None)
    found, kant = get_tandem(request.user, pk)
    return _page(request, found, kant)


def _start_page(request: AuthedRequest, pk: int, form: StartForm | None) -> HttpResponse:
    plg, lid = get_plg(request.user, pk, coach=True)
    context = plg_context(plg, lid) | {"form": form or StartForm(plg=plg)}
    return render(request, "tandem/start.html", context, status=400 if form else 200)


@login_required
@require_POST
def tandem_start(request: AuthedRequest, pk: int) -> HttpResponse:
    plg, _lid = get_plg(request.user, pk, coach=True, writable=True)
    if Tandem.objects.filter(plg=plg).exists():
        return redirect("tandem", pk=pk)
    form = StartForm(request.POST, plg=plg)
    if not form.is_valid():
        return _start_page(request, pk, form)
    services.start_tandem(
        plg=plg,
        coach=request.user,
        schoolleider=form.cleaned_data["schoolleider"],
        afspraak=form.afspraak(),
    )
    messages.success(request, _("Je voorstel staat klaar. De schoolleider kan nu akkoord gaan."))
    return redirect("tandem", pk=pk)


@login_required
@require_POST
def tandem_afspraak(request: AuthedRequest, pk: int) -> HttpResponse:
    """Either side proposes a change to the agreement; the other side agrees again."""
    found, kant = get_tandem(request.user, pk)
    form = AfspraakForm(request.POST, instance=Tandem.objects.get(pk=found.pk))
    if not form.is_valid():
        return _page(request, found, kant, afspraak_form=form)
    services.propose_afspraak(tandem=found, by=request.user, afspraak=form.afspraak())
    messages.success(request, _("Je voorstel is bewaard. Het geldt zodra de ander akkoord gaat."))
    return redirect("tandem", pk=pk)


@login_required
@require_POST
def tandem_akkoord(request: AuthedRequest, pk: int) -> HttpResponse:
    found, _kant = get_tandem(request.user, pk)
    if not services.agree(tandem=found, by=request.user):
        raise PermissionDenied
    messages.success(request, _("Jullie afspraak staat."))
    return redirect("tandem", pk=pk)


@login_required
@require_POST
def tandem_moment(request: AuthedRequest, pk: int) -> HttpResponse:
    found, kant = get_tandem(request.user, pk)
    form = MomentForm(request.POST)
    if not form.is_valid():
        return _page(request, found, kant, moment_form=form)
    services.add_moment(
        tandem=found,
        author=request.user,
        datum=form.cleaned_data["datum"],
        notitie=form.cleaned_data["notitie"],
    )
    messages.success(request, _("Het tandemmoment is bewaard."))
    return redirect("tandem", pk=pk)


@login_required
@require_POST
def tandem_steunvraag(request: AuthedRequest, pk: int) -> HttpResponse:
    found, kant = get_tandem(request.user, pk, only=Kant.COACH, writable=True)
    form = SteunvraagForm(request.POST)
    if not form.is_valid():
        return _page(request, found, kant, steun_form=form)
    services.ask_steun(
        tandem=found,
        by=request.user,
        soort=form.cleaned_data["soort"],
        vraag=form.cleaned_data["vraag"],
    )
    messages.success(request, _("Je vraag staat bij de schoolleider."))
    return redirect("tandem", pk=pk)


@login_required
@require_POST
def tandem_steunantwoord(request: AuthedRequest, pk: int, sid: int) -> HttpResponse:
    found, kant = get_tandem(request.user, pk, only=Kant.LEIDER)
    steunvraag = get_object_or_404(Steunvraag, pk=sid, tandem=found)
    prefix = f"steun{steunvraag.pk}"
    form = SteunantwoordForm(request.POST, prefix=prefix)
    if not form.is_valid():
        return _page(request, found, kant, **{prefix: form})
    services.answer_steun(
        steunvraag=steunvraag,
        antwoord=form.cleaned_data["antwoord"],
        toelichting=form.cleaned_data["toelichting"],
    )
    messages.success(request, _("Je antwoord staat bij de procescoach."))
    return redirect("tandem", pk=pk)


@login_required
@require_POST
def tandem_uitnodigen(request: AuthedRequest, pk: int) -> HttpResponse:
    found, kant = get_tandem(request.user, pk, only=Kant.COACH, writable=True)
    form = UitnodigenForm(request.POST, bijeenkomsten=services.invitable(found))
    if not form.is_valid():
        return _page(request, found, kant, uitnodigen_form=form)
    services.invite_schoolleider(
        tandem=found, bijeenkomst=form.cleaned_data["bijeenkomst"], by=request.user
    )
    messages.success(request, _("De schoolleider is uitgenodigd."))
    return redirect("tandem", pk=pk)


@login_required
@require_POST
def tandem_komt(request: AuthedRequest, pk: int, aid: int) -> HttpResponse:
    """The leader answers an invitation: only a yes makes them attend."""
    found, kant = get_tandem(request.user, pk, only=Kant.LEIDER, writable=True)
    aanwezigheid = get_object_or_404(
        Aanwezigheid.objects.select_related("bijeenkomst", "tandem__schoolleider"),
        pk=aid,
        tandem=found,
    )
    form = KomtForm(request.POST)
    if not form.is_valid():
        return _page(request, found, kant, komt_form=form)
    services.answer_uitnodiging(aanwezigheid=aanwezigheid, komt=form.cleaned_data["komt"])
    messages.success(request, _("Je antwoord is bewaard."))
    return redirect("tandem", pk=pk)


@login_required
@require_POST
def tandem_uitnodiging_intrekken(request: AuthedRequest, pk: int, aid: int) -> HttpResponse:
    """Only an invitation to a bijeenkomst ahead can be taken back; the past stays as it was."""
    found, _kant = get_tandem(request.user, pk, only=Kant.COACH, writable=True)
    aanwezigheid = get_object_or_404(
        Aanwezigheid.objects.select_related("bijeenkomst", "tandem__schoolleider"),
        pk=aid,
        tandem=found,
    )
    if not aanwezigheid.may_be_withdrawn:
        raise PermissionDenied
    services.withdraw_uitnodiging(aanwezigheid=aanwezigheid)
    messages.success(request, _("De uitnodiging is ingetrokken."))
    return redirect("tandem", pk=pk)
