"""`/health` for a load balancer and a person on call: database, Redis, the worker's heartbeat."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from plg.beheer.management.commands.werker import start_hartslag
from plg.beheer.models import Hartslag
from plg.beheer.tasks import WERKER, hartslag
from plg.core.loopback import free_port, wait_for_port

ROOT = Path(__file__).resolve().parents[3]
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
UNREACHABLE_REDIS = "redis://:geheim-wachtwoord@127.0.0.1:9/0"


def _beat(seconds_ago: int = 0) -> None:
    Hartslag.objects.update_or_create(
        naam=WERKER, defaults={"laatst": timezone.now() - timedelta(seconds=seconds_ago)}
    )


@pytest.mark.django_db
def test_a_werkplaats_with_a_beating_worker_is_healthy(client: Client) -> None:
    _beat()
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.json() == {
        "ok": True,
        "database": "ok",
        "redis": "niet ingesteld",
        "werker": "ok",
    }


@pytest.mark.django_db
def test_a_worker_never_seen_makes_the_werkplaats_unhealthy(client: Client) -> None:
    response = client.get(reverse("health"))
    assert response.status_code == 503
    assert response.json()["werker"] == "nooit gezien"


@pytest.mark.django_db
def test_three_missed_beats_make_the_worker_late(client: Client, settings: object) -> None:
    _beat(seconds_ago=3 * 60 + 5)
    response = client.get(reverse("health"))
    assert response.status_code == 503
    assert response.json()["werker"] == "te laat"


@pytest.mark.django_db
def test_an_unreachable_redis_is_named_without_its_address(client: Client) -> None:
    _beat()
    with override_settings(REDIS_URL=UNREACHABLE_REDIS):
        response = client.get(reverse("health"))
    assert response.status_code == 503
    assert response.json()["redis"] == "onbereikbaar"
    assert "geheim" not in response.content.decode()
    assert "127.0.0.1" not in response.content.decode()


@pytest.fixture
def redis_url() -> Iterator[str]:
    server = shutil.which("redis-server")
    assert server, "redis-server is missing: run scripts/system-deps.sh test"
    port = free_port()
    process = subprocess.Popen(
        [server, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.processes
@pytest.mark.django_db
def test_a_reachable_redis_is_ok(client: Client, redis_url: str) -> None:
    _beat()
    with override_settings(REDIS_URL=redis_url):
        response = client.get(reverse("health"))
    assert response.json()["redis"] == "ok"
    assert response.status_code == 200


@pytest.mark.django_db
def test_the_heartbeat_task_records_the_time() -> None:
    before = timezone.now()
    hartslag.enqueue()
    assert Hartslag.objects.get(naam=WERKER).laatst >= before


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_QUEUE)
def test_a_beat_leaves_the_next_one_on_the_queue_a_minute_later() -> None:
    hartslag.call()
    waiting = DBTaskResult.objects.get(task_path=hartslag.module_path)
    assert waiting.status == TaskResultStatus.READY
    assert waiting.run_after is not None and waiting.run_after > timezone.now()


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_QUEUE)
def test_restarting_the_worker_never_multiplies_the_beats() -> None:
    hartslag.call()  # a beat ran and left the next one for later
    start_hartslag()
    start_hartslag()
    waiting = DBTaskResult.objects.filter(
        status=TaskResultStatus.READY, task_path=hartslag.module_path
    )
    assert waiting.count() == 1


@pytest.mark.processes
def test_the_worker_process_beats_and_health_sees_it(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "plg.post.tests.worker_settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DEBUG": "false",
    }

    def manage(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    assert manage("migrate", "-v0").returncode == 0
    worker = manage("werker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0.2")
    assert worker.returncode == 0, worker.stderr
    health = manage("shell", "-c", "from plg.beheer import health; print(health.werker().toestand)")
    assert health.stdout.splitlines()[-1] == "ok", health.stderr
