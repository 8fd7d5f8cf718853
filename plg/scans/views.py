"""Running a wave, reading its results, and the Zelfscan inside a PLG (all signed in).

Answering needs no account and lives in ``answering.py``.
"""

from __future__ import annotations

from typing import Any

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plg.accounts.http import AuthedRequest
from plg.communities.authorizers import get_plg
from plg.communities.context import plg_context
from plg.communities.models import PLG
from plg.core.pdf import pdf_response
from plg.core.privacy import minimum_group, minimum_group_size
from plg.organisations.authorizers import schools_of, schools_supported_by
from plg.post.stand import stand as post_stand
from plg.scans import export, services
from plg.scans.authorizers import (
    afnames_to_run,
    get_afname_to_close,
    get_afname_to_run,
    get_report,
    get_school_to_run,
    may_close,
    schools_for_waves,
    schools_to_run,
    toegangen_to_run,
)
from plg.scans.export import Cell
from plg.scans.forms import AfnameForm, ZelfscanForm
from plg.scans.models import Afname, Toegang, ToegangSoort
from plg.scans.network import Overview, network_overview
from plg.scans.reports import build_report, no_figures_reason
from plg.scans.zelfscan import build_zelfscan_report

# Inside a PLG the group itself discusses the spread; the absolute floor still protects one person.
ZELFSCAN_MINIMUM = minimum_group_size(3)


# --- running a wave ---------------------------------------------------------------------------


@login_required
def scans(request: AuthedRequest) -> HttpResponse:
    """Waves this person runs, results of their schools, and scans waiting for their answer.

    A wave's progress counts only the personal links of the schools this person runs in it.
    """
    runnable = schools_for_waves(request.user)
    theirs = toegangen_to_run(request.user).filter(soort=ToegangSoort.PERSOONLIJK)
    beheer = afnames_to_run(request.user).annotate(
        uitgenodigd=Count("toegangen", filter=Q(toegangen__in=theirs)),
        geantwoord=Count("toegangen", filter=Q(toegangen__in=theirs.filter(responded=True))),
    )
    reports = (
        Afname.objects.filter(plg=None, closed_at__isnull=False)
        .filter(schools__in=schools_of(request.user) | runnable)
        .distinct()
        .prefetch_related("schools")
    )
    waiting = Toegang.objects.filter(
        user=request.user, responded=False, afname__closed_at=None, afname__plg=None
    ).select_related("afname")
    return render(
        request,
        "scans/scans.html",
        {
            "beheer": beheer,
            "reports": reports,
            "waiting": waiting,
            "may_open": runnable.exists(),
            "readable": set(schools_of(request.user).values_list("pk", flat=True))
            | set(runnable.values_list("pk", flat=True)),
        },
    )


@login_required
def scan_nieuw(request: AuthedRequest) -> HttpResponse:
    runnable = schools_for_waves(request.user)
    if not runnable.exists():
        raise Http404
    form = AfnameForm(request.POST or None, schools=runnable)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        afname = services.open_afname(
            opened_by=request.user,
            title=data["title"],
            schools=list(data["schools"]),
            closes_on=data["closes_on"],
            poster=data["poster"],
            team=data["team"],
            extra=data["recipients"],
        )
        messages.success(request, _("De afname loopt. De uitnodigingen worden verstuurd."))
        return redirect("scan_afname", afname.pk)
    return render(request, "scans/afname_form.html", {"form": form})


@login_required
def scan_afname(request: AuthedRequest, pk: int) -> HttpResponse:
    """How a wave is going in the schools this person runs: per school how many were invited and
    how many answered, never who."""
    afname = get_afname_to_run(request.user, pk)
    schools = list(schools_to_run(request.user, afname))
    theirs = toegangen_to_run(request.user).filter(afname=afname)
    per_school = (
        theirs.filter(soort=ToegangSoort.PERSOONLIJK)
        .values("school_id")
        .annotate(uitgenodigd=Count("pk"), geantwoord=Count("pk", filter=Q(responded=True)))
        .order_by()
    )
    counts = {row["school_id"]: row for row in per_school}
    posters = {t.school_id: t for t in theirs.filter(soort=ToegangSoort.AFFICHE)}
    rows = [
        {
            "school": school,
            "uitgenodigd": counts.get(school.pk, {}).get("uitgenodigd", 0),
            "geantwoord": counts.get(school.pk, {}).get("geantwoord", 0),
            "poster": posters.get(school.pk),
        }
        for school in schools
    ]
    return render(
        request,
        "scans/afname.html",
        {
            "afname": afname,
            "rows": rows,
            "may_close": may_close(request.user, afname),
            "post_stand": post_stand(over=theirs, user=request.user),
        },
    )


@login_required
@require_POST
def scan_herinneren(request: AuthedRequest, pk: int) -> HttpResponse:
    afname = get_afname_to_run(request.user, pk)
    if not afname.is_open:
        raise Http404
    count = services.remind(
        afname=afname, schools=schools_to_run(request.user, afname), door=request.user
    )
    messages.success(request, _("Er vertrekt een herinnering naar %(n)s personen.") % {"n": count})
    return redirect("scan_afname", afname.pk)


@login_required
@require_POST
def scan_sluiten(request: AuthedRequest, pk: int) -> HttpResponse:
    afname = get_afname_to_close(request.user, pk)
    if afname.is_open:
        services.close_afname(afname=afname)
        messages.success(request, _("De afname is afgesloten; de resultaten staan klaar."))
    return redirect("scan_afname", afname.pk)


@login_required
def scan_affiche(request: AuthedRequest, pk: int, school_pk: int) -> HttpResponse:
    """A printable poster: the QR code leads to the scan for this school, without a personal link."""
    afname = get_afname_to_run(request.user, pk)
    school = get_school_to_run(request.user, afname, school_pk)
    toegang = get_object_or_404(Toegang, afname=afname, school=school, soort=ToegangSoort.AFFICHE)
    url = settings.SITE_URL + reverse("scan_start", args=[toegang.token])
    qr = segno.make(url, error="m").svg_inline(scale=8, dark="#1f2d3d")
    return render(
        request, "scans/affiche.html", {"afname": afname, "toegang": toegang, "url": url, "qr": qr}
    )


# --- results ----------------------------------------------------------------------------------


def _report_context(request: AuthedRequest, pk: int, school_pk: int) -> dict[str, Any]:
    afname, school = get_report(request.user, pk, school_pk)
    report = build_report(afname, school, minimum=minimum_group())
    return {"report": report, "no_figures": no_figures_reason(report.n, report.minimum)}


@login_required
def scan_rapport(request: AuthedRequest, pk: int, school_pk: int) -> HttpResponse:
    return render(request, "scans/rapport.html", _report_context(request, pk, school_pk))


@login_required
def scan_rapport_pdf(request: AuthedRequest, pk: int, school_pk: int) -> HttpResponse:
    context = _report_context(request, pk, school_pk)
    report = context["report"]
    stamp = report.afname.opened_at.strftime("%Y-%m-%d")
    return pdf_response(request, "scans/rapport_pdf.html", context, f"plg-scan-{stamp}.pdf")


def _overview(request: AuthedRequest) -> Overview:
    schools = list(schools_supported_by(request.user).select_related("scholengemeenschap"))
    if not schools:
        raise Http404
    network_id = schools[0].scholengemeenschap.network_id
    return network_overview(
        network_id=network_id,
        schools=[s for s in schools if s.scholengemeenschap.network_id == network_id],
        minimum=minimum_group(),
    )


@login_required
def begeleiding_scans(request: AuthedRequest) -> HttpResponse:
    return render(request, "scans/begeleiding.html", {"overview": _overview(request)})


def _export_rows(overview: Overview) -> list[list[Cell]]:
    header: list[Cell] = [
        _("school"),
        _("scholengemeenschap"),
        _("afname"),
        _("respondenten"),
        _("profiel (regel)"),
        _("profiel (clustering)"),
        _("zwakste voorwaarde"),
        *overview.characteristic_titles,
        *overview.condition_titles,
        *[_("verschil %(titel)s") % {"titel": t} for t in overview.characteristic_titles],
    ]
    rows: list[list[Cell]] = [header]
    for row in overview.rows:
        figures: list[Cell] = [
            *[round(v, 2) if v is not None else "" for v in row.characteristics],
            *[round(v, 2) if v is not None else "" for v in row.conditions],
            *[round(c.estimate, 2) if c else "" for c in row.changes],
        ]
        rows.append(
            [
                row.school.name,
                row.school.scholengemeenschap.name,
                row.afname.title if row.afname else "",
                row.n
                if row.enough
                else (_("minder dan %(n)s") % {"n": minimum_group()} if row.afname else ""),
                row.profile_label,
                row.cluster_label,
                row.weakest,
                *figures,
            ]
        )
    return [row + [""] * (len(header) - len(row)) for row in rows]


@login_required
def begeleiding_scans_export(request: AuthedRequest, formaat: str) -> HttpResponse:
    """The side-by-side table as a file: one row per school, aggregates only."""
    if formaat not in {"csv", "xlsx"}:
        raise Http404
    rows = _export_rows(_overview(request))
    stamp = timezone.localdate().isoformat()
    if formaat == "csv":
        response = HttpResponse(export.csv_bytes(rows), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            export.xlsx_bytes(rows, title="PLG-scan"), content_type=export.XLSX_TYPE
        )
    response["Content-Disposition"] = f'attachment; filename="plg-scan-{stamp}.{formaat}"'
    return response


# --- the Zelfscan inside a PLG ----------------------------------------------------------------


@login_required
def zelfscans(request: AuthedRequest, pk: int) -> HttpResponse:
    plg, lid = get_plg(request.user, pk)
    runs = plg.afnames.annotate(
        geantwoord=Count("toegangen", filter=Q(toegangen__responded=True))
    ).order_by("-opened_at")
    mine = set(
        Toegang.objects.filter(afname__plg=plg, user=request.user, responded=True).values_list(
            "afname_id", flat=True
        )
    )
    return render(
        request,
        "scans/zelfscans.html",
        {
            **plg_context(plg, lid),
            "tab": "zelfscan",
            "runs": runs,
            "mine": mine,
            "form": ZelfscanForm(),
            "aantal_leden": plg.lidmaatschappen.count(),
            "minimum": ZELFSCAN_MINIMUM,
        },
    )


@login_required
@require_POST
def zelfscan_nieuw(request: AuthedRequest, pk: int) -> HttpResponse:
    plg, _lid = get_plg(request.user, pk, coach=True, writable=True)
    form = ZelfscanForm(request.POST)
    if form.is_valid():
        services.open_zelfscan(plg=plg, opened_by=request.user, title=form.cleaned_data["title"])
        messages.success(request, _("De zelfscan staat klaar voor de leden."))
    else:
        messages.error(request, _("Geef de zelfscan een naam."))
    return redirect("zelfscans", plg.pk)


def _run(plg: PLG, afname_pk: int) -> Afname:
    return get_object_or_404(Afname, pk=afname_pk, plg=plg)


@login_required
def zelfscan_invullen(request: AuthedRequest, pk: int, afname_pk: int) -> HttpResponse:
    plg, _lid = get_plg(request.user, pk, writable=True)
    afname = _run(plg, afname_pk)
    if not afname.is_open:
        raise Http404
    toegang = services.toegang_for_member(afname=afname, user=request.user)
    return redirect("scan_start", toegang.token)


@login_required
@require_POST
def zelfscan_sluiten(request: AuthedRequest, pk: int, afname_pk: int) -> HttpResponse:
    plg, _lid = get_plg(request.user, pk, coach=True)
    afname = _run(plg, afname_pk)
    if afname.is_open:
        services.close_afname(afname=afname)
    return redirect("zelfscan_resultaat", plg.pk, afname.pk)


@login_required
def zelfscan_resultaat(request: AuthedRequest, pk: int, afname_pk: int) -> HttpResponse:
    plg, lid = get_plg(request.user, pk)
    afname = _run(plg, afname_pk)
    if afname.is_open:
        raise Http404
    report = build_zelfscan_report(afname, minimum=ZELFSCAN_MINIMUM)
    return render(
        request,
        "scans/zelfscan_resultaat.html",
        {
            **plg_context(plg, lid),
            "tab": "zelfscan",
            "report": report,
            "no_figures": no_figures_reason(report.n, report.minimum),
        },
    )
