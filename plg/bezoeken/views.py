"""Pages of *In elkaars klas*: thin views over ``services`` and ``authorizers``."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plg.accounts.http import AuthedRequest
from plg.accounts.models import User
from plg.bezoeken import authorizers, services
from plg.bezoeken.authorizers import get_bezoek
from plg.bezoeken.forms import (
    AntwoordForm,
    BezoekForm,
    MeegenomenForm,
    NagesprekForm,
    NotitiesAudienceForm,
    ObservatieForm,
    add_service_errors,
    leervragen_voor,
)
from plg.bezoeken.models import Kijkwijzer, Klasbezoek, Meegenomen, Nagesprek, Observatie, Status
from plg.post.stand import stand as post_stand


@login_required
def mijn_klasbezoeken(request: AuthedRequest) -> HttpResponse:
    """Visits in my class, visits I make, invitations to answer, and what I wrote afterwards:
    the part of my leerlog that comes from visits."""
    mine = Klasbezoek.objects.select_related("geobserveerde", "bezoeker")
    als_bezoeker = mine.filter(bezoeker=request.user, ingetrokken=False)
    return render(
        request,
        "bezoeken/mijn_klasbezoeken.html",
        {
            "te_beantwoorden": als_bezoeker.filter(status=Status.UITGENODIGD),
            "in_mijn_klas": mine.filter(geobserveerde=request.user).order_by("-begin"),
            "ik_bezoek": als_bezoeker.exclude(status=Status.UITGENODIGD).order_by("-begin"),
            "nagesprekken": Nagesprek.objects.visible_to(request.user)
            .filter(author=request.user)
            .select_related("bezoek__bezoeker")
            .order_by("-bezoek__begin"),
            "meegenomen": Meegenomen.objects.visible_to(request.user)
            .filter(author=request.user)
            .select_related("bezoek__geobserveerde")
            .order_by("-bezoek__begin"),
            "may_invite": services.scholen_van(request.user).exists(),
        }
        | _shared_with_my_plg(request.user),
    )


def _shared_with_my_plg(user: User) -> dict[str, Any]:
    """What colleagues of my PLG's shared with the PLG about visits I was not part of: their
    conversations afterwards, what they took along, and the latest notes."""
    elders = ~Q(bezoek__geobserveerde=user) & ~Q(bezoek__bezoeker=user)
    nagesprekken = Nagesprek.objects.visible_to(user).filter(elders).select_related("bezoek")
    meegenomen = Meegenomen.objects.visible_to(user).filter(elders).select_related("bezoek")
    notities = Observatie.objects.visible_to(user).filter(elders).select_related("item")
    return {
        "gedeeld": sorted([*nagesprekken, *meegenomen], key=lambda n: n.bezoek.begin, reverse=True),
        "gedeelde_notities": notities.order_by("-moment")[:50],
    }


@login_required
def bezoek_nieuw(request: AuthedRequest) -> HttpResponse:
    """A teacher invites a colleague into their class; only teachers have a class."""
    if not services.scholen_van(request.user).exists():
        raise Http404
    form = BezoekForm(request.POST or None, user=request.user, initial=_initial(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        leervraag = data["leervraag"]
        try:
            bezoek = services.invite_bezoeker(
                geobserveerde=request.user,
                bezoeker=data["bezoeker"],
                school=data["school"],
                begin=data["van"],
                einde=data["tot"],
                focus=data["focus"],
                les=data["les"],
                klas=data["klas"],
                kijken_naar=data["kijken_naar"],
                kijkwijzer=data["kijkwijzer"],
                plg=leervraag.plg if leervraag else None,
                lesuur=data["lesuur"],
            )
        except ValidationError as error:  # the rules changed between the check and the write
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(naam)s krijgt je uitnodiging per mail.")
                % {"naam": bezoek.bezoeker.display_name},
            )
            return redirect("bezoek_detail", pk=bezoek.pk)
    return render(
        request,
        "bezoeken/bezoek_form.html",
        {"form": form, "zoek_moment_met": _gekozen_collega(request)},
        status=422 if form.errors else 200,
    )


def _gekozen_collega(request: AuthedRequest) -> User | None:
    """The colleague already chosen (in the link that opened the form, or in what was posted):
    the form offers to look for a moment with them (the slot finder)."""
    pk = (request.POST or request.GET).get("bezoeker", "")
    if not pk.isdigit():
        return None
    return authorizers.colleagues(request.user).filter(pk=int(pk)).first()


def _initial(request: AuthedRequest) -> dict[str, Any]:
    """The PLG's leervraag prefilled as the focus when there is exactly one to choose, and its
    kijkwijzer when it has one."""
    initial: dict[str, Any] = {}
    if collega := _gekozen_collega(request):
        initial["bezoeker"] = collega.pk
    leervragen = list(leervragen_voor(request.user)[:2])
    if len(leervragen) == 1:
        initial["leervraag"] = leervragen[0].pk
        initial["focus"] = leervragen[0].current_text
        kijkwijzers = list(
            Kijkwijzer.objects.filter(plg_id=leervragen[0].plg_id).values_list("pk", flat=True)[:2]
        )
        if len(kijkwijzers) == 1:
            initial["kijkwijzer"] = kijkwijzers[0]
    return initial


def _detail_context(request: AuthedRequest, bezoek: Klasbezoek) -> dict[str, Any]:
    eigenaar = bezoek.geobserveerde_id == request.user.pk
    return {
        "bezoek": bezoek,
        "eigenaar": eigenaar,
        "observaties": Observatie.objects.visible_to(request.user)
        .filter(bezoek=bezoek)
        .select_related("item"),
        "nagesprek": Nagesprek.objects.visible_to(request.user).filter(bezoek=bezoek).first(),
        "meegenomen": Meegenomen.objects.visible_to(request.user).filter(bezoek=bezoek).first(),
        "items": list(bezoek.kijkwijzer.items.all()) if bezoek.kijkwijzer else [],
        "lezers_form": NotitiesAudienceForm(instance=bezoek) if eigenaar else None,
        "post_stand": post_stand(over=Klasbezoek.objects.filter(pk=bezoek.pk), user=request.user)
        if eigenaar
        else None,
        "open": not bezoek.ingetrokken,
    }


@login_required
def bezoek_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    bezoek = get_bezoek(request.user, pk)
    return render(request, "bezoeken/bezoek_detail.html", _detail_context(request, bezoek))


@login_required
@require_POST
def bezoek_antwoord(request: AuthedRequest, pk: int) -> HttpResponse:
    bezoek = get_bezoek(request.user, pk, bezoeker=True)
    form = AntwoordForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies of je komt of niet."))
        return redirect("bezoek_detail", pk=bezoek.pk)
    aanvaard = form.cleaned_data["antwoord"] == "ja"
    if not services.answer_bezoek(bezoek=bezoek, aanvaard=aanvaard):
        messages.info(request, _("Dit bezoek is al beantwoord."))
        return redirect(bezoek)
    if aanvaard:
        messages.success(request, _("Fijn dat je komt. Je krijgt de dag ervoor een herinnering."))
        return redirect(bezoek)
    messages.success(request, _("Je collega ziet dat je niet kunt komen."))
    return redirect("mijn_klasbezoeken")


@login_required
@require_POST
def bezoek_annuleren(request: AuthedRequest, pk: int) -> HttpResponse:
    bezoek = get_bezoek(request.user, pk, eigenaar=True)
    if not bezoek.ingetrokken:
        services.cancel_bezoek(bezoek=bezoek)
        messages.success(
            request, _("Het bezoek gaat niet door. Je collega leest er niets meer van.")
        )
    return redirect("bezoek_detail", pk=bezoek.pk)


@login_required
@require_POST
def bezoek_lezers(request: AuthedRequest, pk: int) -> HttpResponse:
    bezoek = get_bezoek(request.user, pk, eigenaar=True)
    form = NotitiesAudienceForm(request.POST, instance=Klasbezoek.objects.get(pk=bezoek.pk))
    if form.is_valid():
        services.set_notities_audience(
            bezoek=bezoek, audience=form.cleaned_data["notities_audience"]
        )
        messages.success(request, _("Bewaard: zo lezen zij de notities."))
    else:
        messages.error(request, _("Kies wie de notities mag lezen."))
    return redirect("bezoek_detail", pk=bezoek.pk)


@login_required
def observeren(request: AuthedRequest, pk: int) -> HttpResponse:
    """The visitor's page during the lesson, made for a phone."""
    bezoek = get_bezoek(request.user, pk, bezoeker=True)
    return render(
        request,
        "bezoeken/observeren.html",
        {
            "bezoek": bezoek,
            "items": list(bezoek.kijkwijzer.items.all()) if bezoek.kijkwijzer else [],
            "aanvaard": bezoek.status == Status.AANVAARD,
            "eerder": Observatie.objects.visible_to(request.user)
            .filter(bezoek=bezoek, author=request.user)
            .select_related("item"),
        },
    )


@login_required
@require_POST
def observatie_bewaar(request: AuthedRequest, pk: int) -> JsonResponse:
    """One note from the phone's queue. The same ``client_id`` twice stores it once and
    answers alike, so a retry after a lost answer is harmless."""
    bezoek = get_bezoek(request.user, pk, bezoeker=True)
    if bezoek.status != Status.AANVAARD:
        return JsonResponse({"fouten": {"__all__": [_("Aanvaard het bezoek eerst.")]}}, status=409)
    form = ObservatieForm(request.POST, bezoek=bezoek)
    if not form.is_valid():
        return JsonResponse({"fouten": form.errors}, status=400)
    data = form.cleaned_data
    observatie, nieuw = services.save_observatie(
        bezoek=bezoek,
        author=request.user,
        client_id=data["client_id"],
        tekst=data["tekst"],
        moment=data["moment"],
        item=data["item"],
    )
    return JsonResponse(
        {"client_id": str(observatie.client_id), "nieuw": nieuw}, status=201 if nieuw else 200
    )


def _nota_page(
    request: AuthedRequest,
    bezoek: Klasbezoek,
    form_class: type[NagesprekForm] | type[MeegenomenForm],
    existing: Nagesprek | Meegenomen | None,
    template: str,
) -> HttpResponse:
    """The conversation afterwards and what the visitor takes along: one author each."""
    if bezoek.status != Status.AANVAARD:
        messages.info(request, _("Dit kan pas wanneer het bezoek aanvaard is."))
        return redirect("bezoek_detail", pk=bezoek.pk)
    form = form_class(request.POST or None, instance=existing)
    form.instance.bezoek = bezoek
    form.instance.author = request.user
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Bewaard."))
        return redirect("bezoek_detail", pk=bezoek.pk)
    return render(
        request,
        template,
        {"form": form, "bezoek": bezoek},
        status=422 if form.errors else 200,
    )


@login_required
def nagesprek(request: AuthedRequest, pk: int) -> HttpResponse:
    bezoek = get_bezoek(request.user, pk, eigenaar=True)
    existing = Nagesprek.objects.visible_to(request.user).filter(bezoek=bezoek).first()
    return _nota_page(request, bezoek, NagesprekForm, existing, "bezoeken/nagesprek_form.html")


@login_required
def meegenomen(request: AuthedRequest, pk: int) -> HttpResponse:
    bezoek = get_bezoek(request.user, pk, bezoeker=True)
    existing = (
        Meegenomen.objects.visible_to(request.user)
        .filter(bezoek=bezoek, author=request.user)
        .first()
    )
    return _nota_page(request, bezoek, MeegenomenForm, existing, "bezoeken/meegenomen_form.html")
