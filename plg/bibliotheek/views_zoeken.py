"""The library's search page, its results as you type, and the similar entries shown while a
PLG writes its leervraag. Every way in reads through `zichtbaar_voor` (inside `zoek`)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from plg.accounts.http import AuthedRequest
from plg.bibliotheek.forms_zoeken import ZoekForm
from plg.bibliotheek.models import Bibliotheekitem
from plg.bibliotheek.zoeken import zoek
from plg.bibliotheek.zoeken.taal import termen

VERWANT_MIN_TERMEN = 2
VERWANT_AANTAL = 3


def _zoek_context(request: AuthedRequest, *, met_keuzes: bool) -> dict[str, Any]:
    """The page draws the filters (their options read from the entries the reader may see);
    the results as you type need only the values sent."""
    items = Bibliotheekitem.objects.zichtbaar_voor(request.user)
    form = ZoekForm(request.GET or None, items=items if met_keuzes else None)
    vraag, filters = form.vraag_en_filters()
    return {
        "form": form,
        "vraag": vraag,
        "treffers": zoek(vraag, lezer=request.user, filters=filters),
        "bibliotheek_leeg": not items.exists(),
    }


@login_required
@require_GET
def bibliotheek(request: AuthedRequest) -> HttpResponse:
    return render(request, "bibliotheek/zoeken.html", _zoek_context(request, met_keuzes=True))


@login_required
@require_GET
def bibliotheek_hx(request: AuthedRequest) -> HttpResponse:
    return render(request, "bibliotheek/_treffers.html", _zoek_context(request, met_keuzes=False))


@login_required
@require_GET
def bibliotheek_verwant_hx(request: AuthedRequest) -> HttpResponse:
    """ "Anderen zochten al naar …": finished PLG's near what a group is writing."""
    tekst = request.GET.get("text", "")[:500]
    treffers = (
        zoek(tekst, lezer=request.user, limiet=VERWANT_AANTAL)
        if len({t.term for t in termen(tekst)}) >= VERWANT_MIN_TERMEN
        else []
    )
    return render(request, "bibliotheek/_verwant.html", {"treffers": treffers})
