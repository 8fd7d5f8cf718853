"""The school's staff list: upload, see what would change, apply on a yes."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plg.accounts.http import AuthedRequest
from plg.organisations.models import Aanstelling, School
from plg.roosters import personeel
from plg.roosters.authorizers import get_school_to_lead
from plg.roosters.forms import PersoneelForm
from plg.roosters.imports.errors import ImportFout, ImportMislukt
from plg.roosters.imports.personeel_csv import read_personeel_csv
from plg.roosters.imports.records import PersoneelRegel
from plg.roosters.models import Roosterimport
from plg.roosters.views import school_context


def _sessie_sleutel(school: School) -> str:
    return f"personeel:{school.pk}"


def _page(
    request: AuthedRequest,
    school: School,
    *,
    form: PersoneelForm,
    fouten: list[ImportFout] | None = None,
    voorstel: personeel.Vergelijking | None = None,
    bestand: str = "",
) -> HttpResponse:
    return render(
        request,
        "roosters/personeel.html",
        school_context(school, "personeel", request.user)
        | {
            "form": form,
            "fouten": fouten or [],
            "voorstel": voorstel,
            "bestand": bestand,
            "aantal": Aanstelling.objects.team()
            .filter(school=school)
            .values("user")
            .distinct()
            .count(),
            "imports": Roosterimport.objects.filter(
                school=school, soort=Roosterimport.Soort.PERSONEEL
            ).select_related("door")[:5],
        },
        status=422 if fouten else 200,
    )


@login_required
def school_personeel(request: AuthedRequest, pk: int) -> HttpResponse:
    """Reading the list changes nothing: it shows what applying it would change."""
    school = get_school_to_lead(request.user, pk)
    if request.method != "POST":
        return _page(request, school, form=PersoneelForm())
    form = PersoneelForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, school, form=form)
    naam, data = form.cleaned_data["bestand"]
    try:
        regels = read_personeel_csv(data, naam)
        voorstel = personeel.vergelijk(school=school, regels=regels, bestand=naam)
    except ImportMislukt as fout:
        return _page(request, school, form=form, fouten=fout.fouten)
    request.session[_sessie_sleutel(school)] = {
        "bestand": naam,
        "regels": [asdict(regel) for regel in regels],
    }
    return _page(request, school, form=PersoneelForm(), voorstel=voorstel, bestand=naam)


@login_required
@require_POST
def school_personeel_toepassen(request: AuthedRequest, pk: int) -> HttpResponse:
    school = get_school_to_lead(request.user, pk)
    gelezen: dict[str, Any] | None = request.session.get(_sessie_sleutel(school))
    if not gelezen:
        messages.error(request, _("Kies de personeelslijst opnieuw: er wacht geen lijst meer."))
        return redirect("school_personeel", pk=school.pk)
    regels = [PersoneelRegel(**regel) for regel in gelezen["regels"]]
    try:
        gedaan = personeel.apply_personeel(
            school=school, door=request.user, regels=regels, bestand=gelezen["bestand"]
        )
    except ImportMislukt as fout:
        return _page(request, school, form=PersoneelForm(), fouten=fout.fouten)
    del request.session[_sessie_sleutel(school)]
    messages.success(
        request,
        _("Het personeel is bijgewerkt: %(nieuw)d nieuw, %(gewijzigd)d gewijzigd, %(weg)d weg.")
        % {"nieuw": len(gedaan.nieuw), "gewijzigd": len(gedaan.gewijzigd), "weg": len(gedaan.weg)},
    )
    return redirect("school_personeel", pk=school.pk)
