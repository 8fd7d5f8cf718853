"""What the readers return: plain frozen data, no database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class LesRegel:
    leerkracht: str  # e-mail address (lower case) or the teacher's code as in the file
    dag: int  # 0 = Monday … 4 = Friday
    lesuur: int  # 1-based
    groep: str  # may be empty (a duty); from GPU001 several joined with ", "
    vak: str  # may be empty
    regel: int  # source line, for later messages


@dataclass(frozen=True)
class Leerkracht:
    code: str
    familienaam: str
    voornaam: str
    email: str  # lower case, or empty when Untis has none


@dataclass(frozen=True)
class BezetBlok:
    begin: datetime  # aware, Europe/Brussels
    einde: datetime


@dataclass(frozen=True)
class PersoneelRegel:
    voornaam: str
    familienaam: str
    email: str  # lower case
    school: str  # as in the file; empty when the file has no school column
    functie: str  # a `Functie` value
    regel: int
