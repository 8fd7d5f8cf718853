"""``python -m prodcheck [--users 200] [--seconds 60]``: start, check, load, stop; the last line
of the output is one JSON object. Exits 1 when the smoke journey fails, there are errors, or
pages are slower than the target."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from prodcheck import smoke
from prodcheck.topology import PYTHON, ROOT, Topology, new_run

PAGES_P95_TARGET_MS = 300.0
# Staff arrive over 20 s, then all of them act for the seconds asked; both phases are measured.
ARRIVAL_SECONDS = 20


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="prodcheck")
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--keep", action="store_true", help="keep the logs of the run")
    parser.add_argument("--serve", action="store_true", help="start, then wait for Ctrl+C")
    args = parser.parse_args(argv)
    # Stopped from outside (a CI timeout): still stop everything started, through `finally`.
    signal.signal(signal.SIGTERM, lambda _signal, _frame: sys.exit(143))
    topology = new_run()
    if args.serve:
        return serve(topology, args.users)
    result: dict[str, Any] = {"users": 0, "pages_p95_ms": None, "errors": None}
    result["live_cross_process"] = False
    ok = False
    try:
        ok = check(topology, args.users, args.seconds, result)
    except Exception as failure:  # any failure still ends with the JSON line, everything stopped
        result["failed"] = f"{type(failure).__name__}: {failure}"
    finally:
        topology.stop()
        if not ok:
            topology.tail_logs(sys.stderr)
        if args.keep or not ok:
            print(f"logs: {topology.run / 'logs'}", file=sys.stderr)
        else:
            _remove(topology.run)
    result["ok"] = ok
    print(json.dumps(result))
    return 0 if ok else 1


def check(topology: Topology, users: int, seconds: int, result: dict[str, Any]) -> bool:
    started = time.monotonic()
    print("starting PostgreSQL, Redis, gunicorn, 2 × uvicorn, the worker and nginx", flush=True)
    data = topology.start(staff=max(users, 24))
    result["start_s"] = round(time.monotonic() - started, 1)
    print(f"running at {topology.base_url}; smoke journey", flush=True)
    seeded = json.loads(data.read_text())
    journey = smoke.journey(topology.base_url, topology.cert, seeded["smoke"])
    result["live_cross_process"] = True
    result["live_upstreams"] = journey["live_upstreams"]
    print(f"load: {users} staff for {seconds} s (locust)", flush=True)
    before = topology.cpu_seconds()
    load = run_locust(topology, data, users, seconds)
    after = topology.cpu_seconds()
    result["cpu_s"] = {k: round(after.get(k, 0) - v, 1) for k, v in before.items()}
    result["cpu_s"]["locust"] = load.get("cpu_s", 0)
    result["load_average"] = [round(x, 1) for x in os.getloadavg()]  # others share the cores
    http = load["pages"]["requests"] + load["scan"]["requests"]
    result["gunicorn_cpu_ms_per_request"] = round(1000 * result["cpu_s"]["gunicorn"] / max(http, 1))
    gone = topology.ended()
    result |= {
        "users": load["users"],
        "pages_p95_ms": load["http_p95_ms"],
        "errors": sum(load[k]["errors"] for k in ("pages", "scan", "live", "live_connect")),
        "live_card_p95_ms": load["live"]["p95_ms"],
        "live_connect_p95_ms": load["live_connect"]["p95_ms"],
        "load": load,
        "processes_ended_early": gone,
    }
    return (
        not gone
        and result["errors"] == 0
        and result["users"] >= users
        and result["pages_p95_ms"] <= PAGES_P95_TARGET_MS
    )


def serve(topology: Topology, users: int) -> int:
    """The topology to try by hand: the demo logins work at the printed address."""
    try:
        topology.start(staff=users)
        print(f"{topology.base_url}/aanmelden/  (certificate: {topology.cert}; Ctrl+C stops)")
        while not topology.ended():
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        topology.stop()
        print(f"logs: {topology.run / 'logs'}")
    return 0


def run_locust(topology: Topology, data: Path, users: int, seconds: int) -> dict[str, Any]:
    out = topology.run / "locust.json"
    env = {k: v for k, v in topology.env.items() if k not in ("SECRET_KEY", "DATABASE_URL")}
    env |= {
        "PRODCHECK_DATA": str(data),
        "PRODCHECK_CERT": str(topology.cert),
        "PRODCHECK_RESULT": str(out),
    }
    with (topology.run / "logs" / "locust.log").open("ab") as log:
        subprocess.run(
            [PYTHON, "-m", "locust", "-f", str(ROOT / "prodcheck" / "locustfile.py"),
             "--headless", "--users", str(users), "--spawn-rate", str(users / ARRIVAL_SECONDS),
             "--run-time", f"{ARRIVAL_SECONDS + seconds}s", "--stop-timeout", "10",
             "--host", topology.base_url,
             "--only-summary", "--loglevel", "WARNING", "--exit-code-on-error", "0"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, check=True,
        )  # fmt: skip
    summary: dict[str, Any] = json.loads(out.read_text())
    return summary


def _remove(run: Path) -> None:
    shutil.rmtree(run, ignore_errors=True)


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main(sys.argv[1:]))
