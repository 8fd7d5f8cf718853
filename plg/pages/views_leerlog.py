"""Mijn leerlog: everything a person wrote down about their own learning, in one place and in
the order it happened, and the same as a PDF for their professional file."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from plg.accounts.http import AuthedRequest
from plg.accounts.models import User
from plg.bezoeken.leerlog import from_bezoeken
from plg.bezoeken.schooljaar import schooljaar_naam, startjaar
from plg.core.pdf import pdf_response
from plg.meetings.leerlog import LeerlogMoment, from_bijeenkomsten


@dataclass(frozen=True)
class LeerlogJaar:
    start: int
    naam: str
    moments: list[LeerlogMoment]


@dataclass(frozen=True)
class Leerlog:
    """A person's own leerlog, grouped by school year, oldest first."""

    naam: str
    jaren: list[LeerlogJaar]


def build_leerlog(user: User, *, start: int | None = None) -> Leerlog:
    """Only what ``user`` wrote: the leerlog of bijeenkomsten and of class visits. ``start``
    keeps one school year (the one starting in September of that year)."""
    moments = sorted(
        (m for m in [*from_bijeenkomsten(user), *from_bezoeken(user)] if m.parts),
        key=lambda m: m.when,
    )
    jaren = [
        LeerlogJaar(year, schooljaar_naam(year), list(group))
        for year, group in groupby(moments, key=lambda m: startjaar(timezone.localdate(m.when)))
        if start is None or year == start
    ]
    return Leerlog(naam=user.display_name, jaren=jaren)


@login_required
def mijn_leerlog(request: AuthedRequest) -> HttpResponse:
    return render(request, "pages/mijn_leerlog.html", {"leerlog": build_leerlog(request.user)})


@login_required
def mijn_leerlog_pdf(request: AuthedRequest, start: int | None = None) -> HttpResponse:
    """For the professional file: the whole leerlog, or one school year of it (a year without
    writing gives a PDF that says so, as the empty page does)."""
    leerlog = build_leerlog(request.user, start=start)
    suffix = f"-{schooljaar_naam(start)}" if start is not None else ""
    return pdf_response(
        request,
        "pages/mijn_leerlog_pdf.html",
        {"leerlog": leerlog, "gemaakt": timezone.localdate()},
        f"mijn-leerlog{suffix}.pdf",
    )
