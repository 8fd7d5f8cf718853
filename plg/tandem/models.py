"""The tandem of a PLG's procescoach and a school leader: the agreement they make at the start,
the moments they talk, the support the coach asks and the leader gives, and the bijeenkomsten the
coach invites the leader to.

What is written here belongs to the two of them: whoever is procescoach of the PLG now, and the
leader, while they lead one of its schools. Members and advisors never read it; the members
read only the agreed part about what is shared and what stays inside the PLG."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plg.communities.models import PLG
from plg.core.validators import sensible_date, single_line
from plg.meetings.models import Bijeenkomst


class Tandem(models.Model):
    """One per PLG; its fields are the agreement, which the other side agrees to (or not yet)."""

    plg = models.OneToOneField(PLG, on_delete=models.CASCADE, related_name="tandem")
    schoolleider = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="tandems"
    )
    delen = models.TextField(
        _("wat we met de schoolleider delen"),
        max_length=1000,
        help_text=_("Bijvoorbeeld: de leervraag, het actieplan, de mijlpalen, het voorstel."),
    )
    binnen_plg = models.TextField(
        _("wat binnen de PLG blijft"),
        max_length=1000,
        help_text=_("Bijvoorbeeld: wie wat zei, twijfels, de leerlogs, de klasbezoeken."),
    )
    overleg = models.CharField(
        _("wanneer we overleggen"),
        max_length=200,
        validators=[single_line],
        help_text=_("Bijvoorbeeld: een halfuur na elke tweede bijeenkomst."),
    )
    tijd = models.CharField(
        _("tijd"),
        max_length=300,
        blank=True,
        validators=[single_line],
        help_text=_("Welke tijd maakt de school vrij, en wie vervangt?"),
    )
    budget = models.CharField(
        _("budget"),
        max_length=300,
        blank=True,
        validators=[single_line],
        help_text=_("Voor boeken, een studiedag, een expert …"),
    )
    expert = models.CharField(
        _("expert"),
        max_length=300,
        blank=True,
        validators=[single_line],
        help_text=_("Wie kan de PLG van buiten voeden: een begeleider, een andere school …"),
    )
    voorgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    voorgesteld_op = models.DateTimeField(default=timezone.now)
    akkoord_op = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("tandem")
        verbose_name_plural = _("tandems")

    def __str__(self) -> str:
        return f"{self.plg} – {self.schoolleider}"

    @property
    def is_akkoord(self) -> bool:
        return self.akkoord_op is not None


class Tandemmoment(models.Model):
    """A talk of the two, with a short note only they read."""

    tandem = models.ForeignKey(Tandem, on_delete=models.CASCADE, related_name="momenten")
    datum = models.DateField(_("datum"), validators=[sensible_date])
    notitie = models.TextField(_("korte notitie"), max_length=1000)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-datum", "-id"]

    def __str__(self) -> str:
        return f"{self.tandem} – {self.datum}"


class Steun(models.TextChoices):
    TIJD = "tijd", _("tijd")
    BUDGET = "budget", _("budget")
    EXPERT = "expert", _("een expert")
    ANDERS = "anders", _("iets anders")


class Antwoord(models.TextChoices):
    OPEN = "open", _("nog geen antwoord")
    JA = "ja", _("komt er")
    DEELS = "deels", _("deels")
    NEE = "nee", _("lukt niet")


class Steunvraag(models.Model):
    """The coach asks for support; the leader answers, yes or no, with a word of why."""

    tandem = models.ForeignKey(Tandem, on_delete=models.CASCADE, related_name="steunvragen")
    soort = models.CharField(_("soort steun"), max_length=10, choices=Steun.choices)
    vraag = models.TextField(_("wat heeft de PLG nodig?"), max_length=1000)
    gevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    gevraagd_op = models.DateTimeField(default=timezone.now)
    antwoord = models.CharField(
        _("antwoord"), max_length=10, choices=Antwoord.choices, default=Antwoord.OPEN
    )
    toelichting = models.TextField(_("toelichting"), max_length=1000, blank=True)
    beantwoord_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-gevraagd_op", "-id"]

    def __str__(self) -> str:
        return f"{self.tandem} – {self.get_soort_display()}"

    @property
    def is_open(self) -> bool:
        return self.antwoord == Antwoord.OPEN


class Aanwezigheid(models.Model):
    """The coach invites the leader to one bijeenkomst; the leader attends only after a yes."""

    tandem = models.ForeignKey(Tandem, on_delete=models.CASCADE, related_name="uitnodigingen")
    bijeenkomst = models.ForeignKey(Bijeenkomst, on_delete=models.CASCADE, related_name="+")
    uitgenodigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uitgenodigd_op = models.DateTimeField(default=timezone.now)
    komt = models.BooleanField(_("komt"), null=True, default=None)  # None: no answer yet

    class Meta:
        ordering = ["bijeenkomst__starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["tandem", "bijeenkomst"], name="unique_aanwezigheid")
        ]

    def __str__(self) -> str:
        return f"{self.tandem} – {self.bijeenkomst}"

    @property
    def may_be_withdrawn(self) -> bool:
        """Only an invitation to a bijeenkomst ahead; the past stays as it was."""
        return self.bijeenkomst.starts_at >= timezone.now()
