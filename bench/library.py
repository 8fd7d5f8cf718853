"""The library search at installation scale: 20,000 generated Dutch entries, searched as
teachers type, on SQLite and on PostgreSQL, against a floor measured in the same run.

Each database runs in a child process on a fresh database (so its peak RSS is its own): the
entries are written with ``bulk_create`` (not timed), the index is built by ``herindexeer()``
(timed, reported), then every question of ``QUESTIONS`` is searched ``--rounds`` times by a
teacher of the network (half the entries are shared with the network only, so the visibility
rule is part of every search). Timed: one ``zoek()`` call, results and found words included.
Floor: the plain SQL under it, one ``GROUP BY`` summing the stored weights of the question's
terms, top 20, no visibility, no analysis, measured right after each search. Prints a table,
then one JSON line per database as the last lines.

    .venv/bin/python bench/library.py [--quick] [--database sqlite|postgresql|both]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from contextlib import nullcontext
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from scans import fresh_database, log, peak_rss_mb, postgresql_cluster  # noqa: E402

ENTRIES = 20_000
LIMIT = 20

# What PLG's work on: a theme, and the words a group uses about it.
THEMES: dict[str, list[str]] = {
    "Leesmotivatie": ["lezen", "leesplezier", "boeken", "leeshoek", "voorlezen", "bibliotheek"],
    "Schrijven": ["schrijfplezier", "teksten", "schrijfopdrachten", "feedback", "herschrijven"],
    "Cyberpesten": ["pesten", "groepschat", "gsm", "sociale media", "speelplaats", "ruzie"],
    "Huiswerkbeleid": ["huistaken", "huiswerk", "ouders", "planning", "zelfstandigheid"],
    "Evaluatie": ["evalueren", "rapport", "toetsen", "punten", "groei", "feedback"],
    "Brede basiszorg": ["zorgleerlingen", "zorgjuf", "ondersteuning", "klasgroep", "instructie"],
    "Differentiatie": ["differentiëren", "niveaus", "rekenen", "uitdaging", "verlengde instructie"],
    "Taalrijke klas": ["woordenschat", "kleuters", "thuistaal", "kring", "spreken"],
    "Samenwerkend leren": ["coöperatief", "groepjes", "rollen", "samenwerken", "groepswerk"],
    "Ouderbetrokkenheid": ["ouders", "oudercontact", "anderstalige", "vertrouwen", "gesprek"],
    "Wiskunde": ["rekenen", "bewerkingen", "hoofdrekenen", "meetkunde", "rekenstrategieën"],
    "Welbevinden": ["welbevinden", "rust", "klasklimaat", "emoties", "gesprekken"],
    "Klasmanagement": ["klasorganisatie", "regels", "afspraken", "overgangen", "hoeken"],
    "STEM": ["techniek", "onderzoek", "proefjes", "wetenschap", "ontwerpen"],
    "Nieuwkomers": ["okan", "anderstalig", "onthaal", "taalbad", "buddy"],
    "Executieve functies": ["plannen", "zelfsturing", "concentratie", "werkhouding", "agenda"],
    "Spelling": ["dictee", "spellingregels", "werkwoorden", "schrijven", "oefenen"],
    "Digitale geletterdheid": ["ict", "laptops", "mediawijsheid", "programmeren", "tablets"],
    "Bewegingsopvoeding": ["turnen", "bewegen", "speeltijd", "sport", "zwemmen"],
    "Feedback": ["feedback", "feedforward", "succescriteria", "leerdoelen", "zelfevaluatie"],
}
LEVELS = ["kleuter", "basis", "secundair"]
YEARS = ["2021-2022", "2022-2023", "2023-2024", "2024-2025", "2025-2026"]
WERKVORMEN = ["kandoe", "borgen-bannen-beginnen", "swot", "check-in", "check-out", "oase"]
OPENINGS = [
    "Waarom {w} onze leerlingen zo weinig met {a}?",
    "Wat leren onze kinderen van {a}, en wat zegt onderzoek over {b}?",
    "Hoe kijken wij als leerkrachten naar {a} en {b}?",
    "Waarom lukt {a} in de {g} graad minder goed dan we willen?",
    "Welke plaats geven we {a} in onze visie op {b}?",
]
VERBS = ["werken", "oefenen", "spelen", "groeien", "slagen"]
NEEDS = [
    "In de leraarskamer klinkt vaak dat {a} niet loopt zoals we hoopten.",
    "Collega's merken dat {a} en {b} elkaar in de weg zitten.",
    "Na de laatste oudercontacten bleef {a} een terugkerend punt.",
    "De leerlingen zelf vroegen om meer aandacht voor {a}.",
]
PLANS = [
    "We bezoeken elkaars klas, kijken naar {a} en bespreken wat we zien.",
    "Elke bijeenkomst brengt iemand een voorbeeld mee over {a}.",
    "We lezen samen een artikel over {b} en proberen één aanpak uit.",
    "We maken een kijkwijzer rond {a} en testen die in drie klassen.",
]
LEARNED = [
    "We leerden dat {a} pas werkt als het team dezelfde taal spreekt.",
    "Kleine stappen rond {b} hielpen meer dan een groot plan.",
    "Samen kijken naar {a} veranderde hoe we naar onze eigen lessen kijken.",
]
# What teachers type: compounds both ways, synonyms, accents left out, typing errors, and
# words no entry holds; some with a filter.
QUESTIONS: list[tuple[str, dict[str, str]]] = [
    ("leesmotivatie", {}),
    ("motivatie om te lezen", {}),
    ("schrijfplezier", {}),
    ("plezier in schrijven", {"onderwijsniveau": "secundair"}),
    ("cyberpesten", {}),
    ("pesten online groepschat", {}),
    ("huiswerk", {}),
    ("huistaken lagere school", {"onderwijsniveau": "basis"}),
    ("evaluatie", {}),
    ("evalueren zonder punten", {"schooljaar": "2024-2025"}),
    ("zorgleerling", {}),
    ("zorgkind in de klas", {}),
    ("differentieren rekenen", {}),
    ("leraren feedback", {}),
    ("cooperatief leren", {}),
    ("woordenshat kleuters", {"onderwijsniveau": "kleuter"}),
    ("leesmotvatie", {}),
    ("cyberpessten", {}),
    ("ouderbetrokkenheid anderstalige ouders", {}),
    ("wiskunde", {"werkvorm": "kandoe"}),
    ("klasmanagement regels en afspraken", {}),
    ("welbevinden", {"thema": "welbevinden"}),
    ("programmeren met tablets", {}),
    ("fietsenstalling", {}),
    ("waarom lukt groepswerk niet in de tweede graad", {}),
]


def _sentence(rng: random.Random, pool: list[str], theme: str, **extra: str) -> str:
    words = THEMES[theme]
    return rng.choice(pool).format(a=rng.choice(words), b=rng.choice(words), **extra)


def entry(rng: random.Random, n: int) -> dict[str, Any]:
    """One generated entry: one or two themes, sentences built from their words."""
    themes = rng.sample(list(THEMES), rng.choice([1, 1, 2]))
    main = themes[0]
    grade = rng.choice(["eerste", "tweede", "derde"])
    return {
        "slug": f"bench-{n:05}",
        "titel": f"{main} {rng.choice(['in de praktijk', 'samen bekeken', 'als team'])} {n}",
        "onderwijsniveau": rng.choice(LEVELS),
        "schooljaar": rng.choice(YEARS),
        "leervraag": _sentence(rng, OPENINGS, main, w=rng.choice(VERBS), g=grade),
        "praktijknood": " ".join(_sentence(rng, NEEDS, t) for t in themes),
        "themas": themes,
        "actieplan": " ".join(_sentence(rng, PLANS, rng.choice(themes)) for _ in range(2)),
        "werkvormen": rng.sample(WERKVORMEN, 2),
        "voorstel": _sentence(rng, PLANS, main),
        "wat_we_leerden": " ".join(_sentence(rng, LEARNED, t) for t in themes),
    }


def generate(entries: int, seed: int = 1) -> Any:
    """The entries (half for everyone, half for the network) and a teacher of the network."""
    from django.utils import timezone

    from plg.accounts.models import User
    from plg.bibliotheek.models import Bibliotheekitem, Zichtbaarheid
    from plg.organisations.models import Aanstelling, Network, Scholengemeenschap, School

    rng = random.Random(seed)
    network = Network.objects.create(name="Bench netwerk")
    sg = Scholengemeenschap.objects.create(network=network, name="Bench scholengemeenschap")
    school = School.objects.create(scholengemeenschap=sg, name="Bench school")
    reader = User.objects.create(email="lezer@bibliotheek.example")
    Aanstelling.objects.create(user=reader, school=school, functie="leraar")
    now = timezone.now()
    Bibliotheekitem.objects.bulk_create(
        (
            Bibliotheekitem(
                **entry(rng, n),
                network=network,
                zichtbaarheid=Zichtbaarheid.IEDEREEN if n % 2 else Zichtbaarheid.NETWERK,
                published_at=now - timezone.timedelta(minutes=n),
            )
            for n in range(entries)
        ),
        batch_size=1000,
    )
    return reader


def floor(vraag: str) -> float:
    """The database's part alone: sum the stored weights of the question's terms, top 20."""
    from django.db import connection

    from plg.bibliotheek.zoeken.taal import termen

    terms = sorted({t.term for t in termen(vraag)}) or ["-"]
    marks = ", ".join(["%s"] * len(terms))
    sql = (
        "SELECT item_id, SUM(gewicht) AS s FROM bibliotheek_zoekterm "  # noqa: S608
        f"WHERE term IN ({marks}) GROUP BY item_id ORDER BY s DESC, item_id LIMIT {LIMIT}"
    )
    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(sql, terms)
        cursor.fetchall()
    return time.perf_counter() - start


def run_one(entries: int, rounds: int) -> dict[str, Any]:
    os.environ["DJANGO_SETTINGS_MODULE"] = "plg.settings.development"
    os.environ["DEBUG"] = "false"
    os.environ["LOG_LEVEL"] = "WARNING"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from plg.bibliotheek.models import Zoekterm
    from plg.bibliotheek.zoeken import Filters, zoek
    from plg.bibliotheek.zoeken.index import herindexeer

    call_command("migrate", verbosity=0)
    log(f"migrated ({connection.vendor}); generating {entries:,} entries")
    reader = generate(entries)
    start = time.perf_counter()
    indexed = herindexeer()
    index_seconds = time.perf_counter() - start
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE" if connection.vendor == "sqlite" else "VACUUM ANALYZE")
    log(f"indexed {indexed:,} entries in {index_seconds:.1f} s")
    zoek("opwarmen", lezer=reader)
    searches: list[float] = []
    floors: list[float] = []
    found = 0
    for _ in range(rounds):
        for vraag, filters in QUESTIONS:
            start = time.perf_counter()
            treffers = zoek(vraag, lezer=reader, filters=Filters(**filters), limiet=LIMIT)
            searches.append(time.perf_counter() - start)
            floors.append(floor(vraag))
            found += bool(treffers)
    p95 = statistics.quantiles(searches, n=20)[-1]
    p95_floor = statistics.quantiles(floors, n=20)[-1]
    return {
        "database": connection.vendor,
        "entries": entries,
        "index_rows": Zoekterm.objects.count(),
        "index_seconds": round(index_seconds, 1),
        "searches": len(searches),
        "p50_ms": round(statistics.median(searches) * 1000, 1),
        "p95_ms": round(p95 * 1000, 1),
        "max_ms": round(max(searches) * 1000, 1),
        "floor_p95_ms": round(p95_floor * 1000, 1),
        "ratio_p95": round(p95 / p95_floor, 2),
        "questions_with_results": round(found / rounds),
        "questions": len(QUESTIONS),
        "peak_rss_mb": peak_rss_mb(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the entries")
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--rounds", type=int, default=8, help="times each question is asked")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child: this many entries
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.rounds)))
        return
    entries = ENTRIES // 10 if args.quick else ENTRIES
    kinds = ["sqlite", "postgresql"] if args.database == "both" else [args.database]
    rows = []
    for kind in kinds:
        cluster_of = postgresql_cluster() if kind == "postgresql" else nullcontext()
        with cluster_of as cluster, fresh_database(kind, cluster, "bench_library") as url:
            log(f"{entries:,} entries on {kind}")
            child = subprocess.run(
                [sys.executable, __file__, "--one", str(entries), "--rounds", str(args.rounds)],
                env=os.environ | {"DATABASE_URL": url},
                cwd=ROOT,
                stdout=subprocess.PIPE,
                text=True,
                check=True,
            )
        rows.append(json.loads(child.stdout.strip().splitlines()[-1]))
    print(
        f"{'database':<11} {'entries':>8} {'index rows':>11} {'index':>7} {'p50':>8} "
        f"{'p95':>8} {'floor p95':>10} {'ratio':>6} {'peak RSS':>9}"
    )
    for row in rows:
        print(
            f"{row['database']:<11} {row['entries']:>8,} {row['index_rows']:>11,} "
            f"{row['index_seconds']:>6.1f}s {row['p50_ms']:>6.1f}ms {row['p95_ms']:>6.1f}ms "
            f"{row['floor_p95_ms']:>8.1f}ms {row['ratio_p95']:>6.2f} {row['peak_rss_mb']:>6.0f} MB"
        )
    for row in rows:
        met = row["p95_ms"] <= 100 and row["peak_rss_mb"] < 1024
        print(
            f"targets on {row['database']}: p95 {row['p95_ms']} ms, peak RSS "
            f"{row['peak_rss_mb']:.0f} MB ({'met' if met else 'NOT met'}: p95 <= 100 ms, < 1 GiB)"
        )
    for row in rows:
        print(json.dumps({**row, "quick": args.quick}))


if __name__ == "__main__":
    main()
