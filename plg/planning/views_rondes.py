"""Visit rounds and the slot finder for one visit: thin views over ``planning.rondes``.

The organiser sees a round's figures, never who visits whom; a participant sees their own
visits once the round is applied.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plg.accounts.http import AuthedRequest
from plg.bezoeken.models import Bezoekronde, Klasbezoek, RondeStatus
from plg.organisations.models import Aanstelling, School
from plg.planning.authorizers import TEACHING, get_bezoekronde, get_collega, may_join_ronde
from plg.planning.rondes import services
from plg.planning.rondes.build import paar_van
from plg.planning.rondes.forms import BezoekrondeForm, MomentenForm
from plg.planning.rondes.slots import bezoekmomenten as zoek_momenten
from plg.planning.rondes.voorstel import Rondevoorstel
from plg.roosters.authorizers import coordinated, get_school_to_plan
from plg.roosters.views import school_context


@login_required
def bezoekrondes(request: AuthedRequest, pk: int) -> HttpResponse:
    """A school's visit rounds, and a new one."""
    school = get_school_to_plan(request.user, pk)
    heel_sg = coordinated(request.user).filter(pk=school.scholengemeenschap_id).exists()
    form = BezoekrondeForm(request.POST or None, heel_sg=heel_sg)
    if request.method == "POST" and form.is_valid():
        ronde = form.save(commit=False)
        ronde.scholengemeenschap_id = school.scholengemeenschap_id
        ronde.school = None if heel_sg and form.cleaned_data.get("over_scholen") else school
        ronde.door = request.user
        ronde.save()
        messages.success(request, _("De ronde staat open: collega's kunnen zich nu inschrijven."))
        return redirect("bezoekronde", pk=ronde.pk)
    rondes = Bezoekronde.objects.filter(
        Q(school=school) | Q(school=None, scholengemeenschap=school.scholengemeenschap_id)
        if heel_sg
        else Q(school=school)
    )
    return render(
        request,
        "planning/bezoekrondes.html",
        school_context(school, "bezoekrondes", request.user)
        | {"form": form, "rondes": rondes[:12]},
    )


def _ronde_context(ronde: Bezoekronde, user: Any, organiser: bool) -> dict[str, Any]:
    """Shared by the page and its polled fragment: figures for the organiser, own visits and
    the sign-up for a teacher."""
    context: dict[str, Any] = {
        "ronde": ronde,
        "organiser": organiser,
        "aantal": ronde.deelnemers.count(),
        "wijzigbaar": ronde.status in services.WIJZIGBAAR,
    }
    if organiser:
        context["school"] = ronde.school or ronde.scholengemeenschap.schools.first()
    if organiser and ronde.voorstel:
        context["samenvatting"] = Rondevoorstel.from_json(ronde.voorstel).samenvatting()
    if not organiser or may_join_ronde(user, ronde):
        context["ingeschreven"] = ronde.deelnemers.filter(pk=user.pk).exists()
        context["mijn_bezoeken"] = (
            Klasbezoek.objects.of(user)
            .filter(ronde=ronde)
            .select_related("geobserveerde", "bezoeker")
        )
    return context


@login_required
def bezoekronde(request: AuthedRequest, pk: int) -> HttpResponse:
    ronde, organiser = get_bezoekronde(request.user, pk)
    return render(
        request, "planning/bezoekronde.html", _ronde_context(ronde, request.user, organiser)
    )


@login_required
def bezoekronde_hx(request: AuthedRequest, pk: int) -> HttpResponse:
    """The proposal's figures; while the solver works, the page asks again every two seconds."""
    ronde, organiser = get_bezoekronde(request.user, pk, organiser=True)
    return render(
        request, "planning/_bezoekronde.html", _ronde_context(ronde, request.user, organiser)
    )


@login_required
@require_POST
def bezoekronde_berekenen(request: AuthedRequest, pk: int) -> HttpResponse:
    ronde, _organiser = get_bezoekronde(request.user, pk, organiser=True)
    if not services.start_berekening(ronde=ronde):
        messages.error(
            request,
            _(
                "Dat kan nu niet: er zijn minstens twee deelnemers nodig, en de ronde mag nog niet ingepland zijn."
            ),
        )
    return redirect("bezoekronde", pk=ronde.pk)


@login_required
@require_POST
def bezoekronde_toepassen(request: AuthedRequest, pk: int) -> HttpResponse:
    ronde, _organiser = get_bezoekronde(request.user, pk, organiser=True)
    bezoeken = services.apply_bezoekronde(ronde=ronde, door=request.user)
    if bezoeken:
        messages.success(
            request,
            _("%(n)s klasbezoeken zijn ingepland; wie vervangt, krijgt een e-mail.")
            % {"n": len(bezoeken)},
        )
    else:
        messages.error(request, _("Dit voorstel kan niet (meer) ingepland worden."))
    return redirect("bezoekronde", pk=ronde.pk)


@login_required
@require_POST
def bezoekronde_inschrijven(request: AuthedRequest, pk: int) -> HttpResponse:
    ronde, _organiser = _deelnemer(request, pk)
    if services.sign_up(ronde=ronde, user=request.user):
        messages.success(
            request, _("Je doet mee. Je ziet je bezoeken zodra de ronde ingepland is.")
        )
    else:
        messages.error(request, _("Inschrijven kan nu niet meer."))
    return redirect("bezoekronde", pk=ronde.pk)


@login_required
@require_POST
def bezoekronde_uitschrijven(request: AuthedRequest, pk: int) -> HttpResponse:
    ronde, _organiser = _deelnemer(request, pk)
    if services.withdraw(ronde=ronde, user=request.user):
        messages.success(request, _("Je doet niet meer mee aan deze ronde."))
    else:
        messages.error(request, _("Uitschrijven kan niet meer: de ronde is al ingepland."))
    return redirect("bezoekronde", pk=ronde.pk)


def _deelnemer(request: AuthedRequest, pk: int) -> tuple[Bezoekronde, bool]:
    """Signing up is for the round's teachers, also when they organise it."""
    ronde, organiser = get_bezoekronde(request.user, pk)
    if not may_join_ronde(request.user, ronde):
        raise Http404
    return ronde, organiser


@login_required
def mijn_bezoekrondes(request: AuthedRequest) -> HttpResponse:
    """The rounds a teacher can join: of their schools, and of their scholengemeenschap."""
    mijn = Aanstelling.objects.filter(user=request.user, functie__in=TEACHING)
    scholen = School.objects.filter(aanstellingen__in=mijn)
    rondes = (
        Bezoekronde.objects.filter(
            Q(school__in=scholen) | Q(school=None, scholengemeenschap__schools__in=scholen)
        )
        .exclude(status=RondeStatus.TOEGEPAST, tot__lt=timezone.localdate())
        .distinct()
        .select_related("school", "scholengemeenschap")
    )
    mee = set(request.user.bezoekrondes.values_list("pk", flat=True))
    return render(
        request,
        "planning/mijn_bezoekrondes.html",
        {"rondes": [(r, r.pk in mee) for r in rondes[:20]]},
    )


def _momenten_context(request: AuthedRequest, pk: int) -> dict[str, Any]:
    collega = get_collega(request.user, pk)
    form = MomentenForm(request.GET or None)
    context: dict[str, Any] = {"collega": collega, "form": form}
    if form.is_valid():
        ik_ga = form.cleaned_data["rol"] == "ik"
        bezoeker, geobserveerde = (request.user, collega) if ik_ga else (collega, request.user)
        ronde = paar_van(
            geobserveerde=geobserveerde,
            bezoeker=bezoeker,
            van=form.cleaned_data["van"],
            tot=form.cleaned_data["tot"],
        )
        context["momenten"] = (
            zoek_momenten(ronde, geobserveerde=geobserveerde.pk, bezoeker=bezoeker.pk)
            if geobserveerde.pk in ronde.leerkrachten and bezoeker.pk in ronde.leerkrachten
            else []
        )
    return context


@login_required
def bezoekmomenten(request: AuthedRequest, pk: int) -> HttpResponse:
    """When can I visit this colleague (or they me)? Their lessons when the visitor is free
    or can be covered; moments without cover first."""
    return render(request, "planning/bezoekmomenten.html", _momenten_context(request, pk))


@login_required
def bezoekmomenten_hx(request: AuthedRequest, pk: int) -> HttpResponse:
    return render(request, "planning/_bezoekmomenten.html", _momenten_context(request, pk))
