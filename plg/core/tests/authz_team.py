"""Authorisation cases of a school's team page and the sheets printed from it: for the school's
own staff (its leader included), not for advisors or other schools."""

from __future__ import annotations

from conftest import World
from plg.communities.models import Afronding
from plg.communities.tests.factories_team import AfrondingFactory
from plg.core.tests.authz import Case

REGENBOOG = {"coach", "member", "colleague", "leader"}


def _voorstel(w: World, o: object) -> list[object]:
    """The PLG's proposal: the table's own objects made one for the network, and the team
    reads that too; the anonymity crawl plants its own audience in it, left as it is."""
    if not Afronding.objects.filter(plg=w.plg).exists():
        AfrondingFactory.create(plg=w.plg, author=w.coach)
    return [w.school.pk, w.plg.pk]


CASES: dict[str, Case] = {
    "team": (lambda w, o: [w.school.pk], "get", {}, REGENBOOG, 200),
    "team_voorstel_pdf": (_voorstel, "get", {}, REGENBOOG, 200),
    "team_poster_pdf": (lambda w, o: [w.school.pk, w.plg.pk], "get", {}, REGENBOOG, 200),
}
