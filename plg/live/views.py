from __future__ import annotations

from typing import Any, cast

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from plg.accounts.http import AuthedRequest
from plg.accounts.models import User
from plg.communities.authorizers import get_plg, membership, require_shared_view
from plg.communities.context import plg_context
from plg.communities.models import Lidmaatschap
from plg.communities.sharing import Audience
from plg.core.pdf import pdf_response
from plg.core.validators import single_line
from plg.live import services
from plg.live.authorizers import GUEST_SESSION_KEY, member_viewer, viewer_for
from plg.live.boards import board_kind
from plg.live.inputs import Refused
from plg.live.models import OASE_FASEN, Gastlink, LiveSessie, Zone
from plg.live.participants import Deelname, Viewer
from plg.live.summary import build_samenvatting
from plg.meetings.models import AgendaBlok, Bijeenkomst
from plg.methods.models import Stap, Vraag, Werkvorm

PROJECTOR = "projectie"
"""``?scherm=projectie``: the coach's screen as the room sees it on the wall (large type, no
steering); in the address, so a reload keeps it."""


def _sessie_context(
    bijeenkomst: Bijeenkomst, sessie: LiveSessie | None, viewer: Viewer, *, projector: bool = False
) -> dict[str, Any]:
    """The live page as one participant sees it; the coach gets the steering parts too."""
    coach = viewer.is_coach
    context: dict[str, Any] = {
        "ended": sessie is not None and sessie.is_over,
        "projector": coach and projector,
        "small_group": sessie is not None and sessie.is_small_group(),
        "bijeenkomst": bijeenkomst,
        "sessie": sessie,
        "viewer": viewer,
        "is_coach": coach,
        "labels": {
            "stappen": dict(Stap.choices),
            "werkvormen": {
                b.werkvorm_id: b.werkvorm.localised("name")
                for b in bijeenkomst.blokken.exclude(werkvorm=None).select_related("werkvorm")
                if b.werkvorm is not None
            },
            "zones": dict(Zone.choices),
            "audiences": dict(Audience.choices),
            "texts": live_texts(),
        },
        "audiences": Audience.choices,
        "waarden": sorted(
            {w for school in bijeenkomst.plg.schools.all() for w in school.waarden_lijst()}
        ),
        "oase_fasen": OASE_FASEN,
        "join_address": _site_address(reverse("live_join")),
        "vragen": Vraag.objects.select_related("groep") if coach else Vraag.objects.none(),
        "kandoe_blokken": [
            b for b in bijeenkomst.blokken.select_related("werkvorm") if board_kind(b) == "kandoe"
        ]
        if coach
        else [],
    }
    if coach and sessie is not None:
        context |= {
            "werkvormen": [
                {"id": w.pk, "name": str(w), "steps": w.steps}
                for w in Werkvorm.objects.available_to(viewer.user_id).only(
                    "id", "name", "steps", "translations"
                )
            ],
            "gastlinks": [
                (link, settings.SITE_URL + reverse("live_gast", args=[link.token]))
                for link in sessie.gastlinks.filter(withdrawn_at=None)
            ],
            "gast_form": GastForm(),
            "leiders_form": SchoolleidersForm(sessie=sessie),
        }
    return context


def _site_address(path: str) -> str:
    """Where a path is on our own site (``SITE_URL``, never the host a request named), as it is
    read aloud from the projector: without the scheme."""
    return settings.SITE_URL.split("://", 1)[-1] + path


@login_required
def live(request: AuthedRequest, bid: int) -> HttpResponse:
    """The facilitation screen for the coach; the participant view for members and for a
    school leader the coach listed as attending."""
    bijeenkomst = get_object_or_404(Bijeenkomst.objects.select_related("plg"), pk=bid)
    lid = membership(request.user, bijeenkomst.plg)
    sessie = LiveSessie.objects.filter(bijeenkomst=bijeenkomst).first()
    if lid is None:
        viewer = viewer_for(request.user, sessie) if sessie else None
        if viewer is None:
            raise Http404
        return render(request, "live/sessie.html", _sessie_context(bijeenkomst, sessie, viewer))
    if sessie is None and lid.is_coach and not bijeenkomst.plg.is_archived:
        sessie = LiveSessie.objects.create(bijeenkomst=bijeenkomst, opened_by=request.user)
    return _member_page(request, bijeenkomst, lid, sessie)


def _member_page(
    request: AuthedRequest,
    bijeenkomst: Bijeenkomst,
    lid: Lidmaatschap,
    sessie: LiveSessie | None,
    status: int = 200,
    **extra: Any,
) -> HttpResponse:
    viewer = member_viewer(request.user, lid)
    projector = request.GET.get("scherm") == PROJECTOR
    context = plg_context(bijeenkomst.plg, lid) | _sessie_context(
        bijeenkomst, sessie, viewer, projector=projector
    )
    return render(request, "live/sessie.html", context | extra, status=status)


def gast(request: HttpRequest, token: str) -> HttpResponse:
    """A guest's way in: the link works until it expires or is withdrawn, for this session
    only; no account, no PLG pages."""
    link = Gastlink.objects.select_related("sessie__bijeenkomst").filter(token=token).first()
    if link is None or not link.is_valid(timezone.now()):
        return render(request, "live/gast_verlopen.html", status=404)
    tokens = [t for t in request.session.get(GUEST_SESSION_KEY, []) if t != token]
    request.session[GUEST_SESSION_KEY] = [token, *tokens][:20]
    viewer = Viewer(user_id=0, name=link.name, role=Deelname.GAST)
    return render(
        request,
        "live/sessie.html",
        _sessie_context(link.sessie.bijeenkomst, link.sessie, viewer),
    )


class GastForm(forms.Form):
    name = forms.CharField(label=_("Naam van de gast"), max_length=100, validators=[single_line])
    hours = forms.IntegerField(label=_("Geldig voor (uren)"), min_value=1, max_value=72, initial=4)


class SchoolleidersForm(forms.Form):
    schoolleiders = forms.ModelMultipleChoiceField(
        label=_("Schoolleiders die aanwezig zijn"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, sessie: LiveSessie, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast("forms.ModelMultipleChoiceField[User]", self.fields["schoolleiders"])
        field.queryset = services.attendable_leaders(sessie)
        field.initial = list(sessie.schoolleiders.values_list("pk", flat=True))


def _coach_sessie(request: AuthedRequest, bid: int) -> tuple[LiveSessie, Lidmaatschap]:
    bijeenkomst = get_object_or_404(Bijeenkomst, pk=bid)
    _plg, lid = get_plg(request.user, bijeenkomst.plg_id, coach=True, writable=True)
    return get_object_or_404(LiveSessie, bijeenkomst=bijeenkomst), lid


@login_required
@require_POST
def gast_nieuw(request: AuthedRequest, bid: int) -> HttpResponse:
    """The coach makes an expiring link for someone from outside the PLG."""
    sessie, lid = _coach_sessie(request, bid)
    form = GastForm(request.POST)
    if not form.is_valid():
        return _member_page(request, sessie.bijeenkomst, lid, sessie, status=400, gast_form=form)
    services.new_guest_link(
        sessie=sessie,
        name=form.cleaned_data["name"],
        hours=form.cleaned_data["hours"],
        by=request.user,
    )
    messages.success(request, gettext("De gastlink is klaar. Geef hem door aan je gast."))
    return redirect("live", bid=bid)


@login_required
@require_POST
def gast_intrekken(request: AuthedRequest, bid: int, link_pk: int) -> HttpResponse:
    sessie, _lid = _coach_sessie(request, bid)
    services.withdraw_guest_link(sessie=sessie, link_pk=link_pk)
    messages.success(request, gettext("De gastlink werkt niet meer."))
    return redirect("live", bid=bid)


@login_required
@require_POST
def afsluiten(request: AuthedRequest, bid: int) -> HttpResponse:
    """The coach ends the session (after confirming it): every screen shows it ended."""
    sessie, lid = _coach_sessie(request, bid)
    try:
        services.end_session(sessie=sessie, viewer=member_viewer(request.user, lid))
    except Refused as refusal:
        messages.info(request, str(refusal))
    else:
        messages.success(request, gettext("De bijeenkomst is afgesloten."))
    return redirect("live", bid=bid)


@login_required
@require_POST
def schoolleiders(request: AuthedRequest, bid: int) -> HttpResponse:
    """The school leader takes part only when the coach lists them as attending."""
    sessie, _lid = _coach_sessie(request, bid)
    form = SchoolleidersForm(request.POST, sessie=sessie)
    if form.is_valid():
        services.set_attending_leaders(sessie=sessie, leaders=form.cleaned_data["schoolleiders"])
        messages.success(request, gettext("De lijst van aanwezigen is bijgewerkt."))
    return redirect("live", bid=bid)


def live_texts() -> dict[str, str]:
    """The few words the live script writes itself, in the reader's language."""
    return {
        "connecting": gettext("Verbinden…"),
        "connected": gettext("Verbonden"),
        "reconnecting": gettext("Verbinding kwijt. We verbinden opnieuw…"),
        "refused": gettext("Je kan niet meedoen met deze bijeenkomst."),
        "timeUp": gettext("De tijd is om. Rond rustig af."),
        "paused": gettext("gepauzeerd"),
        "timeOver": gettext("tijd om"),
        "now": gettext("(nu bezig)"),
        "inward": gettext("Naar binnen"),
        "reason": gettext("Waarom?"),
        "move": gettext("Verplaats"),
        "park": gettext("Parkeren"),
        "unpark": gettext("Terug op het bord"),
        "hidden": gettext("(verborgen tot de coach de kaarten toont)"),
        "anonymous": gettext("anoniem"),
        "mine": gettext("jouw kaart"),
        "you": gettext("jij"),
        "noStep": gettext("De procescoach start zo de eerste stap."),
        "ended": gettext("Deze bijeenkomst is afgelopen. Dank je wel!"),
        "nobody": gettext("Niemand"),
        "someone": gettext("iemand van de PLG"),
        "start": gettext("Start"),
        "over": gettext("afgelopen"),
        "notStarted": gettext("nog niet gestart"),
        "select": gettext("Kies om samen te voegen"),
        "inbrenger": gettext("inbrenger:"),
        "onderzoek": gettext(
            "Stel open vragen om de situatie van de inbrenger te begrijpen. Nog geen raad."
        ),
        "appreciatie": gettext("Zeg wat je waardeert in hoe de inbrenger de situatie aanpakt."),
        "suggestie": gettext(
            "Geef suggesties als mogelijkheden, niet als oplossingen: de inbrenger kiest."
        ),
        "evaluatie": gettext("De inbrenger zegt wat hij of zij meeneemt; de anderen luisteren."),
        "up": gettext("Stap naar boven"),
        "down": gettext("Stap naar beneden"),
        "werkvorm": gettext("Werkvorm van deze stap"),
        "noWerkvorm": gettext("(geen werkvorm)"),
        "turnOver": gettext("tijd om, rond af"),
        "reasons": gettext("Waarom naar binnen"),
        "kandoeAsk": gettext("De procescoach stelt zo de startvraag."),
        "kandoeWrite": gettext(
            "Schrijf je eigen kaarten bij de startvraag. De anderen zien ze pas als de procescoach de kaarten toont."
        ),
        "kandoeRound": gettext("Ronde %(n)s"),
        "yourTurn": gettext("jouw beurt: schuif één kaart van iemand anders naar binnen, of pas"),
        "kandoeQuiet": gettext(
            "Afgerond: een hele ronde schoof niemand nog een kaart. Dit is jullie volgorde."
        ),
        "kandoeRounded": gettext("Afgerond door de procescoach. Dit is jullie volgorde."),
    }


@login_required
@require_POST
def save_ranking(request: AuthedRequest, bid: int, blok_pk: int) -> HttpResponse:
    """The coach keeps a KanDoe outcome as the PLG's themes or candidate leervragen, and
    stays in the meeting: the live page links to where they were kept."""
    bijeenkomst = get_object_or_404(Bijeenkomst, pk=bid)
    _plg, _lid = get_plg(request.user, bijeenkomst.plg_id, coach=True, writable=True)
    blok = get_object_or_404(
        AgendaBlok.objects.select_related("werkvorm"), pk=blok_pk, bijeenkomst=bijeenkomst
    )
    as_kind = request.POST.get("als", "")
    if as_kind not in {"thema", "leervraag"} or board_kind(blok) != "kandoe":
        raise Http404
    try:
        count = services.save_ranking(blok=blok, as_kind=as_kind, by=request.user)
    except services.StillHidden:
        messages.error(
            request,
            gettext(
                "Toon eerst de kaarten van dit bord: zolang ze verborgen zijn, bewaar je ze "
                "niet als thema's of leervragen voor de PLG."
            ),
        )
        return redirect("live", bid=bid)
    kept = (
        ngettext(
            "%(count)s kaart bewaard als thema van de PLG.",
            "%(count)s kaarten bewaard als thema's van de PLG, in volgorde.",
            count,
        )
        if as_kind == "thema"
        else ngettext(
            "%(count)s kaart bewaard als kandidaat-leervraag van de PLG.",
            "%(count)s kaarten bewaard als kandidaat-leervragen van de PLG, in volgorde.",
            count,
        )
    )
    messages.success(request, kept % {"count": count})
    return redirect("live", bid=bid)


def _summary_context(request: AuthedRequest, bid: int) -> dict[str, Any]:
    """One summary per reader: members see their session; people around the PLG see what
    was shared with them, and nobody learns that a session exists when nothing was."""
    bijeenkomst = get_object_or_404(Bijeenkomst.objects.select_related("plg"), pk=bid)
    plg = bijeenkomst.plg
    lid = membership(request.user, plg)
    if lid is not None:
        return plg_context(plg, lid) | {
            "bijeenkomst": bijeenkomst,
            "samenvatting": build_samenvatting(bijeenkomst, request.user, member=True),
        }
    require_shared_view(request.user, plg)
    summary = build_samenvatting(bijeenkomst, request.user, member=False)
    if summary.is_empty:
        raise Http404
    return {"plg": plg, "bijeenkomst": bijeenkomst, "samenvatting": summary}


@login_required
def samenvatting(request: AuthedRequest, bid: int) -> HttpResponse:
    """What the session produced, without anyone typing it again."""
    return render(request, "live/samenvatting.html", _summary_context(request, bid))


@login_required
def samenvatting_pdf(request: AuthedRequest, bid: int) -> HttpResponse:
    context = _summary_context(request, bid)
    stamp = context["bijeenkomst"].starts_at.strftime("%Y-%m-%d")
    return pdf_response(request, "live/samenvatting_pdf.html", context, f"samenvatting-{stamp}.pdf")


class CodeForm(forms.Form):
    code = forms.CharField(label=_("Code op het scherm"), max_length=8, validators=[single_line])

    def clean_code(self) -> str:
        code: str = self.cleaned_data["code"]
        return code.strip().upper()


@login_required
def join(request: AuthedRequest) -> HttpResponse:
    """Join with the short code shown on the projector; strangers get the same answer as typos."""
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        sessie = (
            LiveSessie.objects.select_related("bijeenkomst__plg")
            .filter(code=form.cleaned_data["code"])
            .first()
        )
        if sessie and membership(request.user, sessie.bijeenkomst.plg):
            return redirect("live", bid=sessie.bijeenkomst_id)
        form.add_error("code", _("Deze code kennen we niet. Kijk nog eens naar het scherm."))
    return render(request, "live/join.html", {"form": form})
