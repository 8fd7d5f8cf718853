"""A seeded visit round: the schools and timetables of ``generator`` (60 teachers each, block
timetables, part-timers with days off, busy times), every teacher signed up, two buddy
preferences each, four school weeks of March 2027 (one study day per school)."""

from __future__ import annotations

import random
from datetime import date

from plg.planning.rondes.probleem import Ronde
from plg.planning.tests.generator import generate

VAN, TOT = date(2027, 3, 1), date(2027, 3, 26)


def generate_ronde(
    scholen: int = 1,
    seed: int = 1,
    *,
    leerkrachten: int = 60,
    bezoeken: int = 2,
    minuten: int = 50,
    over_scholen: bool = False,
    vervang_max_maand: int = 3,
    van: date = VAN,
    tot: date = TOT,
) -> Ronde:
    probleem = generate(scholen, seed, leerkrachten=leerkrachten, plgs=0, van=van, tot=tot)
    rng = random.Random(seed)
    per_school: dict[int, list[int]] = {}
    for t, leraar in sorted(probleem.leerkrachten.items()):
        per_school.setdefault(leraar.school, []).append(t)
    voorkeuren: set[tuple[int, int]] = set()
    for t, leraar in sorted(probleem.leerkrachten.items()):
        collega = [c for c in per_school[leraar.school] if c != t]
        voorkeuren |= {(t, c) for c in rng.sample(collega, min(2, len(collega)))}
    return Ronde(
        kalenders=probleem.kalenders,
        leerkrachten=probleem.leerkrachten,
        deelnemers=tuple(sorted(probleem.leerkrachten)),
        van=van,
        tot=tot,
        bezoeken=bezoeken,
        bezocht=bezoeken,
        minuten=minuten,
        over_scholen=over_scholen,
        vervang_max_maand=vervang_max_maand,
        voorkeuren=frozenset(voorkeuren),
    )
