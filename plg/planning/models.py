"""Planned time: substitution duties, month plans and calendar feeds."""

from __future__ import annotations

import secrets
from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plg.meetings.models import Bijeenkomst
from plg.organisations.models import Scholengemeenschap, School


class Vervangbeurt(models.Model):
    """One lesson period a colleague covers so a member can be at a bijeenkomst."""

    bijeenkomst = models.ForeignKey(
        Bijeenkomst, on_delete=models.CASCADE, related_name="vervangbeurten"
    )
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    afwezige = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    vervanger = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vervangbeurten"
    )
    datum = models.DateField()
    lesuur = models.PositiveSmallIntegerField()
    begin = models.DateTimeField()
    einde = models.DateTimeField()
    groep = models.CharField(max_length=50, blank=True)

    class Meta:
        ordering = ["begin"]
        constraints = [
            models.UniqueConstraint(
                fields=["vervanger", "datum", "lesuur"], name="one_class_per_substitute"
            )
        ]

    def __str__(self) -> str:
        return f"{self.datum} {self.lesuur}: {self.groep}"


class MaandplanStatus(models.TextChoices):
    BEZIG = "bezig", _("wordt berekend")
    KLAAR = "klaar", _("voorstel klaar")
    ONHAALBAAR = "onhaalbaar", _("geen plan mogelijk")
    TOEGEPAST = "toegepast", _("ingepland")
    MISLUKT = "mislukt", _("mislukt")


class Maandplan(models.Model):
    """A proposal for all PLG's of a school or scholengemeenschap in one month.

    The proposal is computed in the background and only becomes bijeenkomsten when applied.
    """

    school = models.ForeignKey(School, on_delete=models.CASCADE, null=True, blank=True)
    scholengemeenschap = models.ForeignKey(
        Scholengemeenschap, on_delete=models.CASCADE, related_name="maandplannen"
    )
    maand = models.DateField(_("maand"))
    status = models.CharField(
        max_length=20, choices=MaandplanStatus.choices, default=MaandplanStatus.BEZIG
    )
    voorstel = models.JSONField(default=dict)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    gemaakt_op = models.DateTimeField(default=timezone.now)
    toegepast_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-gemaakt_op"]

    def __str__(self) -> str:
        return f"{self.scope} {self.maand:%m/%Y}"

    @property
    def scope(self) -> School | Scholengemeenschap:
        return self.school or self.scholengemeenschap

    @property
    def is_klaar(self) -> bool:
        return self.status != MaandplanStatus.BEZIG


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class Kalenderfeed(models.Model):
    """A private subscription link; anyone holding it reads the calendar, so it can be revoked."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="kalenderfeeds"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.user}"


def first_of_month(day: date) -> date:
    return day.replace(day=1)
