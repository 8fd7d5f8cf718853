"""The two-year traject an advisor leads with a group of school leaders.

Year 1 the leaders learn together in a networked PLG; year 2 each starts a PLG in their own
school, and the advisor follows them up. The traject only links what already exists (PLG's,
schools, scans): what a leader's school PLG shares is still decided by that PLG's audiences.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plg.communities.models import PLG
from plg.core.validators import sensible_date, single_line
from plg.organisations.models import Network, School


class TrajectQuerySet(models.QuerySet["Traject"]):
    def of_leader(self, user_id: int) -> TrajectQuerySet:
        return self.filter(deelnames__leider_id=user_id)


class Traject(models.Model):
    """One group of school leaders, their advisor and the two years they go through."""

    naam = models.CharField(_("naam"), max_length=150, validators=[single_line])
    begeleider = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="begeleide_trajecten",
        verbose_name=_("pedagogisch begeleider"),
    )
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="trajecten")
    netwerk_plg = models.ForeignKey(
        PLG,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("genetwerkte PLG (jaar 1)"),
    )
    start = models.DateField(_("start van jaar 1"), validators=[sensible_date])
    created_at = models.DateTimeField(default=timezone.now)

    objects = TrajectQuerySet.as_manager()

    class Meta:
        verbose_name = _("traject")
        verbose_name_plural = _("trajecten")
        ordering = ["-start", "naam"]

    def __str__(self) -> str:
        return self.naam


class Deelname(models.Model):
    """A school leader in a traject, with the school they bring and, in year 2, its PLG."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="deelnames")
    leider = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="trajectdeelnames"
    )
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    school_plg = models.ForeignKey(
        PLG,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("PLG in de eigen school (jaar 2)"),
    )

    class Meta:
        verbose_name = _("deelname")
        verbose_name_plural = _("deelnames")
        ordering = ["school__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["traject", "leider"], name="unique_trajectleider")
        ]

    def __str__(self) -> str:
        return f"{self.traject} – {self.school}"


class Trajectmijlpaal(models.Model):
    """A step the advisor and the leaders agreed on; reached or not, never a grade."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="mijlpalen")
    titel = models.CharField(_("mijlpaal"), max_length=200, validators=[single_line])
    datum = models.DateField(_("tegen"), validators=[sensible_date])
    bereikt_op = models.DateField(
        _("bereikt op"), null=True, blank=True, validators=[sensible_date]
    )

    class Meta:
        verbose_name = _("mijlpaal van het traject")
        verbose_name_plural = _("mijlpalen van het traject")
        ordering = ["datum", "pk"]

    def __str__(self) -> str:
        return self.titel
