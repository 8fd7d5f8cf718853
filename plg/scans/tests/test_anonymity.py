"""Anonymity over every output channel of the scans: nothing ties a person to what they answered.

Planted: a marker in every respondent's name and in every comment. Six colleagues of De Regenboog
answer through their personal links (one goes on on another device with a mailed resume link) and
one through the poster. Then the people around the wave read everything it produces: the pages,
the report and its PDF, the advisor's overview and CSV/XLSX. All of it runs through a real HTTP
server, whose request log (``django.server``) and error log (``django.request``) are captured.
"""

from __future__ import annotations

import io
import logging
import re
import subprocess
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.cookiejar import Cookie, CookieJar

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.sqlite3.base import DatabaseWrapper as SQLiteWrapper
from django.http import HttpRequest
from django.test import Client
from django.test.testcases import LiveServerThread, _StaticFilesHandler
from django.urls import reverse
from openpyxl import load_workbook

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.organisations.models import Aanstelling, Functie
from plg.scans import services
from plg.scans.models import Afname, Antwoordset, Toegang

ANSWER = "Antwoordmerk"
NAME = "Naammerk"


class LoggingServerThread(LiveServerThread):
    """Django's live server with the request handler of ``runserver``, which logs every request
    to ``django.server`` as a production access log would."""

    def _create_server(
        self, connections_override: dict[str, BaseDatabaseWrapper] | None = None
    ) -> ThreadedWSGIServer:
        return ThreadedWSGIServer(
            (self.host, self.port),
            WSGIRequestHandler,
            allow_reuse_address=False,
            connections_override=connections_override,
        )


class Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[tuple[str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append((record.name, record.getMessage()))


@pytest.fixture
def logs() -> Iterator[Capture]:
    capture = Capture()
    loggers = [logging.getLogger(name) for name in ("django.server", "django.request")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(capture)
        logger.setLevel(logging.INFO)
    yield capture
    for logger, level in zip(loggers, levels, strict=True):
        logger.removeHandler(capture)
        logger.setLevel(level)


@pytest.fixture
def server(transactional_db: None) -> Iterator[str]:
    shared: dict[str, BaseDatabaseWrapper] = {}
    for connection in connections.all():
        if isinstance(connection, SQLiteWrapper) and connection.is_in_memory_db():
            connection.inc_thread_sharing()
            shared[connection.alias] = connection
    thread = LoggingServerThread("127.0.0.1", _StaticFilesHandler, shared, 0)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    assert thread.error is None, thread.error
    yield f"http://127.0.0.1:{thread.port}"
    thread.terminate()
    for connection in shared.values():
        connection.dec_thread_sharing()


@dataclass
class Output:
    viewer: str
    url: str
    text: str


@dataclass
class Browser:
    """One person's browser: cookies of its own, and everything the server sent it, as text."""

    base: str
    viewer: str
    seen: list[Output]
    jar: CookieJar = field(default_factory=CookieJar)
    held: set[str] = field(default_factory=set)  # every answer key this browser ever held

    def __post_init__(self) -> None:
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def open(self, path: str, data: dict[str, str] | None = None) -> tuple[int, str, str]:
        body = None
        if data is not None:
            body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": self.csrf()}).encode()
        try:
            response = self.opener.open(self.base + path, body, timeout=60)
            status, url, raw = response.status, response.url, response.read()
            kind = response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as error:
            status, url, raw = error.code, error.url, error.read()
            kind = error.headers.get("Content-Type", "")
        text = _as_text(raw, kind)
        self.seen.append(Output(self.viewer, url, text))
        self.held |= self.keys()
        return status, url.removeprefix(self.base), text

    def cookie(self, name: str) -> str:
        return next((c.value for c in self.jar if c.name == name), "") or ""

    def csrf(self) -> str:
        return self.cookie("csrftoken")

    def keys(self) -> set[str]:
        """The answer keys in this browser's signed cookies, read as the server reads them."""
        request = HttpRequest()
        request.COOKIES = {c.name: c.value or "" for c in self.jar}
        found = {
            request.get_signed_cookie(name, default="", salt="scan") for name in request.COOKIES
        }
        return {key for key in found if key and len(key) >= 32}

    def sign_in(self, user: User) -> None:
        client = Client()
        client.force_login(user)
        session = client.cookies["sessionid"].value
        host = urllib.parse.urlparse(self.base).hostname
        assert host is not None
        self.jar.set_cookie(_cookie("sessionid", session, host))


def _cookie(name: str, value: str, host: str) -> Cookie:
    from http.cookiejar import Cookie

    return Cookie(
        0, name, value, None, False, host, False, False, "/", True, False, None, False, None,
        None, {},
    )  # fmt: skip


def _as_text(raw: bytes, kind: str) -> str:
    if kind.startswith("application/pdf"):
        with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
            pdf.write(raw)
            pdf.flush()
            return subprocess.run(
                ["pdftotext", pdf.name, "-"], capture_output=True, text=True, check=True
            ).stdout
    if kind.startswith("application/vnd.openxmlformats"):
        sheet = load_workbook(io.BytesIO(raw)).active
        return "\n".join(
            ";".join(str(v) for v in row if v is not None)
            for row in sheet.iter_rows(values_only=True)
        )
    return raw.decode("utf-8-sig", errors="replace")


def _answers(afname: Afname, marker: str) -> dict[str, str]:
    data = {item.key: "4" for item in afname.instrument.items()}
    data[services.BACKGROUND_FIELD] = "1"
    data[services.COMMENT_PREFIX + "leeropbrengsten"] = f"{ANSWER}-{marker} we keken samen"
    return data


def _answer(browser: Browser, path: str, afname: Afname, marker: str) -> None:
    status, page, _html = browser.open(path)
    assert status == 200, page
    browser.open(page + "bewaar/", _answers(afname, marker))
    step = [s.key for s in afname.instrument.sections].index("leeropbrengsten")
    _status, _url, html = browser.open(f"{page}?deel={step}")  # their own comment, on their page
    assert f"{ANSWER}-{marker}" in html
    status, _url, html = browser.open(page + "indienen/", {})
    assert "Dank je wel" in html, html[:300]


@dataclass
class Journey:
    afname: Afname
    respondents: list[User]
    tokens: dict[str, str]  # e-mail → token
    keys: set[str]
    seen: list[Output]
    logs: list[tuple[str, str]]


@pytest.fixture
def journey(world: World, server: str, mailoutbox: list[EmailMessage], logs: Capture) -> Journey:
    extra = []
    for n in range(2):
        user = User.objects.create_user(f"leraar{n}@regenboog.example", PASSWORD)
        Aanstelling.objects.create(user=user, school=world.school, functie=Functie.LERAAR)
        extra.append(user)
    respondents = [world.coach, world.member, world.colleague, world.leader, *extra]
    for n, user in enumerate(respondents):
        user.first_name, user.last_name = f"{NAME}{n}", "Anoniem"
        user.save()
    afname = services.open_afname(opened_by=world.leader, title="Voorjaar", schools=[world.school])
    tokens = dict(afname.toegangen.exclude(email="").values_list("email", "token"))
    seen: list[Output] = []
    keys: set[str] = set()

    for n, user in enumerate(respondents):
        path = reverse("scan_start", args=[tokens[user.email]])
        browser = Browser(server, user.email, seen)
        if n == 0:  # starts on a laptop, goes on on a phone with the mailed resume link
            _status, page, _html = browser.open(path)
            browser.open(page + "bewaar/", {"cv1": "5"})
            browser.open(page + "verder/", {"email": "thuis@example.org", "deel": "0"})
            keys |= browser.held
            link = re.search(r"/scan/hervat/#([A-Za-z0-9_-]+)", str(mail.outbox[-1].body))
            assert link
            key = link.group(1)
            browser = Browser(server, user.email, seen)
            browser.open(reverse("scan_hervat"))
            browser.open(reverse("scan_hervat"), {"sleutel": key})
        _answer(browser, path, afname, str(n))
        keys |= browser.held
    poster = Browser(server, "affiche", seen)
    _answer(
        poster,
        reverse("scan_start", args=[services.poster(afname, world.school).token]),
        afname,
        "affiche",
    )
    keys |= poster.held
    # a mistyped link and a wrong method: logged by django.request as well
    poster.open("/scan/onbekend-token/")
    poster.open(reverse("scan_indienen", args=[tokens[world.member.email]]))
    services.close_afname(afname=afname)

    for user in (world.leader, world.member, world.advisor):
        browser = Browser(server, user.email, seen)
        browser.sign_in(user)
        for name, args in (
            ("scans", []),
            ("scan_afname", [afname.pk]),
            ("scan_rapport", [afname.pk, world.school.pk]),
            ("scan_rapport_pdf", [afname.pk, world.school.pk]),
            ("begeleiding_scans", []),
            ("begeleiding_scans_export", ["csv"]),
            ("begeleiding_scans_export", ["xlsx"]),
        ):
            browser.open(reverse(name, args=args))
    return Journey(afname, respondents, tokens, keys, seen, logs.lines)


def _identifiers(journey: Journey, but: str) -> set[str]:
    """What names a respondent: their name, e-mail address and personal link (but the viewer's
    own: a page greets its reader, and a respondent's own page holds their own link)."""
    found = set()
    for user in journey.respondents:
        if user.email != but:
            found |= {user.first_name, user.email, journey.tokens[user.email]}
    return found


def test_the_journey_reached_every_channel(journey: Journey) -> None:
    texts = "\n".join(output.text for output in journey.seen)
    assert Antwoordset.objects.filter(submitted=True).count() == 7
    assert Toegang.objects.filter(responded=True).count() == 6
    assert f"{ANSWER}-3" in texts  # the report shows the comments (seven respondents)
    assert "Voorjaar" in texts and "De Regenboog" in texts
    assert any("Profiel" in output.text for output in journey.seen if "pdf" in output.url)
    assert len(journey.keys) == 7  # six colleagues (one on two devices, one key) and the poster


def test_no_output_shows_a_person_next_to_answers(journey: Journey) -> None:
    for output in journey.seen:
        if ANSWER not in output.text:
            continue
        names = _identifiers(journey, but=output.viewer)
        leaked = sorted(n for n in names if n in output.text)
        assert not leaked, f"{output.viewer} saw {leaked} with answers at {output.url}"


def test_the_advisors_export_holds_no_person_and_no_comment(journey: Journey) -> None:
    exports = [o for o in journey.seen if "/export." in o.url and o.viewer.startswith("advisor")]
    assert len(exports) == 2
    for output in exports:
        assert "De Regenboog" in output.text
        assert ANSWER not in output.text
        assert not [n for n in _identifiers(journey, but="") if n in output.text]


def test_no_mail_holds_answers(journey: Journey) -> None:
    for message in mail.outbox:
        assert ANSWER not in message.body


def test_the_server_logs_hold_no_answer_key_and_no_answer(journey: Journey) -> None:
    lines = [line for _name, line in journey.logs]
    for line in lines:
        assert not any(key in line for key in journey.keys), line
        assert ANSWER not in line, line


def test_no_log_line_pairs_a_persons_link_with_an_answer_key(journey: Journey) -> None:
    tokens = set(journey.tokens.values())
    for _name, line in journey.logs:
        assert not (any(t in line for t in tokens) and any(k in line for k in journey.keys))


def test_the_logs_were_captured(journey: Journey) -> None:
    """The checks above read real logs: every request line, and the 404 and 405 warnings."""
    names = {name for name, _line in journey.logs}
    assert names == {"django.server", "django.request"}
    lines = [line for _name, line in journey.logs]
    assert any("/scan/hervat/" in line for line in lines)
    assert any("Not Found: /scan/onbekend-token/" in line for line in lines)
    assert any("Method Not Allowed" in line for line in lines)
