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
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("wie"),
    )
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
