"""A person's own data (download as JSON or PDF) and the access log for the DPO."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from plg.accounts.http import AuthedRequest
from plg.core.pdf import pdf_response
from plg.privacy.authorizers import require_privacy_officer
from plg.privacy.export import build_inzage
from plg.privacy.models import Raadpleging
from plg.privacy.retention import bewaartermijn_jaren
from plg.scans.export import csv_bytes

PER_PAGE = 50


@login_required
def mijn_gegevens(request: AuthedRequest) -> HttpResponse:
    return render(request, "privacy/mijn_gegevens.html", {"bewaartermijn": bewaartermijn_jaren()})


@login_required
def mijn_gegevens_json(request: AuthedRequest) -> HttpResponse:
    response = HttpResponse(
        build_inzage(request.user).as_json(), content_type="application/json; charset=utf-8"
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="mijn-gegevens-{stamp}.json"'
    return response


@login_required
def mijn_gegevens_pdf(request: AuthedRequest) -> HttpResponse:
    stamp = timezone.localdate().isoformat()
    return pdf_response(
        request,
        "privacy/mijn_gegevens_pdf.html",
        {"inzage": build_inzage(request.user)},
        f"mijn-gegevens-{stamp}.pdf",
    )


@dataclass(frozen=True)
class Raadplegingen:
    pagina: Page[Raadpleging]
    sinds: date


def _raadplegingen(request: AuthedRequest) -> Raadplegingen:
    require_privacy_officer(request.user)
    rows = Raadpleging.objects.select_related("wie")
    paginator = Paginator(rows, PER_PAGE)
    first = Raadpleging.objects.order_by("wanneer").values_list("wanneer", flat=True).first()
    sinds = timezone.localdate(first) if first else timezone.localdate()
    return Raadplegingen(paginator.get_page(request.GET.get("pagina")), sinds)


@login_required
def raadplegingen(request: AuthedRequest) -> HttpResponse:
    return render(request, "privacy/raadplegingen.html", {"log": _raadplegingen(request)})


@login_required
def raadplegingen_csv(request: AuthedRequest) -> HttpResponse:
    """The whole log for the DPO: who, which page, about what, when. Never what it showed."""
    require_privacy_officer(request.user)
    rows = [["wie", "e-mailadres", "pagina", "over", "wanneer"]] + [
        [
            r.wie.display_name if r.wie else "",
            r.wie.email if r.wie else "",
            r.wat,
            r.onderwerp,
            r.wanneer.isoformat(),
        ]
        for r in Raadpleging.objects.select_related("wie").iterator(chunk_size=2000)
    ]
    response = HttpResponse(csv_bytes(rows), content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="raadplegingen-{stamp}.csv"'
    return response
