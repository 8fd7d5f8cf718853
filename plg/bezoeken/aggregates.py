"""What a school may see of visiting each other's class: the practice, never the people.

A school leader, a scholengemeenschap and an advisor see, per school and per period, how many
visits took place and in which forms, how many buddy and mentor pairs there are, which share of
the team took part and how many kijkwijzers are in use. Never a name, never who visited whom,
never a figure per teacher. Every figure stands for a number of people (the teachers behind the
visits it counts); below the minimum group of ``core.privacy`` it is not shown at all, and a
total is left out when it would give away a hidden figure by subtraction.

Periods are the trimesters and school years of ``bezoeken.schooljaar``.

Whatever the data, ``praktijk`` asks the database three times: the teams, the visits, the pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db.models import Q
from django.utils import timezone

from plg.bezoeken.models import Buddykoppel, Klasbezoek, Soort
from plg.bezoeken.schooljaar import Tijdvak
from plg.core.privacy import may_show, minimum_group
from plg.organisations.models import Aanstelling


@dataclass(frozen=True)
class Vorm:
    label: str
    aantal: int


@dataclass(frozen=True)
class Praktijk:
    """What one school may see of one period. ``None`` is a figure that may not be shown."""

    tijdvak: Tijdvak
    minimum: int
    bezoeken: int | None = None
    vormen: list[Vorm] = field(default_factory=list)
    vormen_verborgen: bool = False
    aandeel: int | None = None
    kijkwijzers: int | None = None
    koppels: int | None = None

    @property
    def leeg(self) -> bool:
        """Nothing may be shown: the page says so calmly, without a number."""
        return (
            self.bezoeken is None
            and not self.vormen
            and self.aandeel is None
            and self.kijkwijzers is None
            and self.koppels is None
        )


FORMS = (Soort.KLASBEZOEK, Soort.BLITS, Soort.CO_TEACHING)


@dataclass
class _Tally:
    """Counts and the people behind them, for one school in one period (never shown as such)."""

    per_vorm: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    mensen_per_vorm: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    deelnemers: set[int] = field(default_factory=set)
    kijkwijzers: set[int] = field(default_factory=set)
    mensen_kijkwijzer: set[int] = field(default_factory=set)
    koppels: set[int] = field(default_factory=set)
    mensen_koppels: set[int] = field(default_factory=set)


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def praktijk(
    school_ids: Iterable[int], tijdvakken: Sequence[Tijdvak], *, minimum: int | None = None
) -> dict[int, list[Praktijk]]:
    """Per school, what it may see of each period (in the order of ``tijdvakken``)."""
    ids = sorted(set(school_ids))
    minimum = minimum_group() if minimum is None else minimum
    if not ids or not tijdvakken:
        return {pk: [] for pk in ids}
    team: dict[int, set[int]] = defaultdict(set)
    for school_id, user_id in (
        Aanstelling.objects.team().filter(school_id__in=ids).values_list("school_id", "user_id")
    ):
        team[school_id].add(user_id)
    tallies = {(pk, i): _Tally() for pk in ids for i in range(len(tijdvakken))}
    _count_visits(ids, tijdvakken, team, tallies)
    _count_pairs(ids, tijdvakken, team, tallies)
    return {
        pk: [
            _shown(tallies[pk, i], tijdvak, len(team[pk]), minimum)
            for i, tijdvak in enumerate(tijdvakken)
        ]
        for pk in ids
    }


def _team_q(ids: list[int]) -> Q:
    staff = Aanstelling.objects.team().filter(school_id__in=ids).values("user_id")
    return Q(school_id__in=ids) | Q(geobserveerde_id__in=staff) | Q(bezoeker_id__in=staff)


def _count_visits(
    ids: list[int],
    tijdvakken: Sequence[Tijdvak],
    team: dict[int, set[int]],
    tallies: dict[tuple[int, int], _Tally],
) -> None:
    """A visit counts for its school; each teacher in it takes part for the schools they work in."""
    rows = (
        Klasbezoek.objects.gedaan()
        .filter(
            begin__gte=_aware(min(t.van for t in tijdvakken)),
            begin__lt=_aware(max(t.tot for t in tijdvakken)),
        )
        .filter(_team_q(ids))
        .values_list(
            "school_id", "soort", "geobserveerde_id", "bezoeker_id", "kijkwijzer_id", "begin"
        )
    )
    schools_of = _schools_of(team)
    for school_id, soort, observed, visitor, kijkwijzer, begin in rows:
        pair = {observed, visitor}
        for i, tijdvak in enumerate(tijdvakken):
            if not tijdvak.bevat(begin):
                continue
            for person in pair:
                for pk in schools_of.get(person, ()):
                    tallies[pk, i].deelnemers.add(person)
            tally = tallies.get((school_id, i))
            if tally is None:
                continue
            tally.per_vorm[soort] += 1
            tally.mensen_per_vorm[soort] |= pair
            if kijkwijzer is not None:
                tally.kijkwijzers.add(kijkwijzer)
                tally.mensen_kijkwijzer |= pair


def _schools_of(team: dict[int, set[int]]) -> dict[int, set[int]]:
    found: dict[int, set[int]] = defaultdict(set)
    for school_id, people in team.items():
        for person in people:
            found[person].add(school_id)
    return found


def _count_pairs(
    ids: list[int],
    tijdvakken: Sequence[Tijdvak],
    team: dict[int, set[int]],
    tallies: dict[tuple[int, int], _Tally],
) -> None:
    """A pair counts for every school one of its members works in, in the school years it runs."""
    years = set().union(*(t.schooljaren for t in tijdvakken))
    staff = Aanstelling.objects.team().filter(school_id__in=ids).values("user_id")
    rows = Buddykoppel.leden.through.objects.filter(
        buddykoppel__in=Buddykoppel.objects.filter(schooljaar__in=years, leden__in=staff)
    ).values_list("buddykoppel_id", "buddykoppel__schooljaar", "user_id")
    leden: dict[tuple[int, str], set[int]] = defaultdict(set)
    for koppel, schooljaar, user_id in rows:
        leden[koppel, schooljaar].add(user_id)
    schools_of = _schools_of(team)
    for (koppel, schooljaar), people in leden.items():
        schools = set().union(*(schools_of.get(person, set()) for person in people))
        for i, tijdvak in enumerate(tijdvakken):
            if schooljaar not in tijdvak.schooljaren:
                continue
            for pk in schools:
                tallies[pk, i].koppels.add(koppel)
                tallies[pk, i].mensen_koppels |= people


def _shown(tally: _Tally, tijdvak: Tijdvak, team_size: int, minimum: int) -> Praktijk:
    """Only figures behind which at least ``minimum`` people stand, and no total that would
    reveal a hidden form by subtraction."""
    vormen, verborgen = [], set[int]()
    for soort in FORMS:
        if not tally.per_vorm.get(soort):
            continue
        if may_show(len(tally.mensen_per_vorm[soort]), minimum):
            vormen.append(Vorm(str(Soort(soort).label), tally.per_vorm[soort]))
        else:
            verborgen |= tally.mensen_per_vorm[soort]
    iedereen = set().union(*tally.mensen_per_vorm.values())
    totaal_mag = may_show(len(iedereen), minimum) and (
        not verborgen or may_show(len(verborgen), minimum)
    )
    deelnemers = len(tally.deelnemers)
    return Praktijk(
        tijdvak=tijdvak,
        minimum=minimum,
        bezoeken=sum(tally.per_vorm.values()) if totaal_mag else None,
        vormen=vormen,
        vormen_verborgen=bool(verborgen),
        aandeel=(
            round(100 * deelnemers / team_size)
            if team_size and may_show(deelnemers, minimum)
            else None
        ),
        kijkwijzers=(
            len(tally.kijkwijzers) if may_show(len(tally.mensen_kijkwijzer), minimum) else None
        ),
        koppels=len(tally.koppels) if may_show(len(tally.mensen_koppels), minimum) else None,
    )
