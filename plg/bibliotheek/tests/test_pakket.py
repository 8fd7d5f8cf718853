"""`plg-pakket/1`: export, import, bad packages, and the same id updating its entry."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from conftest import PASSWORD, World
from plg.bibliotheek.models import Bibliotheekitem, Zichtbaarheid
from plg.bibliotheek.pakket import PakketFout, als_pakket, lees
from plg.bibliotheek.tests.factories import BibliotheekitemFactory, gepubliceerd


def _pakket(**overrides: Any) -> dict[str, Any]:
    return {
        "formaat": "plg-pakket/1",
        "id": "leesmotivatie-derde-leerjaar",
        "titel": "Leesmotivatie in het derde leerjaar",
        "onderwijsniveau": "basis",
        "schooljaar": "2024-2025",
        "praktijknood": "Leerlingen lezen enkel als het moet.",
        "leervraag": "Hoe wakkeren we leesplezier aan?",
        "themas": ["lezen", "motivatie"],
        "actieplan": "Elke dag vrij lezen.",
        "werkvormen": ["kandoe"],
        "voorstel": "Een boekenkring per klas.",
        "wat_we_leerden": "Kiezen motiveert.",
        **overrides,
    }


def _write(tmp_path: Path, name: str, content: object) -> Path:
    path = tmp_path / name
    text = content if isinstance(content, str) else json.dumps(content)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.django_db
def test_a_package_imports_for_everyone(tmp_path: Path) -> None:
    call_command("bibliotheek", "importeer", str(_write(tmp_path, "a.json", _pakket())))
    item = Bibliotheekitem.objects.zichtbaar_voor(None).get()
    assert (item.slug, item.themas, item.zichtbaarheid) == (
        "leesmotivatie-derde-leerjaar",
        ["lezen", "motivatie"],
        Zichtbaarheid.IEDEREEN,
    )


@pytest.mark.django_db
def test_the_same_id_updates_its_entry(tmp_path: Path) -> None:
    call_command("bibliotheek", "importeer", str(_write(tmp_path, "a.json", _pakket())))
    again = _write(tmp_path, "b.json", _pakket(titel="Leesplezier, herwerkt"))
    call_command("bibliotheek", "importeer", str(again))
    assert list(Bibliotheekitem.objects.values_list("titel", flat=True)) == [
        "Leesplezier, herwerkt"
    ]


@pytest.mark.django_db
def test_other_keys_are_kept_and_exported_again(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.json", _pakket(bron="Scholengroep X", versie=3))
    call_command("bibliotheek", "importeer", str(path))
    item = Bibliotheekitem.objects.get()
    assert item.extra == {"bron": "Scholengroep X", "versie": 3}
    assert als_pakket(item)["bron"] == "Scholengroep X"


@pytest.mark.django_db
def test_a_bad_file_names_the_file_and_the_field(tmp_path: Path) -> None:
    bad = _write(tmp_path, "slecht.json", _pakket(onderwijsniveau="hoger"))
    with pytest.raises(CommandError) as e:
        call_command("bibliotheek", "importeer", str(bad))
    assert "slecht.json" in str(e.value) and "onderwijsniveau" in str(e.value)


@pytest.mark.django_db
def test_no_file_is_imported_when_one_is_bad(tmp_path: Path) -> None:
    good = _write(tmp_path, "goed.json", _pakket())
    bad = _write(tmp_path, "slecht.json", _pakket(id="ander", schooljaar="2024-2026"))
    with pytest.raises(CommandError, match="schooljaar"):
        call_command("bibliotheek", "importeer", str(good), str(bad))
    assert not Bibliotheekitem.objects.exists()


@pytest.mark.parametrize(
    ("inhoud", "veld"),
    [
        ("{niet json", None),
        ("[1, 2]", None),
        (json.dumps(_pakket(formaat="plg-pakket/2")), "formaat"),
        (json.dumps(_pakket(id="Met Spaties")), "id"),
        (json.dumps(_pakket(titel="")), "titel"),
        (json.dumps(_pakket(titel="Twee\nregels")), "titel"),
        (json.dumps(_pakket(leervraag=None)), "leervraag"),
        (json.dumps(_pakket(themas="lezen")), "themas"),
        (json.dumps(_pakket(werkvormen=["Geen slug!"])), "werkvormen"),
        (json.dumps(_pakket(voorstel="x" * 10001)), "voorstel"),
    ],
)
def test_bad_packages_are_refused_with_the_field(inhoud: str, veld: str | None) -> None:
    with pytest.raises(PakketFout) as e:
        lees("p.json", inhoud.encode())
    assert e.value.veld == veld
    assert "p.json" in str(e.value)


def test_a_file_that_is_not_utf8_is_refused() -> None:
    with pytest.raises(PakketFout, match="UTF-8"):
        lees("p.json", b'{"titel": "caf\xe9"}')


@given(st.dictionaries(st.text(max_size=12), st.recursive(st.none() | st.text(), st.lists)))
def test_any_json_object_is_read_or_refused_with_a_reason(obj: dict[str, Any]) -> None:
    try:
        lees("p.json", json.dumps(obj).encode())
    except PakketFout as e:
        assert str(e).startswith("p.json")


@pytest.mark.django_db
def test_a_package_never_overwrites_this_installations_plg(world: World, tmp_path: Path) -> None:
    item = gepubliceerd(world)
    path = _write(tmp_path, "a.json", _pakket(id=item.slug, titel="Overschreven"))
    with pytest.raises(CommandError, match="id"):
        call_command("bibliotheek", "importeer", str(path))
    item.refresh_from_db()
    assert item.titel != "Overschreven"


def test_an_exported_entry_imports_elsewhere_unchanged(
    client: Client, world: World, tmp_path: Path
) -> None:
    item = BibliotheekitemFactory.create(werkvormen=["kandoe"], extra={"bron": "elders"})
    assert client.login(username=world.member.email, password=PASSWORD)
    response = client.get(reverse("bibliotheekitem_pakket", args=[item.slug]))
    exported = json.loads(response.content)
    assert exported["formaat"] == "plg-pakket/1"
    Bibliotheekitem.objects.all().delete()
    call_command("bibliotheek", "importeer", str(_write(tmp_path, "x.json", exported)))
    assert als_pakket(Bibliotheekitem.objects.get()) == exported
