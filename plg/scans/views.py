from __future__ import annotations

import logging
import re
import secrets
from dataclasses import dataclass
from typing import Any

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from plg.communities.authorizers import get_plg
from plg.communities.context import plg_context
from plg.core.http import AuthedRequest
from plg.core.pdf import pdf_response
from plg.core.throttle import TOO_MANY_MAILS, may_mail
from plg.organisations.authorizers import schools_of, schools_supported_by
from plg.post.services import verstuur_nu
from plg.post.stand import stand as post_stand
from plg.scans import export, services
from plg.scans.authorizers import (
    get_afname_to_close,
    get_afname_to_run,
    get_report,
    get_school_to_run,
    get_toegang,
    may_close,
    schools_for_waves,
    schools_to_run,
)
from plg.scans.forms import AfnameForm, ResumeForm, ZelfscanForm
from plg.scans.instruments import Section, localised
from plg.scans.models import Afname, Antwoordset, Toegang, ToegangSoort, key_hash, minimum_group
from plg.scans.network import network_overview
from plg.scans.reports import build_report, no_figures_reason
from plg.scans.statistics import minimum_group_size

logger = logging.getLogger(__name__)
KEY = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
COOKIE_SALT = "scan"
COOKIE_DAYS = 180
# Answers brought to this device with a resume link, until the link one began with takes them.
RESUME_COOKIE = "scanhervat"
NO_COOKIES = gettext_lazy(
    "Je browser bewaart geen cookies voor deze site. Zonder cookie kunnen we je antwoorden niet bijhouden: sta cookies toe en open de link opnieuw."
)
# Inside a PLG the group itself discusses the spread; the absolute floor still protects one person.
ZELFSCAN_MINIMUM = minimum_group_size(3)


# --- answering (no account needed: the link is the key) -------------------------------------
#
# The personal link or the poster (``/scan/<token>/``) is the answering page itself. The key
# that finds this browser's answers travels only in a signed cookie, never in a URL, so no
# access log pairs a person's link with their answers (decision 34).


def _key_cookie(toegang: Toegang) -> str:
    return f"scan{toegang.pk}"


def _done_cookie(afname: Afname) -> str:
    """Per wave: this browser handed in answers, so the poster shows only thanks here."""
    return f"scanklaar{afname.pk}"


def _cookie_key(request: HttpRequest, name: str) -> str:
    key = request.get_signed_cookie(name, default="", salt=COOKIE_SALT) or ""
    return key if KEY.match(key) else ""


def _set_cookie(
    response: HttpResponse, request: HttpRequest, name: str, value: str, days: int | None
) -> None:
    response.set_signed_cookie(
        name,
        value,
        salt=COOKIE_SALT,
        max_age=days * 24 * 3600 if days else None,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )


def _answered(request: HttpRequest, toegang: Toegang) -> bool:
    """A personal link used to submit is done everywhere; a poster only in this browser."""
    if toegang.is_personal:
        return toegang.responded
    return bool(
        request.get_signed_cookie(_done_cookie(toegang.afname), default="", salt=COOKIE_SALT)
    )


def _resumed_key(request: HttpRequest, toegang: Toegang) -> str:
    """The key of answers brought to this device with a resume link, if they belong here."""
    key = _cookie_key(request, RESUME_COOKIE)
    if not key:
        return ""
    antwoordset = services.find_antwoordset(afname=toegang.afname, key=key)
    if antwoordset is None or antwoordset.submitted or antwoordset.school_id != toegang.school_id:
        return ""
    return key


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


def _answer_context(
    toegang: Toegang, antwoordset: Antwoordset | None, step: int, problems: list[str]
) -> dict[str, Any]:
    instrument = toegang.afname.instrument
    values: dict[str, int] = {}
    comments: dict[str, str] = {}
    if antwoordset is not None:
        values = dict(antwoordset.antwoorden.values_list("item", "value"))
        comments = dict(antwoordset.toelichtingen.values_list("section", "text"))
    steps = len(instrument.sections)
    context: dict[str, Any] = {
        "toegang": toegang,
        "afname": toegang.afname,
        "intro": localised(instrument.intro),
        "step": step,
        "steps": steps,
        "number": step + 1,
        "percent": round((step + 1) / (steps + 1) * 100),
        "problems": problems,
        "resume_form": ResumeForm(),
    }
    if step < steps:
        rol = antwoordset.rolgroep if antwoordset else None
        context["part"] = _part(instrument.sections[step], values, comments, rol)
    else:
        context["missing"] = services.missing(antwoordset, instrument)
    return context


def _step(request: HttpRequest, steps: int) -> int:
    raw = request.GET.get("deel", "0")
    return min(max(int(raw), 0), steps) if raw.isdigit() else 0


def scan_start(request: HttpRequest, token: str) -> HttpResponse:
    """One part of the scan per page; every answer is stored as it is given.

    A first visit gets a fresh key in a cookie and stores nothing: the answer set is made with
    the first answer. A key brought here with a resume link takes over this browser's.
    """
    toegang = get_toegang(token, request.user)
    afname = toegang.afname
    if not afname.is_open:
        return render(request, "scans/gesloten.html", {"afname": afname}, status=410)
    if _answered(request, toegang):
        return redirect("scan_bedankt", token)
    steps = len(afname.instrument.sections)
    step = _step(request, steps)
    problems: list[str] = []
    if request.method == "POST":
        key = _cookie_key(request, _key_cookie(toegang))
        if not key:
            problems = [str(NO_COOKIES)]
        else:
            problems = services.save_answers(toegang=toegang, key=key, data=request.POST)
            if not problems:
                target = step - 1 if request.POST.get("richting") == "terug" else step + 1
                url = reverse("scan_start", args=[token])
                return redirect(f"{url}?deel={min(max(target, 0), steps)}")
        resumed = ""
    else:
        resumed = _resumed_key(request, toegang)
        key = resumed or _cookie_key(request, _key_cookie(toegang))
    antwoordset = services.find_antwoordset(afname=afname, key=key) if key else None
    if antwoordset is not None and antwoordset.submitted:
        key, antwoordset = "", None  # handed in from this browser: the link starts afresh
    context = _answer_context(toegang, antwoordset, step, problems)
    response = render(request, "scans/invullen.html", context, status=400 if problems else 200)
    if request.method == "GET":
        _set_cookie(
            response, request, _key_cookie(toegang), key or secrets.token_urlsafe(32), COOKIE_DAYS
        )
        if resumed:
            response.delete_cookie(RESUME_COOKIE)
    return response


@require_POST
def scan_bewaar_hx(request: HttpRequest, token: str) -> HttpResponse:
    """Autosave while answering: a few words saying it is stored, or what is wrong."""
    toegang = get_toegang(token, request.user)
    if not toegang.afname.is_open:
        raise Http404
    key = _cookie_key(request, _key_cookie(toegang))
    if not key:
        problems = [str(NO_COOKIES)]
    elif _answered(request, toegang):
        problems = [_("Je antwoorden zijn al ingediend; ze kunnen niet meer veranderen.")]
    else:
        problems = services.save_answers(toegang=toegang, key=key, data=request.POST)
    return render(
        request,
        "scans/_bewaard.html",
        {"problems": problems, "saved_at": timezone.localtime()},
    )


@require_POST
def scan_indienen(request: HttpRequest, token: str) -> HttpResponse:
    toegang = get_toegang(token, request.user)
    afname = toegang.afname
    if not afname.is_open:
        return render(request, "scans/gesloten.html", {"afname": afname}, status=410)
    if _answered(request, toegang):
        return redirect("scan_bedankt", token)
    key = _cookie_key(request, _key_cookie(toegang))
    try:
        gaps = services.submit(toegang=toegang, key=key) if key else [str(NO_COOKIES)]
    except services.AlreadySubmitted:
        return redirect("scan_bedankt", token)
    if gaps:
        antwoordset = services.find_antwoordset(afname=afname, key=key) if key else None
        problems = [] if key else [str(NO_COOKIES)]
        context = _answer_context(toegang, antwoordset, len(afname.instrument.sections), problems)
        return render(request, "scans/invullen.html", context, status=400)
    response = redirect("scan_bedankt", token)
    response.delete_cookie(_key_cookie(toegang))
    _set_cookie(response, request, _done_cookie(afname), "1", COOKIE_DAYS)
    return response


@require_POST
def scan_verder(request: HttpRequest, token: str) -> HttpResponse:
    """Mail a link that opens these answers on another device. It carries the key after ``#``,
    which a browser never sends to a server (so no access log holds it), and no person's link.
    Sent at once, never stored (not even in the task queue): it opens their answers."""
    toegang = get_toegang(token, request.user)
    key = _cookie_key(request, _key_cookie(toegang))
    form = ResumeForm(request.POST)
    deel = request.POST.get("deel", "0")
    back = f"{reverse('scan_start', args=[token])}?deel={deel if deel.isdigit() else 0}"
    if not key or services.find_antwoordset(afname=toegang.afname, key=key) is None:
        messages.info(
            request,
            _("Je hebt nog niets ingevuld: open je link gewoon op het andere toestel."),
        )
    elif form.is_valid() and not may_mail(request, "scan-verder", form.cleaned_data["email"]):
        messages.error(request, TOO_MANY_MAILS)
    elif form.is_valid():
        link = request.build_absolute_uri(reverse("scan_hervat")) + "#" + key
        body = render_to_string(
            "scans/email/verder.txt", {"link": link, "title": toegang.afname.title}
        )
        try:
            verstuur_nu(
                aan=form.cleaned_data["email"],
                onderwerp=_("Je link om verder te gaan: %(scan)s") % {"scan": toegang.afname.title},
                tekst=body,
            )
        except Exception as error:
            # Never the address or the error text: this request's URL opens the answers.
            logger.warning("The resume link could not be mailed (%s)", type(error).__name__)
            messages.error(
                request,
                _(
                    "De mail kon niet vertrekken. Probeer het straks opnieuw; je antwoorden blijven bewaard op dit toestel."
                ),
            )
        else:
            messages.success(request, _("De link is verstuurd. Je kunt dit venster sluiten."))
    else:
        messages.error(request, _("Dat e-mailadres lijkt niet te kloppen; probeer opnieuw."))
    return redirect(back)


@sensitive_post_parameters("sleutel")
def scan_hervat(request: HttpRequest) -> HttpResponse:
    """Go on with one's answers on this device. The resume link holds the key after ``#``: the
    page's script posts it here, and a cookie keeps it until the person opens the link they
    began with (their personal link or the poster) on this device, which then takes it over."""
    if request.method != "POST":
        return render(request, "scans/hervat.html", {})
    key = request.POST.get("sleutel", "")
    antwoordset = (
        Antwoordset.objects.filter(key_hash=key_hash(key), submitted=False, afname__closed_at=None)
        .select_related("afname")
        .first()
        if KEY.match(key)
        else None
    )
    if antwoordset is None:
        return render(request, "scans/hervat.html", {"unknown": True}, status=404)
    response = render(request, "scans/hervat.html", {"afname": antwoordset.afname})
    _set_cookie(response, request, RESUME_COOKIE, key, None)
    return response


def scan_bedankt(request: HttpRequest, token: str) -> HttpResponse:
    toegang = get_toegang(token, request.user)
    return render(request, "scans/bedankt.html", {"toegang": toegang, "afname": toegang.afname})


# --- running a wave ---------------------------------------------------------------------------


@login_required
def scans(request: AuthedRequest) -> HttpResponse:
    """Waves this person runs, results of their schools, and scans waiting for their answer.

    A wave's progress counts only the personal links of the schools this person runs in it.
    """
    runnable = schools_for_waves(request.user)
    theirs = Q(toegangen__soort=ToegangSoort.PERSOONLIJK) & (
        Q(opened_by=request.user) | Q(toegangen__school__in=runnable)
    )
    beheer = Afname.objects.filter(
        Q(opened_by=request.user) | Q(pk__in=Afname.objects.filter(schools__in=runnable)),
        plg=None,
    ).annotate(
        uitgenodigd=Count("toegangen", filter=theirs),
        geantwoord=Count("toegangen", filter=theirs & Q(toegangen__responded=True)),
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
    per_school = (
        Toegang.objects.filter(afname=afname, soort=ToegangSoort.PERSOONLIJK, school__in=schools)
        .values("school_id")
        .annotate(uitgenodigd=Count("pk"), geantwoord=Count("pk", filter=Q(responded=True)))
        .order_by()
    )
    counts = {row["school_id"]: row for row in per_school}
    posters = {
        t.school_id: t
        for t in Toegang.objects.filter(
            afname=afname, soort=ToegangSoort.AFFICHE, school__in=schools
        )
    }
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
            "post_stand": post_stand(
                over=afname.toegangen.filter(school__in=schools_to_run(request.user, afname)),
                user=request.user,
            ),
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


def _run(plg: Any, afname_pk: int) -> Afname:
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
