"""The smoke journey, all through nginx over TLS: health, static files, a login with a password,
pages, and two participants of one live session on two different uvicorn processes who see
each other's step and card. Each failure raises ``Failed`` naming the step."""

from __future__ import annotations

import json
import re
import ssl
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import requests
from websockets.sync.client import ClientConnection, connect
from websockets.typing import Origin

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
STYLESHEET = re.compile(r'href="(/static/[^"]+\.css)"')


# A bijeenkomst has quiet moments: the sockets first wait longer than the Redis layer's
# blocking pop (5 s), which a too short read timeout turned into a failure.
QUIET_SECONDS = 7


class Failed(Exception):
    pass


def check(condition: object, step: str) -> None:
    if not condition:
        raise Failed(step)


def _plain(cert: Path) -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # on 127.0.0.1: no proxy, and this run's certificate alone
    session.verify = str(cert)
    return session


def health(base: str, cert: Path, timeout: float = 120) -> dict[str, Any]:
    """Healthy once the app's processes have loaded and the worker's first heartbeat ran."""
    deadline = time.monotonic() + timeout
    status, body = 0, {}
    while time.monotonic() < deadline:
        try:
            response = _plain(cert).get(f"{base}/health", timeout=30)
            status, body = response.status_code, response.json()
        except requests.RequestException:
            status = 0
        if status == 200:
            break
        time.sleep(1)
    check(status == 200, f"/health through nginx: {status} {body}")
    check(body.get("redis") == "ok" and body.get("werker") == "ok", f"/health: {body}")
    return body


def login(base: str, cert: Path, email: str, password: str) -> requests.Session:
    session = _plain(cert)
    page = session.get(f"{base}/aanmelden/", timeout=10)
    token = CSRF.search(page.text)
    check(page.status_code == 200 and token, "the login page")
    assert token is not None
    answer = session.post(
        f"{base}/aanmelden/",
        data={"csrfmiddlewaretoken": token.group(1), "username": email, "password": password},
        headers={"Referer": f"{base}/aanmelden/"},
        allow_redirects=False,
        timeout=30,
    )
    check(answer.status_code == 302 and "sessionid" in session.cookies, f"login of {email}")
    return session


def pages(session: requests.Session, base: str, urls: list[str]) -> str:
    """Every page answers 200 through nginx; returns the first one's HTML."""
    first = ""
    for url in urls:
        response = session.get(f"{base}{url}", timeout=30, allow_redirects=False)
        check(response.status_code == 200, f"page {url}: {response.status_code}")
        first = first or response.text
    return first


def static(base: str, cert: Path, html: str) -> None:
    """A stylesheet of the page comes from nginx (its own expiry header), not from the app."""
    href = STYLESHEET.search(html)
    check(href, "a stylesheet on the page")
    assert href is not None
    response = _plain(cert).get(f"{base}{href.group(1)}", timeout=10)
    check(response.status_code == 200, f"static file {href.group(1)}")
    check(response.headers.get("Cache-Control") == "max-age=3600", "static file served by nginx")


@contextmanager
def participant(
    base: str, cert: Path, code: str, session: requests.Session
) -> Iterator[tuple[ClientConnection, str]]:
    """On the live page's socket; yields it and the upstream (the uvicorn process) nginx chose."""
    context = ssl.create_default_context(cafile=str(cert))
    with connect(
        base.replace("https://", "wss://") + f"/ws/live/{code}/",
        ssl=context,
        additional_headers={"Cookie": f"sessionid={session.cookies['sessionid']}"},
        origin=Origin(base),
        open_timeout=20,
    ) as client:
        assert client.response is not None
        upstream = client.response.headers.get("X-Upstream", "")
        check(json.loads(client.recv(timeout=20))["type"] == "state", "the first live state")
        yield client, upstream


def until(client: ClientConnection, ref: str) -> dict[str, Any]:
    """The state that carries ``ref``: the answer to that command, as every participant gets it."""
    while True:
        message = json.loads(client.recv(timeout=20))
        check(message["type"] in {"state", "cards"}, f"live message {message}")
        if message.get("ref") == ref:
            return dict(message["state"])


def live_across_processes(
    base: str, cert: Path, smoke: dict[str, Any], coach: requests.Session, member: requests.Session
) -> list[str]:
    """The coach starts a step, then each adds a card the other sees, each on another uvicorn
    process, after a quiet moment."""
    code, step = smoke["live"], smoke["blokken"][1]
    with participant(base, cert, code, coach) as (coach_ws, coach_at):
        for _attempt in range(6):  # nginx takes turns over the two; another client may interleave
            with participant(base, cert, code, member) as (member_ws, member_at):
                if member_at == coach_at:
                    continue
                check(coach_at and member_at, "nginx names the upstream of each socket")
                time.sleep(QUIET_SECONDS)
                coach_ws.send(json.dumps({"type": "step.start", "blok": step, "ref": "stap"}))
                check(until(member_ws, "stap")["current_blok"] == step, "member sees the step")
                until(coach_ws, "stap")
                for sender, receiver, text in (
                    (member_ws, coach_ws, "Van het lid, via het ene proces"),
                    (coach_ws, member_ws, "Van de coach, via het andere proces"),
                ):
                    card = {"type": "card.add", "blok": step, "text": text, "ref": text}
                    sender.send(json.dumps(card))
                    texts = [c["text"] for c in until(receiver, text)["cards"]]
                    check(text in texts, f"the other participant sees the card {text!r}")
                return [coach_at, member_at]
    raise Failed("two participants on two uvicorn processes")


def journey(base: str, cert: Path, smoke: dict[str, Any]) -> dict[str, Any]:
    body = health(base, cert)
    coach = login(base, cert, smoke["coach"], smoke["password"])
    html = pages(coach, base, smoke["pages"])
    static(base, cert, html)
    member = login(base, cert, smoke["member"], smoke["password"])
    upstreams = live_across_processes(base, cert, smoke, coach, member)
    return {"health": body, "pages": len(smoke["pages"]), "live_upstreams": upstreams}
