"""PDFs are the page's own template rendered by WeasyPrint: one way, for every report."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from weasyprint import HTML, Document

from plg.core.db import outside_transaction

FIT_STEPS = 4
"""How many times a one-sheet template is tried, each time tighter (``fit`` 0, 1, 2, 3)."""


def _render(request: HttpRequest, template: str, context: dict[str, Any]) -> Document:
    html = render_to_string(template, context, request=request)
    return HTML(string=html, base_url=request.build_absolute_uri("/")).render()


def _one_sheet(request: HttpRequest, template: str, context: dict[str, Any]) -> Document:
    """A sheet to hang up or hand out is one page, however long the text.

    The template gets ``fit`` and sets its type tighter at each step (the last may shorten the
    text and say where the rest is); what still does not fit is left off the page.
    """
    for fit in range(FIT_STEPS):
        document = _render(request, template, context | {"fit": fit})
        if len(document.pages) == 1:
            return document
    return document.copy(document.pages[:1])


@outside_transaction
def pdf_response(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    filename: str,
    *,
    one_sheet: bool = False,
) -> HttpResponse:
    document = (
        _one_sheet(request, template, context) if one_sheet else _render(request, template, context)
    )
    response = HttpResponse(document.write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
