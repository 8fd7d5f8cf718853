from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from plg.core.validators import single_line
from plg.organisations.models import School

if TYPE_CHECKING:
    from plg.accounts.models import User


class Stap(models.TextChoices):
    """The steps of the stramien, the fixed pattern every bijeenkomst follows."""

    CHECKIN = "checkin", _("check-in")
    DOELEN = "doelen", _("doelen overlopen")
    INPUT = "input", _("input")
    VERWERKING = "verwerking", _("verwerking")
    CHECKOUT = "checkout", _("check-out")


class Localised(models.Model):
    """Catalogue rows are written in Dutch; ``translations`` holds other languages."""

    translations = models.JSONField(default=dict, blank=True)

    class Meta:
        abstract = True

    def localised(self, field: str) -> str:
        language = (get_language() or "nl").split("-")[0]
        if language != "nl":
            value: str | None = self.translations.get(language, {}).get(field)
            if value:
                return value
        dutch: str = getattr(self, field)
        return dutch

    @property
    def local(self) -> LocalisedText:
        """The row's texts in the active language, for templates: ``{{ werkvorm.local.hoe }}``."""
        return LocalisedText(self)


class LocalisedText:
    """Looks each text up when a template reads it, so a page shows the language it renders in."""

    def __init__(self, row: Localised) -> None:
        self.row = row

    def __getitem__(self, field: str) -> str:
        if not hasattr(self.row, field):
            raise KeyError(field)
        return self.row.localised(field)


NUMBERED = re.compile(r"^\s*\d+[.)]\s+(?P<step>.+)$")


@dataclass(frozen=True)
class Aanpak:
    """The "hoe" of a werkvorm as a page shows it: its numbered steps, then any other lines."""

    steps: tuple[str, ...]
    notes: str


class WerkvormQuerySet(models.QuerySet["Werkvorm"]):
    def available_to(self, user: User | int) -> WerkvormQuerySet:
        """The shared catalogue plus the werkvormen of the user's own schools."""
        from plg.organisations.models import Aanstelling

        schools = Aanstelling.objects.filter(user=user).values("school_id")
        return self.filter(Q(school__isnull=True) | Q(school_id__in=schools))


class Werkvorm(Localised):
    slug = models.SlugField(max_length=80)
    school = models.ForeignKey(
        School,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="werkvormen",
        help_text=_("Leeg voor de gedeelde catalogus."),
    )
    name = models.CharField(_("naam"), max_length=120, validators=[single_line])
    summary = models.CharField(_("in één zin"), max_length=300, validators=[single_line])
    wat = models.TextField(_("wat"), max_length=4000)
    waarom = models.TextField(_("waarom"), max_length=4000)
    hoe = models.TextField(_("hoe"), max_length=4000)
    valkuil = models.TextField(_("valkuil"), max_length=4000, blank=True)
    variant = models.TextField(_("variant"), max_length=4000, blank=True)
    minutes = models.PositiveSmallIntegerField(_("voorgestelde duur (minuten)"), default=20)
    steps = models.JSONField(_("past bij de stappen"), default=list)

    objects = WerkvormQuerySet.as_manager()

    class Meta:
        verbose_name = _("werkvorm")
        verbose_name_plural = _("werkvormen")
        ordering = ["school_id", "name"]
        constraints = [
            models.UniqueConstraint(fields=["school", "slug"], name="unique_werkvorm_slug"),
            models.UniqueConstraint(
                fields=["slug"], condition=Q(school__isnull=True), name="unique_catalogue_slug"
            ),
        ]

    def __str__(self) -> str:
        return str(self.localised("name"))

    def aanpak(self) -> Aanpak:
        """Numbered lines become steps to follow in order; a school's own werkvorm, typed as
        free text, keeps its lines as notes."""
        steps, notes = [], []
        for line in self.localised("hoe").splitlines():
            numbered = NUMBERED.match(line)
            if numbered:
                steps.append(numbered["step"].strip())
            elif line.strip():
                notes.append(line.strip())
        return Aanpak(tuple(steps), "\n".join(notes))

    def step_labels(self) -> list[str]:
        return [str(Stap(s).label) for s in self.steps if s in Stap.values]


class Vragengroep(Localised):
    slug = models.SlugField(max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=200)
    intro = models.TextField(max_length=2000, blank=True)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return str(self.localised("title"))


class Vraag(Localised):
    """A question from the coach's vragenkit, tied to the stramien steps where it helps."""

    groep = models.ForeignKey(Vragengroep, on_delete=models.CASCADE, related_name="vragen")
    position = models.PositiveSmallIntegerField(default=0)
    text = models.TextField(max_length=1000)
    steps = models.JSONField(default=list)

    class Meta:
        ordering = ["groep__position", "position"]

    def __str__(self) -> str:
        return str(self.localised("text"))
