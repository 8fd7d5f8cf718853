"""Authorisation cases of the library search: every signed-in person may search; what they
find is narrowed by `zichtbaar_voor` (tested in `bibliotheek/tests`)."""

from __future__ import annotations

from conftest import World
from plg.bibliotheek.models import Bibliotheekitem
from plg.bibliotheek.tests.factories import BibliotheekitemFactory
from plg.core.tests.authz import LOGGED_IN, Case


def _item(w: World, o: object) -> list[object]:
    """One entry for everyone, made once however often the case is asked."""
    bestaand = Bibliotheekitem.objects.filter(slug="voor-iedereen").first()
    return [(bestaand or BibliotheekitemFactory.create(slug="voor-iedereen")).slug]


CASES: dict[str, Case] = {
    "bibliotheek": (lambda w, o: [], "get", {}, LOGGED_IN, 200),
    "bibliotheek_hx": (lambda w, o: [], "get", {}, LOGGED_IN, 200),
    "bibliotheek_verwant_hx": (lambda w, o: [], "get", {}, LOGGED_IN, 200),
    "bibliotheekitem": (_item, "get", {}, LOGGED_IN, 200),
}
