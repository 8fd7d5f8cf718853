"""A school's staff from its administration's list: compared first, applied on a yes.

The list is the truth for *this* school's staff (everyone but its external advisors): who is
on it and not here is added, whose name or function differs is changed, who is here and not on
it leaves the school. Leaving removes the person's place in this school only: their account,
their other schools and what they wrote in PLG's stay. Lines for another school are left out
and counted, so one export of a scholengemeenschap serves each of its schools.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils.translation import gettext as _

from plg.accounts.models import User
from plg.organisations.models import Aanstelling, Functie, School
from plg.roosters.imports.errors import Fouten
from plg.roosters.imports.records import PersoneelRegel
from plg.roosters.models import Roosterimport


@dataclass(frozen=True)
class Persoon:
    email: str
    voornaam: str
    familienaam: str
    functies: frozenset[str]

    @property
    def naam(self) -> str:
        return f"{self.voornaam} {self.familienaam}".strip() or self.email

    @property
    def functie_labels(self) -> str:
        return ", ".join(sorted(str(Functie(f).label) for f in self.functies))


@dataclass(frozen=True)
class Wijziging:
    oud: Persoon
    nieuw: Persoon


@dataclass(frozen=True)
class Vergelijking:
    nieuw: list[Persoon]
    gewijzigd: list[Wijziging]
    weg: list[Persoon]
    blijft: int
    andere_school: list[int]  # the lines about another school, left out

    @property
    def iets_te_doen(self) -> bool:
        return bool(self.nieuw or self.gewijzigd or self.weg)


def _uit_bestand(
    school: School, regels: Sequence[PersoneelRegel], bestand: str
) -> tuple[dict[str, Persoon], list[int]]:
    fouten = Fouten(bestand)
    mensen: dict[str, Persoon] = {}
    eerste: dict[str, PersoneelRegel] = {}
    andere: list[int] = []
    for regel in regels:
        if regel.school and regel.school.casefold() != school.name.casefold():
            andere.append(regel.regel)
            continue
        eerder = eerste.setdefault(regel.email, regel)
        if (eerder.voornaam, eerder.familienaam) != (regel.voornaam, regel.familienaam):
            fouten.add(
                regel.regel,
                None,
                _("%(email)s staat al op regel %(eerder)d met een andere naam.")
                % {"email": regel.email, "eerder": eerder.regel},
            )
        vorige = mensen.get(regel.email)
        mensen[regel.email] = Persoon(
            regel.email,
            eerder.voornaam,
            eerder.familienaam,
            (vorige.functies if vorige else frozenset()) | {regel.functie},
        )
    fouten.check()
    return mensen, andere


def _hier(school: School) -> dict[str, Persoon]:
    functies: dict[int, set[str]] = {}
    users: dict[int, User] = {}
    for aanstelling in Aanstelling.objects.team().filter(school=school).select_related("user"):
        functies.setdefault(aanstelling.user_id, set()).add(aanstelling.functie)
        users[aanstelling.user_id] = aanstelling.user
    return {
        user.email.lower(): Persoon(
            user.email.lower(), user.first_name, user.last_name, frozenset(functies[pk])
        )
        for pk, user in users.items()
    }


def _volgorde(persoon: Persoon) -> tuple[str, str]:
    return persoon.familienaam.casefold(), persoon.voornaam.casefold()


def vergelijk(*, school: School, regels: Sequence[PersoneelRegel], bestand: str) -> Vergelijking:
    """What applying the list would change, without changing anything."""
    lijst, andere = _uit_bestand(school, regels, bestand)
    hier = _hier(school)
    nieuw = [p for email, p in lijst.items() if email not in hier]
    gewijzigd = [
        Wijziging(hier[email], p)
        for email, p in lijst.items()
        if email in hier and hier[email] != p
    ]
    weg = [p for email, p in hier.items() if email not in lijst]
    blijft = sum(1 for email, p in lijst.items() if hier.get(email) == p)
    return Vergelijking(
        sorted(nieuw, key=_volgorde),
        sorted(gewijzigd, key=lambda w: _volgorde(w.nieuw)),
        sorted(weg, key=_volgorde),
        blijft,
        andere,
    )


def _houdt_zichzelf(door: User, school: School, lijst: Vergelijking, bestand: str) -> None:
    """A leader who would import themselves out of leading the school is stopped: they would
    lose this page halfway through their work."""
    leidt = {Functie.SCHOOLLEIDER, Functie.COORDINEREND_DIRECTEUR}
    email = door.email.lower()
    straks: frozenset[str] | None = None
    if any(p.email == email for p in lijst.weg):
        straks = frozenset()
    for wijziging in lijst.gewijzigd:
        if wijziging.nieuw.email == email:
            straks = wijziging.nieuw.functies
    if (
        straks is not None
        and not (straks & leidt)
        and (Aanstelling.objects.filter(user=door, school=school, functie__in=leidt).exists())
    ):
        fouten = Fouten(bestand)
        fouten.refuse(
            _(
                "je eigen aanstelling als schoolleider staat niet in het bestand. Zet jezelf "
                "erin: anders kan je dit personeel daarna niet meer beheren."
            )
        )


@transaction.atomic
def apply_personeel(
    *, school: School, door: User, regels: Sequence[PersoneelRegel], bestand: str
) -> Vergelijking:
    """Compare again (the staff may have changed since the preview) and apply, all or nothing."""
    lijst = vergelijk(school=school, regels=regels, bestand=bestand)
    _houdt_zichzelf(door, school, lijst, bestand)
    for persoon in lijst.nieuw:
        user, _created = User.objects.get_or_create(
            email__iexact=persoon.email,
            defaults={
                "email": persoon.email,
                "first_name": persoon.voornaam,
                "last_name": persoon.familienaam,
                "password": make_password(None),
            },
        )
        Aanstelling.objects.bulk_create(
            [Aanstelling(user=user, school=school, functie=f) for f in persoon.functies],
            ignore_conflicts=True,
        )
    for wijziging in lijst.gewijzigd:
        user = User.objects.get(email__iexact=wijziging.nieuw.email)
        user.first_name, user.last_name = wijziging.nieuw.voornaam, wijziging.nieuw.familienaam
        user.save(update_fields=["first_name", "last_name"])
        _zet_functies(user, school, wijziging.nieuw.functies)
    for persoon in lijst.weg:
        _zet_functies(User.objects.get(email__iexact=persoon.email), school, frozenset())
    Roosterimport.objects.create(
        school=school,
        soort=Roosterimport.Soort.PERSONEEL,
        bestanden=bestand[:300],
        aantal=len(lijst.nieuw) + len(lijst.gewijzigd) + len(lijst.weg),
        door=door,
    )
    return lijst


def _zet_functies(user: User, school: School, functies: frozenset[str]) -> None:
    hier = Aanstelling.objects.team().filter(user=user, school=school)
    hier.exclude(functie__in=functies).delete()
    Aanstelling.objects.bulk_create(
        [Aanstelling(user=user, school=school, functie=f) for f in functies],
        ignore_conflicts=True,
    )
