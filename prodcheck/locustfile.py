"""The load of the production check: staff who browse their PLG's pages, answer the open scan
and add cards in their PLG's live session, each signed in already (a login costs a quarter of a
second of CPU by design; the smoke journey logs in with a password).

Run by the check as its own process (locust patches the standard library with gevent on
import): ``locust -f prodcheck/locustfile.py --headless ...`` with ``PRODCHECK_DATA`` (the seed),
``PRODCHECK_CERT`` and ``PRODCHECK_RESULT`` (where the summary goes) in the environment.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import ssl
import time
import uuid
from pathlib import Path
from typing import Any

from locust import HttpUser, between, events, task
from locust.env import Environment
from websockets.sync.client import ClientConnection, connect
from websockets.typing import Origin

STAFF: list[dict[str, Any]] = json.loads(Path(os.environ["PRODCHECK_DATA"]).read_text())["staff"]
CERT = os.environ["PRODCHECK_CERT"]
RADIO = re.compile(r'type="radio" name="([^"]+)" value="(\d+)"')
NEXT = itertools.count()
SAMPLES: dict[str, list[float]] = {"pages": [], "scan": [], "live": [], "live_connect": []}
ERRORS: dict[str, int] = {kind: 0 for kind in SAMPLES}
PEAK = {"users": 0, "now": 0}


def _kind(request_type: str, name: str) -> str:
    if request_type == "WS":
        return "live_connect" if name == "live: verbinden" else "live"
    return "scan" if name.startswith("scan") else "pages"


@events.request.add_listener  # type: ignore[untyped-decorator]
def _record(
    request_type: str, name: str, response_time: float, exception: object, **_: object
) -> None:
    kind = _kind(request_type, name)
    SAMPLES[kind].append(response_time)
    if exception is not None:
        ERRORS[kind] += 1


def _percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return round(ordered[min(int(share * len(ordered)), len(ordered) - 1)], 1)


@events.quitting.add_listener  # type: ignore[untyped-decorator]
def _summary(environment: Environment, **_: object) -> None:
    summary: dict[str, Any] = {"users": PEAK["users"]}
    for kind, values in SAMPLES.items():
        summary[kind] = {
            "requests": len(values),
            "errors": ERRORS[kind],
            "p50_ms": _percentile(values, 0.50),
            "p95_ms": _percentile(values, 0.95),
            "p99_ms": _percentile(values, 0.99),
        }
    summary["cpu_s"] = round(sum(os.times()[:2]), 1)
    http = SAMPLES["pages"] + SAMPLES["scan"]
    summary["http_p95_ms"] = _percentile(http, 0.95)
    Path(os.environ["PRODCHECK_RESULT"]).write_text(json.dumps(summary))


class Staff(HttpUser):
    """One teacher with a PLG, a live session and a scan link; thinks a few seconds between
    clicks, as people do."""

    wait_time = between(5, 15)

    def on_start(self) -> None:
        self.me = STAFF[next(NEXT) % len(STAFF)]
        self.client.trust_env = False  # on 127.0.0.1: no proxy, and this run's certificate
        self.client.verify = CERT
        self.client.cookies.set("sessionid", self.me["session"])
        PEAK["now"] += 1
        PEAK["users"] = max(PEAK["users"], PEAK["now"])

    def on_stop(self) -> None:
        PEAK["now"] -= 1

    @task(6)
    def browse(self) -> None:
        name, url = random.choice(self.me["pages"])
        self.client.get(url, name=name, allow_redirects=False)

    @task(2)
    def answer_scan(self) -> None:
        """Open one part of the scan and pick an answer for each question (autosave)."""
        url = f"/scan/{self.me['scan']}/"
        part = random.randrange(3)
        with self.client.get(f"{url}?deel={part}", name="scan: deel", catch_response=True) as page:
            choices: dict[str, list[str]] = {}
            for key, value in RADIO.findall(page.text):
                choices.setdefault(key, []).append(value)
            if not choices:
                page.failure("no questions on the scan page")
                return
        answers = {key: random.choice(values) for key, values in choices.items()}
        self.client.post(
            f"{url}bewaar/",
            data=answers,
            name="scan: bewaren",
            headers={
                "X-CSRFToken": self.client.cookies.get("csrftoken", ""),
                "HX-Request": "true",
                "Referer": f"{self.host}{url}",
            },
        )

    @task(2)
    def add_card(self) -> None:
        """Join the live session (``live: verbinden``, until the first state is in), add a card
        and wait until it comes back through the group (``live: kaart``)."""
        context = ssl.create_default_context(cafile=CERT)
        started, step = time.perf_counter(), "live: verbinden"
        try:
            with connect(
                str(self.host).replace("https://", "wss://") + f"/ws/live/{self.me['live']}/",
                ssl=context,
                additional_headers={"Cookie": f"sessionid={self.me['session']}"},
                origin=Origin(str(self.host)),
                open_timeout=30,
            ) as socket:
                first = json.loads(socket.recv(timeout=30))
                if first["type"] != "state":
                    raise RuntimeError(f"first message {first['type']}")
                _fire(step, started, None)
                started, step = time.perf_counter(), "live: kaart"
                self._card(socket)
                _fire(step, started, None)
                step = ""
        except Exception as error:  # every failure counts as one error of the step it ended
            _fire(step or "live: sluiten", started, error)

    def _card(self, socket: ClientConnection) -> None:
        ref = uuid.uuid4().hex
        card = {"type": "card.add", "blok": self.me["blok"], "text": "Een idee", "ref": ref}
        socket.send(json.dumps(card))
        while True:
            message = json.loads(socket.recv(timeout=30))
            if message.get("ref") == ref:
                if message["type"] == "error":
                    raise RuntimeError(message["message"])
                return


def _fire(name: str, started: float, failure: Exception | None) -> None:
    events.request.fire(  # type: ignore[no-untyped-call]
        request_type="WS",
        name=name,
        response_time=(time.perf_counter() - started) * 1000,
        response_length=0,
        exception=failure,
        context={},
    )
