"""Answering a scan: no account needed, the personal link or the poster is the key.

The link ``/scan/<token>/`` is the answering page itself. The key that finds this browser's
answers travels only in a signed cookie, never in a URL, so no access log pairs a person's link
with their answers (decision 34).
"""

from __future__ import annotations

import logging
import re
import secrets
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from plg.core.http import parse_small_int
from plg.core.throttle import TOO_MANY_MAILS, may_mail
from plg.post.services import SEND_ERRORS, send_now
from plg.scans import services
from plg.scans.authorizers import get_toegang
from plg.scans.forms import ResumeForm
from plg.scans.instruments import Section, localised
from plg.scans.models import Afname, Antwoordset, Toegang, key_hash

logger = logging.getLogger(__name__)
KEY = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
COOKIE_SALT = "scan"
COOKIE_DAYS = 180
# Answers brought to this device with a resume link, until the link one began with takes them.
RESUME_COOKIE = "scanhervat"
NO_COOKIES = gettext_lazy(
    "Je browser bewaart geen cookies voor deze site. Zonder cookie kunnen we je antwoorden niet bijhouden: sta cookies toe en open de link opnieuw."
)


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


def _part(
    section: Section, values: dict[str, int], comments: dict[str, str], rol: int | None
) -> Part:
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
        "percent": round(step / steps * 100),  # the parts behind you; handing in is 100
        "problems": problems,
        "resume_form": ResumeForm(),
    }
    if step < steps:
        rol = antwoordset.rolgroep if antwoordset else None
        context["part"] = _part(instrument.sections[step], values, comments, rol)
    else:
        context["missing"] = services.missing(antwoordset, instrument)
    return context


def _step(raw: str, steps: int) -> int:
    """The part a ``deel`` value asks for; anything that is not a part opens the first."""
    return parse_small_int(raw, steps) or 0


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
    step = _step(request.GET.get("deel", ""), steps)
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
    if request.method == "GET" and "deel" not in request.GET:
        step = services.resume_step(antwoordset, afname.instrument)
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
    except services.AfnameClosed:
        return render(request, "scans/gesloten.html", {"afname": afname}, status=410)
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
    if not toegang.afname.is_open:
        return render(request, "scans/gesloten.html", {"afname": toegang.afname}, status=410)
    if _answered(request, toegang):
        return redirect("scan_bedankt", token)
    key = _cookie_key(request, _key_cookie(toegang))
    form = ResumeForm(request.POST)
    deel = _step(request.POST.get("deel", ""), len(toegang.afname.instrument.sections))
    back = f"{reverse('scan_start', args=[token])}?deel={deel}"
    if not key or services.find_antwoordset(afname=toegang.afname, key=key) is None:
        messages.info(
            request,
            _("Je hebt nog niets ingevuld: open je link gewoon op het andere toestel."),
        )
    elif form.is_valid() and not may_mail(request, "scan-verder", form.cleaned_data["email"]):
        messages.error(request, TOO_MANY_MAILS)
    elif form.is_valid():
        link = settings.SITE_URL + reverse("scan_hervat") + "#" + key
        body = render_to_string(
            "scans/email/verder.txt", {"link": link, "title": toegang.afname.title}
        )
        try:
            send_now(
                aan=form.cleaned_data["email"],
                onderwerp=_("Je link om verder te gaan: %(scan)s") % {"scan": toegang.afname.title},
                tekst=body,
            )
        except SEND_ERRORS as error:
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
