"""The real thing: ``manage.py db_worker`` killed with SIGKILL mid-batch, then started again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
TEACHERS = [f"leraar{i}@school.example" for i in range(17)]
SEED = f"""
from plg.organisations.models import Network, Scholengemeenschap, School
from plg.accounts.models import User
from plg.scans import services
network = Network.objects.create(name="Net")
sg = Scholengemeenschap.objects.create(network=network, name="SG")
school = School.objects.create(scholengemeenschap=sg, name="School")
leader = User.objects.create_user("leider@school.example", "een-wachtwoord-42")
services.open_afname(
    opened_by=leader, title="PLG-scan", schools=[school], team=False, poster=False,
    extra=[services.Recipient(email=e, school=school) for e in {TEACHERS!r}],
)
"""

pytestmark = pytest.mark.processes


def test_a_killed_db_worker_leaves_no_mail_unsent_and_its_successor_sends_none_twice(
    tmp_path: Path,
) -> None:
    log = tmp_path / "mail.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "plg.post.tests.worker_settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MAIL_LOG": str(log),
        "DEBUG": "false",
    }

    def manage(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env={**env, **extra},
            capture_output=True,
            text=True,
            timeout=600,
        )

    def sent() -> list[str]:
        return [line.split()[0] for line in log.read_text().splitlines()]

    assert manage("migrate", "-v0").returncode == 0
    seeded = manage("shell", "-c", SEED)
    assert seeded.returncode == 0, seeded.stderr
    worker = ("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0.2")
    killed = manage(*worker, KILL_AFTER="7")
    assert killed.returncode == -signal.SIGKILL
    assert len(sent()) == 7
    time.sleep(2 + 5 + 1)  # the claim (2 s) and the margin of its wake-up call (5 s)
    again = manage(*worker)
    assert again.returncode == 0, again.stderr
    assert Counter(sent()) == Counter(TEACHERS)
