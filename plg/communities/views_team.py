"""The team page of a school, and the proposal and poster printed from it."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify

from plg.accounts.http import AuthedRequest
from plg.communities.authorizers import get_team_plg
from plg.communities.models import PLG
from plg.communities.team import TeamPLG, team_page, team_plgs
from plg.core.pdf import pdf_response
from plg.organisations.authorizers import require_team, schools_in_team
from plg.organisations.models import School


@login_required
def team(request: AuthedRequest, pk: int) -> HttpResponse:
    """What the school's PLG's share with the whole team: proposals, celebrations, their work."""
    school = get_object_or_404(School, pk=pk)
    require_team(request.user, school)
    context = {
        "page": team_page(school=school, user=request.user),
        "andere_scholen": schools_in_team(request.user).exclude(pk=school.pk).order_by("name"),
    }
    return render(request, "communities/team.html", context)


def _team_plg(request: AuthedRequest, pk: int, plg_pk: int) -> tuple[School, TeamPLG]:
    school, plg = get_team_plg(request.user, pk, plg_pk)
    (item,) = team_plgs(user=request.user, plgs=PLG.objects.filter(pk=plg.pk))
    return school, item


@login_required
def team_voorstel_pdf(request: AuthedRequest, pk: int, plg_pk: int) -> HttpResponse:
    """The proposal on one A4 sheet, to hand out at the personeelsvergadering."""
    school, item = _team_plg(request, pk, plg_pk)
    if item.afronding is None:
        raise Http404
    context = {"school": school, "item": item}
    filename = f"voorstel-{slugify(item.plg.name)}.pdf"
    return pdf_response(
        request, "communities/team_voorstel_pdf.html", context, filename, one_sheet=True
    )


@login_required
def team_poster_pdf(request: AuthedRequest, pk: int, plg_pk: int) -> HttpResponse:
    """A PLG's progress on one A3 sheet, for the staff room."""
    school, item = _team_plg(request, pk, plg_pk)
    context = {"school": school, "item": item}
    filename = f"poster-{slugify(item.plg.name)}.pdf"
    return pdf_response(
        request, "communities/team_poster_pdf.html", context, filename, one_sheet=True
    )
