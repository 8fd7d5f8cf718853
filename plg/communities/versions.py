"""Nothing anyone writes is lost when two people save the same text.

A shared text carries a version (``Versioned``), incremented on every save. Its edit form
carries the version it was opened with (``VersionedForm``), and the service saves through
``save_versioned``: a compare-and-set ``UPDATE … WHERE pk = … AND version = …``, so of two
saves from the same version exactly one wins, on SQLite and PostgreSQL alike. The other gets a
``VersionConflict``: nothing of theirs is written, and the form shows the text saved in the
meantime beside theirs, field by field, with the new version, so they merge and save again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from django import forms
from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.http import QueryDict
from django.utils import formats, timezone

if TYPE_CHECKING:
    from plg.accounts.models import User
    from plg.communities.models import PLG


class Versioned(models.Model):
    """A row that several people edit: its version tells a stale form from a fresh one."""

    versioned_fields: ClassVar[tuple[str, ...]] = ()
    """The fields people edit; writes of other fields (a phase change) leave forms fresh."""

    version = models.PositiveIntegerField(default=0, editable=False)
    last_saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Any save of the edited fields, also outside the forms, makes open forms stale."""
        update_fields = kwargs.get("update_fields")
        if update_fields is None:
            self.version += 1
        elif set(update_fields) & set(self.versioned_fields):
            self.version += 1
            kwargs["update_fields"] = {*update_fields, "version"}
        super().save(*args, **kwargs)


V = TypeVar("V", bound=Versioned)


class VersionConflict(Exception):
    """Someone saved the row after the form was opened; ``current`` is the row as it is now."""

    def __init__(self, current: Versioned) -> None:
        super().__init__(f"{type(current).__name__} {current.pk} is at version {current.version}")
        self.current = current


def save_versioned(instance: V, *, version: int | None, by: User) -> V:
    """Write ``instance``'s edited fields only if its row is still at ``version``.

    A row that does not exist yet is inserted; if someone inserted it first, that is a conflict
    too. ``version=None`` (a form that did not say) never matches an existing row.
    Raises ``VersionConflict`` having written nothing; run it in the caller's transaction so
    that whatever else the save writes is rolled back with it.
    """
    model = type(instance)
    rows = model._default_manager
    instance.last_saved_by = by
    if instance.pk is None:
        try:
            with transaction.atomic():
                instance.save(force_insert=True)
        except IntegrityError:
            current = rows.filter(**_same_row(instance)).first()
            if current is None:
                raise
            raise VersionConflict(current) from None
        return instance
    values: dict[str, Any] = {name: getattr(instance, name) for name in model.versioned_fields}
    values |= {f.name: timezone.now() for f in model._meta.concrete_fields if _auto_now(f)}
    written = rows.filter(pk=instance.pk, version=-1 if version is None else version)
    if not written.update(**values, last_saved_by=by, version=F("version") + 1):
        raise VersionConflict(rows.select_related("last_saved_by").get(pk=instance.pk))
    instance.version = (version or 0) + 1
    return instance


def _auto_now(model_field: Any) -> bool:
    return bool(getattr(model_field, "auto_now", False))


def _same_row(instance: Versioned) -> dict[str, Any]:
    """The row a new instance would collide with: by its one-to-one or unique fields."""
    meta = instance._meta
    for model_field in meta.concrete_fields:
        if model_field.unique and not model_field.primary_key:
            return {model_field.attname: getattr(instance, model_field.attname)}
    for constraint in meta.constraints:
        names = getattr(constraint, "fields", ())
        if names:
            attnames = [getattr(meta.get_field(name), "attname", name) for name in names]
            return {attname: getattr(instance, attname) for attname in attnames}
    return {"pk__in": []}


@dataclass
class Difference:
    label: str
    theirs: str
    mine: str


@dataclass
class Conflict:
    """What the page shows: who saved in the meantime and where their text differs from mine."""

    by_me: bool
    name: str
    differences: list[Difference] = field(default_factory=list)
    unreadable: bool = False
    """The saved text is no longer shared with this person: it is not shown, only the fact."""

    def add(self, label: str, *, theirs: str, mine: str) -> None:
        """A part of the page outside the form's own fields (a formset), when it differs and
        the saved text may still be shown to this person."""
        if theirs != mine and not self.unreadable:
            self.differences.append(Difference(label=label, theirs=theirs, mine=mine))


class VersionedForm(forms.ModelForm):
    """An edit form that carries the version it was opened with, and shows a conflict."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    conflict: Conflict | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version if self.instance.pk else 0

    def saved(self, save: Callable[[int | None], object], *, plg: PLG, viewer: Any) -> bool:
        """Run ``save`` with the version this form was opened with; on a conflict, show it."""
        try:
            save(self.cleaned_data.get("version"))
        except VersionConflict as error:
            self.show_conflict(error, plg=plg, viewer=viewer)
            return False
        return True

    @property
    def status(self) -> int:
        """409 for a page that shows a conflict, so nothing mistakes it for a saved form."""
        return 409 if self.conflict else 200

    def show_conflict(self, error: VersionConflict, *, plg: PLG, viewer: Any) -> None:
        """Keep what was typed, carry the current version, and set out both texts side by side.

        The one who saved is named only while they are a member of this PLG, and their text is
        shown only when its audience includes the viewer (it may have become "alleen ik").
        """
        from plg.communities.models import Lidmaatschap
        from plg.communities.sharing import Shared

        current = error.current
        saver = current.last_saved_by
        named = saver is not None and Lidmaatschap.objects.filter(plg=plg, user=saver).exists()
        unreadable = (
            isinstance(current, Shared)
            and not type(current)._default_manager.visible_to(viewer).filter(pk=current.pk).exists()
        )
        self.conflict = Conflict(
            by_me=saver is not None and saver.pk == viewer.pk,
            name=saver.display_name if named and saver is not None else "",
            unreadable=unreadable,
            differences=[]
            if unreadable
            else [
                Difference(
                    label=str(self.fields[name].label),
                    theirs=_shown(current, name),
                    mine=_shown(self.instance, name),
                )
                for name in current.versioned_fields
                if name in self.fields and getattr(current, name) != getattr(self.instance, name)
            ],
        )
        if unreadable:
            return  # saving again must not overwrite a text this person cannot read
        data = self.data.copy() if isinstance(self.data, QueryDict) else dict(self.data)
        data[self.add_prefix("version")] = str(current.version)
        self.data = data


def _shown(instance: models.Model, name: str) -> str:
    """A field's value as a reader sees it: the label of a choice, a date in words, a list."""
    value = getattr(instance, name)
    if getattr(instance._meta.get_field(name), "choices", None):
        return str(getattr(instance, f"get_{name}_display")())
    if isinstance(value, list):
        return "\n".join(str(item) for item in value)
    if value is None:
        return ""
    if isinstance(value, datetime):
        return formats.date_format(timezone.localtime(value), "j F Y, H:i")
    if isinstance(value, date):
        return formats.date_format(value, "j F Y")
    return str(value)
