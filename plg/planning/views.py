from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plg.accounts.http import AuthedRequest
from plg.communities.authorizers import get_plg
from plg.communities.context import plg_context
from plg.organisations.models import Aanstelling, School
from plg.planning import accounts, bijsturen, feeds, services, slots
from plg.planning import problem as p
from plg.planning.authorizers import get_maandplan
from plg.planning.forms import (
    AFWEGINGEN,
    AfwegingForm,
    BijeenkomstForm,
    ChooseForm,
    MaandplanForm,
    MoveForm,
    SearchForm,
)
from plg.planning.models import Kalenderfeed, Maandplan, MaandplanStatus
from plg.planning.voorstel import Plaatsing
from plg.roosters import services as rooster_services
from plg.roosters.authorizers import coordinated, get_school_to_plan
from plg.roosters.forms import IcalForm
from plg.roosters.imports.errors import ImportFout, ImportMislukt
from plg.roosters.models import Roosterimport
from plg.roosters.views import school_context


def _tijd_context(request: AuthedRequest, ical_form: IcalForm | None = None) -> dict[str, Any]:
    feed = feeds.active_feed(request.user)
    return {
        "maanden": accounts.teacher_account(request.user, accounts.months(timezone.localdate())),
        "beurten": accounts.upcoming_duties(request.user),
        "feed": feed,
        "feed_url": feeds.feed_url(feed) if feed else "",
        "ical_form": ical_form or IcalForm(),
        "schools": Aanstelling.objects.team().filter(user=request.user).select_related("school"),
    }


@login_required
def tijd(request: AuthedRequest) -> HttpResponse:
    """Mijn tijd: my PLG time given and planned, my substitution duties, my calendar feed."""
    return render(request, "planning/tijd.html", _tijd_context(request))


@login_required
@require_POST
def tijd_bezet(request: AuthedRequest) -> HttpResponse:
    """Anyone may share their own busy times from their own calendar."""
    aanstelling = (
        Aanstelling.objects.team().filter(user=request.user).select_related("school").first()
    )
    if aanstelling is None:
        raise Http404
    form = IcalForm(request.POST, request.FILES)
    fouten: list[ImportFout] = []
    if form.is_valid():
        name, data = form.cleaned_data["bestand"]
        van, tot = form.cleaned_data["van"], form.cleaned_data["tot"]
        try:
            aantal = rooster_services.import_bezet(
                user=request.user,
                school=aanstelling.school,
                door=request.user,
                bestand=name,
                data=data,
                van=van,
                tot=tot,
            )
        except ImportMislukt as error:
            fouten = error.fouten
        else:
            messages.success(
                request,
                _("Je agenda is ingelezen: %(n)s bezette momenten. Alleen de tijden zijn bewaard.")
                % {"n": aantal},
            )
            return redirect("tijd")
    context = _tijd_context(request, form) | {"fouten": fouten}
    return render(request, "planning/tijd.html", context, status=422)


@login_required
@require_POST
def feed_nieuw(request: AuthedRequest) -> HttpResponse:
    """A new private link; an older one stops working at once."""
    Kalenderfeed.objects.filter(user=request.user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    Kalenderfeed.objects.create(user=request.user)
    messages.success(request, _("Je nieuwe agendalink is klaar. Een vorige link werkt niet meer."))
    return redirect("tijd")


@login_required
@require_POST
def feed_intrekken(request: AuthedRequest) -> HttpResponse:
    Kalenderfeed.objects.filter(user=request.user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    messages.success(request, _("Je agendalink werkt niet meer."))
    return redirect("tijd")


def agenda_feed(request: Any, token: str) -> HttpResponse:
    """The link is the key: no session, and a revoked link is simply not found."""
    feed = get_object_or_404(
        Kalenderfeed.objects.select_related("user"),
        token=token,
        revoked_at__isnull=True,
        user__is_active=True,
    )
    response = HttpResponse(feeds.agenda(feed.user), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="plg-werkplaats.ics"'
    response["Cache-Control"] = "private, max-age=900"
    return response


def _by_kind(
    probleem: p.Probleem, voorstellen: list[slots.Voorstel]
) -> dict[str, list[tuple[slots.Voorstel, list[tuple[str, int, str]], str]]]:
    """The best moments of each kind, each with its substitutions as (class, period, name),
    and the school it is at when the moments are at several (a PLG over schools)."""
    namen = {k: v.naam for k, v in probleem.leerkrachten.items()}
    several = len({v.moment.school for v in voorstellen}) > 1
    return {
        soort: [
            (
                v,
                [(x.groep, x.lesuur, namen[x.vervanger]) for x in v.vervangingen],
                probleem.schoolnamen.get(v.moment.school, "") if several else "",
            )
            for v in slots.Zoekresultaat(voorstellen).groep(soort)
        ]
        for soort in ("vrij", "vervanging", "na_school")
    }


@login_required
def plg_momenten(request: AuthedRequest, pk: int) -> HttpResponse:
    """When can we meet? Ranked moments for the coming weeks, for the procescoach."""
    plg, lid = get_plg(request.user, pk, coach=True, writable=True)
    form = SearchForm(request.GET or None)
    context: dict[str, Any] = plg_context(plg, lid) | {"form": form}
    if form.is_valid():
        probleem, resultaat = services.search_momenten(plg=plg, **form.cleaned_data)
        context |= {
            "resultaat": resultaat,
            "voorstellen": _by_kind(probleem, resultaat.voorstellen),
            "van": form.cleaned_data["van"],
            "tot": form.cleaned_data["tot"],
        }
    return render(request, "planning/momenten.html", context)


@login_required
@require_POST
def plg_moment_kiezen(request: AuthedRequest, pk: int) -> HttpResponse:
    """Search again before planning: the moment must still be free, with the same substitutes."""
    plg, _lid = get_plg(request.user, pk, coach=True, writable=True)
    form = ChooseForm(request.POST)
    if not form.is_valid():
        problems = [str(error) for errors in form.errors.values() for error in errors]
        messages.error(
            request,
            _("Dat moment kan niet: %(fout)s") % {"fout": " ".join(dict.fromkeys(problems))},
        )
        return redirect("plg_momenten", pk=plg.pk)
    probleem, resultaat = services.search_momenten(
        plg=plg, van=form.cleaned_data["van"], tot=form.cleaned_data["tot"]
    )
    voorstel = next(
        (v for v in resultaat.voorstellen if v.moment.begin == form.cleaned_data["begin"]), None
    )
    if voorstel is None:
        messages.error(request, _("Dat moment is intussen niet meer vrij. Kies een ander."))
        query = urlencode({"van": form.cleaned_data["van"], "tot": form.cleaned_data["tot"]})
        return redirect(f"{reverse('plg_momenten', args=[plg.pk])}?{query}")
    bijeenkomst = services.plan_voorstel(
        plg=plg,
        probleem=probleem,
        voorstel=voorstel,
        place=form.cleaned_data["place"],
        door=request.user,
    )
    messages.success(
        request,
        _("De bijeenkomst is gepland. De leden en de vervangers krijgen een e-mail."),
    )
    return redirect("bijeenkomst_detail", bid=bijeenkomst.pk)


@login_required
def school_tijd(request: AuthedRequest, pk: int) -> HttpResponse:
    """A school's time: what it made available per month and how (never per teacher)."""
    school = get_school_to_plan(request.user, pk)
    kalender = rooster_services.kalender_van(school)
    return render(
        request,
        "planning/school_tijd.html",
        school_context(school, "overzicht", request.user)
        | {
            "maanden": accounts.school_account(
                school, accounts.months(timezone.localdate(), before=3, after=2)
            ),
            "lesuren": kalender.lesuren.count(),
            "laatste_import": Roosterimport.objects.filter(school=school).first(),
            "maandplannen": Maandplan.objects.filter(school=school)[:3],
        },
    )


@login_required
def maandplannen(request: AuthedRequest, pk: int) -> HttpResponse:
    school = get_school_to_plan(request.user, pk)
    coordinator = coordinated(request.user).filter(pk=school.scholengemeenschap_id).exists()
    form = MaandplanForm(
        request.POST or None,
        coordinator=coordinator,
        afweging=services.latest_afweging(school),
    )
    if request.method == "POST" and form.is_valid():
        heel_sg = form.cleaned_data.get("heel_sg", False)
        maandplan = services.start_maandplan(
            door=request.user,
            maand=form.cleaned_data["maand"],
            scholengemeenschap=school.scholengemeenschap,
            school=None if heel_sg else school,
            aantal=form.cleaned_data["aantal"],
            min_dagen_tussen=form.cleaned_data["min_dagen_tussen"],
            afweging=form.cleaned_data["afweging"],
        )
        return redirect("maandplan", pk=maandplan.pk)
    plannen = Maandplan.objects.filter(school=school)
    if coordinator:
        plannen = Maandplan.objects.filter(
            Q(school=school) | Q(scholengemeenschap=school.scholengemeenschap_id, school=None)
        )
    return render(
        request,
        "planning/maandplannen.html",
        school_context(school, "maandplan", request.user)
        | {"form": form, "plannen": plannen.select_related("school", "door")[:12]},
    )


def _maandplan_context(maandplan: Maandplan) -> dict[str, Any]:
    """Shared by the page and its polled fragment."""
    voorstel = maandplan.get_voorstel()
    labels = dict(AFWEGINGEN)
    return {
        "maandplan": maandplan,
        "voorstel": voorstel,
        "afweging": labels.get(voorstel.afweging, ""),
        "alternatieven": [(labels[a.afweging], a) for a in voorstel.alternatieven],
        "plaatsingen": voorstel.plaatsingen,
        "weggelaten": voorstel.weggelaten,
        "vervangingen": voorstel.vervangingen,
    }


@login_required
@require_POST
def maandplan_afweging(request: AuthedRequest, pk: int) -> HttpResponse:
    """The planner takes the plan of another choice, whose cost the proposal showed."""
    plan = get_maandplan(request.user, pk)
    form = AfwegingForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een van de drie keuzes."))
    elif services.choose_afweging(maandplan=plan, afweging=form.cleaned_data["afweging"]):
        messages.success(
            request,
            _("Het voorstel volgt nu de keuze: %(keuze)s. Er is nog niets ingepland.")
            % {"keuze": dict(AFWEGINGEN)[form.cleaned_data["afweging"].value]},
        )
    else:
        messages.error(request, _("Het voorstel is intussen veranderd. Kijk het opnieuw na."))
    return redirect("maandplan", pk=plan.pk)


def _school_of(plan: Maandplan) -> School:
    """The school whose pages frame the plan: its own, or the first of the scholengemeenschap."""
    school = plan.school or plan.scholengemeenschap.schools.first()
    if school is None:
        raise Http404
    return school


@login_required
def maandplan(request: AuthedRequest, pk: int) -> HttpResponse:
    plan = get_maandplan(request.user, pk)
    return render(
        request,
        "planning/maandplan.html",
        school_context(_school_of(plan), "maandplan", request.user) | _maandplan_context(plan),
    )


@login_required
def maandplan_hx(request: AuthedRequest, pk: int) -> HttpResponse:
    """The proposal fragment; while the solver works, the page asks again every two seconds."""
    plan = get_maandplan(request.user, pk)
    return render(request, "planning/_maandplan.html", _maandplan_context(plan))


@login_required
@require_POST
def maandplan_toepassen(request: AuthedRequest, pk: int) -> HttpResponse:
    plan = get_maandplan(request.user, pk)
    created = services.apply_maandplan(maandplan=plan, door=request.user)
    if created:
        messages.success(
            request,
            _("%(n)s bijeenkomsten zijn gepland; leden en vervangers krijgen een e-mail.")
            % {"n": len(created)},
        )
    else:
        messages.error(request, _("Dit voorstel kan niet (meer) ingepland worden."))
    return redirect("maandplan", pk=plan.pk)


def _plaatsing(maandplan: Maandplan, index: int) -> Plaatsing:
    """One meeting of a proposal that can still be moved; 404 for anything else."""
    plaatsingen = maandplan.get_voorstel().plaatsingen
    if maandplan.status != MaandplanStatus.KLAAR or not 0 <= index < len(plaatsingen):
        raise Http404
    return plaatsingen[index]


@login_required
def maandplan_bijsturen(request: AuthedRequest, pk: int, index: int) -> HttpResponse:
    """Other moments for one proposed meeting; the rest of the proposal stays as it is."""
    plan = get_maandplan(request.user, pk)
    plaatsing = _plaatsing(plan, index)
    found = bijsturen.bijsturing(plan, index)
    return render(
        request,
        "planning/bijsturen.html",
        school_context(_school_of(plan), "maandplan", request.user)
        | {
            "maandplan": plan,
            "index": index,
            "plaatsing": plaatsing,
            "bijsturing": found,
            "voorstellen": _by_kind(found.probleem, found.alternatieven()) if found else {},
        },
    )


@login_required
@require_POST
def maandplan_verplaatsen(request: AuthedRequest, pk: int, index: int) -> HttpResponse:
    plan = get_maandplan(request.user, pk)
    _plaatsing(plan, index)
    form = MoveForm(request.POST)
    if form.is_valid() and bijsturen.move(maandplan=plan, index=index, **form.cleaned_data):
        messages.success(
            request, _("De bijeenkomst is verplaatst in het voorstel. Er is nog niets ingepland.")
        )
        return redirect("maandplan", pk=plan.pk)
    messages.error(request, _("Dat moment kan niet (meer). Kies een ander."))
    return _back(plan, index)


@login_required
@require_POST
def maandplan_weglaten(request: AuthedRequest, pk: int, index: int) -> HttpResponse:
    plan = get_maandplan(request.user, pk)
    _plaatsing(plan, index)
    form = BijeenkomstForm(request.POST)
    if form.is_valid() and bijsturen.leave_out(maandplan=plan, index=index, **form.cleaned_data):
        messages.success(
            request,
            _("Deze bijeenkomst is uit het voorstel gehaald; de rest blijft zoals hij was."),
        )
        return redirect("maandplan", pk=plan.pk)
    messages.error(request, _("Het voorstel is intussen veranderd. Kijk het opnieuw na."))
    return _back(plan, index)


def _back(plan: Maandplan, index: int) -> HttpResponse:
    """To the meeting again, or to the whole proposal when it can no longer change."""
    plan.refresh_from_db()
    if plan.status != MaandplanStatus.KLAAR:
        return redirect("maandplan", pk=plan.pk)
    return redirect("maandplan_bijsturen", pk=plan.pk, index=index)
