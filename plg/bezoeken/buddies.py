"""Buddies and mentors: who signs up, how pairs and trios are made, and what the school sees.

The matching (``indeel``) is a pure function on plain data, so its rules can be tested on any
input: everyone in at most one group of two or three, never a pair that already was one this
school year, across schools only when both want it. ``match_buddies`` stores its outcome; the
organiser learns counts (``Uitkomst``), never who is with whom.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from itertools import combinations

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plg.accounts.models import User
from plg.bezoeken.models import Buddykoppel, Buddyvoorkeur, KoppelSoort, Periode
from plg.bezoeken.schooljaar import dit_schooljaar, dit_trimester
from plg.organisations.models import Aanstelling, Functie, School

Paar = frozenset[int]


def periode_begin(periode: str, day: date) -> date:
    """When the current trimester (or school year) began: groups made since then are this
    period's."""
    if periode == Periode.JAAR:
        return dit_schooljaar(day).van
    return dit_trimester(day).van


@dataclass(frozen=True)
class Kandidaat:
    """One signed-up teacher, as the matching needs them: no name, just the preferences."""

    id: int
    school: int
    graad: str = ""
    andere_graad: bool = False
    over_scholen: bool = False
    wil_mentor: bool = False
    zoekt_mentor: bool = False

    @property
    def mentor(self) -> bool:
        return self.wil_mentor and not self.zoekt_mentor


@dataclass(frozen=True)
class Groep:
    leden: tuple[int, ...]
    mentor: int | None = None


class Reden(StrEnum):
    """Why someone stays without a group, in general terms (the organiser sees only counts)."""

    ALLEEN = "alleen"  # nobody they could be with: alone at their school, not across schools
    AL_SAMEN = "al_samen"  # everyone they could be with was already their buddy this year


REDEN_TEKST = {
    Reden.ALLEEN: _("alleen ingeschreven op hun school en niet open voor andere scholen"),
    Reden.AL_SAMEN: _("iedereen die in aanmerking kwam, was dit schooljaar al hun buddy"),
}


@dataclass(frozen=True)
class Indeling:
    groepen: tuple[Groep, ...]
    niet_gekoppeld: dict[int, Reden] = field(default_factory=dict)


def may_pair(a: Kandidaat, b: Kandidaat, verboden: Collection[Paar]) -> bool:
    """The hard rules: two people, never together before this year, one school unless both
    want otherwise."""
    if a.id == b.id or frozenset((a.id, b.id)) in verboden:
        return False
    return a.school == b.school or (a.over_scholen and b.over_scholen)


def _score(a: Kandidaat, b: Kandidaat) -> int:
    """Soft preferences: another grade for whoever asked, then colleagues of the same school."""
    score = 0
    if a.andere_graad or b.andere_graad:
        score += 4 if a.graad and b.graad and a.graad != b.graad else -4
    return score + (1 if a.school == b.school else 0)


def _mentor_pairs(
    starters: list[Kandidaat], mentors: list[Kandidaat], verboden: Collection[Paar]
) -> dict[int, Kandidaat]:
    """As many starters with a mentor as possible (augmenting paths), best-liked mentor first."""
    mentor_of: dict[int, Kandidaat] = {}  # mentor id -> starter

    def options(starter: Kandidaat) -> list[Kandidaat]:
        return sorted(
            (m for m in mentors if may_pair(starter, m, verboden)),
            key=lambda m: (-_score(starter, m), m.id),
        )

    def augment(starter: Kandidaat, seen: set[int]) -> bool:
        for mentor in options(starter):
            if mentor.id in seen:
                continue
            seen.add(mentor.id)
            held = mentor_of.get(mentor.id)
            if held is None or augment(held, seen):
                mentor_of[mentor.id] = starter
                return True
        return False

    for starter in starters:
        augment(starter, set())
    return mentor_of


def _pair_greedily(
    mensen: list[Kandidaat], verboden: Collection[Paar]
) -> tuple[list[tuple[Kandidaat, Kandidaat]], list[Kandidaat]]:
    """Whoever has the fewest possible partners chooses first, the best-liked partner."""
    vrij = {k.id: k for k in mensen}
    options = {k.id: {o.id for o in mensen if may_pair(k, o, verboden)} for k in mensen}
    paren: list[tuple[Kandidaat, Kandidaat]] = []
    over: list[Kandidaat] = []
    while vrij:
        u = min(vrij.values(), key=lambda k: (len(options[k.id] & vrij.keys()), k.id))
        del vrij[u.id]
        kandidaten = [vrij[i] for i in options[u.id] if i in vrij]
        if not kandidaten:
            over.append(u)
            continue
        v = min(
            kandidaten,
            key=lambda k: (-_score(u, k), len(options[k.id] & vrij.keys()), k.id),
        )
        del vrij[v.id]
        paren.append((u, v))
    return paren, over


def _repair(
    paren: list[tuple[Kandidaat, Kandidaat]], over: list[Kandidaat], verboden: Collection[Paar]
) -> None:
    """Two left over, u and v, and a pair (a, b) with u–a and b–v possible: make two pairs."""
    changed = True
    while changed and len(over) > 1:
        changed = False
        for u, v in combinations(list(over), 2):
            for index, (a, b) in enumerate(paren):
                for x, y in ((a, b), (b, a)):
                    if may_pair(u, x, verboden) and may_pair(y, v, verboden):
                        paren[index] = (u, x)
                        paren.append((y, v))
                        over.remove(u)
                        over.remove(v)
                        changed = True
                        break
                if changed:
                    break
            if changed:
                break


def _join_trio(
    persoon: Kandidaat,
    groepen: list[list[Kandidaat]],
    mentors: dict[int, int],
    verboden: Collection[Paar],
) -> bool:
    """Someone left over joins a pair as its third, if they may be with both."""
    best: tuple[int, int] | None = None
    for index, groep in enumerate(groepen):
        if len(groep) != 2 or not all(may_pair(persoon, o, verboden) for o in groep):
            continue
        score = sum(_score(persoon, o) for o in groep)
        if index in mentors and not persoon.zoekt_mentor:
            score -= 100  # a mentor's group rather takes a second starter; a buddy only if need be
        if best is None or score > best[0]:
            best = (score, index)
    if best is None:
        return False
    groepen[best[1]].append(persoon)
    return True


def indeel(kandidaten: Iterable[Kandidaat], verboden: Collection[Paar] = ()) -> Indeling:
    """Mentors with starters first, then buddies in pairs; whoever is left joins a pair as its
    third. Deterministic for the same input."""
    mensen = sorted(kandidaten, key=lambda k: k.id)
    starters = [k for k in mensen if k.zoekt_mentor]
    mentor_of = _mentor_pairs(starters, [k for k in mensen if k.mentor], verboden)
    groepen: list[list[Kandidaat]] = []
    mentors: dict[int, int] = {}  # index of the group -> its mentor
    for mentor_id, starter in sorted(mentor_of.items()):
        mentor = next(k for k in mensen if k.id == mentor_id)
        mentors[len(groepen)] = mentor_id
        groepen.append([mentor, starter])
    bezet = {k.id for groep in groepen for k in groep}
    paren, over = _pair_greedily([k for k in mensen if k.id not in bezet], verboden)
    _repair(paren, over, verboden)
    groepen.extend([a, b] for a, b in paren)
    niet: dict[int, Reden] = {}
    for persoon in over:
        if not _join_trio(persoon, groepen, mentors, verboden):
            alleen = not any(may_pair(persoon, o, ()) for o in mensen)
            niet[persoon.id] = Reden.ALLEEN if alleen else Reden.AL_SAMEN
    return Indeling(
        groepen=tuple(
            Groep(leden=tuple(sorted(k.id for k in groep)), mentor=mentors.get(index))
            for index, groep in enumerate(groepen)
        ),
        niet_gekoppeld=niet,
    )


@dataclass(frozen=True)
class Uitkomst:
    """What the organiser learns: how many groups of which kind, and why some stay alone."""

    paren: int
    trios: int
    mentorparen: int
    niet_gekoppeld: int
    redenen: dict[str, int]
    al_gekoppeld: int = 0

    @classmethod
    def van(cls, indeling: Indeling, *, al_gekoppeld: int = 0) -> Uitkomst:
        redenen = Counter(str(r) for r in indeling.niet_gekoppeld.values())
        return cls(
            paren=sum(1 for g in indeling.groepen if len(g.leden) == 2 and g.mentor is None),
            trios=sum(1 for g in indeling.groepen if len(g.leden) == 3),
            mentorparen=sum(1 for g in indeling.groepen if g.mentor is not None),
            niet_gekoppeld=len(indeling.niet_gekoppeld),
            redenen=dict(sorted(redenen.items())),
            al_gekoppeld=al_gekoppeld,
        )

    def redenen_tekst(self) -> list[tuple[str, int]]:
        """Why some stay alone, in the reader's language."""
        return [(str(REDEN_TEKST[Reden(code)]), n) for code, n in self.redenen.items()]


def voorkeur_initial(user: User) -> dict[str, bool]:
    """A beginning teacher probably looks for a mentor; an aanvangsbegeleider probably is one."""
    functies = set(Aanstelling.objects.filter(user=user).values_list("functie", flat=True))
    return {
        "zoekt_mentor": Functie.BEGINNENDE_LERAAR in functies,
        "wil_mentor": Functie.AANVANGSBEGELEIDER in functies,
    }


def verboden_paren(*, scholengemeenschap_id: int, schooljaar: str) -> set[Paar]:
    """Every pair that already was one (also within a trio) this school year."""
    leden: dict[int, list[int]] = {}
    for koppel_id, user_id in Buddykoppel.leden.through.objects.filter(
        buddykoppel__scholengemeenschap_id=scholengemeenschap_id,
        buddykoppel__schooljaar=schooljaar,
    ).values_list("buddykoppel_id", "user_id"):
        leden.setdefault(koppel_id, []).append(user_id)
    return {frozenset(p) for ids in leden.values() for p in combinations(ids, 2)}


def _kandidaten(
    school: School, schooljaar: str, periode: str, today: date
) -> tuple[list[Kandidaat], int]:
    """Who signed up at this school, and who signed up at a sister school wanting colleagues of
    other schools too; minus whoever already has a group this period."""
    al_in_groep = Buddykoppel.leden.through.objects.filter(
        buddykoppel__scholengemeenschap_id=school.scholengemeenschap_id,
        buddykoppel__schooljaar=schooljaar,
    ).filter(
        Q(buddykoppel__periode=Periode.JAAR)
        | Q(buddykoppel__created_at__date__gte=periode_begin(periode, today))
    )
    al_gekoppeld = (
        Buddyvoorkeur.objects.filter(school=school, schooljaar=schooljaar)
        .filter(user__in=al_in_groep.values("user_id"))
        .count()
    )
    voorkeuren = (
        Buddyvoorkeur.objects.filter(
            schooljaar=schooljaar, school__scholengemeenschap_id=school.scholengemeenschap_id
        )
        .filter(Q(school=school) | Q(over_scholen=True))
        .exclude(user__in=al_in_groep.values("user_id"))
        .order_by("user_id", "school_id")
    )
    gezien: dict[int, Kandidaat] = {}
    for v in voorkeuren:
        gezien.setdefault(
            v.user_id,
            Kandidaat(
                id=v.user_id,
                school=v.school_id,
                graad=v.graad.strip().lower(),
                andere_graad=v.andere_graad,
                over_scholen=v.over_scholen,
                wil_mentor=v.wil_mentor,
                zoekt_mentor=v.zoekt_mentor,
            ),
        )
    return list(gezien.values()), al_gekoppeld


@transaction.atomic
def match_buddies(*, school: School, schooljaar: str, periode: str) -> Uitkomst:
    """Make this period's pairs and trios for a school's sign-ups, all stored or none."""
    today = timezone.localdate()
    kandidaten, al_gekoppeld = _kandidaten(school, schooljaar, periode, today)
    verboden = verboden_paren(
        scholengemeenschap_id=school.scholengemeenschap_id, schooljaar=schooljaar
    )
    indeling = indeel(kandidaten, verboden)
    for groep in indeling.groepen:
        koppel = Buddykoppel.objects.create(
            scholengemeenschap_id=school.scholengemeenschap_id,
            schooljaar=schooljaar,
            periode=periode,
            soort=KoppelSoort.MENTOR if groep.mentor else KoppelSoort.BUDDY,
            mentor_id=groep.mentor,
        )
        koppel.leden.set(groep.leden)
    return Uitkomst.van(indeling, al_gekoppeld=al_gekoppeld)


def ingeschreven(*, school: School, schooljaar: str) -> int:
    return Buddyvoorkeur.objects.filter(school=school, schooljaar=schooljaar).count()


def mijn_groepen(user: User, schooljaar: str) -> list[Buddykoppel]:
    """This person's buddies and mentor this school year, newest first, with the others' names."""
    return list(
        Buddykoppel.objects.filter(leden=user, schooljaar=schooljaar)
        .prefetch_related("leden")
        .select_related("mentor")
        .order_by("-created_at", "-id")
    )


@transaction.atomic
def sign_up(*, user: User, school: School, schooljaar: str, **voorkeur: object) -> Buddyvoorkeur:
    """Signing up (again) replaces this year's preferences, at whichever school; it stays
    voluntary."""
    Buddyvoorkeur.objects.filter(user=user, schooljaar=schooljaar).exclude(school=school).delete()
    row, _created = Buddyvoorkeur.objects.update_or_create(
        user=user, school=school, schooljaar=schooljaar, defaults=voorkeur
    )
    return row


def sign_off(*, user: User, schooljaar: str) -> None:
    """Leaving the sign-up list; groups already made stay theirs until the period ends."""
    Buddyvoorkeur.objects.filter(user=user, schooljaar=schooljaar).delete()
