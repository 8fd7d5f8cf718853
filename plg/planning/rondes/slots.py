"""The slot finder for one visit: the lessons of the observed teacher in which the visitor is
free, or can be, with a substitute for their own class. Moments without cover come first."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from plg.planning.problem import dagen
from plg.planning.rondes.probleem import (
    Ronde,
    aanwezig,
    bezet,
    bezoektijd,
    eigen_lessen,
    kan_dekken,
    maand,
    venster,
)


@dataclass(frozen=True)
class Bezoekmoment:
    dag: date
    lesuur: int
    klas: str
    begin: datetime
    einde: datetime
    vervanging: int  # periods of the visitor's own classes a substitute takes over


def bezoekmomenten(
    ronde: Ronde, *, geobserveerde: int, bezoeker: int, limit: int = 20
) -> list[Bezoekmoment]:
    """Every moment the visit can happen, by the rules of a round; the best ``limit``."""
    leraren = ronde.leerkrachten
    o, v = leraren[geobserveerde], leraren[bezoeker]
    last = Counter(ronde.reeds_vervangen)
    result: list[Bezoekmoment] = []
    for dag in dagen(ronde.van, ronde.tot):
        if not (aanwezig(ronde, o.id, dag) and aanwezig(ronde, v.id, dag)):
            continue
        for lesuur in ronde.kalenders[o.school].lesuren_op(dag):
            klas = o.lessen.get((dag.weekday(), lesuur.nummer))
            if klas is None:
                continue
            tijd = bezoektijd(ronde, o.id, dag, lesuur.nummer)
            weg = venster(ronde, o.id, v.id, tijd)
            if bezet(ronde, v.id, weg):
                continue
            dekking = [(v.school, dag, p) for p in eigen_lessen(ronde, v.id, dag, weg)]
            if all(
                any(
                    kan_dekken(ronde, c, slot) and last[(c, maand(dag))] < ronde.vervang_max_maand
                    for c in leraren
                    if c not in (o.id, v.id)
                )
                for slot in dekking
            ):
                result.append(Bezoekmoment(dag, lesuur.nummer, klas, *tijd, len(dekking)))
    return sorted(result, key=lambda m: (m.vervanging, m.begin))[:limit]
