"""In each other's classroom: class visits, blitsbezoeken, buddies and co-teaching.

The observed teacher owns a visit: they invite, may cancel at any time, and decide who reads the
notes taken in their class. Everything written about a visit carries a ``BezoekAudience``; the
school leader and the advisor never read it and never learn who visited whom (they see the
counts of ``aggregates.py``).
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, TypeVar

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plg.communities.models import PLG, Leervraag
from plg.communities.sharing import BezoekAudience, bezoek_audience_q
from plg.core.validators import single_line
from plg.organisations.models import Scholengemeenschap, School

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from plg.accounts.models import User

MAX_KIJKWIJZER_ITEMS = 12
"""A kijkwijzer is a few things to look for; a visitor cannot hold more in mind in one lesson."""


class Kijkwijzer(models.Model):
    """An observation guide: what to look for, in what pupils do and say, never a rating."""

    plg = models.ForeignKey(
        PLG, on_delete=models.CASCADE, null=True, blank=True, related_name="kijkwijzers"
    )
    eigenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="kijkwijzers"
    )
    leervraag = models.ForeignKey(
        Leervraag, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    titel = models.CharField(_("titel"), max_length=150, validators=[single_line])
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("kijkwijzer")
        verbose_name_plural = _("kijkwijzers")
        ordering = ["titel", "id"]

    def __str__(self) -> str:
        return self.titel


class KijkwijzerItem(models.Model):
    kijkwijzer = models.ForeignKey(Kijkwijzer, on_delete=models.CASCADE, related_name="items")
    volgorde = models.PositiveSmallIntegerField(default=0)
    tekst = models.CharField(
        _("waar kijk je naar?"),
        max_length=300,
        validators=[single_line],
        help_text=_("Beschrijf wat leerlingen doen of zeggen."),
    )

    class Meta:
        verbose_name = _("kijkpunt")
        verbose_name_plural = _("kijkpunten")
        ordering = ["volgorde", "id"]

    def __str__(self) -> str:
        return self.tekst


class Soort(models.TextChoices):
    KLASBEZOEK = "klasbezoek", _("klasbezoek")
    BLITS = "blits", _("blitsbezoek")
    CO_TEACHING = "co_teaching", _("co-teaching")


class Status(models.TextChoices):
    UITGENODIGD = "uitgenodigd", _("uitgenodigd")
    AANVAARD = "aanvaard", _("aanvaard")
    AFGEWEZEN = "afgewezen", _("afgewezen")
    GEANNULEERD = "geannuleerd", _("geannuleerd")


class RondeStatus(models.TextChoices):
    OPEN = "open", _("inschrijven")
    BEZIG = "bezig", _("wordt berekend")
    KLAAR = "klaar", _("voorstel klaar")
    ONHAALBAAR = "onhaalbaar", _("geen plan mogelijk")
    TOEGEPAST = "toegepast", _("ingepland")
    MISLUKT = "mislukt", _("mislukt")


class Bezoekronde(models.Model):
    """A round of visits for a school or a scholengemeenschap (a blitsweek, a visit month).

    Taking part is voluntary: teachers sign up (``deelnemers``); the planner proposes who visits
    whom and when, and the proposal becomes visits only when applied.
    """

    scholengemeenschap = models.ForeignKey(
        Scholengemeenschap, on_delete=models.CASCADE, related_name="bezoekrondes"
    )
    school = models.ForeignKey(
        School, on_delete=models.CASCADE, null=True, blank=True, related_name="bezoekrondes"
    )
    soort = models.CharField(
        _("soort"), max_length=20, choices=Soort.choices, default=Soort.KLASBEZOEK
    )
    titel = models.CharField(_("titel"), max_length=150, validators=[single_line])
    van = models.DateField(_("van"))
    tot = models.DateField(_("tot en met"))
    bezoeken_per_persoon = models.PositiveSmallIntegerField(_("iedereen bezoekt"), default=2)
    bezocht_per_persoon = models.PositiveSmallIntegerField(_("iedereen wordt bezocht"), default=2)
    minuten = models.PositiveSmallIntegerField(_("duur van een bezoek (minuten)"), default=50)
    reistijd = models.PositiveSmallIntegerField(_("reistijd tussen scholen (minuten)"), default=20)
    vervang_max_maand = models.PositiveSmallIntegerField(
        _("vervanguren per vervanger per maand"), default=3
    )
    over_scholen = models.BooleanField(_("ook bij collega's van andere scholen"), default=False)
    deelnemers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="bezoekrondes"
    )
    status = models.CharField(max_length=20, choices=RondeStatus.choices, default=RondeStatus.OPEN)
    voorstel = models.JSONField(default=dict, blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("bezoekronde")
        verbose_name_plural = _("bezoekrondes")
        ordering = ["-van", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(tot__gte=models.F("van")), name="ronde_duurt")
        ]

    def __str__(self) -> str:
        return self.titel


class CoTeachingReeks(models.Model):
    """Two teachers who plan, teach and reflect on lessons together, lesson after lesson."""

    eigenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="co_teaching_reeksen"
    )
    partner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="co_teaching_partner"
    )
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    plg = models.ForeignKey(PLG, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    titel = models.CharField(_("titel"), max_length=150, validators=[single_line])
    klas = models.CharField(_("klas"), max_length=50, validators=[single_line])
    focus = models.TextField(_("waar willen we samen aan werken?"), max_length=2000, blank=True)
    ingetrokken = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("co-teachingreeks")
        verbose_name_plural = _("co-teachingreeksen")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(eigenaar=models.F("partner")), name="co_teaching_met_twee"
            )
        ]

    def __str__(self) -> str:
        return self.titel


class KlasbezoekQuerySet(models.QuerySet["Klasbezoek"]):
    def of(self, user: User) -> KlasbezoekQuerySet:
        """Visits this person is in: in their class, or as the visitor while not cancelled."""
        return self.filter(
            models.Q(geobserveerde=user) | models.Q(bezoeker=user, ingetrokken=False)
        )

    def gedaan(self) -> KlasbezoekQuerySet:
        """Visits that took place: accepted, not cancelled, begun."""
        return self.filter(status=Status.AANVAARD, ingetrokken=False, begin__lte=timezone.now())


class Klasbezoek(models.Model):
    """One colleague in another's class (a visit, a blitsbezoek, or a co-taught lesson)."""

    soort = models.CharField(
        _("soort"), max_length=20, choices=Soort.choices, default=Soort.KLASBEZOEK
    )
    geobserveerde = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bezoeken_in_mijn_klas"
    )
    bezoeker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bezoeken_als_bezoeker"
    )
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="klasbezoeken")
    plg = models.ForeignKey(
        PLG, on_delete=models.SET_NULL, null=True, blank=True, related_name="klasbezoeken"
    )
    kijkwijzer = models.ForeignKey(
        Kijkwijzer, on_delete=models.SET_NULL, null=True, blank=True, related_name="bezoeken"
    )
    ronde = models.ForeignKey(
        Bezoekronde, on_delete=models.CASCADE, null=True, blank=True, related_name="bezoeken"
    )
    reeks = models.ForeignKey(
        CoTeachingReeks, on_delete=models.CASCADE, null=True, blank=True, related_name="lessen"
    )
    focus = models.TextField(_("focus"), max_length=2000, blank=True)
    les = models.CharField(_("les"), max_length=150, validators=[single_line], blank=True)
    klas = models.CharField(_("klas"), max_length=50, validators=[single_line], blank=True)
    kijken_naar = models.TextField(_("waar kijk je naar?"), max_length=2000, blank=True)
    begin = models.DateTimeField(_("begin"))
    einde = models.DateTimeField(_("einde"))
    lesuur = models.PositiveSmallIntegerField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.UITGENODIGD)
    ingetrokken = models.BooleanField(
        default=False, help_text="Cancelled by its owner or declined: the visitor reads nothing."
    )
    notities_audience = models.CharField(
        _("wie mag de notities lezen?"),
        max_length=10,
        choices=BezoekAudience.choices,
        default=BezoekAudience.WIJ_TWEE,
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = KlasbezoekQuerySet.as_manager()

    class Meta:
        verbose_name = _("klasbezoek")
        verbose_name_plural = _("klasbezoeken")
        ordering = ["begin", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(geobserveerde=models.F("bezoeker")), name="bezoek_bij_een_ander"
            ),
            models.CheckConstraint(
                condition=models.Q(einde__gt=models.F("begin")), name="bezoek_duurt"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.begin:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        """Each form has its own page: a blitsbezoek its feedback, a lesson its series."""
        if self.soort == Soort.BLITS:
            return reverse("blits_detail", args=[self.pk])
        if self.reeks_id is not None:
            return reverse("coteaching_reeks", args=[self.reeks_id])
        return reverse("bezoek_detail", args=[self.pk])


_N = TypeVar("_N", bound=models.Model)


class BezoekNotaQuerySet(models.QuerySet[_N]):
    def visible_to(self, user: User | AnonymousUser) -> BezoekNotaQuerySet[_N]:
        """The one way notes about visits are read: the audiences of ``BEZOEK_READERS``."""
        return self.filter(bezoek_audience_q(user, "bezoek"))


class ObservatieQuerySet(models.QuerySet["Observatie"]):
    def visible_to(self, user: User | AnonymousUser) -> ObservatieQuerySet:
        """Notes taken in a class are read by whom the observed teacher chose for this visit."""
        return self.filter(
            bezoek_audience_q(user, "bezoek", audience_lookup="bezoek__notities_audience")
        )


class Observatie(models.Model):
    """A quick note the visitor types during the lesson, on a phone, per kijkwijzer item.

    ``client_id`` is made on the phone: a note queued offline and sent twice is saved once. Its
    audience is the visit's ``notities_audience``, set by the observed teacher.
    """

    bezoek = models.ForeignKey(Klasbezoek, on_delete=models.CASCADE, related_name="observaties")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    item = models.ForeignKey(
        KijkwijzerItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    tags = models.CharField(max_length=200, blank=True)
    tekst = models.TextField(_("notitie"), max_length=2000)
    moment = models.DateTimeField(_("getypt om"))
    client_id = models.UUIDField(default=uuid.uuid4)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ObservatieQuerySet.as_manager()

    class Meta:
        verbose_name = _("observatie")
        verbose_name_plural = _("observaties")
        ordering = ["moment", "id"]
        constraints = [
            models.UniqueConstraint(fields=["bezoek", "client_id"], name="observatie_eenmaal")
        ]

    def __str__(self) -> str:
        return self.tekst[:50]


class BezoekNota(models.Model):
    """Something written about a visit, with who may read it (default: the two of them)."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    audience = models.CharField(
        _("wie mag dit lezen?"),
        max_length=10,
        choices=BezoekAudience.choices,
        default=BezoekAudience.WIJ_TWEE,
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = BezoekNotaQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class Nagesprek(BezoekNota):
    """The conversation afterwards, written down by the observed teacher."""

    bezoek = models.OneToOneField(Klasbezoek, on_delete=models.CASCADE, related_name="nagesprek")
    wat_zag_je = models.TextField(_("wat zag je?"), max_length=4000, blank=True)
    wat_neem_ik_mee = models.TextField(_("wat neem ik mee?"), max_length=4000, blank=True)
    volgende_stap = models.TextField(_("volgende stap"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("nagesprek")
        verbose_name_plural = _("nagesprekken")


class Meegenomen(BezoekNota):
    """What the visitor takes back to their own class."""

    bezoek = models.OneToOneField(Klasbezoek, on_delete=models.CASCADE, related_name="meegenomen")
    tekst = models.TextField(_("wat neem ik mee naar mijn klas?"), max_length=4000)

    class Meta:
        verbose_name = _("meegenomen")
        verbose_name_plural = _("meegenomen")


class Blitsfeedback(BezoekNota):
    """A blitsbezoek leaves one sentence of appreciation and one question, nothing more."""

    bezoek = models.OneToOneField(
        Klasbezoek, on_delete=models.CASCADE, related_name="blitsfeedback"
    )
    waardering = models.CharField(_("wat waardeer je?"), max_length=300, validators=[single_line])
    vraag = models.CharField(_("welke vraag heb je?"), max_length=300, validators=[single_line])

    class Meta:
        verbose_name = _("blitsfeedback")
        verbose_name_plural = _("blitsfeedback")


class CoTeachingNota(BezoekNota):
    """The plan before and the reflection after one co-taught lesson."""

    bezoek = models.OneToOneField(Klasbezoek, on_delete=models.CASCADE, related_name="co_nota")
    plan = models.TextField(_("wat plannen we?"), max_length=4000, blank=True)
    reflectie = models.TextField(_("wat merkten we?"), max_length=4000, blank=True)

    class Meta:
        verbose_name = _("co-teachingnota")
        verbose_name_plural = _("co-teachingnota's")


class Periode(models.TextChoices):
    TRIMESTER = "trimester", _("een trimester")
    JAAR = "jaar", _("een schooljaar")


class KoppelSoort(models.TextChoices):
    BUDDY = "buddy", _("buddy's")
    MENTOR = "mentor", _("mentor en starter")


class Buddyvoorkeur(models.Model):
    """What a teacher wants from a buddy this school year; signing up is voluntary."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="buddyvoorkeuren"
    )
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    schooljaar = models.CharField(_("schooljaar"), max_length=9)
    graad = models.CharField(_("mijn graad of leerjaar"), max_length=50, blank=True)
    andere_graad = models.BooleanField(_("liefst iemand van een andere graad"), default=False)
    over_scholen = models.BooleanField(
        _("ook iemand van een andere school van de scholengemeenschap"), default=False
    )
    wil_mentor = models.BooleanField(_("ik wil een starter begeleiden"), default=False)
    zoekt_mentor = models.BooleanField(_("ik ben starter en zoek een mentor"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("buddyvoorkeur")
        verbose_name_plural = _("buddyvoorkeuren")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "school", "schooljaar"], name="een_voorkeur_per_jaar"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.schooljaar}"


class Buddykoppel(models.Model):
    """A pair or trio of colleagues for a term or a school year; never the same pair twice a year."""

    scholengemeenschap = models.ForeignKey(
        Scholengemeenschap, on_delete=models.CASCADE, related_name="buddykoppels"
    )
    schooljaar = models.CharField(_("schooljaar"), max_length=9)
    periode = models.CharField(
        _("periode"), max_length=20, choices=Periode.choices, default=Periode.JAAR
    )
    soort = models.CharField(
        _("soort"), max_length=20, choices=KoppelSoort.choices, default=KoppelSoort.BUDDY
    )
    leden = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="buddykoppels")
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("buddykoppel")
        verbose_name_plural = _("buddykoppels")
        ordering = ["-schooljaar", "id"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.schooljaar}"
