"""The outbox: one row per e-mail, written in the transaction that decides it must be sent."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plg.post import koppen


class Status(models.TextChoices):
    WACHT = "wacht", _("wacht")
    BEZIG = "bezig", _("wordt verstuurd")
    VERSTUURD = "verstuurd", _("verstuurd")
    MISLUKT = "mislukt", _("mislukt")
    INGETROKKEN = "ingetrokken", _("ingetrokken")


ONDERWEG = (Status.WACHT, Status.BEZIG)


class Oorzaak(models.TextChoices):
    """Why a mail failed, in words fit for its sender's page; the server's own words (which
    may name the address or the mail server) stay on the row (``laatste_fout``)."""

    ADRES = "adres", _("de mailserver weigerde het adres")
    ONGELDIG = "ongeldig", _("het adres klopt niet")
    GEWEIGERD = "geweigerd", _("de mailserver weigerde de mail")
    ONBEREIKBAAR = "onbereikbaar", _("de mailserver was niet bereikbaar")
    ONDERBROKEN = "onderbroken", _("het versturen werd telkens onderbroken")
    ANDERS = "anders", _("er ging iets mis bij het versturen")


class Soort(models.TextChoices):
    """What an e-mail is for; the label names a group of them on the page of whoever sent them."""

    PLG_UITNODIGING = "plg-uitnodiging", _("Uitnodigingen voor de PLG")
    SCAN_UITNODIGING = "scan-uitnodiging", _("Uitnodigingen")
    SCAN_HERINNERING = "scan-herinnering", _("Herinneringen")
    BIJEENKOMST = "bijeenkomst", _("Uitnodigingen voor de bijeenkomst")
    VERVANGING = "vervanging", _("Vervangingen")
    HERINNERING = "herinnering", _("Herinneringen de dag ervoor")
    LEERLOG = "leerlog", _("Vragen om de leerlog")
    KLASBEZOEK = "klasbezoek", _("Uitnodigingen voor een klasbezoek")
    KLASBEZOEK_AF = "klasbezoek-af", _("Afgezegde klasbezoeken")
    KLASBEZOEK_HERINNERING = "klasbezoek-herinn", _("Herinneringen aan een klasbezoek")
    EXPERTBEZOEK = "expertbezoek", _("Vragen aan een expert")
    TRAJECT_DIGEST = "traject-digest", _("Maandelijkse samenvatting van een traject")
    TANDEM_UITNODIGING = "tandem-uitnodiging", _("Uitnodigingen voor de schoolleider")
    BEWAARTERMIJN = "bewaartermijn", _("Berichten over het wissen na de bewaartermijn")


class BerichtQuerySet(models.QuerySet["Bericht"]):
    def over(self, objecten: models.QuerySet[models.Model]) -> BerichtQuerySet:
        """The e-mails about any of these objects, as one sub-query."""
        return self.filter(
            over_type=ContentType.objects.get_for_model(objecten.model),
            over_id__in=objecten.values("pk"),
        )

    def onderweg(self) -> BerichtQuerySet:
        return self.filter(status__in=ONDERWEG)


class Bericht(models.Model):
    """One e-mail to one person.

    ``sleutel`` names what caused it (reminder X for member Y; the scan invitation of toegang T,
    round N), so running the step that writes it twice stores it once. The text is kept only until
    it has left; recipient, subject and state stay so the sender can see how it went.
    """

    sleutel = models.CharField(max_length=200, unique=True)
    soort = models.CharField(max_length=20, choices=Soort.choices)
    over_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    over_id = models.PositiveBigIntegerField()
    over = GenericForeignKey("over_type", "over_id")
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Who caused it to be sent; empty for the system's own reminders.",
    )
    aan = models.CharField(max_length=254)
    onderwerp = models.CharField(max_length=koppen.MAX_SUBJECT)
    tekst = models.TextField(max_length=100_000, blank=True)  # our templates and typed texts
    bijlagen = models.JSONField(default=list, blank=True)
    message_id = models.CharField(max_length=200, unique=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.WACHT)
    pogingen = models.PositiveSmallIntegerField(default=0)
    laatste_fout = models.CharField(max_length=500, blank=True)
    oorzaak = models.CharField(max_length=12, choices=Oorzaak.choices, blank=True)
    aangemaakt_op = models.DateTimeField(default=timezone.now)
    volgende_poging = models.DateTimeField(default=timezone.now)
    geclaimd_op = models.DateTimeField(null=True, blank=True)
    claim = models.CharField(max_length=32, blank=True)
    verstuurd_op = models.DateTimeField(null=True, blank=True)

    objects = BerichtQuerySet.as_manager()

    class Meta:
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")
        indexes = [
            models.Index(fields=["status", "volgende_poging"], name="post_klaar"),
            models.Index(fields=["over_type", "over_id"], name="post_over"),
        ]

    def __str__(self) -> str:
        return f"{self.soort} {self.pk} ({self.status})"

    @property
    def is_onderweg(self) -> bool:
        return self.status in ONDERWEG

    @property
    def is_verstuurd(self) -> bool:
        return self.status == Status.VERSTUURD

    @property
    def is_mislukt(self) -> bool:
        return self.status == Status.MISLUKT

    @property
    def oorzaak_label(self) -> str:
        """Why it failed, for the sender's page (rows failed before causes were kept: "other")."""
        return str(Oorzaak(self.oorzaak or Oorzaak.ANDERS).label)
