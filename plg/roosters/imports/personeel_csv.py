"""The staff list a school exports from its administration (see docs/tijd-maken-import.md).

A header row naming the columns in any order: the name (`naam`, or `voornaam` with `familienaam`
or `naam` — the way Informat, Wisa and Smartschool export it), `e-mail`, and optionally
`school` and `functie`. Without a function a person is a teacher. A person may stand on two
lines with two functions (a teacher who is also zorgcoördinator).
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from plg.core.db import outside_transaction
from plg.organisations.models import Functie
from plg.roosters.imports.errors import Fouten
from plg.roosters.imports.kolommen import Kolommen, Kop, rijen
from plg.roosters.imports.records import PersoneelRegel
from plg.roosters.imports.text import read_text
from plg.roosters.imports.values import read_email, too_long

PERSONEEL = Kolommen(
    namen={
        "naam": ("naam", "volledige naam", "name", "full name"),
        "voornaam": ("voornaam", "first name", "roepnaam"),
        "familienaam": ("familienaam", "achternaam", "last name", "surname"),
        "email": (
            "e-mail",
            "email",
            "e-mailadres",
            "emailadres",
            "mail",
            "e-mail school",
            "e-mail werk",
        ),
        "school": ("school", "schoolnaam", "instelling", "vestiging"),
        "functie": ("functie", "ambt", "rol", "function"),
    },
    verplicht=("naam", "email"),
    voorbeeld=gettext_noop("voornaam;naam;e-mail;school;functie"),
)

TEAM_FUNCTIES = [f for f in Functie if f != Functie.PEDAGOGISCH_BEGELEIDER]

# What administrations and people write, to our functions (compared in lower case).
FUNCTIES: dict[str, str] = {
    "leraar": Functie.LERAAR,
    "leerkracht": Functie.LERAAR,
    "onderwijzer": Functie.LERAAR,
    "kleuteronderwijzer": Functie.LERAAR,
    "kleuterleid(st)er": Functie.LERAAR,
    "kleuterleidster": Functie.LERAAR,
    "kleuterleider": Functie.LERAAR,
    "leraar lager onderwijs": Functie.LERAAR,
    "leraar secundair onderwijs": Functie.LERAAR,
    "zorgleerkracht": Functie.LERAAR,
    "leermeester": Functie.LERAAR,
    "bijzondere leermeester": Functie.LERAAR,
    "beginnende leraar": Functie.BEGINNENDE_LERAAR,
    "beginnende leerkracht": Functie.BEGINNENDE_LERAAR,
    "starter": Functie.BEGINNENDE_LERAAR,
    "zorgcoördinator": Functie.ZORGCOORDINATOR,
    "zorgcoordinator": Functie.ZORGCOORDINATOR,
    "aanvangsbegeleider": Functie.AANVANGSBEGELEIDER,
    "mentor": Functie.AANVANGSBEGELEIDER,
    "directeur": Functie.SCHOOLLEIDER,
    "directie": Functie.SCHOOLLEIDER,
    "schoolleider": Functie.SCHOOLLEIDER,
    "adjunct-directeur": Functie.SCHOOLLEIDER,
    "coördinerend directeur": Functie.COORDINEREND_DIRECTEUR,
    "coordinerend directeur": Functie.COORDINEREND_DIRECTEUR,
}


@outside_transaction
def read_personeel_csv(
    data: bytes, bestand: str, *, scheidingsteken: str | None = None, codering: str | None = None
) -> list[PersoneelRegel]:
    """Every person on the list, or `ImportMislukt` with every mistake in the file."""
    fouten = Fouten(bestand)
    gelezen = rijen(read_text(data, fouten, codering), fouten, scheidingsteken, PERSONEEL)
    kop = Kop.read(*gelezen[0], fouten, PERSONEEL)
    regels = [r for nummer, rij in gelezen[1:] if (r := _regel(kop, nummer, rij, fouten))]
    if not regels and not fouten:
        fouten.add(None, None, _("het bestand bevat alleen een kopregel en geen personeel."))
    fouten.check()
    return regels


def _naam(kop: Kop, regel: int, rij: list[str], fouten: Fouten) -> tuple[str, str] | None:
    """With a first-name column, `naam` is the family name; alone, its first word is the
    first name ("An Van den Broeck")."""
    naam = kop.veld(rij, "naam")
    if kop.heeft("voornaam"):
        voornaam, familienaam = kop.veld(rij, "voornaam"), kop.veld(rij, "familienaam") or naam
    else:
        voornaam, _spatie, familienaam = naam.partition(" ")
        familienaam = kop.veld(rij, "familienaam") or familienaam
    if not (voornaam or familienaam):
        fouten.add(regel, kop.titel("naam"), _("de naam ontbreekt."))
        return None
    for kolom, waarde in (("voornaam", voornaam), ("naam", familienaam)):
        if len(waarde) > 100:
            fouten.add(regel, kop.titel(kolom), _("is langer dan 100 tekens; kort het in."))
            return None
    return voornaam, familienaam


def _regel(kop: Kop, regel: int, rij: list[str], fouten: Fouten) -> PersoneelRegel | None:
    naam = _naam(kop, regel, rij, fouten)
    email, melding = read_email(kop.veld(rij, "email"))
    if melding:
        fouten.add(regel, kop.titel("email"), melding)
    school = kop.veld(rij, "school")
    if melding := too_long(school):
        fouten.add(regel, kop.titel("school"), melding)
    waarde = kop.veld(rij, "functie")
    functie = FUNCTIES.get(" ".join(waarde.split()).casefold()) if waarde else Functie.LERAAR
    if functie is None:
        fouten.add(
            regel,
            kop.titel("functie"),
            _("'%(waarde)s' kennen we niet als functie. Gebruik een van: %(functies)s.")
            % {"waarde": waarde, "functies": ", ".join(str(f.label) for f in TEAM_FUNCTIES)},
        )
    if naam is None or email is None or functie is None or melding:
        return None
    return PersoneelRegel(naam[0], naam[1], email, school, functie, regel)
