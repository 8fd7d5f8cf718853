from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plg.accounts.http import AuthedRequest
from plg.accounts.models import User
from plg.communities import services
from plg.communities.authorizers import get_plg, require_open, require_shared_view
from plg.communities.context import NOT_NOW, plg_context
from plg.communities.forms import (
    ActieplanForm,
    AfrondingForm,
    FaseForm,
    FaseVoorstelForm,
    MijlpaalForm,
    NewAccountForm,
    NotitieForm,
    PLGForm,
    PraktijknoodForm,
    UitnodigingForm,
    VieringForm,
)
from plg.communities.lfl import PrincipesForm, set_principes
from plg.communities.models import (
    PLG,
    Actieplan,
    Afronding,
    Bijlage,
    Fase,
    Lidmaatschap,
    Mijlpaal,
    Notitie,
    Rol,
    Uitnodiging,
    UitnodigingStatus,
)
from plg.communities.sharing import Audience, editable
from plg.core.http import safe_next
from plg.organisations.authorizers import schools_of
from plg.post.stand import per_object as post_per_object


@login_required
def plg_create(request: AuthedRequest) -> HttpResponse:
    user = request.user
    schools = schools_of(user).select_related("scholengemeenschap")
    if not schools:
        raise Http404
    form = PLGForm(request.POST or None, schools=schools)
    if request.method == "POST" and form.is_valid():
        plg = services.create_plg(
            coach=user,
            name=form.cleaned_data["name"],
            schools=form.cleaned_data["schools"],
            praktijknood=form.cleaned_data["praktijknood"],
        )
        messages.success(request, _("De PLG is aangemaakt. Nodig nu collega's uit."))
        return redirect("plg_leden", pk=plg.pk)
    if len(schools) == 1 and not form.is_bound:
        form.fields["schools"].initial = [schools[0].pk]
    return render(request, "communities/plg_form.html", {"form": form})


@login_required
@require_POST
def plg_fase(request: AuthedRequest, pk: int) -> HttpResponse:
    plg, _lid = get_plg(request.user, pk, coach=True, writable=True)
    form = FaseForm(request.POST, plg=plg)
    if form.is_valid():
        services.change_fase(plg=plg, fase=form.cleaned_data["fase"])
        messages.success(
            request, _("De PLG staat nu in de fase '%(fase)s'.") % {"fase": plg.get_fase_display()}
        )
    else:
        messages.error(request, _("Die fase kan je vanaf hier niet kiezen."))
    return redirect("plg_detail", pk=plg.pk)


@login_required
@require_POST
def plg_fase_voorstel(request: AuthedRequest, pk: int) -> HttpResponse:
    """The coach answers the suggested phase: follow it, or not yet (for this session)."""
    plg, _lid = get_plg(request.user, pk, coach=True, writable=True)
    form = FaseVoorstelForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een fase en een antwoord."))
    elif form.cleaned_data["antwoord"] == FaseVoorstelForm.NIET_NU:
        request.session[NOT_NOW.format(pk=plg.pk)] = form.cleaned_data["fase"]
    else:
        try:
            services.follow_suggested_fase(plg=plg, fase=form.cleaned_data["fase"], by=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            label = Fase(form.cleaned_data["fase"]).label
            messages.success(request, _("De PLG staat nu in de fase '%(fase)s'.") % {"fase": label})
    return redirect("plg_detail", pk=plg.pk)


@login_required
def plg_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    plg, lid = get_plg(request.user, pk, coach=True, writable=True)
    form = PraktijknoodForm(request.POST or None, instance=plg)
    if (
        request.method == "POST"
        and form.is_valid()
        and form.saved(
            lambda version: services.save_plg(plg=plg, version=version, by=request.user),
            plg=plg,
            viewer=request.user,
        )
    ):
        messages.success(request, _("Bewaard."))
        return redirect("plg_detail", pk=plg.pk)
    return render(
        request,
        "communities/plg_edit.html",
        plg_context(plg, lid) | {"form": form},
        status=form.status,
    )


@login_required
def leden(request: AuthedRequest, pk: int) -> HttpResponse:
    plg, lid = get_plg(request.user, pk)
    colleagues = services.colleagues_to_invite(plg) if lid.is_coach else []
    form = UitnodigingForm(request.POST or None, plg=plg, colleagues=colleagues)
    if request.method == "POST":
        require_open(plg)
        if not lid.is_coach:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.invite(plg=plg, invited_by=request.user, **form.invitation())
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("Uitnodiging verstuurd naar %(email)s.") % form.cleaned_data
                )
                return redirect("plg_leden", pk=plg.pk)
    uitnodigingen = (
        list(plg.uitnodigingen.filter(status=UitnodigingStatus.OPEN).select_related("school"))
        if lid.is_coach
        else []
    )
    mails = post_per_object(over=plg.uitnodigingen.all(), user=request.user) if lid.is_coach else {}
    for uitnodiging in uitnodigingen:
        uitnodiging.bericht = mails.get(uitnodiging.pk)  # type: ignore[attr-defined]
    context = plg_context(plg, lid) | {
        "leden": plg.lidmaatschappen.select_related("user"),
        "uitnodigingen": uitnodigingen,
        "form": form,
    }
    return render(request, "communities/leden.html", context)


@login_required
@require_POST
def uitnodiging_intrekken(request: AuthedRequest, pk: int, uitnodiging_pk: int) -> HttpResponse:
    plg, _lid = get_plg(request.user, pk, coach=True, writable=True)
    uitnodiging = get_object_or_404(
        Uitnodiging, pk=uitnodiging_pk, plg=plg, status=UitnodigingStatus.OPEN
    )
    services.withdraw_uitnodiging(uitnodiging=uitnodiging)
    messages.success(
        request,
        _("De uitnodiging voor %(email)s is ingetrokken: de link werkt niet meer.")
        % {"email": uitnodiging.email},
    )
    return redirect("plg_leden", pk=plg.pk)


@login_required
@require_POST
def lid_rol(request: AuthedRequest, pk: int, lid_pk: int) -> HttpResponse:
    plg, _lid = get_plg(request.user, pk, coach=True, writable=True)
    target = get_object_or_404(Lidmaatschap, pk=lid_pk, plg=plg)
    rol = request.POST.get("rol", "")
    if rol not in Rol.values:
        messages.error(request, _("Onbekende rol."))
    else:
        try:
            services.set_rol(lid=target, rol=rol)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("De rollen zijn aangepast."))
    return redirect("plg_leden", pk=plg.pk)


@login_required
@require_POST
def plg_leave(request: AuthedRequest, pk: int) -> HttpResponse:
    plg, lid = get_plg(request.user, pk, writable=True)
    try:
        services.leave(lid=lid)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("plg_leden", pk=plg.pk)
    messages.success(request, _("Je hebt de PLG '%(plg)s' verlaten.") % {"plg": plg.name})
    return redirect("home")


def uitnodiging(request: HttpRequest, token: str) -> HttpResponse:
    """Open to anyone holding the link: the token is the key; it expires and works once."""
    invitation = (
        Uitnodiging.objects.select_related("plg", "school", "invited_by")
        .filter(token=token)
        .first()
    )
    if invitation is None or not invitation.is_open:
        return _invitation_gone(request, invitation)
    if isinstance(request.user, User) and request.user.email.lower() != invitation.email.lower():
        return render(
            request,
            "communities/uitnodiging_ander_account.html",
            {"uitnodiging": invitation},
            status=403,
        )
    existing = User.objects.filter(email__iexact=invitation.email).first()
    account_form = NewAccountForm(request.POST or None) if existing is None else None
    said_yes = request.session.pop(JOIN_AFTER_LOGIN, None) == invitation.pk
    if request.method == "POST" or (said_yes and isinstance(request.user, User)):
        try:
            return _answer_invitation(request, invitation, existing, account_form)
        except ValidationError:
            invitation.refresh_from_db()
            return _invitation_gone(request, invitation)
    return render(
        request,
        "communities/uitnodiging.html",
        {"uitnodiging": invitation, "existing": existing, "account_form": account_form},
    )


def _invitation_gone(request: HttpRequest, invitation: Uitnodiging | None) -> HttpResponse:
    return render(
        request,
        "communities/uitnodiging_ongeldig.html",
        {"uitnodiging": invitation},
        status=410 if invitation else 404,
    )


def _answer_invitation(
    request: HttpRequest,
    invitation: Uitnodiging,
    existing: User | None,
    account_form: NewAccountForm | None,
) -> HttpResponse:
    if request.method == "GET":  # back from logging in after "Ik doe mee"
        return _join(request, invitation, cast(User, request.user))
    if request.POST.get("antwoord") == "nee":
        services.decline_uitnodiging(uitnodiging=invitation)
        return render(
            request, "communities/uitnodiging_afgewezen.html", {"uitnodiging": invitation}
        )
    if existing is not None:
        if not request.user.is_authenticated:
            # "Ik doe mee" was said: once logged in, they land in the PLG, not here again.
            request.session[JOIN_AFTER_LOGIN] = invitation.pk
            return redirect_to_login(request.path)
        return _join(request, invitation, existing)
    if account_form is not None and account_form.is_valid():
        existing = User.objects.build_user(
            invitation.email,
            account_form.cleaned_data["password1"],
            first_name=account_form.cleaned_data["first_name"],
            last_name=account_form.cleaned_data["last_name"],
        )
        with transaction.atomic():
            existing.save()
            services.accept_uitnodiging(uitnodiging=invitation, user=existing, newcomer=True)
        login(request, existing, backend="django.contrib.auth.backends.ModelBackend")
        return _welcome(request, invitation)
    return render(
        request,
        "communities/uitnodiging.html",
        {"uitnodiging": invitation, "existing": existing, "account_form": account_form},
    )


JOIN_AFTER_LOGIN = "uitnodiging_ja"


def _join(request: HttpRequest, invitation: Uitnodiging, user: User) -> HttpResponse:
    services.accept_uitnodiging(uitnodiging=invitation, user=user)
    return _welcome(request, invitation)


def _welcome(request: HttpRequest, invitation: Uitnodiging) -> HttpResponse:
    messages.success(request, _("Welkom in de PLG '%(plg)s'.") % {"plg": invitation.plg})
    return redirect("plg_detail", pk=invitation.plg_id)


@login_required
def actieplan(request: AuthedRequest, pk: int) -> HttpResponse:
    plg, lid = get_plg(request.user, pk)
    plan = Actieplan.objects.visible_to(request.user).filter(plg=plg).first()
    existing = Actieplan.objects.filter(plg=plg).first()
    form = None
    if lid.is_coach and not plg.is_archived and (existing is None or existing == plan):
        form = ActieplanForm(
            request.POST or None,
            instance=existing,
            initial={"audience": Audience.PLG_EN_SCHOOLLEIDER},
        )
        form.instance.plg = plg
        if (
            request.method == "POST"
            and form.is_valid()
            and form.saved(
                lambda version: services.save_actieplan(
                    plan=form.instance, version=version, by=request.user
                ),
                plg=plg,
                viewer=request.user,
            )
        ):
            messages.success(request, _("Het actieplan is bewaard."))
            return redirect("actieplan", pk=plg.pk)
    elif request.method == "POST":
        raise PermissionDenied
    context = plg_context(plg, lid) | {
        "plan": plan,
        "form": form,
        "mijlpalen": Mijlpaal.objects.visible_to(request.user).filter(plg=plg),
        "mijlpaal_form": MijlpaalForm(initial={"audience": Audience.PLG_EN_SCHOOLLEIDER}),
    }
    return render(
        request, "communities/actieplan.html", context, status=form.status if form else 200
    )


@login_required
def mijlpaal_nieuw(request: AuthedRequest, pk: int) -> HttpResponse:
    plg, lid = get_plg(request.user, pk, coach=True, writable=True)
    form = MijlpaalForm(request.POST or None, initial={"audience": Audience.PLG_EN_SCHOOLLEIDER})
    if request.method == "POST" and form.is_valid():
        form.instance.plg = plg
        form.instance.author = request.user
        form.save()
        messages.success(request, _("Mijlpaal toegevoegd."))
        return redirect("actieplan", pk=plg.pk)
    return render(request, "communities/mijlpaal_form.html", plg_context(plg, lid) | {"form": form})


@login_required
def mijlpaal_vier(request: AuthedRequest, pk: int, mp_pk: int) -> HttpResponse:
    plg, lid = get_plg(request.user, pk, coach=True, writable=True)
    mijlpaal = get_object_or_404(Mijlpaal.objects.visible_to(request.user), pk=mp_pk, plg=plg)
    form = VieringForm(
        request.POST or None,
        instance=mijlpaal,
        initial={"celebrated_on": mijlpaal.celebrated_on or timezone.localdate()},
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and form.saved(
            lambda version: services.celebrate(
                mijlpaal=mijlpaal,
                on=form.cleaned_data["celebrated_on"],
                note=form.cleaned_data["celebration_note"],
                version=version,
                by=request.user,
            ),
            plg=plg,
            viewer=request.user,
        )
    ):
        messages.success(request, _("Gevierd! Kleine stappen tellen."))
        return redirect("actieplan", pk=plg.pk)
    return render(
        request,
        "communities/mijlpaal_vier.html",
        plg_context(plg, lid) | {"form": form, "mijlpaal": mijlpaal},
        status=form.status,
    )


@login_required
@require_POST
def notitie_nieuw(request: AuthedRequest, pk: int) -> HttpResponse:
    plg, _lid = get_plg(request.user, pk, writable=True)
    form = NotitieForm(request.POST)
    if form.is_valid():
        form.instance.plg = plg
        form.instance.author = request.user
        form.save()
        messages.success(request, _("Notitie bewaard."))
    else:
        messages.error(
            request, _("De notitie is niet bewaard: vul de tekst in en kies wie ze mag lezen.")
        )
    return redirect("plg_detail", pk=plg.pk)


@require_POST
@login_required
def notitie_principes(request: AuthedRequest, pk: int, notitie_pk: int) -> HttpResponse:
    """A coach tags a note they may read; its audience still decides who sees the note."""
    plg, _lid = get_plg(request.user, pk, coach=True, writable=True)
    notitie = get_object_or_404(Notitie.objects.visible_to(request.user), pk=notitie_pk, plg=plg)
    form = PrincipesForm(request.POST)
    if form.is_valid():
        set_principes(tags=notitie.principes, gekozen=form.cleaned_data["principes"])
        messages.success(request, _("De principes bij de notitie zijn bewaard."))
    else:
        messages.error(request, _("Kies enkel principes uit de lijst."))
    return redirect(safe_next(request, reverse("plg_detail", args=[plg.pk])))


@login_required
def afronden(request: AuthedRequest, pk: int) -> HttpResponse:
    plg, lid = get_plg(request.user, pk, coach=True, writable=True)
    existing = editable(Afronding.objects.filter(plg=plg), request.user)
    form = AfrondingForm(
        request.POST or None,
        request.FILES or None,
        instance=existing,
        initial={"audience": Audience.TEAM},
    )
    form.instance.plg = plg
    if (
        request.method == "POST"
        and form.is_valid()
        and form.saved(
            lambda version: services.save_afronding(
                afronding=form.instance,
                version=version,
                by=request.user,
                bijlagen=form.cleaned_data["bijlagen"],
                afsluiten=bool(request.POST.get("afsluiten")),
            ),
            plg=plg,
            viewer=request.user,
        )
    ):
        if plg.is_archived:
            messages.success(request, _("De PLG is afgerond. Proficiat! Hier is jullie archief."))
            return redirect("archief", pk=plg.pk)
        messages.success(request, _("Het voorstel is bewaard."))
        return redirect("afronden", pk=plg.pk)
    context = plg_context(plg, lid) | {
        "form": form,
        "afronding": existing,
        "bijlagen": existing.bijlagen.all() if existing else [],
    }
    return render(request, "communities/afronden.html", context, status=form.status)


@login_required
def bijlage(request: AuthedRequest, pk: int, bijlage_pk: int) -> FileResponse:
    plg = get_object_or_404(PLG, pk=pk)
    require_shared_view(request.user, plg)
    afronding = Afronding.objects.visible_to(request.user).filter(plg=plg).first()
    if afronding is None:
        raise Http404
    item = get_object_or_404(Bijlage, pk=bijlage_pk, afronding=afronding)
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.name)
