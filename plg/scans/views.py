from __future__ import annotations

import csv
import io
import re
import secrets
from dataclasses import dataclass
from typing import Any

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.mail import send_mail
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plg.communities.authorizers import get_plg
from plg.communities.context import plg_context
from plg.core.http import AuthedRequest
from plg.core.pdf import pdf_response
from plg.core.throttle import TOO_MANY_MAILS, may_mail
from plg.organisations.authorizers import schools_of, schools_supported_by
from plg.scans import services
from plg.scans.authorizers import (
    get_afname_to_run,
    get_report,
    get_toegang,
    schools_for_waves,
)
from plg.scans.forms import AfnameForm, ResumeForm, ZelfscanForm
from plg.scans.instruments import Section, localised
from plg.scans.models import Afname, Antwoordset, Toegang, ToegangSoort, key_hash, minimum_group
from plg.scans.network import network_overview
from plg.scans.reports import build_report, no_figures_reason
from plg.scans.statistics import minimum_group_size

KEY = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
COOKIE_SALT = "scan"
COOKIE_DAYS = 180
# Inside a PLG the group itself discusses the spread; the absolute floor still protects one person.
ZELFSCAN_MINIMUM = minimum_group_size(3)


# --- answering (no account needed: the link is the key) -------------------------------------


def _cookie(toegang: Toegang) -> str:
    return f"scan{toegang.pk}"


def scan_start(request: HttpRequest, token: str) -> HttpResponse:
    """The personal link or the poster: resume this browser's answers, or start fresh."""
    toegang = get_toegang(token, request.user)
    if not toegang.afname.is_open:
        return render(request, "scans/gesloten.html", {"afname": toegang.afname}, status=410)
    if toegang.responded:
        return redirect("scan_bedankt", token)
    key = request.get_signed_cookie(_cookie(toegang), default="", salt=COOKIE_SALT) or ""
    if (
        not KEY.match(key)
        or Antwoordset.objects.filter(key_hash=key_hash(key), submitted=True).exists()
    ):
        key = secrets.token_urlsafe(32)
    response = redirect("scan_invullen", token, key)
    response.set_signed_cookie(
        _cookie(toegang),
        key,
        salt=COOKIE_SALT,
        max_age=COOKIE_DAYS * 24 * 3600,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


@dataclass(frozen=True)
class Choice:
    value: int
    label: str
    checked: bool


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    choices: list[Choice]


@dataclass(frozen=True)
class Part:
    section: Section
    title: str
    questions: list[Question]
    comment_field: str
    comment_label: str
    comment: str


def _part(section: Section, values: dict[str, int], comments: dict[str, str], rol: Any) -> Part:
    if section.choice_key:
        questions = [
            Question(
                key=services.BACKGROUND_FIELD,
                text=localised(section.question),
                choices=[
                    Choice(i, localised(section.option(i)), rol == i)
                    for i in range(len(section.choices["nl"]))
                ],
            )
        ]
    else:
        scale = [localised(point) for point in section.scale]
        questions = [
            Question(
                key=item.key,
                text=localised(item.text),
                choices=[
                    Choice(n, label, values.get(item.key) == n)
                    for n, label in enumerate(scale, start=1)
                ],
            )
            for item in section.items
        ]
    return Part(
        section=section,
        title=localised(section.title),
        questions=questions,
        comment_field=services.COMMENT_PREFIX + section.key if section.comment_label else "",
        comment_label=localised(section.comment_label) if section.comment_label else "",
        comment=comments.get(section.key, ""),
    )


def _answering(request: HttpRequest, token: str, key: str) -> tuple[Toegang, Antwoordset]:
    if not KEY.match(key):
        raise Http404
    toegang = get_toegang(token, request.user)
    return toegang, services.antwoordset_for(toegang=toegang, key=key)


def _answer_context(
    toegang: Toegang, antwoordset: Antwoordset, key: str, step: int, problems: list[str]
) -> dict[str, Any]:
    instrument = toegang.afname.instrument
    values = dict(antwoordset.antwoorden.values_list("item", "value"))
    comments = dict(antwoordset.toelichtingen.values_list("section", "text"))
    steps = len(instrument.sections)
    context: dict[str, Any] = {
        "toegang": toegang,
        "afname": toegang.afname,
        "key": key,
        "intro": localised(instrument.intro),
        "step": step,
        "steps": steps,
        "number": step + 1,
        "percent": round((step + 1) / (steps + 1) * 100),
        "problems": problems,
        "resume_form": ResumeForm(),
    }
    if step < steps:
        context["part"] = _part(instrument.sections[step], values, comments, antwoordset.rolgroep)
    else:
        context["missing"] = services.missing(antwoordset, instrument)
    return context


def scan_invullen(request: HttpRequest, token: str, key: str) -> HttpResponse:
    """One part of the scan per page; every answer is stored as it is given."""
    toegang, antwoordset = _answering(request, token, key)
    if not toegang.afname.is_open:
        return render(request, "scans/gesloten.html", {"afname": toegang.afname}, status=410)
    if antwoordset.submitted or toegang.responded:
        return redirect("scan_bedankt", token)
    steps = len(toegang.afname.instrument.sections)
    raw = request.GET.get("deel", "0")
    step = min(max(int(raw), 0), steps) if raw.isdigit() else 0
    problems: list[str] = []
    if request.method == "POST":
        problems = services.save_answers(antwoordset=antwoordset, data=request.POST)
        if not problems:
            target = step - 1 if request.POST.get("richting") == "terug" else step + 1
            url = reverse("scan_invullen", args=[token, key])
            return redirect(f"{url}?deel={min(max(target, 0), steps)}")
    context = _answer_context(toegang, antwoordset, key, step, problems)
    return render(request, "scans/invullen.html", context, status=400 if problems else 200)


@require_POST
def scan_bewaar_hx(request: HttpRequest, token: str, key: str) -> HttpResponse:
    """Autosave while answering: a few words saying it is stored, or what is wrong."""
    toegang, antwoordset = _answering(request, token, key)
    if not toegang.afname.is_open:
        raise Http404
    problems = services.save_answers(antwoordset=antwoordset, data=request.POST)
    return render(
        request,
        "scans/_bewaard.html",
        {"problems": problems, "saved_at": timezone.localtime()},
    )


@require_POST
def scan_indienen(request: HttpRequest, token: str, key: str) -> HttpResponse:
    toegang, antwoordset = _answering(request, token, key)
    if not toegang.afname.is_open:
        return render(request, "scans/gesloten.html", {"afname": toegang.afname}, status=410)
    try:
        gaps = services.submit(toegang=toegang, antwoordset=antwoordset)
    except services.AlreadySubmitted:
        return redirect("scan_bedankt", token)
    if gaps:
        context = _answer_context(
            toegang, antwoordset, key, len(toegang.afname.instrument.sections), []
        )
        return render(request, "scans/invullen.html", context, status=400)
    response = redirect("scan_bedankt", token)
    response.delete_cookie(_cookie(toegang))
    return response


@require_POST
def scan_verder(request: HttpRequest, token: str, key: str) -> HttpResponse:
    """Mail this page's link to the respondent, to go on elsewhere. Sent at once, never stored
    (not even in the task queue): the link opens their answers."""
    toegang, _antwoordset = _answering(request, token, key)
    form = ResumeForm(request.POST)
    url = reverse("scan_invullen", args=[token, key])
    if form.is_valid() and not may_mail(request, "scan-verder", form.cleaned_data["email"]):
        messages.error(request, TOO_MANY_MAILS)
    elif form.is_valid():
        body = render_to_string(
            "scans/email/verder.txt",
            {"link": request.build_absolute_uri(url), "title": toegang.afname.title},
        )
        send_mail(
            _("Je link om verder te gaan: %(scan)s") % {"scan": toegang.afname.title},
            body,
            None,
            [form.cleaned_data["email"]],
        )
        messages.success(request, _("De link is verstuurd. Je kunt dit venster sluiten."))
    else:
        messages.error(request, _("Dat e-mailadres lijkt niet te kloppen; probeer opnieuw."))
    return redirect(f"{url}?deel={request.POST.get('deel', '0')}")


def scan_bedankt(request: HttpRequest, token: str) -> HttpResponse:
    toegang = get_toegang(token, request.user)
    return render(request, "scans/bedankt.html", {"toegang": toegang, "afname": toegang.afname})


# --- running a wave ---------------------------------------------------------------------------


@login_required
def scans(request: AuthedRequest) -> HttpResponse:
    """Waves this person runs, results of their schools, and scans waiting for their answer."""
    runnable = schools_for_waves(request.user)
    beheer = (
        Afname.objects.filter(plg=None)
        .filter(Q(opened_by=request.user) | Q(schools__in=runnable))
        .distinct()
        .annotate(
            uitgenodigd=Count("toegangen", filter=Q(toegangen__soort=ToegangSoort.PERSOONLIJK)),
            geantwoord=Count("toegangen", filter=Q(toegangen__responded=True)),
        )
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
    """How a wave is going: per school how many were invited and how many answered, never who."""
    afname = get_afname_to_run(request.user, pk)
    per_school = (
        Toegang.objects.filter(afname=afname, soort=ToegangSoort.PERSOONLIJK)
        .values("school_id")
        .annotate(uitgenodigd=Count("pk"), geantwoord=Count("pk", filter=Q(responded=True)))
        .order_by()
    )
    counts = {row["school_id"]: row for row in per_school}
    posters = {
        t.school_id: t for t in Toegang.objects.filter(afname=afname, soort=ToegangSoort.AFFICHE)
    }
    rows = [
        {
            "school": school,
            "uitgenodigd": counts.get(school.pk, {}).get("uitgenodigd", 0),
            "geantwoord": counts.get(school.pk, {}).get("geantwoord", 0),
            "poster": posters.get(school.pk),
        }
        for school in afname.schools.all()
    ]
    return render(request, "scans/afname.html", {"afname": afname, "rows": rows})


@login_required
@require_POST
def scan_herinneren(request: AuthedRequest, pk: int) -> HttpResponse:
    afname = get_afname_to_run(request.user, pk)
    if not afname.is_open:
        raise Http404
    count = services.remind(afname=afname)
    messages.success(request, _("Er vertrekt een herinnering naar %(n)s personen.") % {"n": count})
    return redirect("scan_afname", afname.pk)


@login_required
@require_POST
def scan_sluiten(request: AuthedRequest, pk: int) -> HttpResponse:
    afname = get_afname_to_run(request.user, pk)
    if afname.is_open:
        services.close_afname(afname=afname)
        messages.success(request, _("De afname is afgesloten; de resultaten staan klaar."))
    return redirect("scan_afname", afname.pk)


@login_required
def scan_affiche(request: AuthedRequest, pk: int, school_pk: int) -> HttpResponse:
    """A printable poster: the QR code leads to the scan for this school, without a personal link."""
    afname = get_afname_to_run(request.user, pk)
    toegang = get_object_or_404(
        Toegang, afname=afname, school_id=school_pk, soort=ToegangSoort.AFFICHE
    )
    url = request.build_absolute_uri(reverse("scan_start", args=[toegang.token]))
    qr = segno.make(url, error="m").svg_inline(scale=8, dark="#1f2d3d")
    return render(
        request, "scans/affiche.html", {"afname": afname, "toegang": toegang, "url": url, "qr": qr}
    )


# --- results ----------------------------------------------------------------------------------


def _report_context(request: AuthedRequest, pk: int, school_pk: int) -> dict[str, Any]:
    afname, school = get_report(request.user, pk, school_pk)
    report = build_report(afname, school, minimum=minimum_group())
    return {"report": report, "no_figures": no_figures_reason(report)}


@login_required
def scan_rapport(request: AuthedRequest, pk: int, school_pk: int) -> HttpResponse:
    return render(request, "scans/rapport.html", _report_context(request, pk, school_pk))


@login_required
def scan_rapport_pdf(request: AuthedRequest, pk: int, school_pk: int) -> HttpResponse:
    context = _report_context(request, pk, school_pk)
    report = context["report"]
    stamp = report.afname.opened_at.strftime("%Y-%m-%d")
    return pdf_response(request, "scans/rapport_pdf.html", context, f"plg-scan-{stamp}.pdf")


def _overview(request: AuthedRequest) -> Any:
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


def _export_rows(overview: Any) -> list[list[Any]]:
    header = [
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
    rows: list[list[Any]] = [header]
    for row in overview.rows:
        figures: list[Any] = [
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
    return rows


@login_required
def begeleiding_scans_export(request: AuthedRequest, formaat: str) -> HttpResponse:
    """The side-by-side table as a file: one row per school, aggregates only."""
    if formaat not in {"csv", "xlsx"}:
        raise Http404
    rows = _export_rows(_overview(request))
    stamp = timezone.localdate().isoformat()
    if formaat == "csv":
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=";").writerows(rows)
        response = HttpResponse(
            "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="plg-scan-{stamp}.csv"'
        return response
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "PLG-scan"
    for row in rows:
        sheet.append(row)
    buffer_bytes = io.BytesIO()
    workbook.save(buffer_bytes)
    response = HttpResponse(
        buffer_bytes.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="plg-scan-{stamp}.xlsx"'
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


def _run(plg: Any, afname_pk: int) -> Afname:
    return get_object_or_404(Afname, pk=afname_pk, plg=plg)


@login_required
def zelfscan_invullen(request: AuthedRequest, pk: int, afname_pk: int) -> HttpResponse:
    plg, _lid = get_plg(request.user, pk)
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
    report = build_report(afname, None, minimum=ZELFSCAN_MINIMUM)
    return render(
        request,
        "scans/zelfscan_resultaat.html",
        {
            **plg_context(plg, lid),
            "tab": "zelfscan",
            "report": report,
            "no_figures": no_figures_reason(report),
        },
    )
