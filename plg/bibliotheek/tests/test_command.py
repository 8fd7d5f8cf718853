"""``manage.py bibliotheek zoek``: the page's search, as nobody in particular, printed as JSON."""

from __future__ import annotations

import json
from io import StringIO
from typing import Any

from django.core.management import call_command

from conftest import World
from plg.bibliotheek.tests.factories import BibliotheekitemFactory, gepubliceerd


def _zoek(*args: str) -> Any:
    out = StringIO()
    call_command("bibliotheek", "zoek", *args, stdout=out)
    return out.getvalue()


def test_zoek_prints_a_json_list_best_first(world: World) -> None:
    BibliotheekitemFactory.create(
        slug="leesplezier", titel="Leesplezier", leervraag="Hoe groeit de leesmotivatie?"
    )
    BibliotheekitemFactory.create(
        slug="rekenen", titel="Rekenen", leervraag="Hoe oefenen we hoofdrekenen?", themas=[]
    )
    rows = json.loads(_zoek("--json", "leesmotivatie"))
    assert [row["id"] for row in rows] == ["leesplezier"]
    assert rows[0]["titel"] == "Leesplezier"
    assert rows[0]["score"] > 0
    assert "leesmotivatie" in rows[0]["woorden"]


def test_zoek_orders_the_best_fit_first(world: World) -> None:
    BibliotheekitemFactory.create(slug="even", leervraag="Hoe geven we huiswerk?", themas=[])
    BibliotheekitemFactory.create(
        slug="vooral",
        titel="Huiswerk dat werkt",
        leervraag="Hoe geven we huiswerk dat kinderen zelf kunnen maken?",
        themas=["huiswerk"],
    )
    scores = [row["score"] for row in json.loads(_zoek("--json", "huiswerk"))]
    assert scores == sorted(scores, reverse=True)
    assert json.loads(_zoek("--json", "huiswerk"))[0]["id"] == "vooral"


def test_zoek_searches_as_nobody_in_particular(world: World) -> None:
    gepubliceerd(world)  # shared with the network only
    assert json.loads(_zoek("--json", "huiswerk")) == []
