"""Content-Security-Policy: scripts only from our own files, nothing inline, no framing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.http.response import HttpResponseBase
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, World

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def directives(response: HttpResponseBase) -> dict[str, list[str]]:
    header = response.headers.get("Content-Security-Policy", "")
    found: dict[str, list[str]] = {}
    for part in header.split(";"):
        if part.strip():
            name, *values = part.split()
            found[name] = values
    return found


@pytest.mark.parametrize("name", ["login", "password_reset", "home", "tijd", "scans"])
def test_pages_send_a_strict_content_security_policy(
    client: Client, world: World, name: str
) -> None:
    client.login(username=world.coach.email, password=PASSWORD)
    policy = directives(client.get(reverse(name)))
    assert policy.get("script-src") == ["'self'"]
    assert policy.get("object-src") == ["'none'"]
    assert policy.get("frame-ancestors") == ["'none'"]
    assert policy.get("base-uri") == ["'self'"]
    assert policy.get("form-action") == ["'self'"]
    assert policy.get("connect-src") == ["'self'"]
    assert "'unsafe-inline'" not in policy.get("default-src", [])


def test_an_error_page_is_covered_too(client: Client, db: None) -> None:
    policy = directives(client.get("/bestaat-niet/"))
    assert policy.get("script-src") == ["'self'"]


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)
HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.I | re.S)
EVAL_HTMX = re.compile(r"\bhx-on\b|hx-on:|hx-vars=|hx-vals=[\"']\s*js:", re.I)


@pytest.mark.parametrize(
    "path",
    sorted(p for p in TEMPLATES.rglob("*.html")),
    ids=lambda p: str(p.relative_to(TEMPLATES)),
)
def test_no_template_holds_inline_script(path: Path) -> None:
    text = path.read_text()
    assert not INLINE_SCRIPT.search(text), "an inline <script>: move it to a static file"
    assert not HANDLER.search(text), "an inline event handler (on...=): use a static script"
    assert not EVAL_HTMX.search(text), "htmx that needs eval: allowEval is off"
