"""Deployment checks of our own, run by `make check-deploy` (`check --deploy`)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def static_files_collected(**kwargs: Any) -> list[Warning]:
    if settings.WHITENOISE_USE_FINDERS and not settings.DEBUG:
        return [
            Warning(
                "WHITENOISE_USE_FINDERS is on: every app's static folder is served as found.",
                hint="Serve only what collectstatic gathered: WHITENOISE_USE_FINDERS = False.",
                id="plg.W001",
            )
        ]
    return []
