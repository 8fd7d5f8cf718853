"""Bearer links (invitation, guest, calendar feed, scan, password reset) never reach a log line."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys

from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, World
from plg.core.logs import RedactBearerLinks, redact


def test_a_refused_invitation_is_logged_without_its_token(client: Client, world: World) -> None:
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
    assert redact("GET /wachtwoord/nieuw/MQ/cz4-abc123/") == "GET /wachtwoord/nieuw/[…]"
    assert redact("GET /plg/3/leden/") == "GET /plg/3/leden/"


def test_the_app_logs_no_bearer_link_on_any_logger() -> None:
    """With the settings the app runs with, in a process of its own."""
    script = (
        "import django, logging; django.setup(); "
        "logging.getLogger('django.request').warning('Forbidden: %s', '/gast/GEHEIM1/'); "
        "logging.getLogger('django.server').warning('GET %s', '/scan/GEHEIM2/x/'); "
        "logging.getLogger('uvicorn.access').info('GET %s 200', '/agenda/GEHEIM3.ics'); "
        "logging.getLogger('gunicorn.access').info('GET %s 200', '/uitnodiging/GEHEIM4/')"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "plg.settings.base",
            "SECRET_KEY": "test-only",
        },
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    logged = done.stdout + done.stderr
    assert logged.count("[…]") == 4
    assert "GEHEIM" not in logged


def test_production_logs_one_json_object_per_line_without_secrets() -> None:
    script = (
        "import django, logging; django.setup(); "
        "logging.getLogger('django.request').warning('Forbidden: %s', '/scan/GEHEIM1/'); "
        "logging.getLogger('plg.post').info('Verstuurd naar %s', 'iemand@school.example')"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "plg.settings.production",
            "SECRET_KEY": "test-only-a-long-random-looking-value-for-the-production-check",
            "ALLOWED_HOSTS": "plg.example",
        },
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    lines = [json.loads(line) for line in done.stderr.splitlines()]
    assert [line["logger"] for line in lines] == ["django.request", "plg.post"]
    assert lines[0]["message"] == "Forbidden: /scan/[…]"
    assert {"time", "level"} <= set(lines[0])
    assert "GEHEIM" not in done.stderr
