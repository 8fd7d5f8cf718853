"""The visit-round planner on a generated school: greedy and CP-SAT, on one cost scale, in the
same run, against a floor measured in that run.

The school (``generate_ronde`` in plg/planning/tests/rondes_generator.py, seeded) has 60
teachers with the block timetables of bench/planner.py (8 periods of 50 minutes, Wednesday
afternoon free, part-timers with days off, busy times), every teacher signed up with two buddy
preferences, a round of four school weeks (March 2027, one study day) in which everyone visits
two colleagues and is visited twice, during a whole lesuur, with cover capped at 3 periods per
substitute a month. ``--blits`` plans a blitsweek instead (one week, 15 minutes, the same
two-and-two): tight enough that cover is needed. With ``--schools N`` the round spans N such schools of a
scholengemeenschap (visits across schools allowed, 20 minutes of travel).

Floor ("floor_seconds"): listing the candidate visits once — the least any planner does to see
the problem; "ratio" is CP-SAT's search time over it. Each size runs in a child process, so its
peak RSS is its own. Every plan is checked by the independent validator
(plg/planning/rondes/check.py). Prints a table, then one JSON line as the last line.

    .venv/bin/python bench/visits.py [--quick] [--schools N] [--seconds 10] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZES = (1, 4, 8)


def log(message: str, started: float = time.perf_counter()) -> None:
    print(f"[{time.perf_counter() - started:6.1f} s] {message}", file=sys.stderr, flush=True)


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)  # KiB on Linux


def run_one(
    schools: int, seed: int, seconds: float, workers: int, blits: bool = False
) -> dict[str, Any]:
    from plg.planning.rondes.check import fouten
    from plg.planning.rondes.cpsat import plan_cpsat
    from plg.planning.rondes.greedy import plan_greedy
    from plg.planning.rondes.kandidaten import kandidaten
    from plg.planning.tests.rondes_generator import generate_ronde

    if blits:
        ronde = generate_ronde(
            schools,
            seed,
            over_scholen=schools > 1,
            van=date(2027, 3, 1),
            tot=date(2027, 3, 5),
            minuten=15,
        )
    else:
        ronde = generate_ronde(schools, seed, over_scholen=schools > 1)
    start = time.perf_counter()
    lijst = kandidaten(ronde)
    floor = time.perf_counter() - start
    log(
        f"{schools} schools: {len(ronde.deelnemers)} teachers, {ronde.doel} visits asked, "
        f"{len(lijst)} candidates ({sum(bool(k.dekking) for k in lijst)} with cover) "
        f"in {floor:.2f} s"
    )
    greedy = plan_greedy(ronde)
    log(f"{schools} schools: greedy {len(greedy.bezoeken)} placed in {greedy.solve_seconds:.2f} s")
    cpsat = plan_cpsat(ronde, seconds=seconds, workers=workers)
    greedy_errors, cpsat_errors = fouten(ronde, greedy), fouten(ronde, cpsat)
    row = {
        "schools": schools,
        "blits": blits,
        "teachers": len(ronde.deelnemers),
        "candidates": len(lijst),
        "visits_asked": ronde.doel,
        "visits": len(cpsat.bezoeken),
        "unplaced": cpsat.niet_geplaatst,
        "greedy_unplaced": greedy.niet_geplaatst,
        "objective": cpsat.objective,
        "greedy_objective": greedy.objective,
        "bound": cpsat.bound,
        "gap_percent": cpsat.gap_percent,
        "status": str(cpsat.status),
        "solve_seconds": round(cpsat.solve_seconds, 2),
        "greedy_seconds": round(greedy.solve_seconds, 2),
        "floor_seconds": round(floor, 3),
        "ratio": round(cpsat.solve_seconds / floor, 2) if floor else None,
        "cover_periods": cpsat.vervanguren,
        "greedy_cover_periods": greedy.vervanguren,
        "max_substitute_load": cpsat.max_vervanger_last,
        "errors": len(cpsat_errors),
        "greedy_errors": len(greedy_errors),
        "peak_rss_mb": peak_rss_mb(),
    }
    log(f"{schools} schools: cpsat {row}")
    return row


def bars(row: dict[str, Any], seconds: float) -> list[tuple[str, bool]]:
    """The targets for one size, as (description, met)."""
    return [
        ("every plan valid", row["errors"] == 0 and row["greedy_errors"] == 0),
        ("nothing unplaced", row["unplaced"] == 0),
        (
            f"proven optimal within {seconds:g} s",
            row["status"] == "optimaal"
            and row["gap_percent"] == 0
            and row["solve_seconds"] <= seconds,
        ),
        ("highest substitute load <= 3 a month", row["max_substitute_load"] <= 3),
        ("objective <= greedy", row["objective"] <= row["greedy_objective"]),
        ("peak RSS < 500 MB", row["peak_rss_mb"] < 500),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one school only")
    parser.add_argument("--schools", type=int, help="one size: this many schools")
    parser.add_argument("--seconds", type=float, default=10.0, help="CP-SAT deterministic limit")
    parser.add_argument("--workers", type=int, default=2, help="CP-SAT workers")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--blits", action="store_true", help="a blitsweek: one week, 15 minutes, cover needed"
    )
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child: this many schools
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.seed, args.seconds, args.workers, args.blits)))
        return
    sizes: tuple[int, ...] = (args.schools,) if args.schools else (1,) if args.quick else SIZES
    rows = [run_child(n, args.seed, args.seconds, args.workers, args.blits) for n in sizes]
    print_table(rows, args.seed, args.seconds, args.workers)
    main_row = rows[0]
    print(
        json.dumps(
            main_row
            | {
                "targets_met": all(ok for row in rows for _, ok in bars(row, args.seconds)),
                "quick": args.quick,
                "peak_rss_mb_children": peak_rss_mb(resource.RUSAGE_CHILDREN),
                "sizes": rows,
            }
        )
    )


def run_child(schools: int, seed: int, seconds: float, workers: int, blits: bool) -> dict[str, Any]:
    """One size in a process of its own, so its peak RSS is its own."""
    log(f"size: {schools} schools")
    child = subprocess.run(
        [
            sys.executable,
            __file__,
            *("--one", str(schools), "--seed", str(seed)),
            *("--seconds", str(seconds), "--workers", str(workers)),
            *(["--blits"] if blits else []),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    row: dict[str, Any] = json.loads(child.stdout.strip().splitlines()[-1])
    return row


def print_table(rows: list[dict[str, Any]], seed: int, seconds: float, workers: int) -> None:
    print(
        f"seed {seed}; CP-SAT deterministic limit {seconds:g} s, {workers} workers; objective = "
        "one lexicographic cost (unplaced, cover periods, highest load, unwanted pairs)"
    )
    print(
        f"{'schools':>7} {'teachers':>8} {'planner':<7} {'status':<10} {'placed':>6} "
        f"{'unplaced':>8} {'objective':>12} {'gap %':>6} {'seconds':>8} {'cover':>5} "
        f"{'max load':>8} {'floor s':>7} {'ratio':>6} {'peak RSS':>9}"
    )
    for row in rows:
        print(
            f"{row['schools']:>7} {row['teachers']:>8} {'greedy':<7} {'':<10} "
            f"{row['visits_asked'] - row['greedy_unplaced']:>6} {row['greedy_unplaced']:>8} "
            f"{row['greedy_objective']:>12} {'':>6} {row['greedy_seconds']:>7.2f}s "
            f"{row['greedy_cover_periods']:>5}"
        )
        gap = f"{row['gap_percent']:>6.2f}" if row["gap_percent"] is not None else f"{'':>6}"
        print(
            f"{row['schools']:>7} {row['teachers']:>8} {'cpsat':<7} {row['status']:<10} "
            f"{row['visits']:>6} {row['unplaced']:>8} {row['objective']:>12} {gap} "
            f"{row['solve_seconds']:>7.2f}s {row['cover_periods']:>5} "
            f"{row['max_substitute_load']:>8} {row['floor_seconds']:>7.2f} {row['ratio']:>6} "
            f"{row['peak_rss_mb']:>6.0f} MB"
        )
    for row in rows:
        print(
            f"targets at {row['schools']} schools: "
            + "; ".join(f"{text} ({'met' if ok else 'NOT met'})" for text, ok in bars(row, seconds))
        )


if __name__ == "__main__":
    main()
