"""A school's week as the planner needs it: periods, free days, who teaches when, who is busy."""

from __future__ import annotations

from datetime import time

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plg.core.validators import sensible_date, single_line
from plg.organisations.models import School


class Dag(models.IntegerChoices):
    MAANDAG = 0, _("maandag")
    DINSDAG = 1, _("dinsdag")
    WOENSDAG = 2, _("woensdag")
    DONDERDAG = 3, _("donderdag")
    VRIJDAG = 4, _("vrijdag")


class Kalender(models.Model):
    """The school calendar's settings; the periods and free days hang under it."""

    school = models.OneToOneField(School, on_delete=models.CASCADE, related_name="kalender")
    woensdag_tot = models.PositiveSmallIntegerField(
        _("laatste lesuur op woensdag"),
        default=4,
        help_text=_("Na dit lesuur is de woensdagnamiddag vrij van lessen."),
    )
    na_school = models.TimeField(_("begin van een bijeenkomst na school"), default=time(15, 45))
    vrij_begin = models.TimeField(
        _("begin van een bijeenkomst op een dag zonder leerlingen"), default=time(9, 0)
    )
    vervang_max_week = models.PositiveSmallIntegerField(
        _("vervanguren per vervanger per week"), default=2
    )
    na_school_max_maand = models.PositiveSmallIntegerField(
        _("bijeenkomsten na school per leraar per maand"), default=2
    )

    class Meta:
        verbose_name = _("schoolkalender")
        verbose_name_plural = _("schoolkalenders")

    def __str__(self) -> str:
        return str(self.school)


class Lesuur(models.Model):
    kalender = models.ForeignKey(Kalender, on_delete=models.CASCADE, related_name="lesuren")
    nummer = models.PositiveSmallIntegerField(_("lesuur"))
    begin = models.TimeField(_("begin"))
    einde = models.TimeField(_("einde"))

    class Meta:
        verbose_name = _("lesuur")
        verbose_name_plural = _("lesuren")
        ordering = ["nummer"]
        constraints = [
            models.UniqueConstraint(fields=["kalender", "nummer"], name="unique_lesuur"),
            models.CheckConstraint(
                condition=models.Q(einde__gt=models.F("begin")), name="lesuur_duurt"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nummer} ({self.begin:%H:%M}–{self.einde:%H:%M})"


class SoortVrij(models.TextChoices):
    VAKANTIE = "vakantie", _("vakantie of vrije dag")
    ZONDER_LEERLINGEN = "zonder_leerlingen", _("dag zonder leerlingen")


class VrijeDagen(models.Model):
    """A holiday (nobody meets) or a day without pupils (the team meets without substitutes)."""

    kalender = models.ForeignKey(Kalender, on_delete=models.CASCADE, related_name="vrije_dagen")
    van = models.DateField(_("van"), validators=[sensible_date])
    tot = models.DateField(_("tot en met"), validators=[sensible_date])
    soort = models.CharField(_("soort"), max_length=20, choices=SoortVrij.choices)
    omschrijving = models.CharField(
        _("omschrijving"), max_length=100, blank=True, validators=[single_line]
    )

    class Meta:
        verbose_name = _("vrije dagen")
        verbose_name_plural = _("vrije dagen")
        ordering = ["van"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tot__gte=models.F("van")), name="vrij_tot_na_van"
            )
        ]

    def __str__(self) -> str:
        return self.omschrijving or str(self.get_soort_display())


class Les(models.Model):
    """One weekly lesson of a teacher, as imported from the school's timetable."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="lessen")
    leerkracht = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lessen"
    )
    dag = models.PositiveSmallIntegerField(_("dag"), choices=Dag.choices)
    lesuur = models.PositiveSmallIntegerField(_("lesuur"))
    groep = models.CharField(_("klas of groep"), max_length=50, blank=True)
    vak = models.CharField(_("vak"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("les")
        verbose_name_plural = _("lessen")
        ordering = ["dag", "lesuur"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "leerkracht", "dag", "lesuur"], name="one_lesson_at_a_time"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_dag_display()} {self.lesuur}: {self.groep} {self.vak}".strip()


class Leerkrachtcode(models.Model):
    """The short code a timetable program uses for a teacher (Untis' Kürzel)."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="leerkrachtcodes")
    code = models.CharField(_("code"), max_length=20)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="leerkrachtcodes"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["school", "code"], name="unique_leerkrachtcode")
        ]

    def __str__(self) -> str:
        return self.code


class Bezetting(models.Model):
    """A time a person is busy, from their own calendar. Only the time is kept, never the title."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bezettingen"
    )
    begin = models.DateTimeField()
    einde = models.DateTimeField()

    class Meta:
        ordering = ["begin"]
        indexes = [models.Index(fields=["user", "begin"])]

    def __str__(self) -> str:
        return f"{self.user}: {timezone.localtime(self.begin):%d/%m %H:%M}"


class Planner(models.Model):
    """A staff member the school leader lets import timetables and plan for the school."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="planners")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="planner_voor"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["school", "user"], name="unique_planner")]

    def __str__(self) -> str:
        return f"{self.user} – {self.school}"


class Kruisvervanger(models.Model):
    """Someone of another school of the scholengemeenschap who may cover classes here."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="kruisvervangers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vervangt_ook"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["school", "user"], name="unique_kruisvervanger")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.school}"


class Roosterimport(models.Model):
    """What was imported when and by whom, so a planner knows how fresh the timetable is."""

    class Soort(models.TextChoices):
        LESSEN_CSV = "lessen_csv", _("lessen (CSV)")
        UNTIS = "untis", _("Untis (GPU)")
        ICAL = "ical", _("agenda (iCalendar)")
        PERSONEEL = "personeel", _("personeelslijst (CSV)")

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="roosterimports")
    soort = models.CharField(max_length=20, choices=Soort.choices)
    bestanden = models.CharField(max_length=300)
    aantal = models.PositiveIntegerField()
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-op"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.op:%d/%m/%Y}"
