from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plg.accounts.http import AuthedRequest
from plg.accounts.models import User
from plg.communities.authorizers import get_plg
from plg.communities.context import plg_context
from plg.communities.lfl import PrincipesForm, principes, set_principes
from plg.communities.models import Lidmaatschap
from plg.communities.sharing import Audience, editable
from plg.core.http import safe_next
from plg.meetings import services
from plg.meetings.authorizers import get_bijeenkomst
from plg.meetings.forms import (
    AgendaBlokEditForm,
    AgendaBlokForm,
    BijeenkomstEditForm,
    BijeenkomstForm,
    LeerlogForm,
    OpdrachtFormSet,
    TerugblikForm,
)
from plg.meetings.models import AgendaBlok, Bijeenkomst, LeerlogEntry, Opdracht, Terugblik
from plg.methods.models import Stap, Vraag, Werkvorm
from plg.post.stand import stand as post_stand


def _owners(bijeenkomst: Bijeenkomst) -> QuerySet[User]:
    """Who can take on an assignment: the members, and whoever already holds one here."""
    return User.objects.filter(
        Q(lidmaatschappen__plg=bijeenkomst.plg_id) | Q(opdrachten__bijeenkomst=bijeenkomst)
    ).distinct()


def _agenda_context(
    request: AuthedRequest, bijeenkomst: Bijeenkomst, lid: Lidmaatschap
) -> dict[str, Any]:
    """Shared by the full bijeenkomst page and the htmx agenda fragment."""
    blokken = list(bijeenkomst.blokken.select_related("werkvorm"))
    total = sum(b.minutes for b in blokken)
    werkvormen = Werkvorm.objects.available_to(request.user)
    context: dict[str, Any] = plg_context(bijeenkomst.plg, lid) | {
        "bijeenkomst": bijeenkomst,
        "blokken": blokken,
        "total_minutes": total,
        "over_time": total - bijeenkomst.duration_minutes,
        "blok_form": AgendaBlokForm(
            werkvormen=werkvormen, initial={"stap": Stap.VERWERKING, "minutes": 20}
        ),
    }
    if lid.is_coach:
        by_step: dict[str, list[Vraag]] = {}
        for vraag in Vraag.objects.select_related("groep"):
            for step in vraag.steps:
                by_step.setdefault(step, []).append(vraag)
        for blok in blokken:
            blok.vragen = by_step.get(blok.stap, [])[:4]  # type: ignore[attr-defined]
    return context


@login_required
def bijeenkomst_nieuw(request: AuthedRequest, pk: int) -> HttpResponse:
    plg, lid = get_plg(request.user, pk, coach=True, writable=True)
    form = BijeenkomstForm(
        request.POST or None, initial={"duration_minutes": services.default_duration(plg)}
    )
    if request.method == "POST" and form.is_valid():
        bijeenkomst = services.plan_and_announce_bijeenkomst(
            plg=plg, door=request.user, **form.cleaned_data
        )
        messages.success(request, _("De bijeenkomst is gepland, met een agenda op het stramien."))
        return redirect("bijeenkomst_detail", bid=bijeenkomst.pk)
    return render(
        request,
        "meetings/bijeenkomst_form.html",
        plg_context(plg, lid) | {"form": form},
    )


@login_required
def bijeenkomst_detail(request: AuthedRequest, bid: int) -> HttpResponse:
    bijeenkomst, lid = get_bijeenkomst(request, bid)
    return render(
        request, "meetings/bijeenkomst_detail.html", _detail_context(request, bijeenkomst, lid)
    )


def _detail_context(
    request: AuthedRequest, bijeenkomst: Bijeenkomst, lid: Lidmaatschap
) -> dict[str, Any]:
    return _agenda_context(request, bijeenkomst, lid) | {
        "terugblik": Terugblik.objects.visible_to(request.user)
        .filter(bijeenkomst=bijeenkomst)
        .first(),
        "opdrachten": bijeenkomst.opdrachten.select_related("owner"),
        "mijn_leerlog": LeerlogEntry.objects.filter(
            bijeenkomst=bijeenkomst, author=request.user
        ).first(),
        "leerlogs": LeerlogEntry.objects.visible_to(request.user)
        .filter(bijeenkomst=bijeenkomst)
        .exclude(author=request.user)
        .select_related("author"),
        "post_stand": post_stand(
            over=Bijeenkomst.objects.filter(pk=bijeenkomst.pk), user=request.user
        )
        if lid.is_coach
        else None,
        "principes": principes(),
        "gekozen_principes": bijeenkomst.principe_keys(),
    }


@require_POST
@login_required
def bijeenkomst_principes(request: AuthedRequest, bid: int) -> HttpResponse:
    """The coach names the Leadership-for-Learning principles they saw at work here."""
    bijeenkomst, _lid = get_bijeenkomst(request, bid, coach=True, writable=True)
    form = PrincipesForm(request.POST)
    if form.is_valid():
        set_principes(tags=bijeenkomst.principes, gekozen=form.cleaned_data["principes"])
        messages.success(request, _("De principes bij deze bijeenkomst zijn bewaard."))
    else:
        messages.error(request, _("Kies enkel principes uit de lijst."))
    return redirect("bijeenkomst_detail", bid=bijeenkomst.pk)


@login_required
def bijeenkomst_edit(request: AuthedRequest, bid: int) -> HttpResponse:
    bijeenkomst, lid = get_bijeenkomst(request, bid, coach=True, writable=True)
    form = BijeenkomstEditForm(request.POST or None, instance=bijeenkomst)
    if (
        request.method == "POST"
        and form.is_valid()
        and form.saved(
            lambda version: services.save_bijeenkomst(
                bijeenkomst=bijeenkomst, version=version, by=request.user
            ),
            plg=bijeenkomst.plg,
            viewer=request.user,
        )
    ):
        messages.success(request, _("Bewaard."))
        return redirect("bijeenkomst_detail", bid=bijeenkomst.pk)
    return render(
        request,
        "meetings/bijeenkomst_form.html",
        plg_context(bijeenkomst.plg, lid) | {"form": form, "bijeenkomst": bijeenkomst},
        status=form.status,
    )


@login_required
@require_POST
def agenda_blok_nieuw_hx(request: AuthedRequest, bid: int) -> HttpResponse:
    bijeenkomst, lid = get_bijeenkomst(request, bid, coach=True, writable=True)
    werkvormen = Werkvorm.objects.available_to(request.user)
    form = AgendaBlokForm(request.POST, werkvormen=werkvormen)
    valid = form.is_valid()
    if valid:
        services.add_blok(bijeenkomst=bijeenkomst, blok=form.save(commit=False))
    if request.htmx:
        context = _agenda_context(request, bijeenkomst, lid)
        template = "meetings/_agenda.html"
    elif valid:
        return redirect("bijeenkomst_detail", bid=bijeenkomst.pk)
    else:
        context = _detail_context(request, bijeenkomst, lid)
        template = "meetings/bijeenkomst_detail.html"
    if not valid:
        context["blok_form"] = form
    return render(request, template, context, status=200 if valid or request.htmx else 400)


@login_required
@require_POST
def agenda_blok_hx(request: AuthedRequest, bid: int, blok_pk: int, action: str) -> HttpResponse:
    """Reorder or remove one block: the coach shapes the session, not the software."""
    bijeenkomst, lid = get_bijeenkomst(request, bid, coach=True, writable=True)
    blok = get_object_or_404(AgendaBlok, pk=blok_pk, bijeenkomst=bijeenkomst)
    if action == "delete":
        blok.delete()
    elif action in {"up", "down"}:
        services.move_blok(blok=blok, direction=action)
    else:
        raise Http404
    if not request.htmx:
        return redirect("bijeenkomst_detail", bid=bijeenkomst.pk)
    return render(request, "meetings/_agenda.html", _agenda_context(request, bijeenkomst, lid))


@login_required
def agenda_blok_bewerken_hx(request: AuthedRequest, bid: int, blok_pk: int) -> HttpResponse:
    """Change a block where it stands (minutes, werkvorm, step, title), not remove and re-add it.
    ``?terug`` closes the form unchanged; the block's edit button then has the focus again."""
    bijeenkomst, lid = get_bijeenkomst(request, bid, coach=True, writable=True)
    blok = get_object_or_404(AgendaBlok, pk=blok_pk, bijeenkomst=bijeenkomst)
    form = AgendaBlokEditForm(
        request.POST or None, instance=blok, werkvormen=Werkvorm.objects.available_to(request.user)
    )
    saved = request.method == "POST" and form.is_valid()
    if saved:
        form.save()
    done = saved or "terug" in request.GET
    if done and not request.htmx:
        return redirect("bijeenkomst_detail", bid=bijeenkomst.pk)
    if request.htmx:
        context = _agenda_context(request, bijeenkomst, lid)
        template = "meetings/_agenda.html"
    else:
        context = _detail_context(request, bijeenkomst, lid)
        template = "meetings/bijeenkomst_detail.html"
    editing: dict[str, Any] = {"bewerk_blok": blok.pk, "bewerk_form": form}
    context |= {"focus_blok": blok.pk} if done else editing
    return render(
        request, template, context, status=400 if form.errors and not request.htmx else 200
    )


@login_required
@require_POST
def opdracht_klaar(request: AuthedRequest, opdracht_pk: int) -> HttpResponse:
    """The owner (or a coach) ticks an assignment off, or opens it again."""
    opdracht = get_object_or_404(Opdracht, pk=opdracht_pk)
    _bijeenkomst, lid = get_bijeenkomst(request, opdracht.bijeenkomst_id, writable=True)
    if opdracht.owner_id != request.user.pk and not lid.is_coach:
        raise PermissionDenied
    opdracht.done = not opdracht.done
    opdracht.save(update_fields=["done"])
    return HttpResponseRedirect(safe_next(request, reverse("home")))


@login_required
def terugblik(request: AuthedRequest, bid: int) -> HttpResponse:
    bijeenkomst, lid = get_bijeenkomst(request, bid, coach=True, writable=True)
    existing = editable(Terugblik.objects.filter(bijeenkomst=bijeenkomst), request.user)
    form = TerugblikForm(
        request.POST or None,
        instance=existing,
        initial={"audience": Audience.PLG},
        doelen=bijeenkomst.doelen_lijst(),
    )
    formset = OpdrachtFormSet(
        request.POST or None,
        instance=bijeenkomst,
        form_kwargs={"owners": _owners(bijeenkomst)},
        prefix="opdracht",
    )
    form.instance.bijeenkomst = bijeenkomst
    if (
        request.method == "POST"
        and form.is_valid()
        and formset.is_valid()
        and form.saved(
            lambda version: services.save_terugblik(
                terugblik=form.instance, version=version, by=request.user, opdrachten=formset.save
            ),
            plg=bijeenkomst.plg,
            viewer=request.user,
        )
    ):
        messages.success(request, _("De check-out is bewaard."))
        if request.GET.get("vanuit") == "live":
            return redirect("live", bid=bijeenkomst.pk)
        return redirect("bijeenkomst_detail", bid=bijeenkomst.pk)
    if form.conflict:
        form.conflict.add(
            _("Opdrachten tot de volgende keer"),
            theirs=_opdrachten_text(
                (o.description, o.owner, o.due_date)
                for o in bijeenkomst.opdrachten.select_related("owner")
            ),
            mine=_opdrachten_text(
                (d["description"], d["owner"], d["due_date"])
                for d in (f.cleaned_data for f in formset.forms)
                if d.get("description") and not d.get("DELETE")
            ),
        )
    return render(
        request,
        "meetings/terugblik_form.html",
        plg_context(bijeenkomst.plg, lid)
        | {"form": form, "formset": formset, "bijeenkomst": bijeenkomst},
        status=form.status,
    )


def _opdrachten_text(opdrachten: Iterable[tuple[str, User, date]]) -> str:
    """Assignments as sorted lines a reader compares: what, who, by when."""
    return "\n".join(
        sorted(
            f"{what} · {who.display_name} · {formats.date_format(due, 'j F Y')}"
            for what, who, due in opdrachten
        )
    )


@login_required
def leerlog(request: AuthedRequest, bid: int) -> HttpResponse:
    bijeenkomst, lid = get_bijeenkomst(request, bid, writable=True)
    existing = LeerlogEntry.objects.filter(bijeenkomst=bijeenkomst, author=request.user).first()
    form = LeerlogForm(
        request.POST or None, instance=existing, initial={"audience": Audience.ALLEEN_IK}
    )
    form.instance.bijeenkomst = bijeenkomst
    if (
        request.method == "POST"
        and form.is_valid()
        and form.saved(
            lambda version: services.save_leerlog(
                entry=form.instance, version=version, by=request.user
            ),
            plg=bijeenkomst.plg,
            viewer=request.user,
        )
    ):
        messages.success(request, _("Je leerlog is bewaard."))
        return redirect("bijeenkomst_detail", bid=bijeenkomst.pk)
    return render(
        request,
        "meetings/leerlog_form.html",
        plg_context(bijeenkomst.plg, lid) | {"form": form, "bijeenkomst": bijeenkomst},
        status=form.status,
    )
