"""The printable session kit: a bijeenkomst's sheets, and the blank sheets of the werkvormen."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render

from plg.accounts.http import AuthedRequest
from plg.communities.context import plg_context
from plg.core.pdf import pdf_response
from plg.meetings.authorizers import get_bijeenkomst
from plg.meetings.kit import LOSSE_BLADEN, Kit, kit_voor, losse_kit
from plg.methods.kit import PAPIER, UITLEG, Blad

ALLES = "alles"


@dataclass(frozen=True)
class BladKeuze:
    blad: Blad
    papier: str
    uitleg: str
    voor_deze_bijeenkomst: bool


def _blad(value: str, *, allowed: tuple[Blad, ...] = tuple(Blad)) -> Blad | None:
    """``alles`` is the whole kit (None); anything else must name a sheet, or the page is not."""
    if value == ALLES:
        return None
    if value not in {b.value for b in allowed}:
        raise Http404
    return Blad(value)


@login_required
def bijeenkomst_kit(request: AuthedRequest, bid: int) -> HttpResponse:
    """For a PLG that meets without screens; only while the PLG still meets."""
    bijeenkomst, lid = get_bijeenkomst(request, bid, writable=True)
    kit = kit_voor(bijeenkomst)
    keuzes = [BladKeuze(blad, PAPIER[blad], str(UITLEG[blad]), kit.toont(blad)) for blad in Blad]
    return render(
        request,
        "meetings/kit.html",
        plg_context(bijeenkomst.plg, lid)
        | {"bijeenkomst": bijeenkomst, "kit": kit, "keuzes": keuzes},
    )


@login_required
def bijeenkomst_kit_pdf(request: AuthedRequest, bid: int, blad: str) -> HttpResponse:
    bijeenkomst, _lid = get_bijeenkomst(request, bid, writable=True)
    kit = kit_voor(bijeenkomst, _blad(blad))
    stamp = bijeenkomst.starts_at.strftime("%Y-%m-%d")
    return _pdf(request, kit, f"kit-{stamp}-{blad}.pdf")


@login_required
def kit_pdf(request: AuthedRequest, blad: str) -> HttpResponse:
    """The blank sheets of the catalogue's werkvormen, for anyone who leads a session."""
    return _pdf(request, losse_kit(_blad(blad, allowed=LOSSE_BLADEN)), f"kit-{blad}.pdf")


def _pdf(request: AuthedRequest, kit: Kit, filename: str) -> HttpResponse:
    return pdf_response(request, "meetings/kit_pdf.html", {"kit": kit}, filename)
