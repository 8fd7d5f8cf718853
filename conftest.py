"""Shared test personas: one small world of schools, people and one PLG.

- coach: procescoach of the PLG (zorgcoördinator at De Regenboog)
- member: member of the PLG (leraar at De Regenboog)
- colleague: leraar at De Regenboog, not in the PLG
- outsider: leraar at a school of another scholengemeenschap
- sister_teacher (its own fixture): leraar at Sint-Jozef, the other school of the same
  scholengemeenschap
- leader / other_leader: schoolleider of De Regenboog / of the other school
- advisor / other_advisor: pedagogisch begeleider supporting De Regenboog / the other school
"""

from __future__ import annotations

import os
import threading
from collections.abc import Generator, Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from plg.accounts.models import User
from plg.accounts.tests.factories import PASSWORD as PASSWORD
from plg.communities.models import PLG
from plg.communities.tests.factories import LidmaatschapFactory, PLGFactory
from plg.organisations.models import Functie, Network, Scholengemeenschap, School
from plg.organisations.tests.factories import (
    AanstellingFactory,
    NetworkFactory,
    ScholengemeenschapFactory,
    SchoolFactory,
)

if TYPE_CHECKING:
    import uvicorn

# Speed is bench/'s question: no example fails for taking long on a busy machine.
hypothesis_settings.register_profile(
    "plg", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.load_profile("plg")


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


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests last (in their own order): once Playwright has started, its event loop may
    stay marked running in the tests' thread, where only browser tests may use the database."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(
    item: pytest.Item, nextitem: pytest.Item | None
) -> Generator[None, object, object]:
    """Playwright's sync API marks an event loop running in the tests' thread, where Django
    refuses database work unless told it is safe: only browser tests are told, from their
    setup (which may start Playwright and create the test database) to their teardown."""
    if not item.get_closest_marker("browser"):
        return (yield)
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        return (yield)
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Throttle counters live in the cache: every test starts without any."""
    from django.core.cache import cache

    cache.clear()


@dataclass(frozen=True)
class World:
    """The personas and the places they work in; see the module's docstring."""

    network: Network
    sg: Scholengemeenschap
    other_sg: Scholengemeenschap
    school: School
    sister: School
    other: School
    coach: User
    member: User
    colleague: User
    outsider: User
    leader: User
    other_leader: User
    advisor: User
    other_advisor: User
    plg: PLG

    def personas(self) -> dict[str, User]:
        return {
            "coach": self.coach,
            "member": self.member,
            "colleague": self.colleague,
            "outsider": self.outsider,
            "leader": self.leader,
            "other_leader": self.other_leader,
            "advisor": self.advisor,
            "other_advisor": self.other_advisor,
        }

    def persona(self, name: str) -> User:
        """For tests that run once per persona, named by a parameter."""
        return self.personas()[name]


@dataclass(frozen=True)
class Site(World):
    """The world, served by a test server at ``url``."""

    url: str

    @classmethod
    def of(cls, world: World, url: str) -> Site:
        return cls(url=url, **{f.name: getattr(world, f.name) for f in fields(World)})


def _person(email: str, first_name: str, school: School, functie: Functie) -> User:
    return AanstellingFactory.create(
        user__email=email, user__first_name=first_name, school=school, functie=functie
    ).user


@pytest.fixture
def world(db: None) -> World:
    network = NetworkFactory.create(name="Testnetwerk")
    sg = ScholengemeenschapFactory.create(network=network, name="SG Leieland")
    other_sg = ScholengemeenschapFactory.create(network=network, name="SG Elders")
    school = SchoolFactory.create(scholengemeenschap=sg, name="De Regenboog", werkgroep_minutes=50)
    sister = SchoolFactory.create(scholengemeenschap=sg, name="Sint-Jozef")
    other = SchoolFactory.create(scholengemeenschap=other_sg, name="De Vlieger")
    coach = _person("coach@regenboog.example", "Charlotte", school, Functie.ZORGCOORDINATOR)
    member = _person("member@regenboog.example", "Mehdi", school, Functie.LERAAR)
    world = World(
        network=network,
        sg=sg,
        other_sg=other_sg,
        school=school,
        sister=sister,
        other=other,
        coach=coach,
        member=member,
        colleague=_person("colleague@regenboog.example", "Kato", school, Functie.LERAAR),
        outsider=_person("outsider@vlieger.example", "Oscar", other, Functie.LERAAR),
        leader=_person("leader@regenboog.example", "Lies", school, Functie.SCHOOLLEIDER),
        other_leader=_person("leader@vlieger.example", "Luc", other, Functie.SCHOOLLEIDER),
        advisor=_person("advisor@netwerk.example", "Ada", school, Functie.PEDAGOGISCH_BEGELEIDER),
        other_advisor=_person(
            "advisor2@netwerk.example", "Arne", other, Functie.PEDAGOGISCH_BEGELEIDER
        ),
        plg=PLGFactory.create(
            coach=coach,
            name="Huiswerk met betekenis",
            schools=[school],
            praktijknood="Het huiswerkbeleid loopt stroef.",
        ),
    )
    LidmaatschapFactory.create(plg=world.plg, user=member)
    return world


@pytest.fixture
def sister_teacher(world: World) -> User:
    """A leraar of Sint-Jozef, the other school of De Regenboog's scholengemeenschap: around the
    PLG (its network), not in its school."""
    return _person("teacher@sintjozef.example", "Noor", world.sister, Functie.LERAAR)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
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
        self.server: uvicorn.Server | None = None
        self.thread: threading.Thread | None = None

    def start(self) -> None:
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
        server = self.server
        self.thread = threading.Thread(target=server.run, daemon=True)
        self.thread.start()
        for _ in range(100):
            if server.started:
                break
            time.sleep(0.05)

    def stop(self) -> None:
        assert self.server is not None and self.thread is not None, "stopped before started"
        self.server.should_exit = True
        self.thread.join(timeout=5)


@pytest.fixture
def live_server_control(transactional_db: None) -> Iterator[LoopbackServer]:
    server = LoopbackServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def asgi_server(live_server_control: LoopbackServer) -> str:
    return live_server_control.url
