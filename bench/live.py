"""Live bijeenkomsten under load: action-to-all-clients latency against a bare echo floor.

Default: 40 concurrent sessions x 15 clients for 60 s each against the real consumer and
against a bare Channels echo consumer (the floor), both served by one uvicorn process on
127.0.0.1 with an SQLite file. Every client acts now and then on its own random schedule (moves
and adds cards, parks one; the coach pauses, resumes and extends the clock). An action's latency
is the time until the last client of its session has received the result. Prints a table, then
one JSON line.

    .venv/bin/python bench/live.py [--quick] [--sessions N] [--clients N] [--seconds S]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import websockets

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from plg.core.loopback import SESSION_COOKIE_SNIPPET, free_port, wait_for_port

ROOT = Path(__file__).resolve().parent.parent

SETUP = (
    SESSION_COOKIE_SNIPPET.replace("{", "{{").replace("}", "}}")
    + """
import json
from django.utils import timezone
from plg.accounts.models import User
from plg.communities.models import PLG, Lidmaatschap, Rol
from plg.live.models import LiveSessie
from plg.meetings import services as meetings
from plg.methods.models import Stap, Werkvorm
from plg.organisations.models import Network, Scholengemeenschap, School

SESSIONS, CLIENTS = {sessions}, {clients}
sg = Scholengemeenschap.objects.create(network=Network.objects.create(name="Bench"), name="Bench")
school = School.objects.create(scholengemeenschap=sg, name="Bench")
users = [User(email=f"u{{i}}@bench.example") for i in range(SESSIONS * CLIENTS)]
for user in users:
    user.set_unusable_password()
User.objects.bulk_create(users)
users = list(User.objects.order_by("id"))
bbb = Werkvorm.objects.get(slug="borgen-bannen-beginnen", school=None)

out = []
for s in range(SESSIONS):
    members = users[s * CLIENTS:(s + 1) * CLIENTS]
    plg = PLG.objects.create(name=f"Bench {{s}}", scholengemeenschap=sg, created_by=members[0])
    plg.schools.add(school)
    Lidmaatschap.objects.bulk_create(
        Lidmaatschap(plg=plg, user=u, rol=Rol.PROCESCOACH if i == 0 else Rol.LID)
        for i, u in enumerate(members))
    bijeenkomst = meetings.plan_bijeenkomst(plg=plg, starts_at=timezone.now(), place="x",
                                            duration_minutes=120)
    board = bijeenkomst.blokken.get(stap=Stap.VERWERKING)
    board.werkvorm = bbb
    board.save()
    sessie = LiveSessie.objects.create(bijeenkomst=bijeenkomst, current_blok=board, running=True,
                                       clock_started_at=timezone.now())
    out.append({{"code": sessie.code, "blok": board.pk, "cookies": [cookie(u) for u in members]}})
print(json.dumps(out))
"""
)

ZONES = ["borgen", "bannen", "beginnen"]


class Run:
    """Bookkeeping of one load run: when each action left, who received it when."""

    def __init__(self, clients_per_session: int) -> None:
        self.sent: dict[str, float] = {}
        self.received: dict[str, list[float]] = {}
        self.clients = clients_per_session
        self.deliveries = 0
        self.errors = 0

    def latencies_ms(self) -> list[float]:
        return [
            (max(times) - self.sent[ref]) * 1000
            for ref, times in self.received.items()
            if ref in self.sent and len(times) == self.clients
        ]


class Client:
    """One participant, doing what the page's script does: it keeps the state, applies each
    one-card change to it, and asks for the whole state again when it missed a change."""

    def __init__(self, run: Run, session: dict[str, Any], index: int, seed: int) -> None:
        self.run, self.session, self.index = run, session, index
        self.state: dict[str, Any] = {}
        self.rng = random.Random(seed)

    async def connect(self, port: int, gate: asyncio.Semaphore) -> None:
        async with gate:
            self.ws = await websockets.connect(
                f"ws://127.0.0.1:{port}/ws/live/{self.session['code']}/",
                additional_headers={"Cookie": f"sessionid={self.session['cookies'][self.index]}"},
                origin="http://127.0.0.1",
                max_size=None,
                open_timeout=120,
                close_timeout=1,
            )
            self.receive(json.loads(await self.ws.recv()))

    def receive(self, message: dict[str, Any]) -> bool:
        """Apply a message to the state; False when a change was missed."""
        if message.get("type") == "cards":
            delta = message["state"]
            if self.state.get("version") != delta["base"]:
                return False
            cards = {card["id"]: card for card in self.state.get("cards", [])}
            cards |= {card["id"]: card for card in delta["cards"]}
            self.state |= {"version": delta["version"], "cards": list(cards.values())}
        elif message.get("type") == "state":
            self.state = message.get("state") or {}
        return True

    async def listen(self) -> None:
        async for raw in self.ws:
            now = time.perf_counter()
            message = json.loads(raw)
            if message.get("type") == "error":
                self.run.errors += 1
                continue
            self.run.deliveries += 1
            if not self.receive(message):
                await self.ws.send('{"type": "sync"}')
            ref = message.get("ref")
            if ref:
                self.run.received.setdefault(ref, []).append(now)

    async def act(self, until: float, interval: float) -> None:
        listener = asyncio.create_task(self.listen())
        count = 0
        await asyncio.sleep(self.rng.random() * interval)
        while time.perf_counter() < until:
            count += 1
            ref = f"{self.session['code']}-{self.index}-{count}"
            command = action(self.rng, self.index, self.state, self.session["blok"])
            self.run.sent[ref] = time.perf_counter()
            await self.ws.send(json.dumps(command | {"ref": ref}))
            pause = self.rng.expovariate(1 / interval)
            await asyncio.sleep(min(pause, max(until - time.perf_counter(), 0) + 0.001))
        await asyncio.sleep(1.0)
        listener.cancel()
        await self.ws.close()


def action(rng: random.Random, index: int, state: dict[str, Any], blok: int) -> dict[str, Any]:
    cards = [c for c in state.get("cards", []) if not c.get("parked")]
    if index == 0 and rng.random() < 0.5:
        return rng.choice(
            [{"type": "step.extend", "minutes": 1}, {"type": "step.pause"}, {"type": "step.resume"}]
        )
    roll = rng.random()
    if cards and roll < 0.6:
        card = rng.choice(cards)
        return {
            "type": "card.move",
            "card": card["id"],
            "version": card["version"],
            "zone": rng.choice(ZONES),
        }
    if cards and roll < 0.7:
        card = rng.choice(cards)
        return {"type": "card.park", "card": card["id"], "version": card["version"]}
    return {
        "type": "card.add",
        "blok": blok,
        "zone": rng.choice(ZONES),
        "text": f"Idee {rng.randrange(1000)}",
    }


async def load(
    port: int, sessions: list[dict[str, Any]], clients: int, seconds: float, interval: float
) -> tuple[Run, float]:
    """Everyone joins first (50 at a time, as a school day would spread them); the clock
    starts when the last one is in."""
    run = Run(clients)
    everyone = [
        Client(run, session, i, seed=n * clients + i)
        for n, session in enumerate(sessions)
        for i in range(clients)
    ]
    gate = asyncio.Semaphore(50)
    await asyncio.gather(*(c.connect(port, gate) for c in everyone))
    log(f"{len(everyone)} clients connected")
    start = time.perf_counter()
    await asyncio.gather(*(c.act(start + seconds, interval) for c in everyone))
    return run, time.perf_counter() - start


def summary(run: Run, elapsed: float) -> dict[str, float]:
    latencies = sorted(run.latencies_ms())
    if not latencies:
        return {"p50_ms": 0.0, "p95_ms": 0.0, "p99_ms": 0.0, "messages_per_s": 0.0, "actions": 0}
    q = statistics.quantiles(latencies, n=100, method="inclusive")
    return {
        "p50_ms": round(q[49], 1),
        "p95_ms": round(q[94], 1),
        "p99_ms": round(q[98], 1),
        "messages_per_s": round(run.deliveries / elapsed, 1),
        "actions": len(latencies),
        "refused": run.errors,
    }


def log(message: str, started: float = time.perf_counter()) -> None:
    print(f"[{time.perf_counter() - started:6.1f} s] {message}", file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="a 10-second run")
    parser.add_argument("--sessions", type=int, default=40)
    parser.add_argument("--clients", type=int, default=15)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument(
        "--ws",
        default="auto",
        help="uvicorn's WebSocket implementation (auto, websockets, websockets-sansio, wsproto)",
    )
    parser.add_argument("--interval", type=float, default=10, help="mean seconds between actions")
    args = parser.parse_args()
    seconds = 10 if args.quick else args.seconds
    env, sessions = prepare(args.sessions, args.clients)
    results = {}
    for name, app in (("floor", "bench.echo_asgi:application"), ("live", "plg.asgi:application")):
        results[name] = measure(app, env, args.ws, sessions, args.clients, seconds, args.interval)
        log(f"{name} measured")
    live, floor = results["live"], results["floor"]
    for name, row in results.items():
        print(
            f"{name:<6} p50 {row['p50_ms']:>7} ms  p95 {row['p95_ms']:>7} ms  "
            f"p99 {row['p99_ms']:>7} ms  {row['messages_per_s']:>8} msg/s  "
            f"{row['actions']} actions, {row.get('refused', 0)} refused"
        )
    ratio = round(live["p95_ms"] / floor["p95_ms"], 2) if floor["p95_ms"] else None
    print(
        json.dumps(
            {
                **{k: live[k] for k in ("p50_ms", "p95_ms", "p99_ms", "messages_per_s")},
                "floor_p50_ms": floor["p50_ms"],
                "floor_p95_ms": floor["p95_ms"],
                "floor_p99_ms": floor["p99_ms"],
                "floor_messages_per_s": floor["messages_per_s"],
                "ratio_p95": ratio,
                "sessions": args.sessions,
                "clients": args.clients,
                "seconds": seconds,
                "actions": live["actions"],
                "refused": live.get("refused", 0),
            }
        )
    )


def prepare(sessions: int, clients: int) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """A database of its own with the sessions and their members' sign-in cookies."""
    tmp = Path(tempfile.mkdtemp())
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "plg.settings.development",
        "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
        "DEBUG": "false",
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "LOG_LEVEL": "WARNING",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    log("migrated")
    made = subprocess.run(
        [*manage, "shell", "-v0", "-c", SETUP.format(sessions=sessions, clients=clients)],
        env=env,
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    made_sessions: list[dict[str, Any]] = json.loads(made.stdout.strip().splitlines()[-1])
    log(f"{sessions} sessions x {clients} members made")
    return env, made_sessions


def measure(
    app: str,
    env: dict[str, str],
    ws: str,
    sessions: list[dict[str, Any]],
    clients: int,
    seconds: float,
    interval: float,
) -> dict[str, float]:
    """Serve ``app`` on a free port and load it; the server stops whatever happens."""
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            app,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--ws-max-size",
            "16777216",
            "--ws",
            ws,
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        wait_for_port(port)
        run, elapsed = asyncio.run(load(port, sessions, clients, seconds, interval))
        return summary(run, elapsed)
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
