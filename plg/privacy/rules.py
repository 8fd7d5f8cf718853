"""The one table of what happens to personal data, per model: what a person's download holds
and what forgetting them does. ``docs/privacy.md`` explains it in words; a test walks every
model and fails when one holding a person or free text is missing here."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Actie(StrEnum):
    """What forgetting a person does to a row that points at them through one field."""

    WISSEN = "wissen"  # the row is theirs (or about them alone): removed
    ANONIEM = "anoniem"  # written for others or built on by them: kept, by "een oud-lid"
    PUBLIEK = "publiek"  # by its audience: "alleen ik" removed, any other audience ANONIEM
    LOSKOPPELEN = "loskoppelen"  # a mention (last saved by, one of a set): the link goes


@dataclass(frozen=True)
class Regel:
    """How one model holds people: ``personen`` maps a field (a user, or a set of users) to
    what forgetting does; ``email`` names a field holding an address, for people invited or
    written to before they had an account (their rows are removed)."""

    personen: dict[str, Actie] = field(default_factory=dict)
    email: str = ""


REGELS: dict[str, Regel] = {
    "accounts.User": Regel(),  # the person themselves: exported, and removed last
    "organisations.Aanstelling": Regel({"user": Actie.WISSEN}),
    "communities.PLG": Regel({"created_by": Actie.ANONIEM, "last_saved_by": Actie.LOSKOPPELEN}),
    "communities.Lidmaatschap": Regel({"user": Actie.WISSEN}),
    "communities.Uitnodiging": Regel({"invited_by": Actie.ANONIEM}, email="email"),
    "communities.Thema": Regel({"created_by": Actie.ANONIEM}),
    "communities.Leervraag": Regel({"created_by": Actie.ANONIEM}),
    "communities.LeervraagVersie": Regel({"author": Actie.ANONIEM}),
    "communities.Actieplan": Regel({"author": Actie.PUBLIEK, "last_saved_by": Actie.LOSKOPPELEN}),
    "communities.Mijlpaal": Regel({"author": Actie.PUBLIEK, "last_saved_by": Actie.LOSKOPPELEN}),
    "communities.Notitie": Regel({"author": Actie.PUBLIEK}),
    "communities.Afronding": Regel({"author": Actie.PUBLIEK, "last_saved_by": Actie.LOSKOPPELEN}),
    "communities.Bron": Regel({"added_by": Actie.ANONIEM}),
    "meetings.Bijeenkomst": Regel({"last_saved_by": Actie.LOSKOPPELEN}),
    "meetings.Terugblik": Regel({"author": Actie.PUBLIEK, "last_saved_by": Actie.LOSKOPPELEN}),
    "meetings.Opdracht": Regel({"owner": Actie.ANONIEM}),
    # one's own learning, whoever may read it: nobody builds on it, and one per bijeenkomst
    "meetings.LeerlogEntry": Regel({"author": Actie.WISSEN, "last_saved_by": Actie.LOSKOPPELEN}),
    "meetings.Expertbezoek": Regel(
        {"created_by": Actie.ANONIEM, "last_saved_by": Actie.LOSKOPPELEN}
    ),
    "live.LiveSessie": Regel({"opened_by": Actie.LOSKOPPELEN, "schoolleiders": Actie.LOSKOPPELEN}),
    "live.Kaart": Regel({"author": Actie.ANONIEM}),
    "live.Zet": Regel({"by": Actie.ANONIEM}),
    "live.Intervisie": Regel({"inbrenger": Actie.ANONIEM}),
    "live.Gastlink": Regel({"created_by": Actie.ANONIEM}),
    "live.Rondebijdrage": Regel({"author": Actie.PUBLIEK}),
    "scans.Afname": Regel({"opened_by": Actie.ANONIEM}),
    "scans.Toegang": Regel({"user": Actie.WISSEN}, email="email"),
    "roosters.Les": Regel({"leerkracht": Actie.WISSEN}),
    "roosters.Leerkrachtcode": Regel({"user": Actie.WISSEN}),
    "roosters.Bezetting": Regel({"user": Actie.WISSEN}),
    "roosters.Planner": Regel({"user": Actie.WISSEN}),
    "roosters.Kruisvervanger": Regel({"user": Actie.WISSEN}),
    "roosters.Roosterimport": Regel({"door": Actie.ANONIEM}),
    "bezoeken.Kijkwijzer": Regel({"eigenaar": Actie.ANONIEM}),
    "bezoeken.Bezoekronde": Regel({"door": Actie.ANONIEM, "deelnemers": Actie.LOSKOPPELEN}),
    # a visit is the observed teacher's and a series its owner's: they go with them; the
    # other one of the two becomes "een oud-lid" (two stand-ins would be one person twice)
    "bezoeken.CoTeachingReeks": Regel({"eigenaar": Actie.WISSEN, "partner": Actie.ANONIEM}),
    "bezoeken.Klasbezoek": Regel({"geobserveerde": Actie.WISSEN, "bezoeker": Actie.ANONIEM}),
    "bezoeken.Observatie": Regel({"author": Actie.ANONIEM}),
    "bezoeken.Nagesprek": Regel({"author": Actie.PUBLIEK}),
    "bezoeken.Meegenomen": Regel({"author": Actie.PUBLIEK}),
    "bezoeken.Blitsfeedback": Regel({"author": Actie.PUBLIEK}),
    "bezoeken.CoTeachingNota": Regel({"author": Actie.PUBLIEK}),
    "bezoeken.Buddyvoorkeur": Regel({"user": Actie.WISSEN}),
    "bezoeken.Buddykoppel": Regel({"mentor": Actie.LOSKOPPELEN, "leden": Actie.LOSKOPPELEN}),
    "planning.Vervangbeurt": Regel({"afwezige": Actie.WISSEN, "vervanger": Actie.WISSEN}),
    "planning.Maandplan": Regel({"door": Actie.ANONIEM}),
    "planning.Kalenderfeed": Regel({"user": Actie.WISSEN}),
    "tandem.Tandem": Regel({"schoolleider": Actie.ANONIEM, "voorgesteld_door": Actie.ANONIEM}),
    "tandem.Tandemmoment": Regel({"author": Actie.ANONIEM}),
    "tandem.Steunvraag": Regel({"gevraagd_door": Actie.ANONIEM}),
    "tandem.Aanwezigheid": Regel({"uitgenodigd_door": Actie.ANONIEM}),
    "bibliotheek.Instemming": Regel({"user": Actie.WISSEN}),
    "traject.Traject": Regel({"begeleider": Actie.ANONIEM}),
    "traject.Deelname": Regel({"leider": Actie.WISSEN}),
    "post.Bericht": Regel({"door": Actie.LOSKOPPELEN}, email="aan"),
    "privacy.Raadpleging": Regel({"wie": Actie.ANONIEM}),
}
"""Models that point at a person, and what their download and their erasure do with them."""

ZONDER_PERSOON: dict[str, str] = {
    "organisations.Network": "de naam van een netwerk",
    "organisations.Scholengemeenschap": "de naam van een scholengemeenschap",
    "organisations.School": "gegevens van een school",
    "methods.Werkvorm": "de catalogus van werkvormen",
    "methods.Vragengroep": "de vragenkit",
    "methods.Vraag": "de vragenkit",
    "communities.Bijlage": "een bijlage bij de afronding van de PLG",
    "meetings.AgendaBlok": "de agenda van een bijeenkomst",
    "live.Kandoe": "de startvraag van een KanDoe-ronde",
    "scans.Antwoordset": "anoniem: los bewaard van wie antwoordde",
    "scans.Antwoord": "anoniem: los bewaard van wie antwoordde",
    "scans.Toelichting": "anoniem: los bewaard van wie antwoordde",
    "scans.Sectiescore": "een groepscijfer, pas vanaf de minimale groep",
    "scans.Resultaat": "een groepscijfer, pas vanaf de minimale groep",
    "roosters.VrijeDagen": "de kalender van een school",
    "bezoeken.KijkwijzerItem": "een kijkpunt van een kijkwijzer (volgt de kijkwijzer)",
    "bibliotheek.Bibliotheekitem": "een gepubliceerde PLG: een naam in 'namen' wordt 'een oud-lid'",
    "bibliotheek.Bibliotheekbijlage": "een bijlage bij een gepubliceerde PLG",
    "bibliotheek.Zoekterm": "de zoekindex van de bibliotheek",
    "bibliotheek.Zoekwoord": "de zoekindex van de bibliotheek",
    "bibliotheek.Zoekvorm": "de zoekindex van de bibliotheek",
    "bibliotheek.Zoekfacet": "de zoekindex van de bibliotheek",
    "traject.Trajectmijlpaal": "een mijlpaal van een traject",
    "beheer.Hartslag": "de hartslag van de taakverwerker",
}
"""Models with free text that is about no one person, and why."""

GEHEIM = frozenset({"password", "token", "key_hash", "claim"})
"""Fields never exported: a password hash or a bearer key in a download is a key on paper."""

VERBORGEN: dict[str, frozenset[str]] = {
    "post.Bericht": frozenset({"tekst", "bijlagen", "sleutel", "message_id"}),
}
"""A mail's body holds personal links (a scan, a calendar feed): the download names the mail
(to whom, subject, when, its state), not what it said."""
