"""The library of finished PLG's: what a group learned, shared so others need not start over."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plg.communities.models import PLG
from plg.core.validators import single_line
from plg.organisations.models import Aanstelling, Network

if TYPE_CHECKING:
    from plg.accounts.models import User


class Onderwijsniveau(models.TextChoices):
    """The keys are those of `plg-pakket/1`; the labels are how schools say it."""

    KLEUTER = "kleuter", _("kleuteronderwijs")
    BASIS = "basis", _("lager onderwijs")
    SECUNDAIR = "secundair", _("secundair onderwijs")


class Zichtbaarheid(models.TextChoices):
    NETWERK = "netwerk", _("scholen van ons netwerk")
    IEDEREEN = "iedereen", _("iedereen op deze werkplaats")


schooljaar_validator = RegexValidator(
    r"^20\d\d-20\d\d$", _("Schrijf een schooljaar als 2024-2025.")
)


class BibliotheekitemQuerySet(models.QuerySet["Bibliotheekitem"]):
    def gepubliceerd(self) -> BibliotheekitemQuerySet:
        return self.filter(published_at__isnull=False, withdrawn_at__isnull=True)

    def zichtbaar_voor(self, user: User | None) -> BibliotheekitemQuerySet:
        """The one rule every way in (pages, suggestions, the search command) goes through.

        Without a person (the command line) only what everyone may read; a person also reads
        what was shared with a network they work in, as staff or as its advisor.
        """
        shown = self.gepubliceerd()
        if user is None or not user.is_authenticated:
            return shown.filter(zichtbaarheid=Zichtbaarheid.IEDEREEN)
        networks = Aanstelling.objects.filter(user=user).values(
            "school__scholengemeenschap__network_id"
        )
        return shown.filter(Q(zichtbaarheid=Zichtbaarheid.IEDEREEN) | Q(network_id__in=networks))


class Bibliotheekitem(models.Model):
    """One finished PLG as others may read it: its path, not its people.

    An entry either comes from a PLG of this installation (``plg`` set, ``network`` the PLG's)
    or from an imported `plg-pakket/1` file (``plg`` empty, visible to everyone). ``slug`` is
    the package's stable ``id``, so importing the same package again updates the entry.
    """

    slug = models.SlugField(_("kenmerk"), max_length=120, unique=True)
    titel = models.CharField(_("titel"), max_length=200, validators=[single_line])
    onderwijsniveau = models.CharField(
        _("onderwijsniveau"), max_length=20, choices=Onderwijsniveau.choices
    )
    schooljaar = models.CharField(_("schooljaar"), max_length=9, validators=[schooljaar_validator])
    praktijknood = models.TextField(_("praktijknood"), max_length=4000, blank=True)
    leervraag = models.TextField(_("leervraag"), max_length=1000)
    themas = models.JSONField(_("thema's"), default=list, blank=True)
    actieplan = models.TextField(_("actieplan"), max_length=10000, blank=True)
    werkvormen = models.JSONField(_("gebruikte werkvormen"), default=list, blank=True)
    voorstel = models.TextField(_("voorstel aan het team"), max_length=10000, blank=True)
    wat_we_leerden = models.TextField(_("wat we leerden"), max_length=10000, blank=True)
    namen = models.CharField(
        _("namen"),
        max_length=500,
        blank=True,
        validators=[single_line],
        help_text=_("Alleen als de PLG ervoor kiest met naam in de bibliotheek te staan."),
    )
    plg = models.ForeignKey(
        PLG, on_delete=models.SET_NULL, null=True, blank=True, related_name="bibliotheekitems"
    )
    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    zichtbaarheid = models.CharField(
        _("zichtbaar voor"),
        max_length=20,
        choices=Zichtbaarheid.choices,
        default=Zichtbaarheid.NETWERK,
    )
    extra = models.JSONField(default=dict, blank=True)
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = BibliotheekitemQuerySet.as_manager()

    class Meta:
        verbose_name = _("bibliotheekitem")
        verbose_name_plural = _("bibliotheekitems")
        ordering = ["-published_at", "titel"]

    def __str__(self) -> str:
        return self.titel

    @property
    def is_gepubliceerd(self) -> bool:
        return self.published_at is not None and self.withdrawn_at is None


class Instemming(models.Model):
    """One member's yes to publishing their PLG's entry as it reads now.

    A changed text clears every yes: a member agrees to words, not to whatever follows.
    """

    item = models.ForeignKey(Bibliotheekitem, on_delete=models.CASCADE, related_name="instemmingen")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "user"], name="instemming_once_per_member")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.item_id}"


class Bibliotheekbijlage(models.Model):
    """A file that goes with an entry (a handout, the proposal as the team read it)."""

    item = models.ForeignKey(Bibliotheekitem, on_delete=models.CASCADE, related_name="bijlagen")
    file = models.FileField(_("bijlage"), upload_to="bibliotheek/%Y/", max_length=200)
    name = models.CharField(max_length=200, validators=[single_line])
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.name


class Vertrekpunt(models.Model):
    """A PLG that started from a library entry: the path it set out to learn from."""

    plg = models.OneToOneField(PLG, on_delete=models.CASCADE, related_name="vertrekpunt")
    item = models.ForeignKey(
        Bibliotheekitem, on_delete=models.CASCADE, related_name="vertrekpunten"
    )
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.plg_id} ← {self.item_id}"


class Zoekterm(models.Model):
    """One term of one published entry with its weight: the library's own search index.

    Kept in a table of our own, written from Python (`zoeken/index.py`), so that SQLite and
    PostgreSQL hold the same numbers and rank alike. ``gewicht`` already folds in the field
    the term stands in and how often it occurs. The entry's visibility, level and school year
    are copied onto each row so a search reads one index and no entry rows; they narrow the
    candidates only, the entries shown are read through `zichtbaar_voor` again.
    """

    item = models.ForeignKey(Bibliotheekitem, on_delete=models.CASCADE, related_name="+")
    term = models.CharField(max_length=60)
    gewicht = models.FloatField()
    zichtbaarheid = models.CharField(max_length=20, choices=Zichtbaarheid.choices)
    network_id = models.IntegerField(null=True)
    onderwijsniveau = models.CharField(max_length=20, choices=Onderwijsniveau.choices)
    schooljaar = models.CharField(max_length=9)

    class Meta:
        indexes = [
            models.Index(
                fields=[
                    "term",
                    "zichtbaarheid",
                    "network_id",
                    "onderwijsniveau",
                    "schooljaar",
                    "item",
                    "gewicht",
                ],
                name="zoekterm_term",
            )
        ]

    def __str__(self) -> str:
        return self.term


class Zoekwoord(models.Model):
    """How many entries in the index hold a term, kept with the index so that a search
    reads its weight instead of counting the term's rows each time."""

    term = models.CharField(max_length=60, unique=True)
    aantal = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return self.term


class Zoekvorm(models.Model):
    """A word as written in some entry (lower case, no accents): what a typing error is
    corrected towards. Holds words only, never which entry they came from."""

    vorm = models.CharField(max_length=60, unique=True)

    def __str__(self) -> str:
        return self.vorm


class Zoekfacet(models.Model):
    """A theme or werkvorm of a published entry, as a row, so both databases filter alike
    (a JSON list cannot be filtered the same way on SQLite and PostgreSQL)."""

    class Soort(models.TextChoices):
        THEMA = "thema", _("thema")
        WERKVORM = "werkvorm", _("werkvorm")

    item = models.ForeignKey(Bibliotheekitem, on_delete=models.CASCADE, related_name="+")
    soort = models.CharField(max_length=10, choices=Soort.choices)
    sleutel = models.CharField(max_length=200)
    label = models.CharField(max_length=200, validators=[single_line])

    class Meta:
        indexes = [models.Index(fields=["soort", "sleutel", "item"], name="zoekfacet_sleutel")]

    def __str__(self) -> str:
        return self.label
