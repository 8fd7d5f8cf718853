"""Page speed: the main PLG pages against a floor measured in the same run.

The floor is the login page (a template, a form, no domain queries). Each page is requested
in-process through Django's test client on a fresh SQLite database with the demo data plus
extra PLG's and bijeenkomsten, so the number reflects our queries and templates, not the network.
Prints one JSON object as its last line.

    .venv/bin/python bench/pages.py [--quick]
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "plg.settings.test"
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django

django.setup()

from datetime import timedelta  # noqa: E402

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402


def main() -> None:
    quick = "--quick" in sys.argv
    rounds = 30 if quick else 200
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115

    from plg.accounts.models import User

    coach, school, plg, bijeenkomst = more_data()

    anonymous = Client()
    client = Client()
    client.force_login(coach)
    leader = Client()
    leader.force_login(User.objects.get(email="directie@regenboog.example"))
    pages = {
        "floor: login": (anonymous, reverse("login")),
        "home": (client, reverse("home")),
        "plg_detail": (client, reverse("plg_detail", args=[plg.pk])),
        "leervragen": (client, reverse("leervragen", args=[plg.pk])),
        "bijeenkomst": (client, reverse("bijeenkomst_detail", args=[bijeenkomst.pk])),
        "archief": (client, reverse("archief", args=[plg.pk])),
        "school_overview": (leader, reverse("school_overview", args=[school.pk])),
    }
    results = {}
    for name, (who, url) in pages.items():
        assert who.get(url).status_code == 200, name
        results[name] = measure(who, url, rounds)
    floor = results["floor: login"]["median_ms"]
    for name, row in results.items():
        row["ratio"] = round(row["median_ms"] / floor, 2)
        print(
            f"{name:<18} {row['median_ms']:>7.2f} ms  {row['queries']:>3} queries  ×{row['ratio']}"
        )
    worst = max((r["ratio"] for n, r in results.items() if not n.startswith("floor")), default=0)
    print(json.dumps({"floor_ms": floor, "worst_ratio": worst, "pages": results}))


def more_data() -> tuple[Any, Any, Any, Any]:
    """Thirty more PLG's for the coach and thirty more bijeenkomsten for one PLG."""
    from plg.accounts.models import User
    from plg.communities import services
    from plg.communities.models import PLG
    from plg.meetings import services as meetings
    from plg.organisations.models import School

    coach = User.objects.get(email="an@regenboog.example")
    school = School.objects.get(name="Basisschool De Regenboog")
    plg = PLG.objects.get(name="Huiswerk met betekenis")
    for i in range(30):
        services.create_plg(coach=coach, name=f"Extra {i}", schools=[school])
        meetings.plan_bijeenkomst(
            plg=plg,
            starts_at=timezone.now() + timedelta(days=i + 10),
            place="x",
            duration_minutes=120,
        )
    bijeenkomst = plg.bijeenkomsten.order_by("starts_at").first()
    assert bijeenkomst is not None
    return coach, school, plg, bijeenkomst


def measure(who: Client, url: str, rounds: int) -> dict[str, float]:
    """The queries of one request, and the median time of ``rounds`` more."""
    queries: list[str] = []

    def count(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        who.get(url)
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        who.get(url)
        samples.append((time.perf_counter() - start) * 1000)
    return {"median_ms": round(statistics.median(samples), 2), "queries": len(queries)}


if __name__ == "__main__":
    main()
