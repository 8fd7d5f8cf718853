"""Two app processes share one live session through Redis: a client on each sees the other.

Everything runs on 127.0.0.1 and is started and stopped here: Redis, and two uvicorn processes
on one SQLite file.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from websockets.sync.client import ClientConnection, connect
from websockets.typing import Origin

from plg.core.loopback import SESSION_COOKIE_SNIPPET, free_port, wait_for_port

ROOT = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.processes

SETUP = (
    SESSION_COOKIE_SNIPPET
    + """
import json
from plg.accounts.models import User
from plg.communities.models import PLG
from plg.live.models import LiveSessie

bijeenkomst = PLG.objects.get(name="Huiswerk met betekenis").bijeenkomsten.order_by("-starts_at").first()
sessie = LiveSessie.objects.create(bijeenkomst=bijeenkomst)
print(json.dumps({
    "code": sessie.code,
    "blokken": [b.pk for b in bijeenkomst.blokken.order_by("position")],
    "coach": cookie(User.objects.get(email="an@regenboog.example")),
    "member": cookie(User.objects.get(email="bram@regenboog.example")),
}))
"""
)


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[dict[str, Any]]:
    redis_server = shutil.which("redis-server")
    assert redis_server, "redis-server is missing: run scripts/system-deps.sh test"
    redis_port = free_port()
    env = _env(tmp_path, redis_port)
    processes = [_redis(redis_server, redis_port)]
    try:
        setup = _seed(env)
        ports = [free_port(), free_port()]
        processes += [_uvicorn(env, port) for port in ports]
        wait_for_port(redis_port)
        for port in ports:
            wait_for_port(port)
        yield setup | {"ports": ports}
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=10)


def _env(tmp_path: Path, redis_port: int) -> dict[str, str]:
    """Production-like settings on a database and Redis of their own."""
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "plg.settings.base",
        "SECRET_KEY": "test-only-shared-by-both-processes",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'live.sqlite3'}",
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "DEBUG": "false",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


def _redis(redis_server: str, port: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            redis_server,
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
    )


def _seed(env: dict[str, str]) -> dict[str, Any]:
    """The demo data, and a live session with the sign-in cookies of its coach and a member."""
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run(
        [*manage, "seed_demo"],
        env=env,
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    made = subprocess.run(
        [*manage, "shell", "-v0", "-c", SETUP],
        env=env,
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    setup: dict[str, Any] = json.loads(made.stdout.strip().splitlines()[-1])
    return setup


def _uvicorn(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "plg.asgi:application",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )


@contextmanager
def join(port: int, code: str, session: str) -> Iterator[ClientConnection]:
    with connect(
        f"ws://127.0.0.1:{port}/ws/live/{code}/",
        additional_headers={"Cookie": f"sessionid={session}"},
        origin=Origin("http://127.0.0.1"),
    ) as client:
        assert json.loads(client.recv(timeout=10))["type"] == "state"
        yield client


def next_state(client: ClientConnection) -> dict[str, Any]:
    """The next whole state, or the next card change (``cards``: only the changed card)."""
    message = json.loads(client.recv(timeout=10))
    assert message["type"] in {"state", "cards"}, message
    return dict(message["state"])


def test_clients_on_two_processes_see_each_others_changes(cluster: dict[str, Any]) -> None:
    code = cluster["code"]
    with (
        join(cluster["ports"][0], code, cluster["coach"]) as coach,
        join(cluster["ports"][1], code, cluster["member"]) as member,
    ):
        step = cluster["blokken"][1]
        coach.send(json.dumps({"type": "step.start", "blok": step}))
        assert next_state(member)["current_blok"] == step
        assert next_state(coach)["current_blok"] == step

        member.send(json.dumps({"type": "card.add", "blok": step, "text": "Via proces twee"}))
        assert [c["text"] for c in next_state(coach)["cards"]] == ["Via proces twee"]
