from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plg.core.validators import single_line


class RaadplegingQuerySet(models.QuerySet["Raadpleging"]):
    def ouder_dan(self, grens: object) -> RaadplegingQuerySet:
        return self.filter(wanneer__lt=grens)


class Raadpleging(models.Model):
    """Someone opened a page of aggregated sensitive data (a scan report, an overview): who,
    which page and which object, when. Never what the page showed."""

    wie = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("wie"),
    )
    """Empty when the account was removed some other way than ``vergeet`` (which writes
    "een oud-lid"): the log keeps that the page was opened."""
    wat = models.CharField(_("pagina"), max_length=60, validators=[single_line])
    onderwerp = models.CharField(_("over"), max_length=120, blank=True, validators=[single_line])
    wanneer = models.DateTimeField(_("wanneer"), default=timezone.now, db_index=True)

    objects = RaadplegingQuerySet.as_manager()

    class Meta:
        verbose_name = _("raadpleging")
        verbose_name_plural = _("raadplegingen")
        ordering = ["-wanneer", "-pk"]

    def __str__(self) -> str:
        return f"{self.wat} {self.onderwerp}"


class Aankondiging(models.Model):
    """The notice that an archived PLG or a closed scan wave will be removed: sent once, and
    nothing goes before the weeks of notice since then have passed."""

    plg = models.OneToOneField(
        "communities.PLG", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    afname = models.OneToOneField(
        "scans.Afname", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    verstuurd_op = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(plg__isnull=False) ^ models.Q(afname__isnull=False),
                name="aankondiging_over_een_ding",
            )
        ]

    def __str__(self) -> str:
        return f"{self.plg_id or ''}{self.afname_id or ''} {self.verstuurd_op:%Y-%m-%d}"
