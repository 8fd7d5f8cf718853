"""A backup is one tar file: the database as its own tool writes it, the uploaded files, and a
manifest that says what it holds. Restoring checks the manifest first and then replaces the
database in one step, so a bad file changes nothing.

SQLite copies through its online backup API (a consistent copy while the werkplaats runs);
PostgreSQL through ``pg_dump`` in its custom format, restored by ``psql`` in one transaction
that first empties the schema, so tables of a newer version do not linger beside the old ones.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from glob import glob
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, connections
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone
from django.utils.translation import gettext as _

FORMAAT = "plg-backup/1"
MANIFEST = "plg-backup.json"
MEDIA = "media"


class BackupFout(Exception):
    """A Dutch sentence for the person at the terminal; nothing was changed."""


@dataclass(frozen=True)
class Manifest:
    formaat: str
    database: str
    gemaakt_op: str
    migraties: list[str]
    bestanden: int


def _soort() -> str:
    return "postgresql" if connection.vendor == "postgresql" else "sqlite"


def _migraties() -> list[str]:
    loader = MigrationLoader(connection)
    return sorted(f"{app}.{naam}" for app, naam in loader.applied_migrations)


def _bin(naam: str) -> str:
    """PostgreSQL's own tools, from PATH or from Debian's versioned directory."""
    gevonden = shutil.which(naam) or next(
        iter(sorted(glob(f"/usr/lib/postgresql/*/bin/{naam}"), reverse=True)), None
    )
    if gevonden is None:
        raise BackupFout(_("%(tool)s is niet geïnstalleerd.") % {"tool": naam})
    return gevonden


def _pg_env() -> dict[str, str]:
    db = connection.settings_dict
    env = dict(os.environ)
    for key, value in (
        ("PGHOST", db.get("HOST")),
        ("PGPORT", db.get("PORT")),
        ("PGUSER", db.get("USER")),
        ("PGPASSWORD", db.get("PASSWORD")),
        ("PGDATABASE", db.get("NAME")),
    ):
        if value:
            env[key] = str(value)
    return env


def _dump_database(doel: Path) -> None:
    if _soort() == "sqlite":
        connection.ensure_connection()
        bron = connection.connection
        with sqlite3.connect(doel) as kopie:
            bron.backup(kopie)
        kopie.close()
        return
    subprocess.run(  # noqa: S603  (our own arguments; the tool's path from the system)
        [_bin("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", "--file", str(doel)],
        env=_pg_env(),
        check=True,
        capture_output=True,
    )


def maak(doel: Path) -> Manifest:
    """Write a backup of the database and the uploaded files to ``doel``."""
    media = Path(settings.MEDIA_ROOT)
    bestanden = [p for p in media.rglob("*") if p.is_file()] if media.is_dir() else []
    manifest = Manifest(
        formaat=FORMAAT,
        database=_soort(),
        gemaakt_op=timezone.now().isoformat(),
        migraties=_migraties(),
        bestanden=len(bestanden),
    )
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "database"
        _dump_database(dump)
        deels = doel.with_name(doel.name + ".deels")
        with tarfile.open(deels, "w") as tar:
            inhoud = json.dumps(asdict(manifest), indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(inhoud)
            tar.addfile(info, io.BytesIO(inhoud))
            tar.add(dump, arcname="database")
            for pad in bestanden:
                tar.add(pad, arcname=f"{MEDIA}/{pad.relative_to(media).as_posix()}")
        deels.replace(doel)
    return manifest


def lees_manifest(tar: tarfile.TarFile, naam: str) -> Manifest:
    try:
        lid = tar.extractfile(MANIFEST)
        gegevens: dict[str, Any] = json.load(lid) if lid else {}
        manifest = Manifest(**gegevens)
    except (KeyError, ValueError, TypeError) as fout:
        raise BackupFout(
            _("%(bestand)s is geen backup van de PLG-werkplaats.") % {"bestand": naam}
        ) from fout
    if manifest.formaat != FORMAAT:
        raise BackupFout(
            _("%(bestand)s heeft formaat %(formaat)s; deze versie leest %(verwacht)s.")
            % {"bestand": naam, "formaat": manifest.formaat, "verwacht": FORMAAT}
        )
    if manifest.database != _soort():
        raise BackupFout(
            _("%(bestand)s is een backup van %(bron)s; deze werkplaats draait op %(hier)s.")
            % {"bestand": naam, "bron": manifest.database, "hier": _soort()}
        )
    onbekend = set(manifest.migraties) - _gekende_migraties()
    if onbekend:
        raise BackupFout(
            _(
                "%(bestand)s komt van een nieuwere versie van de werkplaats "
                "(onbekende migratie %(migratie)s). Werk eerst de werkplaats bij."
            )
            % {"bestand": naam, "migratie": sorted(onbekend)[0]}
        )
    return manifest


def _gekende_migraties() -> set[str]:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return {f"{app}.{naam}" for app, naam in loader.disk_migrations}


def _veilig_uitpakken(tar: tarfile.TarFile, map_: Path) -> None:
    tar.extractall(map_, filter="data")


def _herstel_database(dump: Path) -> None:
    if _soort() == "sqlite":
        naam = connection.settings_dict["NAME"]
        connections.close_all()
        with sqlite3.connect(dump) as bron, sqlite3.connect(naam) as doel:
            bron.backup(doel)
        return
    sql = subprocess.run(  # noqa: S603  (our own arguments; the tool's path from the system)
        [_bin("pg_restore"), "--no-owner", "--no-privileges", "--file=-", str(dump)],
        check=True,
        capture_output=True,
    ).stdout
    script = b"DROP SCHEMA public CASCADE;\nCREATE SCHEMA public;\n" + sql
    connections.close_all()
    subprocess.run(  # noqa: S603  (our own arguments; the tool's path from the system)
        [_bin("psql"), "--quiet", "--no-psqlrc", "-v", "ON_ERROR_STOP=1", "--single-transaction"],
        input=script,
        env=_pg_env(),
        check=True,
        capture_output=True,
    )


def _herstel_media(uitgepakt: Path) -> None:
    media = Path(settings.MEDIA_ROOT)
    nieuw = uitgepakt / MEDIA
    oud = media.with_name(media.name + ".voor-herstel")
    shutil.rmtree(oud, ignore_errors=True)
    if media.exists():
        media.rename(oud)
    if nieuw.is_dir():
        shutil.copytree(nieuw, media)
    else:
        media.mkdir(parents=True)
    shutil.rmtree(oud, ignore_errors=True)


@contextmanager
def _open(bron: Path) -> Iterator[tarfile.TarFile]:
    try:
        tar = tarfile.open(bron)  # noqa: SIM115  (closed by the with below)
    except (OSError, tarfile.TarError) as fout:
        raise BackupFout(
            _("%(bestand)s kan niet gelezen worden als backup.") % {"bestand": bron.name}
        ) from fout
    with tar:
        yield tar


def herstel(bron: Path) -> Manifest:
    """Replace the database and the uploaded files with those of the backup ``bron``."""
    with _open(bron) as tar, tempfile.TemporaryDirectory() as tmp:
        manifest = lees_manifest(tar, bron.name)
        _veilig_uitpakken(tar, Path(tmp))
        try:
            _herstel_database(Path(tmp) / "database")
        except subprocess.CalledProcessError as fout:
            raise BackupFout(
                _("Het herstel van de database uit %(bestand)s is mislukt; er is niets veranderd.")
                % {"bestand": bron.name}
            ) from fout
        _herstel_media(Path(tmp))
    return manifest
