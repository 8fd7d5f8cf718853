from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from plg.communities.authorizers import get_plg, membership
from plg.communities.context import plg_context
from plg.core.http import AuthedRequest
from plg.live.models import LiveSessie, Zone
from plg.meetings.models import Bijeenkomst
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
    }


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
