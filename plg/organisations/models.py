from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Network(models.Model):
    """An umbrella of schools (an onderwijsnet or regional network) with its pedagogical advisors."""

    name = models.CharField(_("naam"), max_length=200, unique=True)

    class Meta:
        verbose_name = _("netwerk")
        verbose_name_plural = _("netwerken")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Scholengemeenschap(models.Model):
    network = models.ForeignKey(
        Network, on_delete=models.PROTECT, related_name="scholengemeenschappen"
    )
    name = models.CharField(_("naam"), max_length=200, unique=True)

    class Meta:
        verbose_name = _("scholengemeenschap")
        verbose_name_plural = _("scholengemeenschappen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class School(models.Model):
    scholengemeenschap = models.ForeignKey(
        Scholengemeenschap, on_delete=models.PROTECT, related_name="schools"
    )
    name = models.CharField(_("naam"), max_length=200)
    city = models.CharField(_("gemeente"), max_length=100, blank=True)
    werkgroep_minutes = models.PositiveSmallIntegerField(
        _("duur van een werkgroepvergadering (minuten)"),
        default=60,
        help_text=_("Een PLG-bijeenkomst krijgt standaard het dubbele van deze tijd."),
    )
    waarden = models.TextField(
        _("visie en waarden van de school"),
        max_length=2000,
        blank=True,
        help_text=_(
            "Eén per regel. Wie op een bord een kaart legt, kan zijn waarom hieraan koppelen."
        ),
    )

    class Meta:
        verbose_name = _("school")
        verbose_name_plural = _("scholen")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["scholengemeenschap", "name"], name="unique_school_name"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def waarden_lijst(self) -> list[str]:
        return [line.strip() for line in self.waarden.splitlines() if line.strip()]

    @property
    def default_bijeenkomst_minutes(self) -> int:
        """A PLG slows time down: it gets twice what a working group would get."""
        return 2 * self.werkgroep_minutes


class Functie(models.TextChoices):
    LERAAR = "leraar", _("leraar")
    BEGINNENDE_LERAAR = "beginnende_leraar", _("beginnende leraar")
    ZORGCOORDINATOR = "zorgcoordinator", _("zorgcoördinator")
    AANVANGSBEGELEIDER = "aanvangsbegeleider", _("aanvangsbegeleider")
    SCHOOLLEIDER = "schoolleider", _("schoolleider")
    COORDINEREND_DIRECTEUR = "coordinerend_directeur", _("coördinerend directeur")
    PEDAGOGISCH_BEGELEIDER = "pedagogisch_begeleider", _("pedagogisch begeleider")


LEADER_FUNCTIONS = (Functie.SCHOOLLEIDER, Functie.COORDINEREND_DIRECTEUR)


class AanstellingQuerySet(models.QuerySet["Aanstelling"]):
    def leaders(self) -> AanstellingQuerySet:
        return self.filter(functie__in=LEADER_FUNCTIONS)

    def advisors(self) -> AanstellingQuerySet:
        return self.filter(functie=Functie.PEDAGOGISCH_BEGELEIDER)

    def team(self) -> AanstellingQuerySet:
        """The school's own staff: everyone but the external advisors."""
        return self.exclude(functie=Functie.PEDAGOGISCH_BEGELEIDER)


class Aanstelling(models.Model):
    """A person's place in a school. An advisor's aanstelling marks a school they support."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="aanstellingen"
    )
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="aanstellingen")
    functie = models.CharField(_("functie"), max_length=30, choices=Functie.choices)

    objects = AanstellingQuerySet.as_manager()

    class Meta:
        verbose_name = _("aanstelling")
        verbose_name_plural = _("aanstellingen")
        constraints = [
            models.UniqueConstraint(fields=["user", "school", "functie"], name="unique_aanstelling")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_functie_display()} – {self.school}"
