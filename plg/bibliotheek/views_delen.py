"""Sharing a finished PLG in the library, reading an entry, and setting out from one."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plg.accounts.http import AuthedRequest
from plg.bibliotheek import services
from plg.bibliotheek.authorizers import get_bijlage, get_gesloten_plg, get_item, schools_to_start
from plg.bibliotheek.forms_delen import ItemForm, werkvorm_keuzes
from plg.bibliotheek.models import Bibliotheekitem
from plg.bibliotheek.pakket import als_pakket
from plg.communities.context import plg_context
from plg.communities.forms import PLGForm
from plg.communities.models import PLG, Lidmaatschap
from plg.methods.models import Werkvorm


def _initial(plg: PLG, item: Bibliotheekitem | None) -> dict[str, Any]:
    velden = (
        {naam: getattr(item, naam) for naam in services.TEKSTVELDEN}
        if item is not None
        else services.voorstel_uit_plg(plg)
    )
    velden["themas"] = "\n".join(velden.get("themas", []))
    velden["met_namen"] = bool(item and item.namen)
    return velden


def _delen_context(plg: PLG, lid: Lidmaatschap, item: Bibliotheekitem | None) -> dict[str, Any]:
    context = plg_context(plg, lid) | {"item": item}
    if item is not None:
        context |= {
            "instemmingen": services.instemmingen(item, plg),
            "ik_stemde_in": item.instemmingen.filter(user_id=lid.user_id).exists(),
            "bijlagen": list(item.bijlagen.all()),
        }
    return context


@login_required
def delen(request: AuthedRequest, pk: int) -> HttpResponse:
    """The coach writes the entry; every member reads it here and says yes or not yet."""
    plg, lid = get_gesloten_plg(request.user, pk)
    item = services.item_van(plg)
    if request.method == "POST" and not lid.is_coach:
        raise PermissionDenied
    form = None
    if lid.is_coach and not (item and item.is_gepubliceerd):
        form = ItemForm(
            request.POST or None,
            request.FILES or None,
            initial=_initial(plg, item),
            werkvormen=werkvorm_keuzes(list(plg.schools.values_list("pk", flat=True))),
        )
    if request.method == "POST" and form is not None and form.is_valid():
        data = form.cleaned_data
        try:
            services.save_concept(
                plg=plg,
                velden={k: v for k, v in data.items() if k in services.TEKSTVELDEN},
                met_namen=data["met_namen"],
                bijlagen=data["bijlagen"],
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(request, _("Bewaard. Vraag nu elk lid om in te stemmen."))
            return redirect("bibliotheek_delen", pk=plg.pk)
    status = 422 if form is not None and form.is_bound else 200
    context = _delen_context(plg, lid, item) | {"form": form}
    return render(request, "bibliotheek/delen.html", context, status=status)


@login_required
@require_POST
def instemmen(request: AuthedRequest, pk: int) -> HttpResponse:
    plg, _lid = get_gesloten_plg(request.user, pk)
    item = services.item_van(plg)
    if item is None:
        raise PermissionDenied
    if request.POST.get("antwoord") == "ja":
        services.stem_in(item=item, user=request.user)
        messages.success(request, _("Je stemde in met dit item."))
    else:
        was_gepubliceerd = item.is_gepubliceerd
        services.trek_instemming_in(item=item, user=request.user)
        if was_gepubliceerd:
            messages.success(request, _("Het item is uit de bibliotheek gehaald."))
        else:
            messages.success(request, _("Je stemt (nog) niet in."))
    return redirect("bibliotheek_delen", pk=plg.pk)


@login_required
@require_POST
def publiceren(request: AuthedRequest, pk: int) -> HttpResponse:
    plg, _lid = get_gesloten_plg(request.user, pk, coach=True)
    item = services.item_van(plg)
    if item is None:
        raise PermissionDenied
    try:
        services.publish(item=item, plg=plg)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
        return redirect("bibliotheek_delen", pk=plg.pk)
    messages.success(request, _("Het item staat in de bibliotheek. Dank om te delen!"))
    return redirect("bibliotheekitem", slug=item.slug)


@login_required
@require_POST
def intrekken(request: AuthedRequest, pk: int) -> HttpResponse:
    """Any member may take the entry back: it stood there on everyone's yes."""
    plg, _lid = get_gesloten_plg(request.user, pk)
    item = services.item_van(plg)
    if item is None or not item.is_gepubliceerd:
        raise PermissionDenied
    services.withdraw(item=item)
    messages.success(request, _("Het item is uit de bibliotheek gehaald."))
    return redirect("bibliotheek_delen", pk=plg.pk)


def item_context(item: Bibliotheekitem) -> dict[str, Any]:
    werkvormen = {
        w.slug: w for w in Werkvorm.objects.filter(slug__in=item.werkvormen, school__isnull=True)
    }
    return {
        "item": item,
        "werkvormen": [(slug, werkvormen.get(slug)) for slug in item.werkvormen],
        "bijlagen": list(item.bijlagen.all()),
    }


@login_required
def item(request: AuthedRequest, slug: str) -> HttpResponse:
    return render(request, "bibliotheek/item.html", item_context(get_item(request.user, slug)))


@login_required
def bijlage(request: AuthedRequest, slug: str, pk: int) -> FileResponse:
    row = get_bijlage(request.user, slug, pk)
    return FileResponse(row.file.open("rb"), as_attachment=True, filename=row.name)


@login_required
def pakket(request: AuthedRequest, slug: str) -> HttpResponse:
    """The entry as a `plg-pakket/1` file, for another installation's library."""
    entry = get_item(request.user, slug)
    body = json.dumps(als_pakket(entry), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{entry.slug}.json"'
    return response


@login_required
def starten(request: AuthedRequest, slug: str) -> HttpResponse:
    """A new PLG on this entry's path: its themes and leervraag as drafts to make their own."""
    entry = get_item(request.user, slug)
    schools = schools_to_start(request.user)
    form = PLGForm(
        request.POST or None,
        schools=schools,
        initial={"name": entry.titel, "praktijknood": entry.praktijknood},
    )
    if request.method == "POST" and form.is_valid():
        plg = services.start_plg_from(
            item=entry,
            coach=request.user,
            name=form.cleaned_data["name"],
            schools=form.cleaned_data["schools"],
            praktijknood=form.cleaned_data["praktijknood"],
        )
        messages.success(
            request, _("De PLG is aangemaakt, met de thema's en de leervraag als ontwerp.")
        )
        return redirect("leervragen", pk=plg.pk)
    if len(schools) == 1 and not form.is_bound:
        form.fields["schools"].initial = [schools[0].pk]
    status = 422 if form.is_bound else 200
    return render(request, "bibliotheek/starten.html", {"item": entry, "form": form}, status=status)
