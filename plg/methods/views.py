from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from plg.accounts.http import AuthedRequest
from plg.methods.forms import WerkvormForm
from plg.methods.kit import PAPIER, blad_voor
from plg.methods.models import Vragengroep, Werkvorm
from plg.organisations.authorizers import schools_of


@login_required
def werkvormen(request: AuthedRequest) -> HttpResponse:
    items = Werkvorm.objects.available_to(request.user).select_related("school")
    return render(request, "methods/werkvormen.html", {"werkvormen": items})


@login_required
def werkvorm_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    werkvorm = get_object_or_404(
        Werkvorm.objects.available_to(request.user).select_related("school"),
        pk=pk,
    )
    blad = blad_voor(werkvorm)
    return render(
        request,
        "methods/werkvorm_detail.html",
        {"werkvorm": werkvorm, "blad": blad, "papier": PAPIER[blad] if blad else None},
    )


@login_required
def werkvorm_nieuw(request: AuthedRequest) -> HttpResponse:
    """Schools add their own methods; only people placed at that school may."""
    schools = schools_of(request.user)
    if not schools:
        raise Http404
    form = WerkvormForm(request.POST or None, schools=schools)
    if request.method == "POST" and form.is_valid():
        werkvorm = form.save()
        messages.success(request, _("De werkvorm staat nu in de catalogus van jullie school."))
        return redirect("werkvorm_detail", pk=werkvorm.pk)
    return render(request, "methods/werkvorm_form.html", {"form": form})


@login_required
def vragenkit(request: AuthedRequest) -> HttpResponse:
    groepen = Vragengroep.objects.prefetch_related("vragen")
    return render(request, "methods/vragenkit.html", {"groepen": groepen})
