from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import OuterRef, Subquery
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from plg.accounts.http import AuthedRequest
from plg.communities.models import Fase, Lidmaatschap, Uitnodiging, UitnodigingStatus
from plg.live.models import LiveSessie
from plg.meetings.models import Bijeenkomst, Opdracht


@login_required
def home(request: AuthedRequest) -> HttpResponse:
    """Mijn PLG's: where I take part, what comes next, and invitations waiting for an answer."""
    user = request.user
    next_meeting = Bijeenkomst.objects.filter(
        plg=OuterRef("plg_id"), starts_at__gte=timezone.now()
    ).order_by("starts_at")
    lidmaatschappen = (
        Lidmaatschap.objects.filter(user=user)
        .select_related("plg")
        .annotate(
            next_starts_at=Subquery(next_meeting.values("starts_at")[:1]),
            next_id=Subquery(next_meeting.values("id")[:1]),
        )
        .order_by("plg__closed_at", "plg__name")
    )
    uitnodigingen = Uitnodiging.objects.filter(
        email__iexact=user.email,
        status=UitnodigingStatus.OPEN,
        expires_at__gt=timezone.now(),
    ).select_related("plg", "invited_by")
    opdrachten = (
        Opdracht.objects.filter(
            owner=user, done=False, bijeenkomst__plg__lidmaatschappen__user=user
        )
        .exclude(bijeenkomst__plg__fase=Fase.AFGESLOTEN)
        .select_related("bijeenkomst__plg")
    )
    aanwezig = LiveSessie.objects.filter(schoolleiders=user, ended_at=None).select_related(
        "bijeenkomst__plg"
    )
    return render(
        request,
        "core/home.html",
        {
            "aanwezig": aanwezig,
            "lidmaatschappen": lidmaatschappen,
            "uitnodigingen": uitnodigingen,
            "opdrachten": opdrachten,
        },
    )
