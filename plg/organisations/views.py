from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from plg.accounts.http import AuthedRequest
from plg.communities.models import PLG, Mijlpaal
from plg.meetings.models import Bijeenkomst
from plg.organisations.authorizers import require_school_leader, schools_supported_by
from plg.organisations.forms import SchoolInstellingenForm
from plg.organisations.models import School


def plg_cards(user: Any, plgs: Any) -> Any:
    """PLG's as an outsider sees them: phase, next bijeenkomst, shared milestones.

    Deliberately no member names or per-teacher figures: this is not a monitoring table.
    """
    next_meeting = (
        Bijeenkomst.objects.filter(plg=OuterRef("pk"), starts_at__gte=timezone.now())
        .order_by("starts_at")
        .values("starts_at")[:1]
    )
    return plgs.annotate(
        next_starts_at=Subquery(next_meeting),
        aantal_leden=Count("lidmaatschappen", distinct=True),
    ).prefetch_related(
        Prefetch(
            "mijlpalen",
            queryset=Mijlpaal.objects.visible_to(user),
            to_attr="gedeelde_mijlpalen",
        )
    )


@login_required
def school_overview(request: AuthedRequest, pk: int) -> HttpResponse:
    school = get_object_or_404(School.objects.select_related("scholengemeenschap"), pk=pk)
    require_school_leader(request.user, school)
    form = SchoolInstellingenForm(request.POST or None, instance=school)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("De instelling is bewaard."))
        return redirect("school_overview", pk=school.pk)
    plgs = plg_cards(request.user, PLG.objects.of_schools([school.pk]))
    return render(
        request,
        "organisations/school_overview.html",
        {"school": school, "plgs": plgs, "form": form},
    )


@login_required
def begeleiding(request: AuthedRequest) -> HttpResponse:
    """The advisor's view: the schools they support, with their PLG's side by side."""
    schools = list(schools_supported_by(request.user).select_related("scholengemeenschap"))
    if not schools:
        raise Http404
    plgs = list(
        plg_cards(request.user, PLG.objects.of_schools([s.pk for s in schools])).prefetch_related(
            "schools"
        )
    )
    for school in schools:
        school.plg_list = [p for p in plgs if any(s.pk == school.pk for s in p.schools.all())]
    return render(request, "organisations/begeleiding.html", {"schools": schools})
