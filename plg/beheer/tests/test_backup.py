"""A backup restores what was there: the database and the uploaded files, on SQLite and on
PostgreSQL alike; a wrong file changes nothing."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from plg.beheer import backup
from plg.organisations.models import Network

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media(tmp_path: Path) -> Path:
    folder = tmp_path / "media"
    (folder / "bijlagen").mkdir(parents=True)
    (folder / "bijlagen" / "verslag.pdf").write_bytes(b"%PDF-1.7 ons verslag")
    return folder


def test_a_backup_brings_back_the_data_and_the_files(tmp_path: Path, media: Path) -> None:
    Network.objects.create(name="Netwerk van voor de backup")
    bestand = tmp_path / "plg.backup"
    with override_settings(MEDIA_ROOT=media):
        call_command("backup", str(bestand), stdout=io.StringIO())
        Network.objects.create(name="Netwerk van erna")
        Network.objects.filter(name="Netwerk van voor de backup").delete()
        (media / "bijlagen" / "verslag.pdf").unlink()
        (media / "nieuw.txt").write_text("erna")
        call_command("herstel", str(bestand), "--ja", stdout=io.StringIO())
    assert list(Network.objects.values_list("name", flat=True)) == ["Netwerk van voor de backup"]
    assert (media / "bijlagen" / "verslag.pdf").read_bytes() == b"%PDF-1.7 ons verslag"
    assert not (media / "nieuw.txt").exists()


def test_restoring_asks_to_confirm_first(tmp_path: Path, media: Path) -> None:
    bestand = tmp_path / "plg.backup"
    with override_settings(MEDIA_ROOT=media):
        call_command("backup", str(bestand), stdout=io.StringIO())
        Network.objects.create(name="Blijft staan")
        with pytest.raises(CommandError, match="--ja"):
            call_command("herstel", str(bestand), stdout=io.StringIO())
    assert Network.objects.filter(name="Blijft staan").exists()


def _tar(pad: Path, manifest: dict[str, object]) -> None:
    inhoud = json.dumps(manifest).encode()
    with tarfile.open(pad, "w") as tar:
        info = tarfile.TarInfo(backup.MANIFEST)
        info.size = len(inhoud)
        tar.addfile(info, io.BytesIO(inhoud))


def _manifest(**anders: object) -> dict[str, object]:
    return {
        "formaat": backup.FORMAAT,
        "database": "postgresql" if backup._soort() == "postgresql" else "sqlite",
        "gemaakt_op": "2026-11-28T06:00:00+00:00",
        "migraties": [],
        "bestanden": 0,
    } | anders


@pytest.mark.parametrize(
    ("inhoud", "boodschap"),
    [
        (None, "kan niet gelezen worden als backup"),
        ({"iets": "anders"}, "is geen backup van de PLG-werkplaats"),
        (_manifest(formaat="plg-backup/9"), "heeft formaat plg-backup/9"),
        (_manifest(migraties=["communities.9999_uit_de_toekomst"]), "nieuwere versie"),
    ],
)
def test_a_wrong_file_is_named_and_changes_nothing(
    tmp_path: Path, media: Path, inhoud: dict[str, object] | None, boodschap: str
) -> None:
    Network.objects.create(name="Blijft staan")
    bestand = tmp_path / "vreemd.backup"
    if inhoud is None:
        bestand.write_text("dit is geen tar-bestand")
    else:
        _tar(bestand, inhoud)
    with override_settings(MEDIA_ROOT=media), pytest.raises(CommandError) as fout:
        call_command("herstel", str(bestand), "--ja", stdout=io.StringIO())
    assert boodschap in str(fout.value) and "vreemd.backup" in str(fout.value)
    assert Network.objects.filter(name="Blijft staan").exists()
    assert (media / "bijlagen" / "verslag.pdf").exists()


def test_a_backup_of_the_other_database_is_refused(tmp_path: Path, media: Path) -> None:
    ander = "sqlite" if backup._soort() == "postgresql" else "postgresql"
    bestand = tmp_path / "ander.backup"
    _tar(bestand, _manifest(database=ander))
    with override_settings(MEDIA_ROOT=media), pytest.raises(CommandError, match=ander):
        call_command("herstel", str(bestand), "--ja", stdout=io.StringIO())
