"""Dutch as teachers write it, cut into the terms the library index holds.

Pure functions, no database: the same text gives the same terms on every installation, so
SQLite and PostgreSQL rank alike. A word becomes a term by: lower case, the Dutch Snowball
stem (taken before accents go, the stemmer knows "ë"), accents dropped, a last conflation the
stemmer leaves undone ("evalueer" from evaluatie, "evaluer" from evalueren), then the synonym
list. A compound also yields its parts, weighing less than the whole word.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import snowballstemmer
import yaml

WOORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
DEEL_GEWICHT = 0.4
KORTSTE_DEEL = 3


@dataclass(frozen=True)
class Woordenschat:
    """The data of `woorden.yaml`, with every synonym already turned into its group's term."""

    synoniemen: dict[str, str]
    delen: frozenset[str]
    stammen: dict[str, str]
    stopwoorden: frozenset[str]


@dataclass(frozen=True)
class Term:
    """One term a word yields, with the surface word it came from and how much it counts."""

    term: str
    vorm: str
    gewicht: float


def zonder_accenten(tekst: str) -> str:
    decomposed = unicodedata.normalize("NFKD", tekst)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def woorden(tekst: str) -> list[str]:
    """The words of a text, lower case, accents kept (the stemmer wants them)."""
    return [w.replace("’", "'") for w in WOORD.findall(tekst.lower())]


_stemmer = snowballstemmer.stemmer("dutch")


def _stam(woord: str, stammen: dict[str, str]) -> str:
    kaal = zonder_accenten(woord)
    if kaal in stammen:
        return stammen[kaal]
    stam = zonder_accenten(_stemmer.stemWord(woord))
    if len(stam) > 5 and stam.endswith("eer"):
        stam = stam[:-3] + "er"
    return stam


@cache
def woordenschat() -> Woordenschat:
    data = yaml.safe_load((Path(__file__).parent / "woorden.yaml").read_text(encoding="utf-8"))
    stammen = {zonder_accenten(k): v for k, v in data["stammen"].items()}
    synoniemen: dict[str, str] = {}
    for groep in data["synoniemen"]:
        hoofd = _stam(groep[0], stammen)
        for woord in groep:
            synoniemen.setdefault(_stam(woord, stammen), hoofd)
    delen = {zonder_accenten(d) for d in data["delen"]}
    delen |= {zonder_accenten(w) for groep in data["synoniemen"] for w in groep}
    return Woordenschat(
        synoniemen=synoniemen,
        delen=frozenset(delen),
        stammen=stammen,
        stopwoorden=frozenset(zonder_accenten(w) for w in data["stopwoorden"]),
    )


def term(woord: str) -> str:
    """The index term of one word: stemmed, without accents, its synonym group's."""
    taal = woordenschat()
    stam = _stam(woord, taal.stammen)
    return taal.synoniemen.get(stam, stam)


def _bekend_links(links: str, delen: frozenset[str]) -> bool:
    """A compound's first part, with or without the linking -s- or -en-/-e- of Dutch."""
    if links in delen:
        return True
    for tussen in ("s", "en", "e"):
        if links.endswith(tussen) and links[: -len(tussen)] in delen:
            return True
    return False


@cache
def splits(woord: str) -> tuple[str, ...]:
    """The parts of a compound (longest first part first), or () when it is none we know."""
    delen = woordenschat().delen
    for i in range(len(woord) - KORTSTE_DEEL, KORTSTE_DEEL - 1, -1):
        links, rechts = woord[:i], woord[i:]
        if not _bekend_links(links, delen):
            continue
        if rechts in delen:
            return (links, rechts)
        verder = splits(rechts)
        if verder:
            return (links, *verder)
    return ()


@lru_cache(maxsize=200_000)
def termen_van_woord(woord: str) -> tuple[Term, ...]:
    """The whole word's term, and for a compound its parts' terms at a lower weight."""
    taal = woordenschat()
    kaal = zonder_accenten(woord)
    if kaal in taal.stopwoorden or len(kaal) < 2:
        return ()
    geheel = term(woord)
    uit = [Term(geheel, kaal, 1.0)]
    if len(kaal) >= 2 * KORTSTE_DEEL:
        for deel in splits(kaal):
            deelterm = term(deel)
            if deelterm != geheel and deel not in taal.stopwoorden:
                uit.append(Term(deelterm, kaal, DEEL_GEWICHT))
    return tuple(uit)


def termen(tekst: str) -> list[Term]:
    return [t for w in woorden(tekst) for t in termen_van_woord(w)]


def is_stopwoord(woord: str) -> bool:
    return zonder_accenten(woord) in woordenschat().stopwoorden
