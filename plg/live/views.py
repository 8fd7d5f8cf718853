from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from weasyprint import HTML

from plg.communities.authorizers import get_plg, membership
from plg.communities.context import plg_context
from plg.core.http import AuthedRequest
from plg.live import services
from plg.live.models import LiveSessie, Zone
from plg.live.services import board_kind
from plg.live.summary import build_summary
from plg.meetings.models import AgendaBlok, Bijeenkomst
from plg.methods.models import Stap, Vraag


@login_required
def live(request: AuthedRequest, bid: int) -> HttpResponse:
    """The facilitation screen for the coach; the participant view for members."""
    bijeenkomst = get_object_or_404(Bijeenkomst, pk=bid)
    plg, lid = get_plg(request.user, bijeenkomst.plg_id)
    sessie = LiveSessie.objects.filter(bijeenkomst=bijeenkomst).first()
    if sessie is None and lid.is_coach and not plg.is_archived:
        sessie = LiveSessie.objects.create(bijeenkomst=bijeenkomst)
    vragen = Vraag.objects.select_related("groep") if lid.is_coach else Vraag.objects.none()
    context = plg_context(plg, lid) | {
        "bijeenkomst": bijeenkomst,
        "sessie": sessie,
        "labels": {
            "stappen": dict(Stap.choices),
            "zones": dict(Zone.choices),
            "texts": live_texts(),
        },
        "vragen": vragen,
        "kandoe_blokken": [
            b for b in bijeenkomst.blokken.select_related("werkvorm") if board_kind(b) == "kandoe"
        ]
        if lid.is_coach
        else [],
    }
    return render(request, "live/sessie.html", context)


def live_texts() -> dict[str, str]:
    """The few words the live script writes itself, in the reader's language."""
    return {
        "connecting": gettext("Verbinden…"),
        "connected": gettext("Verbonden"),
        "reconnecting": gettext("Verbinding kwijt. We verbinden opnieuw…"),
        "refused": gettext("Je kan niet meedoen met deze bijeenkomst."),
        "timeUp": gettext("De tijd is om. Rond rustig af."),
        "paused": gettext("gepauzeerd"),
        "inward": gettext("Naar binnen"),
        "reason": gettext("Waarom?"),
        "move": gettext("Verplaats"),
        "park": gettext("Parkeren"),
        "unpark": gettext("Terug op het bord"),
        "hidden": gettext("(verborgen tot de coach de kaarten toont)"),
        "anonymous": gettext("anoniem"),
        "mine": gettext("jouw kaart"),
        "noStep": gettext("De procescoach start zo de eerste stap."),
        "ended": gettext("Deze bijeenkomst is afgelopen. Dank je wel!"),
        "nobody": gettext("Niemand"),
        "start": gettext("Start"),
        "select": gettext("Kies om samen te voegen"),
        "inbrenger": gettext("inbrenger:"),
        "onderzoek": gettext(
            "Stel open vragen om de situatie van de inbrenger te begrijpen. Nog geen raad."
        ),
        "appreciatie": gettext("Zeg wat je waardeert in hoe de inbrenger de situatie aanpakt."),
        "suggestie": gettext(
            "Geef suggesties als mogelijkheden, niet als oplossingen: de inbrenger kiest."
        ),
        "evaluatie": gettext("De inbrenger zegt wat hij of zij meeneemt; de anderen luisteren."),
    }


@login_required
@require_POST
def save_ranking(request: AuthedRequest, bid: int, blok_pk: int) -> HttpResponse:
    """The coach keeps a KanDoe outcome as the PLG's themes or candidate leervragen."""
    bijeenkomst = get_object_or_404(Bijeenkomst, pk=bid)
    plg, _lid = get_plg(request.user, bijeenkomst.plg_id, coach=True, writable=True)
    blok = get_object_or_404(
        AgendaBlok.objects.select_related("werkvorm"), pk=blok_pk, bijeenkomst=bijeenkomst
    )
    as_kind = request.POST.get("als", "")
    if as_kind not in {"thema", "leervraag"} or board_kind(blok) != "kandoe":
        raise Http404
    count = services.save_ranking(blok=blok, as_kind=as_kind, by=request.user)
    messages.success(request, gettext("%(count)s kaarten bewaard, in volgorde.") % {"count": count})
    return redirect("themas" if as_kind == "thema" else "leervragen", pk=plg.pk)


def _summary_context(request: AuthedRequest, bid: int) -> dict[str, Any]:
    bijeenkomst = get_object_or_404(Bijeenkomst.objects.select_related("plg"), pk=bid)
    plg, lid = get_plg(request.user, bijeenkomst.plg_id)
    return plg_context(plg, lid) | {
        "bijeenkomst": bijeenkomst,
        "samenvatting": build_summary(bijeenkomst, request.user),
    }


@login_required
def samenvatting(request: AuthedRequest, bid: int) -> HttpResponse:
    """What the session produced, without anyone typing it again."""
    return render(request, "live/samenvatting.html", _summary_context(request, bid))


@login_required
def samenvatting_pdf(request: AuthedRequest, bid: int) -> HttpResponse:
    context = _summary_context(request, bid)
    html = render_to_string("live/samenvatting_pdf.html", context, request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    stamp = context["bijeenkomst"].starts_at.strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="samenvatting-{stamp}.pdf"'
    return response


class CodeForm(forms.Form):
    code = forms.CharField(label=_("Code op het scherm"), max_length=8)

    def clean_code(self) -> str:
        return self.cleaned_data["code"].strip().upper()


@login_required
def join(request: AuthedRequest) -> HttpResponse:
    """Join with the short code shown on the projector; strangers get the same answer as typos."""
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        sessie = (
            LiveSessie.objects.select_related("bijeenkomst__plg")
            .filter(code=form.cleaned_data["code"])
            .first()
        )
        if sessie and membership(request.user, sessie.bijeenkomst.plg):
            return redirect("live", bid=sessie.bijeenkomst_id)
        form.add_error("code", _("Deze code kennen we niet. Kijk nog eens naar het scherm."))
    return render(request, "live/join.html", {"form": form})
