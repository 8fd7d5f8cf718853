"""The traject's pages and the advisor's network dashboard: thin views over ``overzicht``."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plg.accounts.http import AuthedRequest
from plg.organisations.authorizers import schools_led_by
from plg.traject import services
from plg.traject.authorizers import Rol, advised_network, get_deelname, get_traject
from plg.traject.forms import (
    MijlpaalForm,
    NetwerkPLGForm,
    SchoolPLGForm,
    StartPLGForm,
    TrajectForm,
)
from plg.traject.models import Deelname, Traject, Trajectmijlpaal
from plg.traject.overzicht import dashboard, traject_overzicht


@login_required
def trajecten(request: AuthedRequest) -> HttpResponse:
    """The trajects an advisor leads, or a leader takes part in."""
    is_advisor = True
    try:
        advised_network(request.user)
    except Http404:
        is_advisor = False
        if not schools_led_by(request.user).exists():
            raise
    return render(
        request,
        "traject/trajecten.html",
        {
            "is_advisor": is_advisor,
            "geleid": Traject.objects.filter(begeleider=request.user).select_related("netwerk_plg"),
            "deelnames": Deelname.objects.filter(leider=request.user).select_related(
                "traject", "school"
            ),
        },
    )


@login_required
def traject_nieuw(request: AuthedRequest) -> HttpResponse:
    network = advised_network(request.user)
    form = TrajectForm(request.POST or None, network=network)
    if request.method == "POST" and form.is_valid():
        try:
            traject = services.create_traject(
                begeleider=request.user,
                naam=form.cleaned_data["naam"],
                start=form.cleaned_data["start"],
                leiders=form.cleaned_data["leiders"],
                netwerk_plg=form.cleaned_data["netwerk_plg"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Het traject staat klaar."))
            return redirect("traject", pk=traject.pk)
    status = 400 if form.errors else 200
    return render(request, "traject/nieuw.html", {"form": form}, status=status)


def _context(request: AuthedRequest, traject: Traject, rol: Rol, **forms: Any) -> dict[str, Any]:
    return {
        "overzicht": traject_overzicht(traject, rol, request.user),
        "traject": traject,
        "rol": rol,
        "mijlpalen": traject.mijlpalen.all(),
        "mijlpaal_form": MijlpaalForm(),
        "netwerk_form": NetwerkPLGForm(instance=traject) if rol == Rol.BEGELEIDER else None,
    } | forms


@login_required
def traject(request: AuthedRequest, pk: int) -> HttpResponse:
    found, rol = get_traject(request.user, pk)
    return render(request, "traject/traject.html", _context(request, found, rol))


@login_required
@require_POST
def traject_mijlpaal(request: AuthedRequest, pk: int) -> HttpResponse:
    found, rol = get_traject(request.user, pk, only=Rol.BEGELEIDER)
    form = MijlpaalForm(request.POST)
    if not form.is_valid():
        context = _context(request, found, rol, mijlpaal_form=form)
        return render(request, "traject/traject.html", context, status=400)
    services.add_mijlpaal(
        traject=found, titel=form.cleaned_data["titel"], datum=form.cleaned_data["datum"]
    )
    messages.success(request, _("De mijlpaal is bewaard."))
    return redirect("traject", pk=pk)


@login_required
@require_POST
def traject_netwerk_plg(request: AuthedRequest, pk: int) -> HttpResponse:
    """Year 1: the networked PLG, linked when it exists (or changed, or unlinked)."""
    found, rol = get_traject(request.user, pk, only=Rol.BEGELEIDER)
    form = NetwerkPLGForm(request.POST, instance=found)
    if not form.is_valid():
        context = _context(request, found, rol, netwerk_form=form)
        return render(request, "traject/traject.html", context, status=400)
    form.save()
    messages.success(request, _("De genetwerkte PLG is gekoppeld."))
    return redirect("traject", pk=pk)


@login_required
@require_POST
def mijlpaal_bereikt(request: AuthedRequest, pk: int) -> HttpResponse:
    mijlpaal = get_object_or_404(Trajectmijlpaal, pk=pk)
    get_traject(request.user, mijlpaal.traject_id, only=Rol.BEGELEIDER)
    services.toggle_bereikt(mijlpaal=mijlpaal)
    return redirect("traject", pk=mijlpaal.traject_id)


@login_required
def deelname_plg(request: AuthedRequest, pk: int) -> HttpResponse:
    """Year 2: link the PLG of the leader's school, or (the leader) start it here."""
    deelname, rol = get_deelname(request.user, pk)
    koppel = SchoolPLGForm(
        request.POST if "koppel" in request.POST else None,
        school_id=deelname.school_id,
        initial={"plg": deelname.school_plg_id},
    )
    start = StartPLGForm(request.POST if "start" in request.POST else None)
    if start.is_bound and rol != Rol.LEIDER:
        raise PermissionDenied
    if koppel.is_bound and koppel.is_valid():
        services.link_school_plg(deelname=deelname, plg=koppel.cleaned_data["plg"])
        messages.success(request, _("De PLG van de school is gekoppeld."))
        return redirect("traject", pk=deelname.traject_id)
    if start.is_bound and start.is_valid():
        plg = services.start_school_plg(deelname=deelname, name=start.cleaned_data["naam"])
        messages.success(request, _("De PLG is gestart. Nodig nu collega's uit."))
        return redirect("plg_detail", pk=plg.pk)
    status = 400 if koppel.errors or start.errors else 200
    context = {"deelname": deelname, "rol": rol, "koppel": koppel, "start": start}
    return render(request, "traject/deelname_plg.html", context, status=status)


@login_required
def netwerk(request: AuthedRequest) -> HttpResponse:
    """The network in counts, for the advisors who support its schools."""
    return render(
        request, "traject/netwerk.html", {"dashboard": dashboard(advised_network(request.user))}
    )
