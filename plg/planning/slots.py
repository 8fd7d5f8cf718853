"""When can we meet? Every candidate moment for one PLG, checked and ranked."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from plg.planning import problem as p


@dataclass(frozen=True)
class Voorstel:
    moment: p.Moment
    vervangingen: tuple[p.Vervanging, ...] = ()
    vrij: int = 0  # members free without a substitute
    leden: int = 0
    dagen_van_andere: int | None = None  # days to the PLG's nearest other meeting

    @property
    def na_school(self) -> bool:
        return self.moment.soort == p.Soort.NA_SCHOOL

    @property
    def iedereen_vrij(self) -> bool:
        return not self.vervangingen and not self.na_school

    @property
    def vervanguren(self) -> int:
        return len(self.vervangingen)

    @property
    def soort(self) -> str:
        """The list it is shown in: everyone free, with substitution, or after school."""
        if self.na_school:
            return "na_school"
        return "vervanging" if self.vervangingen else "vrij"

    def rang(self) -> tuple[int, int, int, int, datetime]:
        """Members free first, then fewest periods to cover, then no extra burden, then spread."""
        return (
            -self.vrij,
            self.vervanguren,
            self.leden if self.na_school else 0,
            -(self.dagen_van_andere if self.dagen_van_andere is not None else 99),
            self.moment.begin,
        )


@dataclass
class Zoekresultaat:
    voorstellen: list[Voorstel] = field(default_factory=list)
    zonder_vervanger: int = 0  # moments where some class would stay uncovered

    def groep(self, soort: str, limit: int = 5) -> list[Voorstel]:
        return [v for v in self.voorstellen if v.soort == soort][:limit]


def toegelaten(probleem: p.Probleem, groep: p.Groep, moment: p.Moment) -> bool:
    """Made for this PLG's meeting length, and every member can be there: not busy, and
    teaching only where a colleague can cover."""
    if moment.school not in groep.scholen or moment.einde - moment.begin != groep.duur:
        return False
    if groep.over_scholen and moment.soort == p.Soort.LES:
        return False
    for lid_id in groep.leden:
        lid = probleem.leerkrachten[lid_id]
        if p.bezet_tijdens(probleem, lid, moment.begin, moment.einde):
            return False
        teaches = p.teaches_during(probleem, lid, moment.begin, moment.einde)
        if teaches and (moment.soort != p.Soort.LES or lid.school != moment.school):
            return False
    return True


def _cover(
    probleem: p.Probleem,
    groep: p.Groep,
    moment: p.Moment,
    load: Counter[tuple[int, tuple[int, int]]],
) -> tuple[p.Vervanging, ...] | None:
    """Name a free colleague for each period taught, least loaded first; None when one is missing."""
    taken: dict[int, set[int]] = {}
    load = load.copy()
    result: list[p.Vervanging] = []
    weekday = moment.dag.weekday()
    for lid_id in groep.leden:
        lid = probleem.leerkrachten[lid_id]
        for nummer in p.te_vervangen(probleem, moment, lid):
            candidates = [
                c
                for c in p.kandidaat_vervangers(probleem, moment.school, moment.dag, nummer)
                if c not in groep.leden
                and c not in taken.setdefault(nummer, set())
                and load[(c, moment.week)] < probleem.vervang_max_week
            ]
            if not candidates:
                return None
            chosen = min(candidates, key=lambda c: (load[(c, moment.week)], c))
            taken[nummer].add(chosen)
            load[(chosen, moment.week)] += 1
            result.append(
                p.Vervanging(
                    afwezige=lid_id,
                    vervanger=chosen,
                    school=moment.school,
                    dag=moment.dag,
                    lesuur=nummer,
                    groep=lid.lessen[(weekday, nummer)],
                )
            )
    return tuple(result)


def search(
    probleem: p.Probleem,
    groep: p.Groep,
    *,
    load: Mapping[tuple[int, tuple[int, int]], int] | None = None,
    andere: tuple[date, ...] = (),
) -> Zoekresultaat:
    """Rank every allowed moment; ``load`` is each substitute's periods per ISO week so far."""
    result = Zoekresultaat()
    week_load: Counter[tuple[int, tuple[int, int]]] = Counter(load or {})
    for moment in probleem.momenten:
        if not toegelaten(probleem, groep, moment):
            continue
        vervangingen = _cover(probleem, groep, moment, week_load)
        if vervangingen is None:
            result.zonder_vervanger += 1
            continue
        absent = {v.afwezige for v in vervangingen}
        result.voorstellen.append(
            Voorstel(
                moment=moment,
                vervangingen=vervangingen,
                vrij=len(groep.leden) - len(absent) if moment.soort != p.Soort.NA_SCHOOL else 0,
                leden=len(groep.leden),
                dagen_van_andere=min(
                    (abs((moment.dag - other).days) for other in andere), default=None
                ),
            )
        )
    result.voorstellen.sort(key=Voorstel.rang)
    return result
