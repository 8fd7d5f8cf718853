"""The leervraag workshop: themes and candidate leervragen, ordered or parked, each revision
checked against what makes a good learning question, until the coach chooses one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from plg.accounts.http import AuthedRequest
from plg.communities import services
from plg.communities.authorizers import get_plg, require_open
from plg.communities.context import plg_context
from plg.communities.forms import LeervraagForm, ThemaForm
from plg.communities.leervraag_check import check_leervraag
from plg.communities.models import PLG, Leervraag, LeervraagVersie, Lidmaatschap, Thema


@dataclass(frozen=True)
class Tegenstelling:
    """One theme, asked by a werkgroep and by a PLG: the contrast of the guide's Appendix 2,
    in our own words. Side by side they show a group what makes a question a PLG's."""

    thema: Promise
    paren: tuple[tuple[Promise, Promise], ...]  # (werkgroep's question, PLG's question)


WERKGROEP_OF_PLG = (
    Tegenstelling(
        gettext_lazy("Het schoolfeest"),
        (
            (
                gettext_lazy("Op welke zaterdag valt het schoolfeest, en wie maakt de affiches?"),
                gettext_lazy(
                    "Welke boodschap over onze school willen wij met een schoolfeest aan de "
                    "kinderen en hun ouders meegeven?"
                ),
            ),
            (
                gettext_lazy("Welke standjes zetten we op de speelplaats?"),
                gettext_lazy(
                    "Waarom vinden wij als team een schoolfeest de moeite waard voor de kinderen?"
                ),
            ),
        ),
    ),
    Tegenstelling(
        gettext_lazy("Huiswerk"),
        (
            (
                gettext_lazy("Hoeveel minuten huiswerk geven we per week in het vierde leerjaar?"),
                gettext_lazy(
                    "Wat leren onze leerlingen van huiswerk, en wat zegt onderzoek daarover?"
                ),
            ),
            (
                gettext_lazy("Op welke dag gaat de huiswerkmap mee naar huis?"),
                gettext_lazy(
                    "Welke plaats heeft huiswerk in onze visie op het leren van kinderen, en "
                    "waarom willen we er als school één lijn in trekken?"
                ),
            ),
        ),
    ),
    Tegenstelling(
        gettext_lazy("Evalueren en rapporteren"),
        (
            (
                gettext_lazy("Welke vakken en rubrieken komen op het rapport?"),
                gettext_lazy(
                    "Waarom evalueren we, en wat vertelt ons rapport de kinderen over hun leren?"
                ),
            ),
            (
                gettext_lazy("Geven we punten of letters, en wie vult het commentaar in?"),
                gettext_lazy(
                    "Wat betekent een goede evaluatie voor ons als leerkrachten, en wat merken "
                    "onze leerlingen daarvan?"
                ),
            ),
        ),
    ),
)


def _workshop_context(request: AuthedRequest, plg: PLG, lid: Lidmaatschap) -> dict[str, Any]:
    leervragen = list(plg.leervragen.all())
    return plg_context(plg, lid) | {
        "actief": [v for v in leervragen if not v.parked],
        "geparkeerd": [v for v in leervragen if v.parked],
        "kind": "leervraag",
        "werkgroep_of_plg": WERKGROEP_OF_PLG,
    }


def _check_url(plg: PLG) -> str:
    return reverse("leervraag_check_hx", args=[plg.pk])


@login_required
def leervragen(request: AuthedRequest, pk: int) -> HttpResponse:
    plg, lid = get_plg(request.user, pk)
    form = LeervraagForm(request.POST or None, check_url=_check_url(plg))
    if request.method == "POST":
        require_open(plg)
        if form.is_valid():
            services.add_leervraag(plg=plg, text=form.cleaned_data["text"], author=request.user)
            messages.success(request, _("De leervraag staat bij de kandidaten."))
            return redirect("leervragen", pk=plg.pk)
    check = check_leervraag(form.data.get("text", "")) if form.is_bound else None
    context = _workshop_context(request, plg, lid) | {"form": form, "check": check}
    return render(request, "communities/leervragen.html", context)


@login_required
@require_POST
def leervraag_check_hx(request: AuthedRequest, pk: int) -> HttpResponse:
    get_plg(request.user, pk)
    text = request.POST.get("text", "")[:500]
    return render(
        request,
        "communities/_leervraag_check.html",
        {"check": check_leervraag(text) if text.strip() else None},
    )


@login_required
def leervraag_detail(request: AuthedRequest, pk: int, lv_pk: int) -> HttpResponse:
    plg, lid = get_plg(request.user, pk)
    leervraag = get_object_or_404(Leervraag, pk=lv_pk, plg=plg)
    form = LeervraagForm(
        request.POST or None, initial={"text": leervraag.current_text}, check_url=_check_url(plg)
    )
    if request.method == "POST":
        require_open(plg)
        if form.is_valid():
            services.revise_leervraag(
                leervraag=leervraag,
                text=form.cleaned_data["text"],
                author=request.user,
            )
            messages.success(request, _("Nieuwe versie bewaard."))
            return redirect("leervraag_detail", pk=plg.pk, lv_pk=leervraag.pk)
    text = form.data.get("text", "") if form.is_bound else leervraag.current_text
    context = plg_context(plg, lid) | {
        "leervraag": leervraag,
        "versies": LeervraagVersie.objects.filter(leervraag=leervraag).select_related("author"),
        "form": form,
        "check": check_leervraag(text),
        "werkgroep_of_plg": WERKGROEP_OF_PLG,
    }
    return render(request, "communities/leervraag_detail.html", context)


@login_required
@require_POST
def leervraag_kies(request: AuthedRequest, pk: int, lv_pk: int) -> HttpResponse:
    plg, _lid = get_plg(request.user, pk, coach=True, writable=True)
    leervraag = get_object_or_404(Leervraag, pk=lv_pk, plg=plg)
    plg.gekozen_leervraag = leervraag
    plg.save(update_fields=["gekozen_leervraag"])
    messages.success(request, _("Dit is nu de leervraag van de PLG."))
    return redirect("leervragen", pk=plg.pk)


def _themas_context(request: AuthedRequest, plg: PLG, lid: Lidmaatschap) -> dict[str, Any]:
    themas = list(plg.themas.all())
    return plg_context(plg, lid) | {
        "actief": [t for t in themas if not t.parked],
        "geparkeerd": [t for t in themas if t.parked],
        "kind": "thema",
    }


@login_required
def themas(request: AuthedRequest, pk: int) -> HttpResponse:
    plg, lid = get_plg(request.user, pk)
    form = ThemaForm(request.POST or None)
    if request.method == "POST":
        require_open(plg)
        if form.is_valid():
            services.add_themas(plg=plg, titles=[form.cleaned_data["title"]], author=request.user)
            return redirect("themas", pk=plg.pk)
    return render(
        request, "communities/themas.html", _themas_context(request, plg, lid) | {"form": form}
    )


PRIORITEERBAAR: dict[
    str,
    tuple[
        type[Thema] | type[Leervraag],
        str,
        Callable[[AuthedRequest, PLG, Lidmaatschap], dict[str, Any]],
    ],
] = {
    "thema": (Thema, "themas", _themas_context),
    "leervraag": (Leervraag, "leervragen", _workshop_context),
}


@login_required
@require_POST
def prioriteit_hx(
    request: AuthedRequest, pk: int, kind: str, item_pk: int, action: str
) -> HttpResponse:
    """Reorder or park a theme or candidate question; htmx swaps the lists in place."""
    plg, lid = get_plg(request.user, pk, writable=True)
    if kind not in PRIORITEERBAAR or action not in {"up", "down", "park"}:
        raise Http404
    model, url_name, build = PRIORITEERBAAR[kind]
    item = get_object_or_404(model, pk=item_pk, plg=plg)
    siblings = model.objects.filter(plg=plg)
    if action == "park":
        services.toggle_parked(item=item, siblings=siblings)
    else:
        services.move(item=item, siblings=siblings, direction=action)
    if request.htmx:
        return render(request, "communities/_prioriteit.html", build(request, plg, lid))
    return redirect(url_name, pk=plg.pk)
