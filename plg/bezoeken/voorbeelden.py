"""Kijkwijzers to start from, in our own words: what pupils do and say, never a rating of the
teacher. A PLG copies one and rewrites it for its own leervraag."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Voorbeeld:
    key: str
    titel: Promise
    kijkpunten: tuple[Promise, ...]


VOORBEELDEN = (
    Voorbeeld(
        "samen",
        _("Samen leren"),
        (
            _("Leerlingen stellen elkaar vragen over de opdracht."),
            _("Leerlingen leggen aan elkaar uit hoe ze tot een antwoord kwamen."),
            _("Leerlingen spreken af wie wat doet."),
            _("Leerlingen bouwen verder op wat een klasgenoot zei."),
        ),
    ),
    Voorbeeld(
        "denken",
        _("Denken hoorbaar maken"),
        (
            _("Leerlingen zeggen hardop hoe ze een probleem aanpakken."),
            _("Leerlingen stellen een waarom- of hoe-vraag."),
            _("Leerlingen geven een voorbeeld in hun eigen woorden."),
            _("Leerlingen passen hun antwoord aan en zeggen waarom."),
        ),
    ),
    Voorbeeld(
        "zelf",
        _("Zicht op het eigen leren"),
        (
            _("Leerlingen leggen hun werk naast een voorbeeld of de criteria."),
            _("Leerlingen vragen hulp: aan wie, en met welke vraag."),
            _("Leerlingen zeggen wat ze al kunnen en wat nog niet."),
            _("Leerlingen doen iets met een tip die ze kregen."),
        ),
    ),
    Voorbeeld(
        "aan_de_slag",
        _("Aan de slag"),
        (
            _("Leerlingen beginnen aan de taak zonder op een teken te wachten."),
            _("Leerlingen proberen een andere aanpak als iets niet lukt."),
            _("Leerlingen praten over de inhoud wanneer ze samen werken."),
            _("Leerlingen kiezen zelf een manier of materiaal om te werken."),
        ),
    ),
)
VOORBEELD = {voorbeeld.key: voorbeeld for voorbeeld in VOORBEELDEN}
