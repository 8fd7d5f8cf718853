"""The month planner on a generated scholengemeenschap: naive greedy, smart greedy and CP-SAT,
compared on one cost scale, in the same run.

The default scholengemeenschap (``generate`` in plg/planning/tests/generator.py, seeded) has 8
schools of 60 teachers with block timetables (8 periods of 50 minutes, lunch, Wednesday afternoon
free, about 22 of 36 periods taught, mostly in double periods), 5 PLG's of 5-8 members per school
of which 20% across two schools, two meetings of 100 minutes each at least 7 days apart in March
2027 (Easter holidays from the 29th, one study day without pupils per school, class councils after
school in the week before the holidays), substitutes capped at 2 periods a week and after-school
meetings at 2 a teacher a month.

Each size runs in a child process, so its peak RSS is its own. Every plan is checked by the
independent validator (plg/planning/check.py). Prints a table, then one JSON line (the 8-school
size) as the last line.

    .venv/bin/python bench/planner.py [--quick] [--schools N] [--seconds 10] [--workers 2]
        [--afweging schooluren|evenwicht|na_school]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_SCHOOLS = 8
SIZES = (4, 8, 16)
SLOW_SECONDS = 30.0  # the second CP-SAT limit at the largest size, when 10 s did not prove it


def log(message: str, started: float = time.perf_counter()) -> None:
    print(f"[{time.perf_counter() - started:6.1f} s] {message}", file=sys.stderr, flush=True)


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)  # KiB on Linux


def describe(probleem: Any, plan: Any, valid: list[str]) -> dict[str, Any]:
    from plg.planning.costs import kosten, na_school_deelnames, na_school_minuten

    return {
        "status": str(plan.status),
        "objective": kosten(probleem, plan),
        "substitution_periods": plan.vervanguren,
        "max_substitute_load": plan.max_vervanger_last,
        "after_school_attendances": na_school_deelnames(probleem, plan),
        "after_school_minutes": na_school_minuten(probleem, plan),
        "unplaced": plan.onbezet,
        "seconds": round(plan.solve_seconds, 2),
        "errors": len(valid),
    }


def run_one(
    schools: int, seed: int, seconds: float, workers: list[int], afweging: str = "schooluren"
) -> dict[str, Any]:
    from plg.planning.check import fouten
    from plg.planning.greedy import plan_naief, plan_slim
    from plg.planning.problem import Status
    from plg.planning.solver import plan_cpsat
    from plg.planning.tests.generator import generate

    start = time.perf_counter()
    from dataclasses import replace

    from plg.planning.problem import Afweging

    probleem = replace(generate(schools, seed), afweging=Afweging(afweging))
    generated = time.perf_counter() - start
    log(
        f"{schools} schools: {len(probleem.leerkrachten)} teachers, {len(probleem.groepen)} PLG's"
        f" ({sum(g.over_scholen for g in probleem.groepen)} across schools), "
        f"{len(probleem.momenten)} candidate moments"
    )
    result: dict[str, Any] = {
        "schools": schools,
        "teachers": len(probleem.leerkrachten),
        "plgs": len(probleem.groepen),
        "meetings": sum(g.aantal for g in probleem.groepen),
        "moments": len(probleem.momenten),
        "generate_seconds": round(generated, 2),
    }
    for name, planner in (("naive", plan_naief), ("smart", plan_slim)):
        plan = planner(probleem)
        result[name] = describe(probleem, plan, fouten(probleem, plan))
        log(f"{schools} schools: {name} {result[name]}")
    runs = []
    for count in workers:
        plan = plan_cpsat(probleem, seconds=seconds, workers=count)
        row = describe(probleem, plan, fouten(probleem, plan)) | {
            "workers": count,
            "limit_seconds": seconds,
            "bound": plan.bound,
            "gap_percent": plan.gap_percent,
            "solve_seconds": round(plan.solve_seconds, 2),
        }
        runs.append(row)
        log(f"{schools} schools: cpsat {row}")
    result["cpsat"] = runs[0]
    result["cpsat_workers"] = runs
    if schools >= max(SIZES) and runs[0]["status"] != str(Status.OPTIMAAL):
        plan = plan_cpsat(probleem, seconds=SLOW_SECONDS, workers=workers[0])
        result["cpsat_slow"] = describe(probleem, plan, fouten(probleem, plan)) | {
            "limit_seconds": SLOW_SECONDS,
            "gap_percent": plan.gap_percent,
            "solve_seconds": round(plan.solve_seconds, 2),
        }
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def bars(row: dict[str, Any]) -> list[tuple[str, bool]]:
    """The targets for one size, as (description, met)."""
    cpsat = row["cpsat"]
    checks = [
        ("every plan valid", all(row[k]["errors"] == 0 for k in ("naive", "smart", "cpsat"))),
        ("every meeting placed by CP-SAT", cpsat["unplaced"] == 0),
        ("highest substitute load <= 3", cpsat["max_substitute_load"] <= 3),
        ("peak RSS < 500 MB", row["peak_rss_mb"] < 500),
    ]
    if row["schools"] == DEFAULT_SCHOOLS:
        checks.append(
            (
                "proven optimal within 10 s",
                cpsat["status"] == "optimaal" and cpsat["solve_seconds"] <= 10,
            )
        )
    if row["schools"] >= 2 * DEFAULT_SCHOOLS:
        slow = row.get("cpsat_slow", cpsat)
        checks.append(("gap <= 1.5% at 10 s", (cpsat["gap_percent"] or 0) <= 1.5))
        checks.append(
            (
                "optimal within 30 s",
                slow["status"] == "optimaal" and slow["solve_seconds"] <= SLOW_SECONDS,
            )
        )
    return checks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="the 8-school size only")
    parser.add_argument("--schools", type=int, help="one size: this many schools")
    parser.add_argument("--seconds", type=float, default=10.0, help="CP-SAT time limit")
    parser.add_argument(
        "--workers", default="2", help="CP-SAT workers, comma-separated; the first counts"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--afweging",
        default="schooluren",
        choices=("schooluren", "evenwicht", "na_school"),
        help="the school's choice between school hours and after school",
    )
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child: this many schools
    args = parser.parse_args()
    workers = [int(w) for w in args.workers.split(",")]
    if args.one:
        print(json.dumps(run_one(args.one, args.seed, args.seconds, workers, args.afweging)))
        return
    if args.schools:
        sizes: tuple[int, ...] = (args.schools,)
    elif args.quick:
        sizes = (DEFAULT_SCHOOLS,)
    else:
        sizes = (DEFAULT_SCHOOLS // 2, DEFAULT_SCHOOLS, DEFAULT_SCHOOLS * 2)
    rows = [
        run_child(schools, args.seed, args.seconds, args.workers, args.afweging)
        for schools in sizes
    ]
    print_table(rows, args.seed, args.seconds, workers[0], args.afweging)
    print(json.dumps(summary(rows, args.quick)))


def run_child(
    schools: int, seed: int, seconds: float, workers: str, afweging: str
) -> dict[str, Any]:
    """One size in a process of its own, so its peak RSS is its own."""
    log(f"size: {schools} schools")
    child = subprocess.run(
        [
            sys.executable,
            __file__,
            *("--one", str(schools), "--seed", str(seed)),
            *("--seconds", str(seconds), "--workers", workers, "--afweging", afweging),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    row: dict[str, Any] = json.loads(child.stdout.strip().splitlines()[-1])
    return row


def print_table(
    rows: list[dict[str, Any]], seed: int, seconds: float, workers: int, afweging: str
) -> None:
    print(
        f"seed {seed}; CP-SAT limit {seconds:g} s, {workers} workers; "
        f"objective = one lexicographic cost by the choice '{afweging}' (unplaced, then "
        "substitution periods and after-school periods as chosen, then highest load)"
    )
    print(
        f"{'schools':>7} {'planner':<8} {'status':<11} {'objective':>11} {'bound':>11} "
        f"{'gap %':>6} {'seconds':>8} {'subst':>6} {'max load':>8} {'after':>6} {'unplaced':>8} "
        f"{'errors':>6} {'peak RSS':>9}"
    )
    for row in rows:
        print_size(row)
    for row in rows:
        met = bars(row)
        print(
            f"targets at {row['schools']} schools: "
            + "; ".join(f"{text} ({'met' if ok else 'NOT met'})" for text, ok in met)
        )


def print_size(row: dict[str, Any]) -> None:
    for name in ("naive", "smart", "cpsat"):
        r = row[name]
        bound = f"{r['bound']:>11.0f}" if r.get("bound") is not None else f"{'':>11}"
        gap = f"{r['gap_percent']:>6.2f}" if r.get("gap_percent") is not None else f"{'':>6}"
        print(
            f"{row['schools']:>7} {name:<8} {r['status']:<11} {r['objective']:>11} {bound} "
            f"{gap} {r['seconds']:>7.2f}s {r['substitution_periods']:>6} "
            f"{r['max_substitute_load']:>8} {r['after_school_attendances']:>6} "
            f"{r['unplaced']:>8} {r['errors']:>6} {row['peak_rss_mb']:>6.0f} MB"
        )
    for extra in row["cpsat_workers"][1:]:
        print(
            f"{'':>7} {'cpsat/' + str(extra['workers']):<8} {extra['status']:<11} "
            f"{extra['objective']:>11} {extra['bound']:>11.0f} {extra['gap_percent']:>6.2f} "
            f"{extra['solve_seconds']:>7.2f}s"
        )
    if "cpsat_slow" in row:
        slow = row["cpsat_slow"]
        print(
            f"{'':>7} {'cpsat/30s':<8} {slow['status']:<11} {slow['objective']:>11} "
            f"{'':>11} {slow['gap_percent'] or 0:>6.2f} {slow['solve_seconds']:>7.2f}s"
        )


def summary(rows: list[dict[str, Any]], quick: bool) -> dict[str, Any]:
    """The JSON line: the 8-school size, with every size in ``sizes``."""
    main_row = next((r for r in rows if r["schools"] == DEFAULT_SCHOOLS), rows[0])
    cpsat = main_row["cpsat"]
    return {
        "schools": main_row["schools"],
        "cpsat_status": cpsat["status"],
        "cpsat_objective": cpsat["objective"],
        "cpsat_bound": cpsat["bound"],
        "naive_objective": main_row["naive"]["objective"],
        "smart_objective": main_row["smart"]["objective"],
        "gap_percent": cpsat["gap_percent"],
        "solve_seconds": cpsat["solve_seconds"],
        "unplaced_naive": main_row["naive"]["unplaced"],
        "unplaced_smart": main_row["smart"]["unplaced"],
        "unplaced_cpsat": cpsat["unplaced"],
        "max_substitute_load": cpsat["max_substitute_load"],
        "peak_rss_mb": main_row["peak_rss_mb"],
        "peak_rss_mb_children": peak_rss_mb(resource.RUSAGE_CHILDREN),
        "targets_met": all(ok for row in rows for _, ok in bars(row)),
        "quick": quick,
        "sizes": rows,
    }


if __name__ == "__main__":
    main()
