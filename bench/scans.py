"""Scan results at network scale: every school profile and the network overview, recomputed,
against the floor of one plain SQL GROUP BY measured in the same run.

A network of 3,000 schools (scholengemeenschappen of 10, one closed PLG-scan wave each) with 50
submitted respondents per school answering 40 items: 150,000 respondents, 6,000,000 answers,
planted school profiles. Timed ("seconds"): ``compute()`` of every wave (the three GROUP BY
queries and the stored Resultaat rows) followed by ``network_overview()`` of all schools.
Floor ("floor_seconds"): one plain ``GROUP BY`` of every school's item means, all rows fetched.
Best of three alternating rounds each. Each size runs in a child process on a fresh database,
so its peak RSS is its own. Prints a table, then one JSON line (the 1x size) as the last line.

The PLG-scan has 28 items; the bench answers a 40-item variant with the same sections, written
to a temporary folder as ``plg-scan`` version 99 (so it is the latest) next to copies of the
real instrument files. The data is loaded (not timed) with plain INSERT statements on SQLite and
COPY on PostgreSQL, then ANALYZEd. ``--database postgresql`` starts a throwaway PostgreSQL on
127.0.0.1 (as scripts/with-postgres.sh does) and removes it afterwards. Peak RSS is that of the
bench process; PostgreSQL's own processes are not in it.

    .venv/bin/python bench/scans.py [--quick] [--database sqlite|postgresql] [--scale 1,2,4]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SCHOOLS = 3_000
PER_SCHOOL = 50
PER_SG = 10
ITEMS = {"kenmerk": 6, "voorwaarde": 4, "leeropbrengst": 6}  # items per section: 3x6 + 4x4 + 6
VERSION = 99
MINIMUM = 5
# School level (before respondent noise) of each planted profile, on the 1-5 scale.
PLANTED = {"beginnend": 2.2, "ontwikkelend": 3.25, "volwassen": 4.3}
FLOOR = (
    "SELECT s.school_id, a.item, AVG(a.value) FROM scans_antwoord a "
    "JOIN scans_antwoordset s ON s.id = a.antwoordset_id "
    "WHERE s.submitted GROUP BY s.school_id, a.item"
)
ITEM_COUNT = 40
COMMIT_EVERY = 5_000  # respondents per transaction while loading


def log(message: str, started: float = time.perf_counter()) -> None:
    print(f"[{time.perf_counter() - started:6.1f} s] {message}", file=sys.stderr, flush=True)


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # KiB on Linux


# --- the instrument -------------------------------------------------------------------------


def write_instruments(folder: Path) -> None:
    """Copies of the real instrument files plus a 40-item PLG-scan built on the real sections."""
    import yaml

    from plg.scans import instruments

    for path in sorted(instruments.FOLDER.glob("*.yaml")):
        shutil.copy(path, folder / path.name)
    real = yaml.safe_load((instruments.FOLDER / "plg-scan-1.yaml").read_text(encoding="utf-8"))
    sections = []
    for section in real["sections"]:
        if section["kind"] in ITEMS:
            prefix = section["items"][0]["key"].rstrip("0123456789")
            count = ITEMS[section["kind"]]
            items = []
            for n in range(1, count + 1):
                item: dict[str, Any] = {
                    "key": f"{prefix}{n}",
                    "nl": f"Uitspraak {n} over {section['nl']['title'].lower()}.",
                    "en": f"Statement {n} about {section['en']['title'].lower()}.",
                }
                # The last item of each characteristic and of one condition is reversed.
                if n == count and (
                    section["kind"] == "kenmerk" or section["key"] == "organisatorische_voorwaarden"
                ):
                    item["reverse"] = True
                items.append(item)
            section = {**section, "items": items}
        sections.append(section)
    bench = {**real, "version": VERSION, "sections": sections}
    (folder / f"plg-scan-{VERSION}.yaml").write_text(
        "# 40-item bench variant of the PLG-scan, written by bench/scans.py.\n"
        + yaml.safe_dump(bench, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )


# --- one size, in a child process -----------------------------------------------------------


def insert(cursor: Any, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """Plain INSERT statements on SQLite; COPY on PostgreSQL, where inserting row by row
    would make loading the 4x size take a quarter of an hour."""
    names = ", ".join(columns)
    if cursor.db.vendor == "postgresql":
        with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        marks = ", ".join(["%s"] * len(columns))
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)  # noqa: S608


def generate(schools: int, seed: int = 1) -> dict[str, Any]:
    """The network, one closed wave per scholengemeenschap, answers with planted profiles."""
    from django.db import connection

    rng = random.Random(seed)
    network, made, afnames = _network(schools)
    planted = {school.pk: rng.choice(list(PLANTED)) for school in made}
    rows = _Rows()
    for n, school in enumerate(made):
        rows.add_school(rng, afnames[n // PER_SG].pk, school.pk, PLANTED[planted[school.pk]])
        if len(rows.sets) >= COMMIT_EVERY:
            rows.flush()
    if rows.sets:
        rows.flush()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE" if connection.vendor == "sqlite" else "VACUUM ANALYZE")
    return {"network_id": network.pk, "planted": planted}


def _network(schools: int) -> tuple[Any, list[Any], list[Any]]:
    """The network, its scholengemeenschappen of ``PER_SG`` schools, one closed wave each."""
    from django.utils import timezone

    from plg.accounts.models import User
    from plg.organisations.models import Network, Scholengemeenschap, School
    from plg.scans.models import Afname

    now = timezone.now()
    user = User.objects.create(email="bench@scans.example")
    network = Network.objects.create(name="Bench netwerk")
    sgs = Scholengemeenschap.objects.bulk_create(
        Scholengemeenschap(network=network, name=f"Scholengemeenschap {n:05}")
        for n in range(-(-schools // PER_SG))
    )
    made = School.objects.bulk_create(
        School(scholengemeenschap=sgs[n // PER_SG], name=f"School {n:05}") for n in range(schools)
    )
    afnames = Afname.objects.bulk_create(
        Afname(
            instrument_slug="plg-scan",
            instrument_version=VERSION,
            title=f"PLG-scan {sg.name}",
            opened_by=user,
            opened_at=now - timezone.timedelta(days=30),
            closed_at=now - timezone.timedelta(days=1),
            poster=False,
        )
        for sg in sgs
    )
    Afname.schools.through.objects.bulk_create(
        Afname.schools.through(afname_id=afnames[n // PER_SG].pk, school_id=school.pk)
        for n, school in enumerate(made)
    )
    return network, made, afnames


class _Rows:
    """Answer sets, answers and section scores waiting to be written in one transaction."""

    def __init__(self) -> None:
        from plg.scans.instruments import instruments
        from plg.scans.models import Antwoordset

        self.instrument = instruments()[("plg-scan", VERSION)]
        self.scored = self.instrument.scored_sections()
        assert sum(len(s.items) for s in self.scored) == ITEM_COUNT
        background = self.instrument.background
        self.roles = len(background.choices["nl"]) if background else 1
        self.uuid_prep = Antwoordset._meta.pk.get_db_prep_value  # hex on SQLite, native on PG
        self.sets: list[tuple[Any, ...]] = []
        self.answers: list[tuple[Any, ...]] = []
        self.scores: list[tuple[Any, ...]] = []

    def add_school(self, rng: random.Random, afname_id: int, school_id: int, base: float) -> None:
        """``PER_SCHOOL`` respondents around the school's planted level."""
        from django.db import connection

        from plg.scans.services import section_scores

        level = base + rng.gauss(0, 0.15)
        section_level = {s.key: level + rng.gauss(0, 0.2) for s in self.scored}
        for _ in range(PER_SCHOOL):
            key = uuid.uuid4()
            set_id = self.uuid_prep(key, connection)
            person = rng.gauss(0, 0.4)
            values = {}
            for section in self.scored:
                for item in section.items:
                    value = min(
                        5, max(1, round(section_level[section.key] + person + rng.gauss(0, 0.7)))
                    )
                    values[item.key] = 6 - value if item.reverse else value
            key_hash = hashlib.sha256(key.bytes).hexdigest()
            self.sets.append(
                (set_id, afname_id, school_id, key_hash, rng.randrange(self.roles), True)
            )
            self.answers.extend((set_id, item, value) for item, value in values.items())
            self.scores.extend(
                (set_id, section, score)
                for section, score in section_scores(self.instrument, values).items()
            )

    def flush(self) -> None:
        from django.db import connection, transaction

        with transaction.atomic(), connection.cursor() as cursor:
            insert(
                cursor,
                "scans_antwoordset",
                ("id", "afname_id", "school_id", "key_hash", "rolgroep", "submitted"),
                self.sets,
            )
            insert(cursor, "scans_antwoord", ("antwoordset_id", "item", "value"), self.answers)
            insert(cursor, "scans_sectiescore", ("antwoordset_id", "section", "score"), self.scores)
        self.sets.clear()
        self.answers.clear()
        self.scores.clear()


def work(network_id: int) -> tuple[float, float, Any]:
    """What is timed: recompute every closed wave, then the network overview of all schools."""
    from plg.organisations.models import School
    from plg.scans.models import Afname
    from plg.scans.network import network_overview
    from plg.scans.results import compute

    start = time.perf_counter()
    compute(list(Afname.objects.filter(instrument_slug="plg-scan", closed_at__isnull=False)))
    computed = time.perf_counter()
    schools = list(
        School.objects.filter(scholengemeenschap__network_id=network_id).select_related(
            "scholengemeenschap"
        )
    )
    overview = network_overview(network_id=network_id, schools=schools, minimum=MINIMUM)
    return computed - start, time.perf_counter() - computed, overview


def floor() -> float:
    from django.db import connection

    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(FLOOR)
        rows = cursor.fetchall()
    elapsed = time.perf_counter() - start
    assert rows
    return elapsed


def run_one(schools: int, rounds: int) -> dict[str, Any]:
    os.environ["DJANGO_SETTINGS_MODULE"] = "plg.settings.development"
    os.environ["DEBUG"] = "false"
    os.environ["LOG_LEVEL"] = "WARNING"
    os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
    with tempfile.TemporaryDirectory() as folder:
        from plg.scans import instruments

        write_instruments(Path(folder))
        instruments.FOLDER = Path(folder)
        instruments.instruments.cache_clear()

        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        call_command("migrate", verbosity=0)
        log(f"migrated ({connection.vendor}); generating {schools} schools")
        start = time.perf_counter()
        world = generate(schools)
        generated = time.perf_counter() - start
        rss_generated = peak_rss_mb()
        log(f"generated in {generated:.1f} s, peak RSS so far {rss_generated} MB")
        floors, works, overview = rounds_of(world["network_id"], rounds)
        instruments.instruments.cache_clear()
    compute_s, overview_s = min(works, key=sum)
    seconds = compute_s + overview_s
    shown = [row for row in overview.rows if row.enough]
    planted = world["planted"]
    respondents = schools * PER_SCHOOL
    return {
        "database": connection.vendor,
        "schools": schools,
        "respondents": respondents,
        "answers": respondents * ITEM_COUNT,
        "generate_seconds": round(generated, 2),
        "seconds": round(seconds, 3),
        "compute_seconds": round(compute_s, 3),
        "overview_seconds": round(overview_s, 3),
        "floor_seconds": round(min(floors), 3),
        "ratio": round(seconds / min(floors), 2),
        "peak_rss_mb": peak_rss_mb(),
        "peak_rss_mb_after_generating": rss_generated,
        "schools_shown": len(shown),
        "schools_clustered": overview.schools_with_data,
        "rule_matches_planted": round(
            sum(row.profile == planted[row.school.pk] for row in shown) / len(shown), 3
        ),
        "cluster_agrees_with_rule": round(overview.agreement.share, 3)
        if overview.agreement
        else None,
    }


def rounds_of(network_id: int, rounds: int) -> tuple[list[float], list[tuple[float, float]], Any]:
    """The work ``rounds`` times, the floor query before or after each round in turn."""
    floors: list[float] = []
    works: list[tuple[float, float]] = []
    overview = None
    for n in range(rounds):
        if n % 2 == 0:
            floors.append(floor())
        compute_s, overview_s, overview = work(network_id)
        works.append((compute_s, overview_s))
        if n % 2 == 1:
            floors.append(floor())
        log(
            f"round {n + 1}: compute {compute_s:.2f} s + overview {overview_s:.2f} s, "
            f"floor {floors[-1]:.2f} s"
        )
    assert overview is not None
    return floors, works, overview


# --- the databases and the parent -----------------------------------------------------------


@contextmanager
def postgresql_cluster() -> Iterator[str]:
    """A throwaway PostgreSQL on 127.0.0.1, as scripts/with-postgres.sh starts one; yields a
    connection URL without database name."""
    from plg.core.loopback import free_port

    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: [int(part) for part in p.parent.name.split(".") if part.isdigit()],
    )
    if not found:
        sys.exit("PostgreSQL is not installed (run scripts/system-deps.sh test)")
    pgbin = found[-1]
    port = free_port()
    folder = Path(tempfile.mkdtemp())
    run_as: list[str] = []
    if os.getuid() == 0:
        shutil.chown(folder, "postgres")
        run_as = ["runuser", "-u", "postgres", "--"]
    data = folder / "data"
    quiet = {"stdout": subprocess.DEVNULL, "check": True}
    try:
        subprocess.run(
            [
                *run_as,
                *(pgbin / "initdb", "-D", data, "-U", "postgres", "--auth=trust"),
                *("-E", "UTF8", "--locale=C.UTF-8"),
            ],
            **quiet,
        )
        options = f"-p {port} -c listen_addresses=127.0.0.1 -k {folder}"
        options += " -c fsync=off -c full_page_writes=off"
        subprocess.run(
            [
                *run_as,
                *(pgbin / "pg_ctl", "-D", data, "-l", folder / "log", "-w"),
                *("-o", options, "start"),
            ],
            **quiet,
        )
        yield f"postgres://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(
            [*run_as, pgbin / "pg_ctl", "-D", data, "-m", "fast", "stop"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def fresh_database(kind: str, cluster: str | None, name: str) -> Iterator[str]:
    """An empty database for one size: a new SQLite file, or a new database in the cluster."""
    if kind == "sqlite":
        folder = tempfile.mkdtemp()
        try:
            yield f"sqlite:///{folder}/bench.sqlite3"
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return
    import psycopg

    assert cluster is not None
    with psycopg.connect(f"{cluster}/postgres", autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield f"{cluster}/{name}"
    finally:
        with psycopg.connect(f"{cluster}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the size")
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument(
        "--scale", help="size multipliers, comma-separated (default 1,2,4; --quick: 1)"
    )
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds; the best counts")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child: this many schools
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.rounds)))
        return
    base = SCHOOLS // 10 if args.quick else SCHOOLS
    scales = [float(s) for s in (args.scale or ("1" if args.quick else "1,2,4")).split(",")]
    sizes = []
    with postgresql_cluster() if args.database == "postgresql" else nullcontext() as cluster:
        for factor in scales:
            schools = round(base * factor)
            name = f"bench_scans_{schools}"
            with fresh_database(args.database, cluster, name) as url:
                log(f"size {factor:g}x: {schools} schools on {args.database}")
                child = subprocess.run(
                    [sys.executable, __file__, "--one", str(schools), "--rounds", str(args.rounds)],
                    env=os.environ | {"DATABASE_URL": url},
                    cwd=ROOT,
                    stdout=subprocess.PIPE,
                    text=True,
                    check=True,
                )
            sizes.append({"scale": factor} | json.loads(child.stdout.strip().splitlines()[-1]))
    print(
        f"{args.database}: 1x = {base:,} schools x {PER_SCHOOL} respondents x {ITEM_COUNT} items"
        f"{' (--quick)' if args.quick else ''}; best of {args.rounds} rounds"
    )
    print(
        f"{'size':>5} {'schools':>8} {'respondents':>12} {'answers':>11} {'generate':>9} "
        f"{'seconds':>8} {'compute':>8} {'overview':>9} {'floor':>7} {'ratio':>6} {'peak RSS':>9}"
    )
    for row in sizes:
        print(
            f"{row['scale']:>4g}x {row['schools']:>8,} {row['respondents']:>12,} "
            f"{row['answers']:>11,} {row['generate_seconds']:>8.1f}s {row['seconds']:>7.2f}s "
            f"{row['compute_seconds']:>7.2f}s {row['overview_seconds']:>8.2f}s "
            f"{row['floor_seconds']:>6.2f}s {row['ratio']:>6.2f} {row['peak_rss_mb']:>6.0f} MB"
        )
    main_row = next((row for row in sizes if row["scale"] == 1), sizes[0])
    print(
        f"targets at {main_row['scale']:g}x: ratio {main_row['ratio']} "
        f"({'met' if main_row['ratio'] <= 2 else 'NOT met'}: within 2x the floor), "
        f"peak RSS {main_row['peak_rss_mb']:.0f} MB "
        f"({'met' if main_row['peak_rss_mb'] < 1024 else 'NOT met'}: under 1 GiB)"
    )
    print(json.dumps({**main_row, "quick": args.quick, "sizes": sizes}))


if __name__ == "__main__":
    main()
