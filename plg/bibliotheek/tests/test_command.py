"""``manage.py bibliotheek zoek``: the page's search, as nobody in particular, printed as JSON."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from io import StringIO
from types import ModuleType
from typing import Any

import pytest
from django.core.management import call_command

from conftest import World
from plg.bibliotheek.models import Bibliotheekitem
from plg.bibliotheek.tests.factories import BibliotheekitemFactory, gepubliceerd


@dataclass(frozen=True)
class _Treffer:
    item: Bibliotheekitem
    score: float
    woorden: tuple[str, ...]


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """A stand-in for the search module: what it was asked, answering every visible entry."""
    calls: list[dict[str, Any]] = []

    def zoek(vraag: str, *, lezer: object, filters: object = None, limiet: int = 20) -> list[Any]:
        calls.append({"vraag": vraag, "lezer": lezer, "limiet": limiet})
        items = Bibliotheekitem.objects.zichtbaar_voor(None).order_by("slug")
        return [_Treffer(i, 1.0 / (n + 1), ("lezen",)) for n, i in enumerate(items)]

    module = ModuleType("plg.bibliotheek.zoeken")
    module.zoek = zoek  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "plg.bibliotheek.zoeken", module)
    return calls


def _zoek(*args: str) -> Any:
    out = StringIO()
    call_command("bibliotheek", "zoek", *args, stdout=out)
    return out.getvalue()


def test_zoek_prints_a_json_list_best_first(world: World, asked: list[dict[str, Any]]) -> None:
    BibliotheekitemFactory.create(slug="a-lezen", titel="Leesplezier")
    rows = json.loads(_zoek("--json", "leesmotivatie"))
    assert rows == [{"id": "a-lezen", "titel": "Leesplezier", "score": 1.0, "woorden": ["lezen"]}]


def test_zoek_searches_as_nobody_in_particular(world: World, asked: list[dict[str, Any]]) -> None:
    gepubliceerd(world)  # shared with the network only
    assert json.loads(_zoek("--json", "huiswerk")) == []
    assert asked == [{"vraag": "huiswerk", "lezer": None, "limiet": 20}]
