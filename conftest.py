"""Shared test personas: one small world of schools, people and one PLG.

- coach: procescoach of the PLG (zorgcoördinator at De Regenboog)
- member: member of the PLG (leraar at De Regenboog)
- colleague: leraar at De Regenboog, not in the PLG
- outsider: leraar at a school of another scholengemeenschap
- leader / other_leader: schoolleider of De Regenboog / of the other school
- advisor / other_advisor: pedagogisch begeleider supporting De Regenboog / the other school
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Django removes the SQLite test file; its WAL files go with it here."""
    from django.conf import settings

    name = settings.DATABASES["default"].get("TEST", {}).get("NAME")
    for suffix in ("-wal", "-shm", "-journal"):
        if name:
            Path(f"{name}{suffix}").unlink(missing_ok=True)


def pytest_configure(config: pytest.Config) -> None:
    """On a slow CI runner a WebSocket round trip can take longer than Playwright's 5 s;
    what never happens still fails, only later."""
    from playwright.sync_api import expect

    expect.set_options(timeout=15_000)


PASSWORD = "een-goed-wachtwoord-42"  # noqa: S105 (test persona)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Throttle counters live in the cache: every test starts without any."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def world(db):
    from plg.accounts.models import User
    from plg.communities import services
    from plg.organisations.models import Aanstelling, Functie, Network, Scholengemeenschap, School

    network = Network.objects.create(name="Testnetwerk")
    sg = Scholengemeenschap.objects.create(network=network, name="SG Leieland")
    other_sg = Scholengemeenschap.objects.create(network=network, name="SG Elders")
    school = School.objects.create(scholengemeenschap=sg, name="De Regenboog", werkgroep_minutes=50)
    sister = School.objects.create(scholengemeenschap=sg, name="Sint-Jozef")
    other = School.objects.create(scholengemeenschap=other_sg, name="De Vlieger")

    def person(email: str, first: str, school_: School, functie: str) -> User:
        user = User.objects.create_user(email, PASSWORD, first_name=first, last_name="Test")
        Aanstelling.objects.create(user=user, school=school_, functie=functie)
        return user

    class World:
        pass

    w = World()
    w.network, w.sg, w.other_sg = network, sg, other_sg
    w.school, w.sister, w.other = school, sister, other
    w.coach = person("coach@regenboog.example", "Charlotte", school, Functie.ZORGCOORDINATOR)
    w.member = person("member@regenboog.example", "Mehdi", school, Functie.LERAAR)
    w.colleague = person("colleague@regenboog.example", "Kato", school, Functie.LERAAR)
    w.outsider = person("outsider@vlieger.example", "Oscar", other, Functie.LERAAR)
    w.leader = person("leader@regenboog.example", "Lies", school, Functie.SCHOOLLEIDER)
    w.other_leader = person("leader@vlieger.example", "Luc", other, Functie.SCHOOLLEIDER)
    w.advisor = person("advisor@netwerk.example", "Ada", school, Functie.PEDAGOGISCH_BEGELEIDER)
    w.other_advisor = person(
        "advisor2@netwerk.example", "Arne", other, Functie.PEDAGOGISCH_BEGELEIDER
    )
    w.plg = services.create_plg(
        coach=w.coach,
        name="Huiswerk met betekenis",
        schools=[school],
        praktijknood="Het huiswerkbeleid loopt stroef.",
    )
    from plg.communities.models import Lidmaatschap

    Lidmaatschap.objects.create(plg=w.plg, user=w.member)
    return w


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's chromium, headless, with nothing that reaches out to the network."""
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("CHROMIUM", "/usr/bin/chromium"),
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
        ],
    }


class LoopbackServer:
    """The ASGI application (pages and WebSockets) on a free port of 127.0.0.1, in a thread;
    it can be stopped and started again on the same port, as a restarted server would be."""

    def __init__(self) -> None:
        from plg.core.loopback import free_port

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server: Any = None
        self.thread: Any = None

    def start(self) -> None:
        import threading
        import time

        import uvicorn
        from channels.routing import ProtocolTypeRouter
        from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler
        from django.core.asgi import get_asgi_application

        from plg.asgi import application as live

        application = ProtocolTypeRouter(
            {"http": ASGIStaticFilesHandler(get_asgi_application()), "websocket": live}
        )
        self.server = uvicorn.Server(
            uvicorn.Config(
                application, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off"
            )
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        for _ in range(100):
            if self.server.started:
                break
            time.sleep(0.05)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=5)


@pytest.fixture
def live_server_control(transactional_db):
    server = LoopbackServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def asgi_server(live_server_control):
    return live_server_control.url
