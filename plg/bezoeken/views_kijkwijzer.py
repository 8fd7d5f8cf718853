"""The kijkwijzer builder: a PLG's (from its leervraag) or a teacher's own."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plg.accounts.http import AuthedRequest
from plg.bezoeken import services
from plg.bezoeken.authorizers import get_kijkwijzer
from plg.bezoeken.forms import KijkpuntForm, KijkwijzerForm, kijkwijzers_voor
from plg.bezoeken.models import MAX_KIJKWIJZER_ITEMS, Kijkwijzer
from plg.bezoeken.voorbeelden import VOORBEELDEN
from plg.communities.authorizers import get_plg
from plg.communities.models import PLG


@login_required
def kijkwijzers(request: AuthedRequest) -> HttpResponse:
    return render(
        request,
        "bezoeken/kijkwijzers.html",
        {
            "kijkwijzers": kijkwijzers_voor(request.user)
            .select_related("plg")
            .annotate(aantal=Count("items")),
            "plgs": PLG.objects.filter(lidmaatschappen__user=request.user).order_by("name"),
        },
    )


def _nieuw(request: AuthedRequest, plg: PLG | None) -> HttpResponse:
    leervraag = plg.gekozen_leervraag if plg else None
    initial = {"titel": leervraag.current_text[:150] if leervraag else _("Mijn kijkwijzer")}
    form = KijkwijzerForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            kijkwijzer = services.create_kijkwijzer(
                eigenaar=request.user,
                plg=plg,
                titel=form.cleaned_data["titel"],
                kijkpunten=form.cleaned_data["punten"],
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("De kijkwijzer staat klaar. Pas de kijkpunten gerust aan."))
            return redirect("kijkwijzer_detail", pk=kijkwijzer.pk)
    return render(
        request,
        "bezoeken/kijkwijzer_form.html",
        {"form": form, "plg": plg, "leervraag": leervraag, "voorbeelden": VOORBEELDEN},
        status=422 if form.errors else 200,
    )


@login_required
def kijkwijzer_nieuw(request: AuthedRequest) -> HttpResponse:
    """A teacher's own kijkwijzer, for one who has no PLG (or wants one of their own)."""
    return _nieuw(request, None)


@login_required
def plg_kijkwijzer_nieuw(request: AuthedRequest, pk: int) -> HttpResponse:
    plg, _lid = get_plg(request.user, pk, writable=True)
    return _nieuw(request, plg)


def _kijkpunten_context(kijkwijzer: Kijkwijzer, form: KijkpuntForm | None = None) -> dict[str, Any]:
    """Shared by the full page and the htmx fragment with the list of kijkpunten. ``form`` is
    the one that was refused: a new kijkpunt, or one being rewritten (then shown at its place)."""
    items = list(kijkwijzer.items.all())
    bewerkt = form if form is not None and form.instance.pk else None
    return {
        "kijkwijzer": kijkwijzer,
        "items": items,
        "vol": len(items) >= MAX_KIJKWIJZER_ITEMS,
        "max": MAX_KIJKWIJZER_ITEMS,
        "form": KijkpuntForm() if form is None or bewerkt else form,
        "bewerkt": bewerkt,
    }


@login_required
def kijkwijzer_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    kijkwijzer = get_kijkwijzer(request.user, pk)
    return render(request, "bezoeken/kijkwijzer_detail.html", _kijkpunten_context(kijkwijzer))


def _kijkpunten(
    request: AuthedRequest, kijkwijzer: Kijkwijzer, form: KijkpuntForm | None
) -> HttpResponse:
    if request.htmx:
        return render(
            request,
            "bezoeken/_kijkpunten.html",
            _kijkpunten_context(kijkwijzer, form),
            status=422 if form is not None and form.errors else 200,
        )
    if form is not None and form.errors:
        return render(
            request,
            "bezoeken/kijkwijzer_detail.html",
            _kijkpunten_context(kijkwijzer, form),
            status=422,
        )
    return redirect("kijkwijzer_detail", pk=kijkwijzer.pk)


@login_required
@require_POST
def kijkpunt_nieuw_hx(request: AuthedRequest, pk: int) -> HttpResponse:
    kijkwijzer = get_kijkwijzer(request.user, pk)
    form = KijkpuntForm(request.POST)
    if form.is_valid():
        try:
            services.add_kijkpunt(kijkwijzer=kijkwijzer, tekst=form.cleaned_data["tekst"])
        except ValidationError as error:
            form.add_error("tekst", error.messages)
        else:
            form = KijkpuntForm()
    return _kijkpunten(request, kijkwijzer, form if form.errors else None)


@login_required
@require_POST
def kijkpunt_hx(request: AuthedRequest, pk: int, item_pk: int, action: str) -> HttpResponse:
    """Move a kijkpunt up or down, rewrite it, or take it away."""
    kijkwijzer = get_kijkwijzer(request.user, pk)
    item = get_object_or_404(kijkwijzer.items, pk=item_pk)
    if action in ("op", "neer"):
        services.move_kijkpunt(item=item, omhoog=action == "op")
    elif action == "weg":
        item.delete()
    elif action == "tekst":
        form = KijkpuntForm(request.POST, instance=item)
        if not form.is_valid():
            return _kijkpunten(request, kijkwijzer, form)
        form.save()
    else:
        raise Http404
    return _kijkpunten(request, kijkwijzer, None)
