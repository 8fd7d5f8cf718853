"""An independent check of a plan against every hard rule, written only against problem.py.

It shares no code with the planners, so a planner bug cannot hide behind a checker bug. Each
broken rule gives one plain sentence (for tests and the bench, not for school leaders).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from itertools import pairwise

from plg.planning.problem import (
    BRUSSELS,
    Moment,
    Plan,
    Probleem,
    Soort,
    bezet_tijdens,
    kandidaat_vervangers,
    overlaps,
    te_vervangen,
    teaches_during,
)


def _periode(probleem: Probleem, school: int, dag: date, nummer: int) -> tuple[datetime, datetime]:
    lesuur = probleem.kalenders[school].lesuur(nummer)
    return (
        datetime.combine(dag, lesuur.begin, tzinfo=BRUSSELS),
        datetime.combine(dag, lesuur.einde, tzinfo=BRUSSELS),
    )


def fouten(probleem: Probleem, plan: Plan) -> list[str]:
    """Every broken hard rule of this plan; an empty list means the plan is valid."""
    result: list[str] = []
    momenten = {m.id: m for m in probleem.momenten}
    groepen = {g.id: g for g in probleem.groepen}
    leraren = probleem.leerkrachten
    vergaderingen: dict[int, list[tuple[str, Moment]]] = defaultdict(list)
    na_school: Counter[int] = Counter()
    nodig: Counter[tuple[int, int, date, int]] = Counter()

    for g, ids in plan.plaatsingen.items():
        groep = groepen.get(g)
        if groep is None:
            result.append(f"onbekende PLG {g}")
            continue
        if len(ids) > groep.aantal:
            result.append(f"{groep.naam}: {len(ids)} bijeenkomsten, maar {groep.aantal} gevraagd")
        if len(set(ids)) != len(ids):
            result.append(f"{groep.naam}: twee keer hetzelfde moment")
        geplaatst = [momenten[i] for i in ids if i in momenten]
        if len(geplaatst) != len(ids):
            result.append(f"{groep.naam}: onbekend moment")
        for moment in geplaatst:
            waar = f"{groep.naam} op {moment.begin:%Y-%m-%d %H:%M}"
            if moment.school not in groep.scholen:
                result.append(f"{waar}: niet op een school van de PLG")
            if groep.over_scholen and moment.soort == Soort.LES:
                result.append(f"{waar}: PLG over scholen heen tijdens de lessen")
            if moment.einde - moment.begin < timedelta(minutes=groep.minuten):
                result.append(f"{waar}: moment te kort")
            for t in groep.leden:
                leraar = leraren[t]
                vergaderingen[t].append((groep.naam, moment))
                if bezet_tijdens(probleem, leraar, moment.begin, moment.einde):
                    result.append(f"{waar}: {leraar.naam} is bezet")
                lessen = te_vervangen(probleem, moment, leraar)
                if teaches_during(probleem, leraar, moment.begin, moment.einde) and not lessen:
                    result.append(f"{waar}: {leraar.naam} geeft les")
                for p in lessen:
                    nodig[(t, moment.school, moment.dag, p)] += 1
                if moment.soort == Soort.NA_SCHOOL:
                    na_school[t] += 1
        for moment in geplaatst:
            for vast in groep.vaste_dagen:
                if abs((moment.dag - vast).days) < groep.min_dagen_tussen:
                    result.append(
                        f"{groep.naam}: {moment.dag} ligt te dicht bij de bijeenkomst van {vast}"
                    )
        dagen = sorted(m.dag for m in geplaatst)
        for eerste, tweede in pairwise(dagen):
            if (tweede - eerste).days < groep.min_dagen_tussen:
                result.append(f"{groep.naam}: {eerste} en {tweede} liggen te dicht bij elkaar")

    for groep in probleem.groepen:
        ontbreekt = groep.aantal - len(plan.plaatsingen.get(groep.id, []))
        if plan.niet_geplaatst.get(groep.id, 0) != ontbreekt:
            result.append(
                f"{groep.naam}: {ontbreekt} niet geplaatst, maar het plan zegt "
                f"{plan.niet_geplaatst.get(groep.id, 0)}"
            )

    for t, lijst in vergaderingen.items():
        for i, (naam_a, a) in enumerate(lijst):
            for naam_b, b in lijst[i + 1 :]:
                if overlaps((a.begin, a.einde), (b.begin, b.einde)):
                    result.append(
                        f"{leraren[t].naam} zit tegelijk in {naam_a} en {naam_b} "
                        f"({a.begin:%Y-%m-%d %H:%M})"
                    )

    for t, aantal in sorted(na_school.items()):
        if aantal > probleem.na_school_max_maand:
            result.append(f"{leraren[t].naam}: {aantal} keer na school")

    gedekt: Counter[tuple[int, int, date, int]] = Counter()
    kandidaten: dict[tuple[int, date, int], set[int]] = {}
    per_week: Counter[tuple[int, int, int]] = Counter()
    bezig: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
    for v in plan.vervangingen:
        waar = f"vervanging {v.dag} lesuur {v.lesuur} op school {v.school}"
        sleutel = (v.afwezige, v.school, v.dag, v.lesuur)
        gedekt[sleutel] += 1
        if sleutel not in nodig:
            result.append(f"{waar}: {leraren[v.afwezige].naam} hoeft niet vervangen te worden")
        if leraren[v.afwezige].lessen.get((v.dag.weekday(), v.lesuur)) != v.groep:
            result.append(f"{waar}: klas {v.groep} klopt niet")
        slot = (v.school, v.dag, v.lesuur)
        if slot not in kandidaten:
            kandidaten[slot] = set(kandidaat_vervangers(probleem, *slot))
        if v.vervanger not in kandidaten[slot]:
            result.append(f"{waar}: {leraren[v.vervanger].naam} kan niet vervangen")
        tijd = _periode(probleem, *slot)
        for naam, moment in vergaderingen.get(v.vervanger, []):
            if overlaps(tijd, (moment.begin, moment.einde)):
                result.append(f"{waar}: {leraren[v.vervanger].naam} zit dan in {naam}")
        for ander in bezig[v.vervanger]:
            if overlaps(tijd, ander):
                result.append(f"{waar}: {leraren[v.vervanger].naam} vervangt twee klassen tegelijk")
        bezig[v.vervanger].append(tijd)
        iso = v.dag.isocalendar()
        per_week[(v.vervanger, iso.year, iso.week)] += 1
    for sleutel, aantal in sorted(nodig.items()):
        if gedekt[sleutel] != aantal:
            t, _, dag, p = sleutel
            result.append(
                f"les van {leraren[t].naam} op {dag} lesuur {p}: {gedekt[sleutel]} keer vervangen"
            )
    for (c, _, week), aantal in sorted(per_week.items()):
        if aantal > probleem.vervang_max_week:
            result.append(f"{leraren[c].naam} vervangt {aantal} lesuren in week {week}")
    return result
