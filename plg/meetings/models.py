from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plg.communities.lfl import Principe
from plg.communities.models import PLG
from plg.communities.sharing import Shared
from plg.communities.versions import Versioned
from plg.core.validators import sensible_date, single_line
from plg.methods.models import Stap, Werkvorm


class BijeenkomstQuerySet(models.QuerySet["Bijeenkomst"]):
    def upcoming(self) -> BijeenkomstQuerySet:
        return self.filter(starts_at__gte=timezone.now()).order_by("starts_at")


class Bijeenkomst(Versioned):
    versioned_fields = ("starts_at", "place", "duration_minutes", "doelen")

    plg = models.ForeignKey(PLG, on_delete=models.CASCADE, related_name="bijeenkomsten")
    starts_at = models.DateTimeField(_("datum en uur"), validators=[sensible_date])
    place = models.CharField(_("plaats"), max_length=200, blank=True, validators=[single_line])
    duration_minutes = models.PositiveSmallIntegerField(_("duur (minuten)"))
    doelen = models.TextField(_("doelen van deze bijeenkomst"), max_length=2000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = BijeenkomstQuerySet.as_manager()

    class Meta:
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return f"{self.plg} – {timezone.localtime(self.starts_at):%d/%m/%Y %H:%M}"

    def principe_keys(self) -> list[str]:
        """Its Leadership-for-Learning tags (prefetch ``principes`` for a list)."""
        return [tag.principe for tag in self.principes.all()]

    def doelen_lijst(self) -> list[str]:
        """The goals, one per line, as the check-out ticks them off."""
        return [line.strip(" -•\t") for line in self.doelen.splitlines() if line.strip(" -•\t")]


class AgendaBlok(models.Model):
    """One step of the stramien in a bijeenkomst's agenda, with the werkvorm chosen for it."""

    bijeenkomst = models.ForeignKey(Bijeenkomst, on_delete=models.CASCADE, related_name="blokken")
    position = models.PositiveSmallIntegerField(default=0)
    stap = models.CharField(_("stap"), max_length=20, choices=Stap.choices)
    title = models.CharField(_("titel"), max_length=200, blank=True, validators=[single_line])
    werkvorm = models.ForeignKey(
        Werkvorm, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("werkvorm")
    )
    minutes = models.PositiveSmallIntegerField(_("minuten"))

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title or str(Stap(self.stap).label)


class DoelenBereikt(models.TextChoices):
    JA = "ja", _("ja")
    DEELS = "deels", _("deels")
    NEE = "nee", _("nee")


class Terugblik(Versioned, Shared):
    """The check-out record of a bijeenkomst, written afterwards."""

    plg_lookup = "bijeenkomst__plg"
    versioned_fields = (
        "doelen_bereikt",
        "doelen_gehaald",
        "hoe_was_het",
        "behouden",
        "veranderen",
        "volgende_stap",
        "audience",
    )

    bijeenkomst = models.OneToOneField(
        Bijeenkomst, on_delete=models.CASCADE, related_name="terugblik"
    )
    doelen_bereikt = models.CharField(
        _("doelen bereikt?"), max_length=10, choices=DoelenBereikt.choices
    )
    doelen_gehaald = models.JSONField(_("gehaalde doelen"), default=list, blank=True)
    hoe_was_het = models.TextField(_("hoe was het?"), max_length=4000, blank=True)
    behouden = models.TextField(_("wat willen we behouden?"), max_length=4000, blank=True)
    veranderen = models.TextField(_("wat willen we veranderen?"), max_length=4000, blank=True)
    volgende_stap = models.TextField(_("volgende stap"), max_length=4000, blank=True)

    class Meta:
        verbose_name = _("terugblik")

    def __str__(self) -> str:
        return f"{self.bijeenkomst}"


class Opdracht(models.Model):
    """An assignment taken on at a check-out, such as finding literature."""

    bijeenkomst = models.ForeignKey(
        Bijeenkomst, on_delete=models.CASCADE, related_name="opdrachten"
    )
    description = models.CharField(_("opdracht"), max_length=300, validators=[single_line])
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="opdrachten",
        verbose_name=_("wie"),
    )
    due_date = models.DateField(_("tegen"), validators=[sensible_date])
    done = models.BooleanField(_("klaar"), default=False)

    class Meta:
        ordering = ["due_date", "id"]

    def __str__(self) -> str:
        return self.description


class LeerlogEntry(Versioned, Shared):
    """What one person learned in one bijeenkomst, in their own words."""

    plg_lookup = "bijeenkomst__plg"
    versioned_fields = ("kennis_inzicht", "vaardigheden", "attitudes", "audience")

    bijeenkomst = models.ForeignKey(Bijeenkomst, on_delete=models.CASCADE, related_name="leerlog")
    kennis_inzicht = models.TextField(_("kennis en inzicht"), max_length=4000, blank=True)
    vaardigheden = models.TextField(_("vaardigheden"), max_length=4000, blank=True)
    attitudes = models.TextField(_("attitudes"), max_length=4000, blank=True)

    class Meta:
        verbose_name = _("leerlog")
        verbose_name_plural = _("leerlogs")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["bijeenkomst", "author"], name="one_leerlog_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.author} – {self.bijeenkomst}"


class HerinneringSoort(models.TextChoices):
    VOORAF = "vooraf", _("voor de bijeenkomst")
    LEERLOG = "leerlog", _("na de bijeenkomst")


class Herinnering(models.Model):
    """A reminder to send once: the day before a bijeenkomst, and after it for the leerlog."""

    bijeenkomst = models.ForeignKey(
        Bijeenkomst, on_delete=models.CASCADE, related_name="herinneringen"
    )
    soort = models.CharField(max_length=10, choices=HerinneringSoort.choices)
    due_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_at"]
        constraints = [
            models.UniqueConstraint(fields=["bijeenkomst", "soort"], name="one_reminder_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.bijeenkomst} {self.soort}"


class BijeenkomstPrincipe(models.Model):
    """A Leadership-for-Learning principle a coach recognised in a bijeenkomst."""

    bijeenkomst = models.ForeignKey(Bijeenkomst, on_delete=models.CASCADE, related_name="principes")
    principe = models.CharField(_("principe"), max_length=30, choices=Principe.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["bijeenkomst", "principe"], name="bijeenkomst_principe_once"
            )
        ]

    def __str__(self) -> str:
        return self.get_principe_display()


class Expertbezoek(Versioned):
    """An expert's visit to the PLG, prepared by the group: the questions come from the
    leervraag and go to the expert ahead, so the input fits where the group is (recommendation
    8). The expert is no member and gets no account; they learn the leervraag, the questions
    and the coach's name, nothing else of the PLG."""

    versioned_fields = ("naam", "email", "datum", "bijeenkomst", "vragen")

    plg = models.ForeignKey(PLG, on_delete=models.CASCADE, related_name="expertbezoeken")
    bijeenkomst = models.ForeignKey(
        Bijeenkomst,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="expertbezoeken",
        verbose_name=_("tijdens welke bijeenkomst?"),
    )
    naam = models.CharField(_("naam van de expert"), max_length=150, validators=[single_line])
    email = models.EmailField(_("e-mailadres van de expert"), max_length=254)
    datum = models.DateField(_("datum van het bezoek"), validators=[sensible_date])
    vragen = models.TextField(
        _("onze vragen"),
        max_length=4000,
        help_text=_("Eén vraag per regel. Iedereen van de PLG mag ze aanvullen of herschrijven."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    verstuurd_op = models.DateTimeField(null=True, blank=True)
    verstuurde_versie = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("bezoek van een expert")
        verbose_name_plural = _("bezoeken van een expert")
        ordering = ["datum", "id"]

    def __str__(self) -> str:
        return f"{self.naam} – {self.datum:%d/%m/%Y}"

    def vragen_lijst(self) -> list[str]:
        return [line.strip(" -•\t") for line in self.vragen.splitlines() if line.strip(" -•\t")]

    @property
    def gewijzigd_na_versturen(self) -> bool:
        return self.verstuurd_op is not None and self.verstuurde_versie != self.version
