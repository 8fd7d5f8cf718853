from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from plg.core.http import AuthedRequest
from plg.post import services
from plg.post.authorizers import eigen_berichten


@login_required
@require_POST
def bericht_opnieuw(request: AuthedRequest) -> HttpResponse:
    """Try again the failed e-mails this person sent, then go back to where they were."""
    pks = [int(v) for v in request.POST.getlist("bericht") if v.isdigit()]
    count = services.opnieuw(eigen_berichten(request.user, pks))
    messages.success(
        request,
        ngettext(
            "We proberen %(n)s mail opnieuw te versturen.",
            "We proberen %(n)s mails opnieuw te versturen.",
            count,
        )
        % {"n": count},
    )
    terug = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        terug, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        terug = "home"
    return redirect(terug)
