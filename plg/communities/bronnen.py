"""What the PLG found outside itself: literature, a site, a school with the same need, a person.

Each resource hangs on a leervraag (by default the chosen one) and says why it helped, so the
translation step the guide asks for ("how does this help answer our question?") is written
down with it. The members add them; the archive keeps them with the question they answered.
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from plg.accounts.http import AuthedRequest
from plg.accounts.models import User
from plg.communities.authorizers import get_plg
from plg.communities.context import plg_context
from plg.communities.models import PLG, Bron, Leervraag, Lidmaatschap
from plg.core.validators import single_line


class BronForm(forms.ModelForm[Bron]):
    link = forms.URLField(
        label=gettext_lazy("Link"),
        max_length=500,
        required=False,
        assume_scheme="https",
        validators=[single_line],
    )

    class Meta:
        model = Bron
        fields = ["leervraag", "titel", "link", "beschrijving", "waarom"]
        widgets = {
            "beschrijving": forms.Textarea(attrs={"rows": 2}),
            "waarom": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, plg: PLG, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast("forms.ModelChoiceField[Leervraag]", self.fields["leervraag"])
        field.queryset = plg.leervragen.filter(parked=False)
        field.empty_label = gettext_lazy("(nog geen leervraag)")
        self.instance.plg = plg

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("link") and not (data.get("beschrijving") or "").strip():
            self.add_error(
                "beschrijving",
                gettext_lazy("Geef een link of beschrijf waar we deze bron vinden."),
            )
        return data


def add_bron(*, form: BronForm, by: User) -> Bron:
    form.instance.added_by = by
    return form.save()


def may_remove(bron: Bron, lid: Lidmaatschap) -> bool:
    """Whoever added it, or a coach."""
    return lid.is_coach or bron.added_by_id == lid.user_id


def bronnen_van(plg: PLG) -> QuerySet[Bron]:
    return plg.bronnen.select_related("leervraag")


@login_required
def bronnen(request: AuthedRequest, pk: int) -> HttpResponse:
    plg, lid = get_plg(request.user, pk, writable=request.method == "POST")
    form = None
    if not plg.is_archived:
        form = BronForm(
            request.POST or None, plg=plg, initial={"leervraag": plg.gekozen_leervraag_id}
        )
        if request.method == "POST" and form.is_valid():
            add_bron(form=form, by=request.user)
            messages.success(request, _("De bron is bewaard bij jullie leervraag."))
            return redirect("bronnen", pk=plg.pk)
    lijst = list(bronnen_van(plg))
    for bron in lijst:
        bron.removable = not plg.is_archived and may_remove(bron, lid)  # type: ignore[attr-defined]
    context = plg_context(plg, lid) | {"bronnen": lijst, "form": form}
    return render(request, "communities/bronnen.html", context)


@require_POST
@login_required
def bron_verwijderen(request: AuthedRequest, pk: int, bron_pk: int) -> HttpResponse:
    plg, lid = get_plg(request.user, pk, writable=True)
    bron = get_object_or_404(Bron, pk=bron_pk, plg=plg)
    if not may_remove(bron, lid):
        raise PermissionDenied
    bron.delete()
    messages.success(request, _("De bron is weg."))
    return redirect("bronnen", pk=plg.pk)
