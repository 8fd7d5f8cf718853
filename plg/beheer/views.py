from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from plg.beheer import health


@never_cache
@require_GET
def health_view(request: HttpRequest) -> JsonResponse:
    """200 when everything answers, 503 when something does not; the body says what."""
    checks = health.alle()
    ok = all(check.ok for check in checks)
    return JsonResponse(
        {"ok": ok, **{check.naam: check.toestand for check in checks}},
        status=200 if ok else 503,
    )
