"""The pages that combine several apps: a person's home, the overviews of a school leader and an
advisor, a PLG's main page, its archive and what it shared with people around it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from plg.accounts.http import AuthedRequest
from plg.accounts.models import User
from plg.bezoeken.aggregates import Praktijk, praktijk
from plg.bezoeken.schooljaar import dit_schooljaar, dit_trimester
from plg.bibliotheek.models import Bibliotheekitem
from plg.communities.authorizers import get_plg, membership, require_shared_view
from plg.communities.bronnen import bronnen_van
from plg.communities.context import fase_voorstel, plg_context
from plg.communities.forms import FaseForm, NotitieForm
from plg.communities.lfl import principes
from plg.communities.models import (
    PLG,
    Actieplan,
    Afronding,
    Fase,
    LeervraagVersie,
    Lidmaatschap,
    Mijlpaal,
    Notitie,
    Uitnodiging,
    UitnodigingStatus,
)
from plg.communities.sharing import Audience
from plg.live.models import LiveSessie
from plg.live.summary import shared_sessions
from plg.meetings.models import AgendaBlok, Bijeenkomst, LeerlogEntry, Opdracht, Terugblik
from plg.organisations.authorizers import (
    require_school_leader,
    schools_led_by,
    schools_supported_by,
)
from plg.organisations.models import School
from plg.pages.forms import SchoolInstellingenForm
from plg.pages.kompas import kompas
from plg.tandem.authorizers import leads_plg
from plg.tandem.models import Tandem


@login_required
def home(request: AuthedRequest) -> HttpResponse:
    """Mijn PLG's: where I take part, what comes next, and invitations waiting for an answer."""
    user = request.user
    next_meeting = Bijeenkomst.objects.filter(plg=OuterRef("plg_id")).upcoming()
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
        "pages/home.html",
        {
            "aanwezig": aanwezig,
            "tandems": Tandem.objects.filter(
                schoolleider=user, plg__schools__in=schools_led_by(user)
            )
            .select_related("plg")
            .distinct(),
            "lidmaatschappen": lidmaatschappen,
            "uitnodigingen": uitnodigingen,
            "opdrachten": opdrachten,
        },
    )


def plg_cards(user: User, plgs: QuerySet[PLG]) -> QuerySet[PLG]:
    """PLG's as an outsider sees them: phase, next bijeenkomst, shared milestones.

    Deliberately no member names or per-teacher figures: this is not a monitoring table.
    """
    next_meeting = Bijeenkomst.objects.filter(plg=OuterRef("pk")).upcoming().values("starts_at")[:1]
    return plgs.annotate(
        next_starts_at=Subquery(next_meeting),
        aantal_leden=Count("lidmaatschappen", distinct=True),
    ).prefetch_related(
        Prefetch(
            "mijlpalen",
            queryset=Mijlpaal.objects.visible_to(user),
            to_attr="gedeelde_mijlpalen",
        )
    )


@login_required
def school_overview(request: AuthedRequest, pk: int) -> HttpResponse:
    school = get_object_or_404(School.objects.select_related("scholengemeenschap"), pk=pk)
    require_school_leader(request.user, school)
    form = SchoolInstellingenForm(request.POST or None, instance=school)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("De instelling is bewaard."))
        return redirect("school_overview", pk=school.pk)
    plgs = plg_cards(request.user, PLG.objects.of_schools([school.pk]))
    return render(
        request,
        "pages/school_overview.html",
        {
            "school": school,
            "plgs": plgs,
            "form": form,
            "praktijk": praktijk([school.pk], [dit_trimester(), dit_schooljaar()])[school.pk],
        },
    )


@dataclass(frozen=True)
class SupportedSchool:
    school: School
    plgs: list[PLG]
    praktijk: list[Praktijk]


@login_required
def begeleiding(request: AuthedRequest) -> HttpResponse:
    """The advisor's view: the schools they support, with their PLG's side by side."""
    schools = list(schools_supported_by(request.user).select_related("scholengemeenschap"))
    if not schools:
        raise Http404
    plgs = list(
        plg_cards(request.user, PLG.objects.of_schools([s.pk for s in schools])).prefetch_related(
            "schools"
        )
    )
    counts = praktijk([s.pk for s in schools], [dit_trimester(), dit_schooljaar()])
    rows = [
        SupportedSchool(
            school=school,
            plgs=[p for p in plgs if any(s.pk == school.pk for s in p.schools.all())],
            praktijk=counts[school.pk],
        )
        for school in schools
    ]
    return render(request, "pages/begeleiding.html", {"rows": rows})


@login_required
def plg_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    """A member's PLG page; a leader of one of its schools gets their own view of it."""
    plg = get_object_or_404(
        PLG.objects.select_related("scholengemeenschap", "gekozen_leervraag"), pk=pk
    )
    lid = membership(request.user, plg)
    if lid is None:
        if leads_plg(request.user, plg):
            return _plg_voor_leider(request, plg)
        raise Http404
    bijeenkomsten = list(plg.bijeenkomsten.all())
    next_bijeenkomst = (
        Bijeenkomst.objects.filter(plg=plg)
        .upcoming()
        .prefetch_related(
            Prefetch("blokken", queryset=AgendaBlok.objects.select_related("werkvorm"))
        )
        .first()
    )
    context = plg_context(plg, lid) | {
        "leden": plg.lidmaatschappen.select_related("user"),
        "leervraag": plg.gekozen_leervraag,
        "actieplan": Actieplan.objects.visible_to(request.user).filter(plg=plg).first(),
        "mijlpalen": Mijlpaal.objects.visible_to(request.user).filter(plg=plg),
        "notities": Notitie.objects.visible_to(request.user)
        .filter(plg=plg)
        .select_related("author")
        .prefetch_related("principes")[:20],
        "principes": principes(),
        "bijeenkomsten": bijeenkomsten,
        "next_bijeenkomst": next_bijeenkomst,
        "fase_form": FaseForm(plg=plg),
        "fase_voorstel": fase_voorstel(request, plg, lid),
        "notitie_form": NotitieForm(initial={"audience": Audience.PLG}),
        "open_opdrachten": Opdracht.objects.filter(
            bijeenkomst__plg=plg, owner=request.user, done=False
        ),
        "vertrekpunt": Bibliotheekitem.objects.zichtbaar_voor(request.user)
        .filter(vertrekpunten__plg=plg)
        .first(),
        "tandem": Tandem.objects.filter(plg=plg, akkoord_op__isnull=False)
        .select_related("schoolleider")
        .first(),
    }
    return render(request, "pages/plg_detail.html", context)


def _plg_voor_leider(request: AuthedRequest, plg: PLG) -> HttpResponse:
    """What a school leader sees of a PLG: its phase and leervraag, the way to what it shared,
    and their tandem with its coach. Never its members' names or anything of one teacher."""
    return render(
        request,
        "pages/plg_leider.html",
        {
            "plg": plg,
            "fases": list(Fase),
            "leervraag": plg.gekozen_leervraag,
            "tandem": Tandem.objects.filter(plg=plg, schoolleider=request.user).first(),
            "mijlpalen": Mijlpaal.objects.visible_to(request.user).filter(plg=plg),
            "volgende": Bijeenkomst.objects.filter(plg=plg).upcoming().first(),
        },
    )


def _summary_context(request: AuthedRequest, plg: PLG) -> dict[str, Any]:
    """The summary of a PLG as one reader may see it: shared by the archive and `gedeeld`."""
    user = request.user
    return {
        "plg": plg,
        "leervragen": plg.leervragen.prefetch_related(
            Prefetch("versies", queryset=LeervraagVersie.objects.order_by("created_at", "id"))
        ),
        "bijeenkomsten": plg.bijeenkomsten.all().prefetch_related(_visible_leerlogs(user)),
        "terugblikken": Terugblik.objects.visible_to(user)
        .filter(bijeenkomst__plg=plg)
        .select_related("bijeenkomst"),
        "mijlpalen": Mijlpaal.objects.visible_to(user).filter(plg=plg),
        "actieplan": Actieplan.objects.visible_to(user).filter(plg=plg).first(),
        "afronding": Afronding.objects.visible_to(user)
        .filter(plg=plg)
        .prefetch_related("bijlagen")
        .first(),
        "notities": Notitie.objects.visible_to(user).filter(plg=plg).select_related("author"),
    }


def _visible_leerlogs(
    user: User,
) -> Prefetch[Literal["leerlog"], QuerySet[LeerlogEntry], Literal["zichtbare_leerlogs"]]:
    return Prefetch(
        "leerlog",
        queryset=LeerlogEntry.objects.visible_to(user).select_related("author"),
        to_attr="zichtbare_leerlogs",
    )


@login_required
def archief(request: AuthedRequest, pk: int) -> HttpResponse:
    plg, lid = get_plg(request.user, pk)
    kompas_rows = kompas(request.user, plg)
    context = (
        plg_context(plg, lid)
        | _summary_context(request, plg)
        | {
            "kompas": kompas_rows,
            "kompas_gebruikt": any(row.aantal for row in kompas_rows),
            "bronnen": bronnen_van(plg),
        }
    )
    return render(request, "pages/archief.html", context)


@login_required
def gedeeld(request: AuthedRequest, pk: int) -> HttpResponse:
    """What a PLG shared with people outside it: school leader, team, network."""
    plg = get_object_or_404(PLG.objects.select_related("scholengemeenschap"), pk=pk)
    require_shared_view(request.user, plg)
    context = _summary_context(request, plg) | {
        "outsider": True,
        "gedeelde_sessies": shared_sessions(request.user)
        .filter(bijeenkomst__plg=plg)
        .select_related("bijeenkomst")
        .order_by("bijeenkomst__starts_at"),
    }
    context["leervragen"] = []
    return render(request, "pages/gedeeld.html", context)
