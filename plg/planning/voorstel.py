"""A month proposal as stored on ``Maandplan.voorstel``: one typed definition, to and from JSON.

The month planner writes it (``Voorstel.with_plan``), the planner adjusts it (``bijsturen``), the
proposal page shows it and applying it turns it into bijeenkomsten and duties. A row still being
computed holds only what was asked; every other field has its empty default, so older rows and
rows of any status read the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from plg.planning import problem as p
from plg.planning.costs import na_school_minuten

Json = dict[str, Any]


@dataclass(frozen=True)
class Plaatsing:
    """One proposed meeting: which PLG, when, how long, what kind of moment, at which school."""

    plg: int
    naam: str
    begin: datetime
    minuten: int
    soort: str
    school: str  # the school's name, as shown

    @classmethod
    def from_json(cls, data: Json) -> Plaatsing:
        return cls(
            plg=int(data["plg"]),
            naam=str(data["naam"]),
            begin=datetime.fromisoformat(data["begin"]),
            minuten=int(data["minuten"]),
            soort=str(data["soort"]),
            school=str(data["school"]),
        )

    def to_json(self) -> Json:
        return {
            "plg": self.plg,
            "naam": self.naam,
            "begin": self.begin.isoformat(),
            "minuten": self.minuten,
            "soort": self.soort,
            "school": self.school,
        }


@dataclass(frozen=True)
class Beurt:
    """One proposed substitution duty, with the meeting (PLG and begin) it makes room for."""

    plg: int
    bijeenkomst: datetime  # the begin of that meeting
    school: int
    afwezige: int
    afwezige_naam: str
    vervanger: int
    vervanger_naam: str
    dag: date
    lesuur: int
    begin: datetime
    einde: datetime
    groep: str

    @classmethod
    def from_json(cls, data: Json) -> Beurt:
        return cls(
            plg=int(data["plg"]),
            bijeenkomst=datetime.fromisoformat(data["bijeenkomst"]),
            school=int(data["school"]),
            afwezige=int(data["afwezige"]),
            afwezige_naam=str(data["afwezige_naam"]),
            vervanger=int(data["vervanger"]),
            vervanger_naam=str(data["vervanger_naam"]),
            dag=date.fromisoformat(data["dag"]),
            lesuur=int(data["lesuur"]),
            begin=datetime.fromisoformat(data["begin"]),
            einde=datetime.fromisoformat(data["einde"]),
            groep=str(data["groep"]),
        )

    def to_json(self) -> Json:
        return {
            "plg": self.plg,
            "bijeenkomst": self.bijeenkomst.isoformat(),
            "school": self.school,
            "afwezige": self.afwezige,
            "afwezige_naam": self.afwezige_naam,
            "vervanger": self.vervanger,
            "vervanger_naam": self.vervanger_naam,
            "dag": self.dag.isoformat(),
            "lesuur": self.lesuur,
            "begin": self.begin.isoformat(),
            "einde": self.einde.isoformat(),
            "groep": self.groep,
        }

    @property
    def vervanging(self) -> p.Vervanging:
        return p.Vervanging(
            self.afwezige, self.vervanger, self.school, self.dag, self.lesuur, self.groep
        )

    @property
    def tijd(self) -> tuple[datetime, datetime]:
        return self.begin, self.einde

    def is_for(self, plaatsing: Plaatsing) -> bool:
        """Part of that meeting: it leaves this class to cover."""
        return (self.plg, self.bijeenkomst) == (plaatsing.plg, plaatsing.begin)


@dataclass(frozen=True)
class NietGeplaatst:
    naam: str
    aantal: int

    @classmethod
    def from_json(cls, data: Json) -> NietGeplaatst:
        return cls(naam=str(data["naam"]), aantal=int(data["aantal"]))

    def to_json(self) -> Json:
        return {"naam": self.naam, "aantal": self.aantal}


@dataclass(frozen=True)
class Weggelaten:
    """A meeting the planner took out of the proposal by hand (not one that did not fit)."""

    plg: int
    naam: str
    begin: datetime

    @classmethod
    def from_json(cls, data: Json) -> Weggelaten:
        return cls(
            plg=int(data["plg"]),
            naam=str(data["naam"]),
            begin=datetime.fromisoformat(data["begin"]),
        )

    def to_json(self) -> Json:
        return {"plg": self.plg, "naam": self.naam, "begin": self.begin.isoformat()}

    @classmethod
    def of(cls, plaatsing: Plaatsing) -> Weggelaten:
        return cls(plaatsing.plg, plaatsing.naam, plaatsing.begin)


@dataclass(frozen=True)
class Alternatief:
    """The plan the month gets under one choice (``problem.Afweging``), with what it costs: so
    the planner sees the trade-off, and can take that plan, before applying anything."""

    afweging: str
    vervanguren: int
    max_vervanger_last: int
    na_school_minuten: int  # the members' minutes after school, all together
    na_school_bijeenkomsten: int
    status: str = ""
    gap_percent: float | None = None
    plaatsingen: list[Plaatsing] = field(default_factory=list)
    vervangingen: list[Beurt] = field(default_factory=list)

    @property
    def na_school_uren(self) -> float:
        return self.na_school_minuten / 60

    @classmethod
    def from_json(cls, data: Json) -> Alternatief:
        gap = data.get("gap_percent")
        return cls(
            afweging=str(data["afweging"]),
            vervanguren=int(data["vervanguren"]),
            max_vervanger_last=int(data["max_vervanger_last"]),
            na_school_minuten=int(data["na_school_minuten"]),
            na_school_bijeenkomsten=int(data["na_school_bijeenkomsten"]),
            status=str(data.get("status", "")),
            gap_percent=None if gap is None else float(gap),
            plaatsingen=[Plaatsing.from_json(x) for x in data.get("plaatsingen", [])],
            vervangingen=[Beurt.from_json(x) for x in data.get("vervangingen", [])],
        )

    def to_json(self) -> Json:
        return {
            "afweging": self.afweging,
            "vervanguren": self.vervanguren,
            "max_vervanger_last": self.max_vervanger_last,
            "na_school_minuten": self.na_school_minuten,
            "na_school_bijeenkomsten": self.na_school_bijeenkomsten,
            "status": self.status,
            "gap_percent": self.gap_percent,
            "plaatsingen": [x.to_json() for x in self.plaatsingen],
            "vervangingen": [x.to_json() for x in self.vervangingen],
        }


@dataclass(frozen=True)
class Voorstel:
    """What was asked (how many meetings, how far apart) and what the planner proposes."""

    aantal: int = 2
    min_dagen_tussen: int = 7
    methode: str = ""
    status: str = ""
    gap_percent: float | None = None
    solve_seconds: float = 0.0
    plaatsingen: list[Plaatsing] = field(default_factory=list)
    vervangingen: list[Beurt] = field(default_factory=list)
    niet_geplaatst: list[NietGeplaatst] = field(default_factory=list)
    uitleg: list[str] = field(default_factory=list)
    aantal_vervanguren: int = 0
    max_vervanger_last: int = 0
    weggelaten: list[Weggelaten] = field(default_factory=list)
    aangepast: bool = False  # moved or left out by hand since it was computed
    afweging: str = p.Afweging.SCHOOLUREN.value
    alternatieven: list[Alternatief] = field(default_factory=list)

    @classmethod
    def from_json(cls, data: Json) -> Voorstel:
        gap = data.get("gap_percent")
        return cls(
            aantal=int(data.get("aantal", 2)),
            min_dagen_tussen=int(data.get("min_dagen_tussen", 7)),
            methode=str(data.get("methode", "")),
            status=str(data.get("status", "")),
            gap_percent=None if gap is None else float(gap),
            solve_seconds=float(data.get("solve_seconds", 0.0)),
            plaatsingen=[Plaatsing.from_json(x) for x in data.get("plaatsingen", [])],
            vervangingen=[Beurt.from_json(x) for x in data.get("vervangingen", [])],
            niet_geplaatst=[NietGeplaatst.from_json(x) for x in data.get("niet_geplaatst", [])],
            uitleg=[str(zin) for zin in data.get("uitleg", [])],
            aantal_vervanguren=int(data.get("aantal_vervanguren", 0)),
            max_vervanger_last=int(data.get("max_vervanger_last", 0)),
            weggelaten=[Weggelaten.from_json(x) for x in data.get("weggelaten", [])],
            aangepast=bool(data.get("aangepast", False)),
            afweging=str(data.get("afweging", p.Afweging.SCHOOLUREN.value)),
            alternatieven=[Alternatief.from_json(x) for x in data.get("alternatieven", [])],
        )

    def to_json(self) -> Json:
        return {
            "aantal": self.aantal,
            "min_dagen_tussen": self.min_dagen_tussen,
            "methode": self.methode,
            "status": self.status,
            "gap_percent": self.gap_percent,
            "solve_seconds": self.solve_seconds,
            "plaatsingen": [x.to_json() for x in self.plaatsingen],
            "vervangingen": [x.to_json() for x in self.vervangingen],
            "niet_geplaatst": [x.to_json() for x in self.niet_geplaatst],
            "uitleg": list(self.uitleg),
            "aantal_vervanguren": self.aantal_vervanguren,
            "max_vervanger_last": self.max_vervanger_last,
            "weggelaten": [x.to_json() for x in self.weggelaten],
            "aangepast": self.aangepast,
            "afweging": self.afweging,
            "alternatieven": [x.to_json() for x in self.alternatieven],
        }

    def with_plan(self, probleem: p.Probleem, plan: p.Plan, uitleg: list[str]) -> Voorstel:
        """This proposal with the meetings and duties of ``plan``, as the page shows them and
        applying them needs them."""
        momenten = {m.id: m for m in probleem.momenten}
        groepen = {g.id: g for g in probleem.groepen}
        placed = [
            (groepen[groep_id], momenten[m])
            for groep_id, moment_ids in plan.plaatsingen.items()
            for m in moment_ids
        ]
        plaatsingen = [
            Plaatsing(
                plg=groep.id,
                naam=groep.naam,
                begin=moment.begin,
                minuten=groep.minuten,
                soort=str(moment.soort),
                school=probleem.schoolnamen.get(moment.school, ""),
            )
            for groep, moment in placed
        ]
        return replace(
            self,
            methode=plan.methode,
            status=str(plan.status),
            gap_percent=plan.gap_percent,
            solve_seconds=round(plan.solve_seconds, 2),
            plaatsingen=sorted(plaatsingen, key=lambda x: (x.begin, x.naam)),
            vervangingen=sorted(
                (_beurt(probleem, placed, v) for v in plan.vervangingen),
                key=lambda x: (x.begin, x.vervanger_naam),
            ),
            niet_geplaatst=[
                NietGeplaatst(groepen[k].naam, v) for k, v in plan.niet_geplaatst.items() if v
            ],
            uitleg=uitleg,
            aantal_vervanguren=plan.vervanguren,
            max_vervanger_last=plan.max_vervanger_last,
        )

    def with_afweging(self, afweging: str) -> Voorstel:
        """This proposal as the plan of another choice; changes made by hand go."""
        alt = next(a for a in self.alternatieven if a.afweging == afweging)
        return replace(
            self,
            afweging=afweging,
            status=alt.status,
            gap_percent=alt.gap_percent,
            plaatsingen=alt.plaatsingen,
            vervangingen=alt.vervangingen,
            aantal_vervanguren=alt.vervanguren,
            max_vervanger_last=alt.max_vervanger_last,
            weggelaten=[],
            aangepast=False,
        )


def alternatief(probleem: p.Probleem, plan: p.Plan) -> Alternatief:
    """``plan`` as the alternative of its problem's choice, with its figures."""
    gepland = Voorstel().with_plan(probleem, plan, [])
    return Alternatief(
        afweging=str(probleem.afweging),
        vervanguren=plan.vervanguren,
        max_vervanger_last=plan.max_vervanger_last,
        na_school_minuten=na_school_minuten(probleem, plan),
        na_school_bijeenkomsten=sum(x.soort == p.Soort.NA_SCHOOL for x in gepland.plaatsingen),
        status=str(plan.status),
        gap_percent=plan.gap_percent,
        plaatsingen=gepland.plaatsingen,
        vervangingen=gepland.vervangingen,
    )


def _beurt(probleem: p.Probleem, placed: list[tuple[p.Groep, p.Moment]], v: p.Vervanging) -> Beurt:
    """The duty with the meeting it makes room for: its absent member's, at that time."""
    begin, einde = p.vervangtijd(probleem, v)
    groep, moment = next(
        (g, m) for g, m in placed if v.afwezige in g.leden and m.begin < einde and begin < m.einde
    )
    return Beurt(
        plg=groep.id,
        bijeenkomst=moment.begin,
        school=v.school,
        afwezige=v.afwezige,
        afwezige_naam=probleem.leerkrachten[v.afwezige].naam,
        vervanger=v.vervanger,
        vervanger_naam=probleem.leerkrachten[v.vervanger].naam,
        dag=v.dag,
        lesuur=v.lesuur,
        begin=begin,
        einde=einde,
        groep=v.groep,
    )
