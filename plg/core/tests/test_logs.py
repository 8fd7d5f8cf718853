"""Bearer links (invitation, guest link, calendar feed, scan link) never reach a log line."""

from __future__ import annotations

import io
import logging
from typing import Any

from django.urls import reverse

from conftest import PASSWORD
from plg.core.logs import RedactBearerLinks, redact


def test_a_refused_invitation_is_logged_without_its_token(client: Any, world: Any) -> None:
    from plg.communities.models import Uitnodiging

    uitnodiging = Uitnodiging.objects.create(
        plg=world.plg, email="nieuw@regenboog.example", school=world.school, invited_by=world.coach
    )
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactBearerLinks())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        client.login(username=world.outsider.email, password=PASSWORD)
        assert client.get(reverse("uitnodiging", args=[uitnodiging.token])).status_code == 403
    finally:
        logger.removeHandler(handler)
    assert "Forbidden: /uitnodiging/[…]" in stream.getvalue()
    assert uitnodiging.token not in stream.getvalue()


def test_an_access_log_line_keeps_the_path_around_the_secret() -> None:
    line = '127.0.0.1:5000 - "GET /scan/abcDEF123_-xyz/sleutel/bewaar/?deel=2 HTTP/1.1" 200'
    assert redact(line) == '127.0.0.1:5000 - "GET /scan/[…]?deel=2 HTTP/1.1" 200'
    assert redact("GET /agenda/tok3n.ics") == "GET /agenda/[…]"
    assert redact("GET /plg/3/leden/") == "GET /plg/3/leden/"


def test_every_log_handler_of_the_app_masks_bearer_links() -> None:
    from plg.settings import base

    handlers = base.LOGGING["handlers"]
    assert all("bearer_links" in handler.get("filters", []) for handler in handlers.values())
    for server in ("uvicorn.access", "gunicorn.access"):
        assert set(base.LOGGING["loggers"][server]["handlers"]) <= set(handlers)
