from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plg.accounts.http import AuthedRequest
from plg.accounts.models import User
from plg.organisations.models import Aanstelling, School
from plg.roosters import services
from plg.roosters.authorizers import get_school_to_plan, may_lead, may_see_timetable
from plg.roosters.forms import (
    IcalForm,
    KalenderForm,
    LessenCsvForm,
    PersoonForm,
    UntisForm,
    VrijeDagenForm,
)
from plg.roosters.imports.errors import ImportFout, ImportMislukt
from plg.roosters.imports.lessen_csv import read_lessen_csv
from plg.roosters.imports.untis import read_gpu_leerkrachten, read_gpu_lessen
from plg.roosters.models import Dag, Kruisvervanger, Les, Planner, Roosterimport


def school_context(school: School, tab: str, user: User) -> dict[str, Any]:
    """Shared by every page of a school's 'Tijd maken'."""
    return {"school": school, "tab": tab, "may_lead": may_lead(user, school)}


@login_required
def school_kalender(request: AuthedRequest, pk: int) -> HttpResponse:
    school = get_school_to_plan(request.user, pk)
    kalender = services.kalender_van(school)
    form = KalenderForm(request.POST or None, instance=kalender)
    if request.method == "POST" and form.is_valid():
        form.save()
        services.save_lesuren(kalender=kalender, lesuren=form.cleaned_data["lesuren_tekst"])
        messages.success(request, _("De schoolkalender is bewaard."))
        return redirect("school_kalender", pk=school.pk)
    return _kalender_page(request, school, form, VrijeDagenForm())


def _kalender_page(
    request: AuthedRequest, school: School, form: KalenderForm, vrij_form: VrijeDagenForm
) -> HttpResponse:
    """The calendar page, with whichever of its two forms was just sent."""
    return render(
        request,
        "roosters/kalender.html",
        school_context(school, "kalender", request.user)
        | {
            "form": form,
            "vrij_form": vrij_form,
            "vrije_dagen": form.instance.vrije_dagen.all(),
        },
    )


@login_required
def vrije_dagen_nieuw(request: AuthedRequest, pk: int) -> HttpResponse:
    school = get_school_to_plan(request.user, pk)
    kalender = services.kalender_van(school)
    form = VrijeDagenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_vrije_dagen(kalender=kalender, **form.cleaned_data)
        messages.success(request, _("Toegevoegd aan de schoolkalender."))
        return redirect("school_kalender", pk=school.pk)
    return _kalender_page(request, school, KalenderForm(instance=kalender), form)


@login_required
@require_POST
def vrije_dagen_weg(request: AuthedRequest, pk: int, vid: int) -> HttpResponse:
    school = get_school_to_plan(request.user, pk)
    get_object_or_404(services.kalender_van(school).vrije_dagen, pk=vid).delete()
    messages.success(request, _("Verwijderd uit de schoolkalender."))
    return redirect("school_kalender", pk=school.pk)


def _team(school: School) -> Any:
    return User.objects.filter(
        aanstellingen__in=Aanstelling.objects.team().filter(school=school)
    ).distinct()


def _import(request: AuthedRequest, school: School, soort: str) -> tuple[Any, int | None]:
    """Run the chosen import; on any error nothing is stored and every error is shown."""
    if soort == "csv":
        form: Any = LessenCsvForm(request.POST, request.FILES)
        if form.is_valid():
            name, data = form.cleaned_data["bestand"]
            return form, services.import_lessen(
                school=school,
                door=request.user,
                bestand=name,
                regels=read_lessen_csv(data, name),
            )
    elif soort == "untis":
        form = UntisForm(request.POST, request.FILES)
        if form.is_valid():
            options = {
                "scheidingsteken": form.cleaned_data["scheidingsteken"] or None,
                "codering": form.cleaned_data["codering"] or None,
            }
            les_name, les_data = form.cleaned_data["lessen"]
            lk_name, lk_data = form.cleaned_data["leerkrachten"]
            leerkrachten = read_gpu_leerkrachten(lk_data, lk_name, **options)
            regels = read_gpu_lessen(les_data, les_name, **options)
            return form, services.import_untis(
                school=school,
                door=request.user,
                lessen_bestand=les_name,
                regels=regels,
                leerkrachten_bestand=lk_name,
                leerkrachten=leerkrachten,
            )
    elif soort == "ical":
        form = IcalForm(request.POST, request.FILES, people=_team(school))
        if form.is_valid():
            name, data = form.cleaned_data["bestand"]
            van, tot = form.cleaned_data["van"], form.cleaned_data["tot"]
            return form, services.import_bezet(
                user=form.cleaned_data["persoon"],
                school=school,
                door=request.user,
                bestand=name,
                data=data,
                van=van,
                tot=tot,
            )
    else:
        raise Http404
    return form, None


@login_required
def rooster_import(request: AuthedRequest, pk: int) -> HttpResponse:
    school = get_school_to_plan(request.user, pk)
    forms: dict[str, Any] = {
        "csv": LessenCsvForm(),
        "untis": UntisForm(),
        "ical": IcalForm(people=_team(school)),
    }
    fouten: list[ImportFout] = []
    if request.method == "POST":
        soort = request.POST.get("soort", "")
        try:
            form, aantal = _import(request, school, soort)
        except ImportMislukt as error:
            fouten = error.fouten
        else:
            if aantal is not None:
                messages.success(
                    request,
                    _("Ingelezen: %(n)s regels. Het vorige rooster is vervangen.") % {"n": aantal},
                )
                return redirect("rooster_import", pk=school.pk)
            forms[soort] = form
    return render(
        request,
        "roosters/import.html",
        school_context(school, "roosters", request.user)
        | {
            "forms": forms,
            "fouten": fouten,
            "imports": Roosterimport.objects.filter(school=school).select_related("door")[:10],
            "leerkrachten": _team(school).filter(lessen__school=school).distinct(),
        },
        status=422 if fouten else 200,
    )


@login_required
def leerkracht_rooster(request: AuthedRequest, pk: int, user_pk: int) -> HttpResponse:
    """A teacher's week: for the teacher, the school's leaders and its planners."""
    school = get_object_or_404(School, pk=pk)
    teacher = get_object_or_404(User, pk=user_pk, aanstellingen__school=school)
    if not may_see_timetable(request.user, teacher, school):
        raise Http404
    kalender = services.kalender_van(school)
    lessen = {
        (les.dag, les.lesuur): les for les in Les.objects.filter(school=school, leerkracht=teacher)
    }
    rows = [
        (lesuur, [lessen.get((dag, lesuur.nummer)) for dag in Dag.values])
        for lesuur in kalender.lesuren.all()
    ]
    return render(
        request,
        "roosters/leerkracht_rooster.html",
        {"school": school, "teacher": teacher, "dagen": Dag.labels, "rows": rows},
    )


def _posted_id(request: AuthedRequest) -> int:
    try:
        return int(request.POST.get("id", ""))
    except ValueError as error:
        raise Http404 from error


@login_required
def school_rollen(request: AuthedRequest, pk: int) -> HttpResponse:
    """Planners (named by a leader) and substitutes from other schools of the scholengemeenschap."""
    school = get_school_to_plan(request.user, pk)
    lead = may_lead(request.user, school)
    planner_form = PersoonForm(people=_team(school).exclude(planner_voor__school=school))
    sister = (
        User.objects.filter(aanstellingen__school__scholengemeenschap=school.scholengemeenschap_id)
        .exclude(aanstellingen__school=school)
        .exclude(vervangt_ook__school=school)
        .distinct()
    )
    kruis_form = PersoonForm(people=sister)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "planner" and lead:
            planner_form = PersoonForm(request.POST, people=planner_form.fields["persoon"].queryset)  # type: ignore[attr-defined]
            if planner_form.is_valid():
                Planner.objects.create(school=school, user=planner_form.cleaned_data["persoon"])
                messages.success(request, _("Die persoon kan nu roosters inlezen en plannen."))
                return redirect("school_rollen", pk=school.pk)
        elif action == "planner_weg" and lead:
            Planner.objects.filter(school=school, pk=_posted_id(request)).delete()
            return redirect("school_rollen", pk=school.pk)
        elif action == "kruis":
            kruis_form = PersoonForm(request.POST, people=sister)
            if kruis_form.is_valid():
                Kruisvervanger.objects.create(
                    school=school, user=kruis_form.cleaned_data["persoon"]
                )
                messages.success(request, _("Die collega kan nu ook hier vervangen."))
                return redirect("school_rollen", pk=school.pk)
        elif action == "kruis_weg":
            Kruisvervanger.objects.filter(school=school, pk=_posted_id(request)).delete()
            return redirect("school_rollen", pk=school.pk)
        else:
            raise Http404
    return render(
        request,
        "roosters/rollen.html",
        school_context(school, "rollen", request.user)
        | {
            "planners": Planner.objects.filter(school=school).select_related("user"),
            "kruisvervangers": Kruisvervanger.objects.filter(school=school).select_related("user"),
            "planner_form": planner_form,
            "kruis_form": kruis_form,
        },
    )
