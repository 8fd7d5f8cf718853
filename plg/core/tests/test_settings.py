"""Production settings: what `make check-deploy` and the suite hold them to."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from django.core.checks import run_checks
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[3]


def production_setting(name: str, **env: str) -> str:
    """A setting as production computes it, in a fresh interpreter with only these variables."""
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}}
    result = subprocess.run(
        [sys.executable, "-c", f"from plg.settings import production; print(production.{name})"],
        env=clean | {"SECRET_KEY": "x" * 60} | env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_production_never_serves_static_files_through_the_finders() -> None:
    assert production_setting("WHITENOISE_USE_FINDERS") == "False"
    assert production_setting("WHITENOISE_USE_FINDERS", DEBUG="true") == "False"


@override_settings(DEBUG=False, WHITENOISE_USE_FINDERS=True)
def test_the_deploy_check_refuses_whitenoise_finders() -> None:
    ids = {message.id for message in run_checks(include_deployment_checks=True)}
    assert "plg.W001" in ids
