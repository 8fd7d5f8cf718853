"""Files stored before the database rows that name them, and taken away again if those rows
are never written: a failed save leaves no orphan file behind."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.files.uploadedfile import UploadedFile
from django.db.models import FileField

from plg.core.db import outside_transaction

Stored = list[tuple[str, str]]
"""Each upload as (its name in storage, the name it was uploaded with)."""


@outside_transaction
def store_uploads(field: FileField, uploads: Iterable[UploadedFile]) -> Stored:
    stored = []
    for upload in uploads:
        name = upload.name or ""
        stored.append((field.storage.save(field.generate_filename(None, name), upload), name))
    return stored


def discard_uploads(field: FileField, stored: Stored) -> None:
    for file_name, _name in stored:
        field.storage.delete(file_name)
