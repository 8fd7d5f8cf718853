"""Authorisation cases of the library: sharing a closed PLG, and reading its entry.

Every persona of the world works in one network, so an entry shared with the network is read
by all of them; a reader from another network is the library's own tests' concern.
"""

from __future__ import annotations

from django.core.files.base import ContentFile

from conftest import World
from plg.bibliotheek.models import Bibliotheekitem
from plg.bibliotheek.tests.factories import concept, gepubliceerd
from plg.core.tests.authz import COACH, LOGGED_IN, MEMBERS, Case


def _gesloten(w: World, o: object) -> list[object]:
    concept(w)
    return [w.plg.pk]


def _gepubliceerd(w: World, o: object) -> list[object]:
    gepubliceerd(w)
    return [w.plg.pk]


def _item(w: World) -> Bibliotheekitem:
    return gepubliceerd(w)


def _bijlage(w: World, o: object) -> list[object]:
    item = _item(w)
    bijlage = item.bijlagen.create(name="a.txt", file=ContentFile(b"a", name="a.txt"))
    return [item.slug, bijlage.pk]


CASES: dict[str, Case] = {
    # the PLG's own, once it is afgesloten: members read the draft and agree, the coach publishes
    "bibliotheek_delen": (_gesloten, "get", {}, MEMBERS, 200),
    "bibliotheek_instemmen": (_gesloten, "post", {"antwoord": "ja"}, MEMBERS, 302),
    "bibliotheek_publiceren": (_gesloten, "post", {}, COACH, 302),
    "bibliotheek_intrekken": (_gepubliceerd, "post", {}, MEMBERS, 302),
    # a published entry: whoever it was shared with (here the whole network)
    "bibliotheekitem": (lambda w, o: [_item(w).slug], "get", {}, LOGGED_IN, 200),
    "bibliotheekitem_bijlage": (_bijlage, "get", {}, LOGGED_IN, 200),
    "bibliotheekitem_pakket": (lambda w, o: [_item(w).slug], "get", {}, LOGGED_IN, 200),
    "bibliotheekitem_starten": (lambda w, o: [_item(w).slug], "get", {}, LOGGED_IN, 200),
}
