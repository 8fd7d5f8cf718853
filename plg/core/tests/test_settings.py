"""Settings are safe unless told otherwise: each module started in a fresh interpreter with only
the environment a test gives it, as `make check-deploy` and a real start would."""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from django.core.checks import run_checks
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[3]
SHOWN = ("DEBUG", "SECRET_KEY", "EMAIL_BACKEND", "WHITENOISE_USE_FINDERS", "SITE_URL")
SCRIPT = (
    "import django, json; django.setup(); from django.conf import settings; "
    f"print(json.dumps({{name: getattr(settings, name) for name in {SHOWN!r}}}))"
)


def start(module: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Django set up with these settings and no DEBUG, SECRET_KEY or EMAIL_BACKEND of ours."""
    ours = {"DEBUG", "SECRET_KEY", "EMAIL_BACKEND", "DJANGO_SETTINGS_MODULE"}
    ours |= {"SITE_URL", "HOST", "PORT"}
    clean = {k: v for k, v in os.environ.items() if k not in ours}
    return subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env=clean | {"DJANGO_SETTINGS_MODULE": f"plg.settings.{module}"} | env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@functools.cache
def settings_of(module: str, **env: str) -> dict[str, Any]:
    started = start(module, **env)
    assert started.returncode == 0, started.stderr
    shown: dict[str, Any] = json.loads(started.stdout.strip().splitlines()[-1])
    return shown


KEY = "x" * 60


def test_debug_is_off_unless_the_environment_turns_it_on() -> None:
    assert settings_of("base", SECRET_KEY=KEY)["DEBUG"] is False
    assert settings_of("base", SECRET_KEY=KEY, DEBUG="true")["DEBUG"] is True


def test_nothing_starts_without_a_secret_key_outside_development_and_tests() -> None:
    for module in ("base", "production"):
        started = start(module, ALLOWED_HOSTS="plg.example")
        assert started.returncode != 0
        assert "SECRET_KEY is not set" in started.stderr
        assert "plg.settings.development" in started.stderr


def test_development_runs_with_debug_and_its_own_key_and_prints_mail() -> None:
    shown = settings_of("development")
    assert shown["DEBUG"] is True
    assert shown["SECRET_KEY"].startswith("dev-only")
    assert shown["EMAIL_BACKEND"] == "plg.post.terminal.TerminalBackend"
    assert settings_of("development", DEBUG="false")["DEBUG"] is False
    assert settings_of("development", SECRET_KEY=KEY)["SECRET_KEY"] == KEY


def test_links_in_development_follow_the_port_make_run_serves_on() -> None:
    assert settings_of("development")["SITE_URL"] == "http://127.0.0.1:8000"
    assert settings_of("development", PORT="8101")["SITE_URL"] == "http://127.0.0.1:8101"


def test_a_configured_site_url_wins_over_the_port() -> None:
    shown = settings_of("development", PORT="8101", SITE_URL="https://plg.example")
    assert shown["SITE_URL"] == "https://plg.example"


def test_the_tests_start_without_a_secret_key_and_never_debug() -> None:
    shown = settings_of("test", DEBUG="true")
    assert shown["DEBUG"] is False
    assert shown["SECRET_KEY"]


def test_mail_leaves_by_smtp_unless_told_otherwise_outside_development() -> None:
    smtp = "django.core.mail.backends.smtp.EmailBackend"
    assert settings_of("base", SECRET_KEY=KEY)["EMAIL_BACKEND"] == smtp
    assert settings_of("production", SECRET_KEY=KEY)["EMAIL_BACKEND"] == smtp


def test_production_never_debugs_and_never_serves_static_files_through_the_finders() -> None:
    for shown in (
        settings_of("production", SECRET_KEY=KEY),
        settings_of("production", SECRET_KEY=KEY, DEBUG="true"),
    ):
        assert shown["DEBUG"] is False
        assert shown["WHITENOISE_USE_FINDERS"] is False


@override_settings(DEBUG=False, WHITENOISE_USE_FINDERS=True)
def test_the_deploy_check_refuses_whitenoise_finders() -> None:
    ids = {message.id for message in run_checks(include_deployment_checks=True)}
    assert "plg.W001" in ids


def test_only_browser_tests_are_allowed_database_work_beside_an_event_loop() -> None:
    assert "DJANGO_ALLOW_ASYNC_UNSAFE" not in os.environ
