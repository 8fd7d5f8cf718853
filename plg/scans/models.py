"""Scans: waves (afnames), who may answer, and the answers — kept apart by construction.

``Toegang`` says who was invited and whether they have answered (for reminders).
``Antwoordset`` holds what one respondent answered. No column, key or timestamp links the two:
a respondent's answers are found through a random key that only their browser (or the resume
link they mailed themselves) holds, and the database keeps only its hash.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plg.core.validators import sensible_date, single_line
from plg.scans.instruments import Instrument, instruments


def new_token() -> str:
    return secrets.token_urlsafe(24)


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class Instrumentkeuze(models.TextChoices):
    PLG_SCAN = "plg-scan", _("PLG-scan")
    ZELFSCAN = "zelfscan-lfl", _("Zelfscan Leiderschap voor leren")


class Afname(models.Model):
    """A wave: one instrument version answered by the staff of some schools, or by one PLG."""

    instrument_slug = models.CharField(
        _("instrument"), max_length=40, choices=Instrumentkeuze.choices
    )
    instrument_version = models.PositiveSmallIntegerField(_("versie"))
    title = models.CharField(_("naam"), max_length=120, validators=[single_line])
    schools = models.ManyToManyField(
        "organisations.School", related_name="afnames", blank=True, verbose_name=_("scholen")
    )
    plg = models.ForeignKey(
        "communities.PLG", on_delete=models.CASCADE, null=True, blank=True, related_name="afnames"
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    opened_at = models.DateTimeField(default=timezone.now)
    closes_on = models.DateField(_("sluit op"), null=True, blank=True, validators=[sensible_date])
    closed_at = models.DateTimeField(null=True, blank=True)
    poster = models.BooleanField(
        _("ook een affiche met QR-code"),
        default=True,
        help_text=_(
            "Wie de code scant, kan zonder persoonlijke link antwoorden. Zo'n antwoord kan niet "
            "tegen dubbel invullen beschermd worden."
        ),
    )

    class Meta:
        verbose_name = _("afname")
        verbose_name_plural = _("afnames")
        ordering = ["-opened_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def instrument(self) -> Instrument:
        return instruments()[(self.instrument_slug, self.instrument_version)]

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def is_zelfscan(self) -> bool:
        return self.plg_id is not None

    def previous(self, school_id: int | None) -> Afname | None:
        """The last closed wave before this one of the same instrument, for the same school/PLG."""
        earlier = Afname.objects.filter(
            instrument_slug=self.instrument_slug,
            closed_at__isnull=False,
            opened_at__lt=self.opened_at,
        )
        if self.plg_id is not None:
            earlier = earlier.filter(plg_id=self.plg_id)
        else:
            earlier = earlier.filter(schools=school_id)
        return earlier.order_by("-opened_at").first()


class ToegangSoort(models.TextChoices):
    PERSOONLIJK = "persoonlijk", _("persoonlijke link")
    AFFICHE = "affiche", _("affiche")


class Toegang(models.Model):
    """A way in to a wave: a personal link (one answer set) or a poster (many).

    Stores whether a personal link was used to submit, so reminders go only to those who did not;
    never which answers that were.
    """

    afname = models.ForeignKey(Afname, on_delete=models.CASCADE, related_name="toegangen")
    school = models.ForeignKey(
        "organisations.School", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    soort = models.CharField(max_length=12, choices=ToegangSoort.choices)
    token = models.CharField(max_length=64, unique=True, default=new_token)
    email = models.EmailField(blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="scantoegangen",
    )
    responded = models.BooleanField(default=False)
    reminders_sent = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["afname", "email"],
                condition=~models.Q(email=""),
                name="unique_toegang_email",
            ),
            models.UniqueConstraint(
                fields=["afname", "user"],
                condition=models.Q(user__isnull=False),
                name="unique_toegang_user",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.afname} – {self.get_soort_display()}"

    @property
    def is_personal(self) -> bool:
        return self.soort == ToegangSoort.PERSOONLIJK


class Antwoordset(models.Model):
    """What one respondent answered. Deliberately no timestamps and no reference to a person."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    afname = models.ForeignKey(Afname, on_delete=models.CASCADE, related_name="antwoordsets")
    school = models.ForeignKey(
        "organisations.School", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    key_hash = models.CharField(max_length=64, unique=True)
    rolgroep = models.PositiveSmallIntegerField(null=True, blank=True)
    submitted = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"{self.afname} – {self.pk}"


class Antwoord(models.Model):
    antwoordset = models.ForeignKey(
        Antwoordset, on_delete=models.CASCADE, related_name="antwoorden"
    )
    item = models.CharField(max_length=20)
    value = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["antwoordset", "item"], name="unique_antwoord")
        ]

    def __str__(self) -> str:
        return f"{self.item}: {self.value}"


class Toelichting(models.Model):
    antwoordset = models.ForeignKey(
        Antwoordset, on_delete=models.CASCADE, related_name="toelichtingen"
    )
    section = models.CharField(max_length=40)
    text = models.TextField(max_length=2000)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["antwoordset", "section"], name="unique_toelichting")
        ]

    def __str__(self) -> str:
        return self.section


class Sectiescore(models.Model):
    """A submitted respondent's score on one section (reverse items turned), kept so that
    spreads and intervals of section scores come from one aggregate query."""

    antwoordset = models.ForeignKey(Antwoordset, on_delete=models.CASCADE, related_name="scores")
    section = models.CharField(max_length=40)
    score = models.FloatField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["antwoordset", "section"], name="unique_sectiescore")
        ]

    def __str__(self) -> str:
        return f"{self.section}: {self.score:.2f}"


class Resultaat(models.Model):
    """Aggregates of one school (or the PLG, for a Zelfscan) in one closed wave.

    Counts and sums only; what may be shown is decided when it is shown, with the minimum
    group size of that moment.
    """

    afname = models.ForeignKey(Afname, on_delete=models.CASCADE, related_name="resultaten")
    school = models.ForeignKey(
        "organisations.School",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="scanresultaten",
    )
    n = models.PositiveIntegerField()
    data = models.JSONField(default=dict)
    profiel = models.CharField(max_length=20, blank=True)
    computed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["afname", "school"],
                condition=models.Q(school__isnull=False),
                name="unique_resultaat_school",
            ),
            models.UniqueConstraint(
                fields=["afname"],
                condition=models.Q(school__isnull=True),
                name="unique_resultaat_plg",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.afname} – {self.school or self.afname.plg}"
