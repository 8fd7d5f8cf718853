"""Authorisation cases of the PLG's bronnen, an expert's visit and the Leadership-for-Learning
tags."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from conftest import World
from plg.communities.models import Bron, Notitie
from plg.communities.sharing import Audience
from plg.core.tests.authz import COACH, MEMBERS, Case
from plg.meetings.models import Expertbezoek


def _notitie(w: World) -> Notitie:
    return Notitie.objects.create(plg=w.plg, author=w.coach, text="n", audience=Audience.PLG)


def _bron(w: World) -> Bron:
    """Added by the member: they and a coach may take it away."""
    return Bron.objects.create(
        plg=w.plg, titel="Boek", beschrijving="In de bib", waarom="Helpt", added_by=w.member
    )


def _bezoek(w: World) -> Expertbezoek:
    return Expertbezoek.objects.create(
        plg=w.plg,
        naam="Expert",
        email="expert@hogeschool.example",
        datum=timezone.localdate() + timedelta(days=7),
        vragen="Waarom werkt dit?",
        created_by=w.coach,
    )


CASES: dict[str, Case] = {
    "bronnen": (lambda w, o: [w.plg.pk], "get", {}, MEMBERS, 200),
    "bron_verwijderen": (lambda w, o: [w.plg.pk, _bron(w).pk], "post", {}, MEMBERS, 302),
    "notitie_principes": (
        lambda w, o: [w.plg.pk, _notitie(w).pk],
        "post",
        {"principes": "dialoog"},
        COACH,
        302,
    ),
    "bijeenkomst_principes": (
        lambda w, o: [o["bijeenkomst"].pk],
        "post",
        {"principes": "dialoog"},
        COACH,
        302,
    ),
    "expertbezoeken": (lambda w, o: [w.plg.pk], "get", {}, MEMBERS, 200),
    "expertbezoek_nieuw": (lambda w, o: [w.plg.pk], "get", {}, COACH, 200),
    "expertbezoek_detail": (lambda w, o: [_bezoek(w).pk], "get", {}, MEMBERS, 200),
    "expertbezoek_versturen": (lambda w, o: [_bezoek(w).pk], "post", {}, COACH, 302),
}
