"""Start the production topology in a directory of its own and stop all of it again.

Every process is started here and remembered; ``Topology.stop`` ends them in reverse order,
also when a step fails. PostgreSQL runs as its own system user when the check runs as root
(``initdb`` refuses root), like ``scripts/with-postgres.sh``.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import psutil

from plg.core.loopback import free_port, wait_for_port

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
KEPT_ENVIRONMENT = {"PATH", "HOME", "LANG", "TZ", "TMPDIR", "USER", "LOGNAME"}
GUNICORN_WORKERS = 4  # 2 × cores on the 2-core machine of the measurements; see docs/deploy.md


@dataclass
class Process:
    name: str
    popen: subprocess.Popen[bytes]
    log: Path


@dataclass
class Topology:
    run: Path
    port: int = field(default_factory=free_port)
    ports: dict[str, int] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)
    processes: list[Process] = field(default_factory=list)
    postgres: Path | None = None

    @property
    def base_url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    @property
    def cert(self) -> Path:
        return self.run / "tls" / "cert.pem"

    def start(self, staff: int) -> Path:
        """Everything up and answering; returns the seeded data's file."""
        for sub in ("logs", "nginx", "tls", "static", "media"):
            (self.run / sub).mkdir()
        # Traversable, not listable: nginx's workers read static/ as another user.
        self.run.chmod(0o711)
        (self.run / "static").chmod(0o755)
        self.ports = {name: free_port() for name in ("redis", "gunicorn", "uvicorn_a", "uvicorn_b")}
        database_url = self._start_postgres()
        redis_password = secrets.token_hex(24)
        self._start_redis(redis_password)
        self.env = self._environment(database_url, redis_password)
        self._manage("collectstatic", "--noinput", "-v0")
        data = self.run / "seed.json"
        self._python("-m", "prodcheck.seed", str(data), str(staff), log="seed")
        self._start_apps()
        self._start_nginx()
        return data

    def _environment(self, database_url: str, redis_password: str) -> dict[str, str]:
        """``plg.settings.production`` with secrets made for this run; mail goes nowhere."""
        # Nothing of the caller's own settings (a DEBUG, a TASKS_BACKEND) leaks into the check.
        env = {k: v for k, v in os.environ.items() if k in KEPT_ENVIRONMENT or k.startswith("LC_")}
        return env | {
            "DJANGO_SETTINGS_MODULE": "plg.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": database_url,
            "REDIS_URL": f"redis://:{redis_password}@127.0.0.1:{self.ports['redis']}/0",
            "ALLOWED_HOSTS": "127.0.0.1",
            "CSRF_TRUSTED_ORIGINS": self.base_url,
            "SITE_URL": self.base_url,
            "STATIC_ROOT": str(self.run / "static"),
            "MEDIA_ROOT": str(self.run / "media"),
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "PYTHONPATH": str(ROOT),
        }

    def _as_postgres(self) -> list[str]:
        return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def _start_postgres(self) -> str:
        pgbin = _postgres_bin()
        pg = self.run / "postgres"
        pg.mkdir()
        password = secrets.token_hex(24)
        (pg / "pw").write_text(password)
        if os.geteuid() == 0:
            shutil.chown(pg, "postgres")
            shutil.chown(pg / "pw", "postgres")
        port = free_port()
        as_pg = self._as_postgres()
        quiet = {"stdout": subprocess.DEVNULL, "check": True}
        subprocess.run(
            [*as_pg, f"{pgbin}/initdb", "-D", f"{pg}/data", "-U", "postgres", "-E", "UTF8",
             "--locale=C.UTF-8", "--auth-local=trust", "--auth-host=scram-sha-256",
             f"--pwfile={pg}/pw"],
            **quiet,  # type: ignore[call-overload]
        )  # fmt: skip
        (pg / "pw").unlink()
        self.postgres = pg  # from here on `stop` stops it, even if starting fails halfway
        subprocess.run(
            [*as_pg, f"{pgbin}/pg_ctl", "-D", f"{pg}/data", "-l", f"{pg}/postgres.log",
             "-w", "-o", f"-p {port} -c listen_addresses=127.0.0.1 -k {pg}", "start"],
            **quiet,  # type: ignore[call-overload]
        )  # fmt: skip
        sql = f"CREATE ROLE plg LOGIN PASSWORD '{password}'; CREATE DATABASE plg OWNER plg;"
        for statement in sql.split("; "):
            subprocess.run(
                [*as_pg, f"{pgbin}/psql", "-h", str(pg), "-p", str(port), "-U", "postgres",
                 "-q", "-c", statement.rstrip(";")],
                **quiet,  # type: ignore[call-overload]
            )  # fmt: skip
        return f"postgres://plg:{password}@127.0.0.1:{port}/plg"

    def _start_redis(self, password: str) -> None:
        conf = self.run / "redis.conf"  # the password stays out of the process list
        conf.write_text(
            f'bind 127.0.0.1\nport {self.ports["redis"]}\nsave ""\nappendonly no\n'
            f"requirepass {password}\n"
        )
        conf.chmod(0o600)
        self._spawn("redis", [_which("redis-server"), str(conf)], env=dict(os.environ))
        wait_for_port(self.ports["redis"])

    def _start_apps(self) -> None:
        p = self.ports
        self._spawn(
            "gunicorn",
            [PYTHON, "-m", "gunicorn", "plg.wsgi:application", "--bind", f"127.0.0.1:{p['gunicorn']}",
             "--workers", str(GUNICORN_WORKERS), "--preload", "--access-logfile", "-"],
        )  # fmt: skip
        for name in ("uvicorn_a", "uvicorn_b"):
            self._spawn(
                name,
                [PYTHON, "-m", "uvicorn", "plg.asgi:application", "--host", "127.0.0.1",
                 "--port", str(p[name]), "--proxy-headers", "--forwarded-allow-ips", "127.0.0.1",
                 "--log-level", "warning"],
            )  # fmt: skip
        self._spawn("werker", [PYTHON, "manage.py", "werker"])
        for name in ("gunicorn", "uvicorn_a", "uvicorn_b"):
            wait_for_port(p[name], timeout=240)  # a busy machine loads Django slowly

    def _start_nginx(self) -> None:
        _certificate(self.run / "tls")
        text = (ROOT / "prodcheck" / "nginx.conf").read_text()
        for key, value in {
            "@RUN@": str(self.run),
            "@PORT@": str(self.port),
            "@GUNICORN@": str(self.ports["gunicorn"]),
            "@UVICORN_A@": str(self.ports["uvicorn_a"]),
            "@UVICORN_B@": str(self.ports["uvicorn_b"]),
        }.items():
            text = text.replace(key, value)
        conf = self.run / "nginx" / "nginx.conf"
        conf.write_text(text)
        nginx = _which("nginx", "/usr/sbin/nginx")
        command = [nginx, "-p", str(self.run / "nginx"), "-c", str(conf)]
        subprocess.run([*command, "-t", "-q", "-e", str(self.run / "logs" / "nginx-error.log")],
                       check=True)  # fmt: skip
        self._spawn("nginx", [*command, "-e", str(self.run / "logs" / "nginx-error.log")])
        wait_for_port(self.port)

    def _spawn(self, name: str, command: list[str], env: dict[str, str] | None = None) -> None:
        log = self.run / "logs" / f"{name}.log"
        with log.open("ab") as out:
            popen = subprocess.Popen(
                command, cwd=ROOT, env=env or self.env, stdout=out, stderr=subprocess.STDOUT
            )
        self.processes.append(Process(name, popen, log))

    def _manage(self, *args: str) -> None:
        self._python("manage.py", *args, log="manage")

    def _python(self, *args: str, log: str) -> None:
        with (self.run / "logs" / f"{log}.log").open("ab") as out:
            subprocess.run(
                [PYTHON, *args], cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT,
                check=True,
            )  # fmt: skip

    def cpu_seconds(self) -> dict[str, float]:
        """CPU time used so far by each part (with its workers): where a load's time goes."""
        pids = {p.name: p.popen.pid for p in self.processes if p.popen.poll() is None}
        if self.postgres is not None:
            pid_file = self.postgres / "data" / "postmaster.pid"
            pids["postgres"] = int(pid_file.read_text().split()[0])
        used: dict[str, float] = {}
        for name, pid in pids.items():
            try:
                process = psutil.Process(pid)
                family = [process, *process.children(recursive=True)]
                used[name] = sum(sum(p.cpu_times()[:2]) for p in family)
            except psutil.Error:
                used[name] = 0.0
        return used

    def ended(self) -> list[str]:
        """The names of started processes that have ended by themselves."""
        return [p.name for p in self.processes if p.popen.poll() is not None]

    def stop(self) -> None:
        """One after the other in reverse order (nginx first, Redis and PostgreSQL last), so
        no process loses a server it still talks to while it shuts down."""
        for process in reversed(self.processes):
            if process.popen.poll() is None:
                process.popen.terminate()
            try:
                process.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.popen.kill()
                process.popen.wait()
        if self.postgres is not None:
            subprocess.run(
                [*self._as_postgres(), f"{_postgres_bin()}/pg_ctl", "-D", f"{self.postgres}/data",
                 "-m", "fast", "-w", "stop"],
                stdout=subprocess.DEVNULL, check=False,
            )  # fmt: skip
            self.postgres = None

    def tail_logs(self, out: IO[str], lines: int = 15) -> None:
        for log in sorted([*(self.run / "logs").glob("*.log"), *self.run.glob("postgres/*.log")]):
            text = log.read_text(errors="replace").splitlines()[-lines:]
            out.write(f"--- {log.name}\n" + "\n".join(text) + "\n")


def new_run() -> Topology:
    return Topology(run=Path(tempfile.mkdtemp(prefix="plg-prodcheck-")))


def _postgres_bin() -> str:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    if not found:
        raise SystemExit("PostgreSQL is not installed (run scripts/system-deps.sh prod)")
    return str(found[-1])


def _which(name: str, fallback: str = "") -> str:
    found = shutil.which(name) or (fallback if Path(fallback).exists() else "")
    if not found:
        raise SystemExit(f"{name} is not installed (run scripts/system-deps.sh prod)")
    return found


def _certificate(directory: Path) -> None:
    """A certificate for 127.0.0.1 that lives as long as the run (the clients trust this one)."""
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(directory / "key.pem"), "-out", str(directory / "cert.pem")],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
