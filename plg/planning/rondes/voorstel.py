"""A computed round as stored JSON, and the figures the organiser sees of it.

The organiser sees the practice, not the people: how many visits are placed, how many are
missing, the cover periods, the highest load of one substitute and the visits per day — never
who visits whom. The pairs are kept only to become visits when the round is applied.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from plg.planning.rondes.probleem import Ronde, Rondeplan, bezoektijd, lestijd, maand


@dataclass(frozen=True)
class GeplandBezoek:
    geobserveerde: int
    bezoeker: int
    school: int
    lesuur: int
    klas: str
    begin: datetime
    einde: datetime


@dataclass(frozen=True)
class GeplandeVervanging:
    afwezige: int
    vervanger: int
    school: int
    lesuur: int
    groep: str
    begin: datetime
    einde: datetime

    @property
    def dag(self) -> date:
        return self.begin.date()


@dataclass(frozen=True)
class Samenvatting:
    deelnemers: int
    gevraagd: int
    geplaatst: int
    niet_geplaatst: int
    vervanguren: int
    max_last: int
    per_dag: list[tuple[date, int]]


@dataclass
class Rondevoorstel:
    gevraagd: int = 0
    deelnemers: int = 0
    optimaal: bool = False
    bezoeken: list[GeplandBezoek] = field(default_factory=list)
    vervangingen: list[GeplandeVervanging] = field(default_factory=list)

    @classmethod
    def from_plan(cls, ronde: Ronde, plan: Rondeplan) -> Rondevoorstel:
        leraren = ronde.leerkrachten
        return cls(
            gevraagd=ronde.doel,
            deelnemers=len(ronde.deelnemers),
            optimaal=plan.status == "optimaal",
            bezoeken=[
                GeplandBezoek(
                    b.geobserveerde,
                    b.bezoeker,
                    leraren[b.geobserveerde].school,
                    b.lesuur,
                    b.klas,
                    *bezoektijd(ronde, b.geobserveerde, b.dag, b.lesuur),
                )
                for b in plan.bezoeken
            ],
            vervangingen=[
                GeplandeVervanging(
                    v.afwezige,
                    v.vervanger,
                    v.school,
                    v.lesuur,
                    v.groep,
                    *lestijd(ronde, v.school, v.dag, v.lesuur),
                )
                for v in plan.vervangingen
            ],
        )

    def to_json(self) -> dict[str, Any]:
        def row(item: Any) -> dict[str, Any]:
            data = asdict(item)
            return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in data.items()}

        return {
            "gevraagd": self.gevraagd,
            "deelnemers": self.deelnemers,
            "optimaal": self.optimaal,
            "bezoeken": [row(b) for b in self.bezoeken],
            "vervangingen": [row(v) for v in self.vervangingen],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Rondevoorstel:
        def tijden(row: dict[str, Any]) -> dict[str, Any]:
            return row | {
                "begin": datetime.fromisoformat(row["begin"]),
                "einde": datetime.fromisoformat(row["einde"]),
            }

        return cls(
            gevraagd=int(data.get("gevraagd", 0)),
            deelnemers=int(data.get("deelnemers", 0)),
            optimaal=bool(data.get("optimaal", False)),
            bezoeken=[GeplandBezoek(**tijden(r)) for r in data.get("bezoeken", [])],
            vervangingen=[GeplandeVervanging(**tijden(r)) for r in data.get("vervangingen", [])],
        )

    def samenvatting(self) -> Samenvatting:
        """Counts only: what the organiser may see."""
        last = Counter((v.vervanger, maand(v.dag)) for v in self.vervangingen)
        per_dag = Counter(b.begin.date() for b in self.bezoeken)
        return Samenvatting(
            deelnemers=self.deelnemers,
            gevraagd=self.gevraagd,
            geplaatst=len(self.bezoeken),
            niet_geplaatst=max(0, self.gevraagd - len(self.bezoeken)),
            vervanguren=len(self.vervangingen),
            max_last=max(last.values(), default=0),
            per_dag=sorted(per_dag.items()),
        )
