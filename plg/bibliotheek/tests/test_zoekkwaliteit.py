"""The quality set: Dutch questions as teachers type them must find their entry among the
first three (compounds, synonyms, stemming, accents, typing errors), on either database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from plg.bibliotheek.tests.factories import BibliotheekitemFactory
from plg.bibliotheek.zoeken import zoek

SET = yaml.safe_load((Path(__file__).parent / "zoekkwaliteit.yaml").read_text(encoding="utf-8"))


@pytest.fixture
def bibliotheek(db: None) -> None:
    item: dict[str, Any]
    for item in SET["items"]:
        BibliotheekitemFactory.create(**item)


@pytest.mark.parametrize("geval", SET["vragen"], ids=[v["vraag"] for v in SET["vragen"]])
@pytest.mark.usefixtures("bibliotheek")
def test_question_finds_its_entry_among_the_first_three(geval: dict[str, str]) -> None:
    eerste = [t.item.slug for t in zoek(geval["vraag"], lezer=None, limiet=3)]
    assert geval["vindt"] in eerste


@pytest.mark.usefixtures("bibliotheek")
def test_every_question_of_the_set_finds_its_entry_first_in_most_cases() -> None:
    eerste = [zoek(v["vraag"], lezer=None, limiet=1) for v in SET["vragen"]]
    raak = sum(
        1 for v, t in zip(SET["vragen"], eerste, strict=True) if t and t[0].item.slug == v["vindt"]
    )
    assert raak >= 0.9 * len(SET["vragen"])


VOLGORDE = {
    "leesplezier": ["leesmotivatie-derde-graad", "schrijven-met-goesting"],
    "zorgkind": ["zorg-in-de-klas", "leesmotivatie-derde-graad", "huistaken-lagere-school"],
    "cooperatief leren": [
        "samen-leren-klas",
        "huistaken-lagere-school",
        "evalueren-zonder-punten",
    ],
}


@pytest.mark.parametrize("vraag", list(VOLGORDE))
@pytest.mark.usefixtures("bibliotheek")
def test_the_order_is_the_same_on_every_database(vraag: str) -> None:
    """Ties included: equal scores fall back to the order the entries were added in."""
    assert [t.item.slug for t in zoek(vraag, lezer=None, limiet=3)] == VOLGORDE[vraag]
