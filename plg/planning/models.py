"""Planned time: substitution duties, month plans and calendar feeds."""

from __future__ import annotations

import secrets
from datetime import date, datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.dateformat import time_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from plg.bezoeken.models import Klasbezoek
from plg.meetings.models import Bijeenkomst
from plg.organisations.models import Scholengemeenschap, School
from plg.planning.problem import Vervanging
from plg.planning.voorstel import Voorstel


class Vervangbeurt(models.Model):
    """One lesson period a colleague covers so a member can be at a bijeenkomst, or so a
    teacher can make a class visit (exactly one of both)."""

    bijeenkomst = models.ForeignKey(
        Bijeenkomst,
        on_delete=models.CASCADE,
        related_name="vervangbeurten",
        null=True,
        blank=True,
    )
    bezoek = models.ForeignKey(
        Klasbezoek,
        on_delete=models.CASCADE,
        related_name="vervangbeurten",
        null=True,
        blank=True,
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
            ),
            models.CheckConstraint(
                condition=models.Q(bijeenkomst__isnull=False, bezoek__isnull=True)
                | models.Q(bijeenkomst__isnull=True, bezoek__isnull=False),
                name="vervanging_voor_een_reden",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.datum} {self.lesuur}: {self.groep}"

    @classmethod
    def for_vervanging(
        cls,
        bijeenkomst: Bijeenkomst | None,
        vervanging: Vervanging,
        tijd: tuple[datetime, datetime],
        *,
        bezoek: Klasbezoek | None = None,
    ) -> Vervangbeurt:
        """The one way a duty is made: a plan's substitution, at the time its period runs."""
        begin, einde = tijd
        return cls(
            bijeenkomst=bijeenkomst,
            bezoek=bezoek,
            school_id=vervanging.school,
            afwezige_id=vervanging.afwezige,
            vervanger_id=vervanging.vervanger,
            datum=vervanging.dag,
            lesuur=vervanging.lesuur,
            begin=begin,
            einde=einde,
            groep=vervanging.groep[:50],
        )

    @property
    def omschrijving(self) -> str:
        """The period, its times, the class and for whom: the substitute's list and e-mail."""
        return gettext("lesuur %(lesuur)s (%(begin)s–%(einde)s): %(groep)s, voor %(naam)s") % {
            "lesuur": self.lesuur,
            "begin": time_format(timezone.localtime(self.begin), "H:i"),
            "einde": time_format(timezone.localtime(self.einde), "H:i"),
            "groep": self.groep,
            "naam": self.afwezige.display_name,
        }

    @property
    def titel(self) -> str:
        """The calendar entry's title."""
        return gettext("Vervanging %(groep)s (lesuur %(lesuur)s)") % {
            "groep": self.groep,
            "lesuur": self.lesuur,
        }

    @property
    def uitleg(self) -> str:
        """Why the calendar entry is there; for a visit, never whom the colleague visits."""
        if self.bezoek_id is not None:
            return gettext("Je neemt de klas over zodat %(naam)s een klasbezoek kan doen.") % {
                "naam": self.afwezige.display_name
            }
        return gettext("Je neemt de klas over zodat %(naam)s naar een PLG-bijeenkomst kan.") % {
            "naam": self.afwezige.display_name
        }


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

    def get_voorstel(self) -> Voorstel:
        """The stored JSON as its one typed definition."""
        return Voorstel.from_json(self.voorstel)

    def set_voorstel(self, voorstel: Voorstel) -> None:
        self.voorstel = voorstel.to_json()


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
