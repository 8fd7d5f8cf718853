"""Pages for blitsbezoeken, buddies and co-teaching: thin views over their rules and services."""

from __future__ import annotations

from dataclasses import asdict
from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plg.accounts.http import AuthedRequest
from plg.accounts.models import User
from plg.bezoeken import authorizers, blits, buddies, coteaching, services
from plg.bezoeken.forms import add_service_errors
from plg.bezoeken.forms_samen import (
    BlitsfeedbackForm,
    BlitsUitnodigingForm,
    BuddyvoorkeurForm,
    CoTeachingLesForm,
    CoTeachingNotaForm,
    CoTeachingReeksForm,
    KoppelenForm,
)
from plg.bezoeken.models import Blitsfeedback, Buddyvoorkeur, CoTeachingNota, Soort
from plg.bezoeken.schooljaar import schooljaar_van
from plg.communities.models import PLG
from plg.organisations.models import School


def _schooljaar() -> str:
    return schooljaar_van(timezone.localdate())


def _school_van_beiden(user: User, ander: User) -> School:
    """Where the visit takes place: a school where ``user`` teaches, the one the two share when
    there is one."""
    mine = services.scholen_van(user)
    shared = mine.filter(pk__in=authorizers.team_schools(ander).values("pk")).first()
    school = shared or mine.first()
    if school is None:  # on the team, but without a class of their own
        raise Http404
    return school


@login_required
def samen(request: AuthedRequest) -> HttpResponse:
    """One teacher's own page: their buddies or mentor, their blitsbezoeken and the feedback left
    in their class, their co-teaching series."""
    user = request.user
    schooljaar = _schooljaar()
    return render(
        request,
        "bezoeken/samen/samen.html",
        {
            "schooljaar": schooljaar,
            "groepen": buddies.mijn_groepen(user, schooljaar),
            "voorkeur": Buddyvoorkeur.objects.filter(user=user, schooljaar=schooljaar).first(),
            "blitsbezoeken": list(blits.mijn_blitsbezoeken(user)[:30]),
            "feedback": list(blits.feedback_voor_mij(user)[:30]),
            "reeksen": list(coteaching.mijn_reeksen(user)),
            "in_team": authorizers.team_schools(user).exists(),
            "organiseert": list(authorizers.organiser_schools(user)),
        },
    )


@login_required
def blits_nieuw(request: AuthedRequest) -> HttpResponse:
    authorizers.require_team(request.user)
    form = BlitsUitnodigingForm(
        request.POST or None, colleagues=authorizers.colleagues(request.user)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        bezoeker = data["bezoeker"]
        try:
            bezoek = services.invite_bezoeker(
                soort=Soort.BLITS,
                geobserveerde=request.user,
                bezoeker=bezoeker,
                school=_school_van_beiden(request.user, bezoeker),
                begin=data["begin"],
                einde=data["begin"] + timedelta(minutes=data["minuten"]),
                klas=data["klas"],
                kijken_naar=data["kijken_naar"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Je collega is uitgenodigd voor een blitsbezoek."))
            return redirect("blits_detail", pk=bezoek.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "bezoeken/samen/blits_nieuw.html", {"form": form}, status=status)


@login_required
def blits_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    bezoek = authorizers.get_blits(request.user, pk)
    return render(
        request,
        "bezoeken/samen/blits_detail.html",
        {
            "bezoek": bezoek,
            "feedback": Blitsfeedback.objects.visible_to(request.user)
            .filter(bezoek=bezoek)
            .first(),
            "mag_feedback": blits.may_leave_feedback(bezoek, request.user),
        },
    )


@login_required
def blits_feedback(request: AuthedRequest, pk: int) -> HttpResponse:
    """A small form for the visitor's phone: one sentence of appreciation, one question."""
    bezoek = authorizers.get_blits(request.user, pk, bezoeker=True)
    if not blits.may_leave_feedback(bezoek, request.user):
        messages.info(request, _("Feedback geef je zodra het blitsbezoek begonnen is."))
        return redirect("blits_detail", pk=bezoek.pk)
    bestaand = Blitsfeedback.objects.filter(bezoek=bezoek, author=request.user).first()
    form = BlitsfeedbackForm(request.POST or None, instance=bestaand)
    if request.method == "POST" and form.is_valid():
        blits.leave_blitsfeedback(bezoek=bezoek, author=request.user, **form.cleaned_data)
        messages.success(request, _("Dank je. Je collega leest je waardering en je vraag."))
        return redirect("blits_detail", pk=bezoek.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "bezoeken/samen/blits_feedback.html",
        {"bezoek": bezoek, "form": form},
        status=status,
    )


@login_required
def buddy_aanmelden(request: AuthedRequest) -> HttpResponse:
    schools = authorizers.require_team(request.user)
    schooljaar = _schooljaar()
    bestaand = Buddyvoorkeur.objects.filter(user=request.user, schooljaar=schooljaar).first()
    form = BuddyvoorkeurForm(
        request.POST or None,
        instance=bestaand,
        schools=schools,
        initial=None if bestaand else buddies.voorkeur_initial(request.user),
    )
    if request.method == "POST" and form.is_valid():
        buddies.sign_up(user=request.user, schooljaar=schooljaar, **form.cleaned_data)
        messages.success(request, _("Je bent ingeschreven voor een buddy dit schooljaar."))
        return redirect("samen")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "bezoeken/samen/buddy_aanmelden.html",
        {"form": form, "schooljaar": schooljaar, "bestaand": bestaand},
        status=status,
    )


@login_required
@require_POST
def buddy_afmelden(request: AuthedRequest) -> HttpResponse:
    authorizers.require_team(request.user)
    buddies.sign_off(user=request.user, schooljaar=_schooljaar())
    messages.success(request, _("Je bent uitgeschreven. Je kan je altijd opnieuw inschrijven."))
    return redirect("samen")


UITKOMST = "bezoeken.buddies.uitkomst"


@login_required
def buddies_koppelen(request: AuthedRequest, school_pk: int) -> HttpResponse:
    """The organiser starts the matching and learns how it went in counts, never in names."""
    school = authorizers.get_buddy_school(request.user, school_pk)
    schooljaar = _schooljaar()
    form = KoppelenForm(request.POST or None, initial={"periode": "trimester"})
    if request.method == "POST" and form.is_valid():
        gedaan = buddies.match_buddies(
            school=school, schooljaar=schooljaar, periode=form.cleaned_data["periode"]
        )
        request.session[UITKOMST] = {"school": school.pk, **asdict(gedaan)}
        return redirect("buddies_koppelen", school_pk=school.pk)
    bewaard = request.session.pop(UITKOMST, None)
    uitkomst: buddies.Uitkomst | None = None
    if isinstance(bewaard, dict) and bewaard.pop("school", None) == school.pk:
        uitkomst = buddies.Uitkomst(**bewaard)
    context: dict[str, Any] = {
        "school": school,
        "schooljaar": schooljaar,
        "form": form,
        "uitkomst": uitkomst,
        "ingeschreven": buddies.ingeschreven(school=school, schooljaar=schooljaar),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "bezoeken/samen/buddies_koppelen.html", context, status=status)


@login_required
def coteaching_nieuw(request: AuthedRequest) -> HttpResponse:
    authorizers.require_team(request.user)
    form = CoTeachingReeksForm(
        request.POST or None,
        colleagues=authorizers.colleagues(request.user),
        plgs=PLG.objects.filter(lidmaatschappen__user=request.user).order_by("name"),
    )
    if request.method == "POST" and form.is_valid():
        partner = form.cleaned_data["partner"]
        reeks = coteaching.start_reeks(
            eigenaar=request.user,
            school=_school_van_beiden(request.user, partner),
            **form.cleaned_data,
        )
        messages.success(request, _("De reeks staat klaar. Plan jullie eerste les."))
        return redirect("coteaching_reeks", pk=reeks.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "bezoeken/samen/coteaching_nieuw.html", {"form": form}, status=status)


@login_required
def coteaching_reeks(request: AuthedRequest, pk: int) -> HttpResponse:
    reeks = authorizers.get_reeks(request.user, pk)
    return render(
        request,
        "bezoeken/samen/coteaching_reeks.html",
        {
            "reeks": reeks,
            "lessen": coteaching.lessen_met_notas(reeks, request.user),
            "les_form": CoTeachingLesForm(),
        },
    )


@login_required
def coteaching_les_nieuw(request: AuthedRequest, pk: int) -> HttpResponse:
    reeks = authorizers.get_reeks(request.user, pk)
    if reeks.ingetrokken:
        raise Http404
    form = CoTeachingLesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            coteaching.add_les(reeks=reeks, door=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De les staat in de reeks."))
            return redirect("coteaching_reeks", pk=reeks.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "bezoeken/samen/coteaching_les.html",
        {"reeks": reeks, "form": form},
        status=status,
    )


@login_required
def coteaching_nota(request: AuthedRequest, pk: int) -> HttpResponse:
    """The plan before and the reflection after one lesson, for whoever may read the note."""
    les, reeks = authorizers.get_co_les(request.user, pk)
    alle = CoTeachingNota.objects.filter(bezoek=les).first()
    nota = CoTeachingNota.objects.visible_to(request.user).filter(bezoek=les).first()
    if alle is not None and nota is None:
        raise Http404
    form = CoTeachingNotaForm(
        request.POST or None,
        instance=nota,
        may_choose_audience=nota is None or nota.author_id == request.user.pk,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        coteaching.save_nota(
            les=les,
            door=request.user,
            plan=data["plan"],
            reflectie=data["reflectie"],
            audience=data.get("audience"),
        )
        messages.success(request, _("Bewaard."))
        return redirect("coteaching_reeks", pk=reeks.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "bezoeken/samen/coteaching_nota.html",
        {"reeks": reeks, "les": les, "form": form},
        status=status,
    )


@login_required
@require_POST
def coteaching_stoppen(request: AuthedRequest, pk: int) -> HttpResponse:
    reeks = authorizers.get_reeks(request.user, pk)
    coteaching.stop_reeks(reeks=reeks)
    messages.success(
        request, _("De reeks is gestopt. Wat jullie schreven, blijft bij wie het schreef.")
    )
    return redirect("samen")
