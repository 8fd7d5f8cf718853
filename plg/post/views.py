from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from plg.core.http import MAX_ID, parse_small_int, safe_next
from plg.post import services
from plg.post.authorizers import eigen_berichten


@login_required
@require_POST
def bericht_opnieuw(request: HttpRequest) -> HttpResponse:
    """Try again the failed e-mails this person sent, then go back to where they were."""
    pks = [pk for v in request.POST.getlist("bericht") if (pk := parse_small_int(v, MAX_ID))]
    count, refused = services.retry_berichten(eigen_berichten(request.user, pks), door=request.user)
    if count:
        messages.success(
            request,
            ngettext(
                "We proberen %(n)s mail opnieuw te versturen.",
                "We proberen %(n)s mails opnieuw te versturen.",
                count,
            )
            % {"n": count},
        )
    if refused:
        messages.warning(
            request,
            ngettext(
                "Eén mail kan niet meer vertrekken: de uitnodiging, bevraging of bijeenkomst "
                "is voorbij, of je mag ze niet meer versturen.",
                "%(n)s mails kunnen niet meer vertrekken: de uitnodiging, bevraging of "
                "bijeenkomst is voorbij, of je mag ze niet meer versturen.",
                refused,
            )
            % {"n": refused},
        )
    return HttpResponseRedirect(safe_next(request, reverse("home")))
