"""The access log: who opened a page of aggregated sensitive data, which one and when.

One table of pages, here, rather than a line in each view: a page added to it is logged, and a
test checks every name in it is a page that exists."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from plg.privacy.models import Raadpleging

GEVOELIG = frozenset(
    {
        "scan_afname",
        "scan_rapport",
        "scan_rapport_pdf",
        "zelfscan_resultaat",
        "begeleiding_scans",
        "begeleiding_scans_export",
        "school_overview",
        "begeleiding",
        "traject",
        "netwerk",
    }
)
"""Pages that show figures about a school's or a network's people: scan reports, the school
and network overviews, the traject page, the network dashboard."""


def onderwerp(kwargs: dict[str, object]) -> str:
    """Which object was looked at, by its keys in the URL (``pk=3 school_pk=5``)."""
    return " ".join(f"{key}={value}" for key, value in sorted(kwargs.items()))[:120]


class RaadplegingMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        match = request.resolver_match
        user = getattr(request, "user", None)
        if (
            match is not None
            and match.url_name in GEVOELIG
            and response.status_code == 200
            and request.method == "GET"
            and user is not None
            and user.is_authenticated
        ):
            Raadpleging.objects.create(
                wie=user, wat=match.url_name, onderwerp=onderwerp(match.kwargs)
            )
        return response
