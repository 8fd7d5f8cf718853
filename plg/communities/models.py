from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plg.communities.lfl import Principe
from plg.communities.sharing import Shared
from plg.communities.versions import Versioned
from plg.core.validators import sensible_date, single_line
from plg.organisations.models import Scholengemeenschap, School


class Fase(models.TextChoices):
    VERKENNEN = "verkennen", _("verkennen")
    LEERVRAAG = "leervraag", _("leervraag")
    ACTIEPLAN = "actieplan", _("actieplan")
    AAN_DE_SLAG = "aan_de_slag", _("aan de slag")
    AFRONDEN = "afronden", _("afronden")
    AFGESLOTEN = "afgesloten", _("afgesloten")


FASE_ORDER = list(Fase)


class PLGQuerySet(models.QuerySet["PLG"]):
    def of_schools(self, school_ids: Iterable[int]) -> PLGQuerySet:
        return self.filter(
            id__in=PLG.schools.through.objects.filter(school_id__in=school_ids).values("plg_id")
        )


class PLG(Versioned):
    """A professionele leergemeenschap: a voluntary group learning around one practice need."""

    versioned_fields = ("name", "praktijknood")

    name = models.CharField(_("naam"), max_length=150, validators=[single_line])
    scholengemeenschap = models.ForeignKey(
        Scholengemeenschap, on_delete=models.PROTECT, related_name="plgs"
    )
    schools = models.ManyToManyField(School, related_name="plgs", verbose_name=_("scholen"))
    fase = models.CharField(_("fase"), max_length=20, choices=Fase.choices, default=Fase.VERKENNEN)
    praktijknood = models.TextField(
        _("praktijknood"),
        max_length=4000,
        blank=True,
        help_text=_("Wat merken jullie in de dagelijkse praktijk? Een vaststelling is genoeg."),
    )
    gekozen_leervraag = models.ForeignKey(
        "Leervraag", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = PLGQuerySet.as_manager()

    class Meta:
        verbose_name = _("PLG")
        verbose_name_plural = _("PLG's")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_archived(self) -> bool:
        return self.fase == Fase.AFGESLOTEN

    def allowed_fases(self) -> list[Fase]:
        """Any earlier phase, or the next one: the phase guides, it does not lock.

        Closing is only possible from 'afronden', and an archived PLG stays closed.
        """
        if self.is_archived:
            return []
        index = FASE_ORDER.index(Fase(self.fase))
        allowed = FASE_ORDER[:index]
        if index + 1 < len(FASE_ORDER):
            allowed.append(FASE_ORDER[index + 1])
        return allowed

    @property
    def fase_index(self) -> int:
        return FASE_ORDER.index(Fase(self.fase))

    def suggested_fase(self, *, has_actieplan: bool) -> Fase | None:
        """The phase the work points to, while the PLG is still in an earlier one: a chosen
        leervraag points to the actieplan, a written actieplan to aan de slag.

        A suggestion for the coach, never a move: a group may choose a leervraag early and go
        on exploring, or go back to an earlier phase on purpose.
        """
        if self.is_archived:
            return None
        if has_actieplan:
            target = Fase.AAN_DE_SLAG
        elif self.gekozen_leervraag_id is not None:
            target = Fase.ACTIEPLAN
        else:
            return None
        return target if FASE_ORDER.index(target) > self.fase_index else None


class Rol(models.TextChoices):
    PROCESCOACH = "procescoach", _("procescoach")
    LID = "lid", _("lid")


class Lidmaatschap(models.Model):
    plg = models.ForeignKey(PLG, on_delete=models.CASCADE, related_name="lidmaatschappen")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lidmaatschappen"
    )
    rol = models.CharField(_("rol"), max_length=20, choices=Rol.choices, default=Rol.LID)
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        ordering = ["-rol", "user__first_name"]
        constraints = [models.UniqueConstraint(fields=["plg", "user"], name="unique_lid")]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_rol_display()})"

    @property
    def is_coach(self) -> bool:
        return self.rol == Rol.PROCESCOACH


def _new_token() -> str:
    return secrets.token_urlsafe(32)


class UitnodigingStatus(models.TextChoices):
    OPEN = "open", _("open")
    AANVAARD = "aanvaard", _("aanvaard")
    AFGEWEZEN = "afgewezen", _("afgewezen")
    INGETROKKEN = "ingetrokken", _("ingetrokken")


class Uitnodiging(models.Model):
    """An invitation to join: voluntary, so declining is as easy as accepting."""

    plg = models.ForeignKey(PLG, on_delete=models.CASCADE, related_name="uitnodigingen")
    email = models.EmailField(_("e-mailadres"))
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="+")
    message = models.TextField(_("persoonlijke boodschap"), max_length=2000, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True, default=_new_token)
    status = models.CharField(
        max_length=20, choices=UitnodigingStatus.choices, default=UitnodigingStatus.OPEN
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.plg}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.expires_at:
            self.expires_at = timezone.now() + timedelta(days=settings.PLG_INVITATION_DAYS)
        super().save(*args, **kwargs)

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def is_open(self) -> bool:
        return (
            self.status == UitnodigingStatus.OPEN
            and not self.is_expired
            and not self.plg.is_archived
        )


class Prioriteerbaar(models.Model):
    """Something the group orders by priority, or parks to come back to later."""

    position = models.PositiveIntegerField(default=0)
    parked = models.BooleanField(_("geparkeerd"), default=False)

    class Meta:
        abstract = True


class Thema(Prioriteerbaar):
    plg = models.ForeignKey(PLG, on_delete=models.CASCADE, related_name="themas")
    title = models.CharField(_("thema"), max_length=200, validators=[single_line])
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["parked", "position", "id"]

    def __str__(self) -> str:
        return self.title


class Leervraag(Prioriteerbaar):
    """A candidate learning question; its wording evolves, and every version is kept."""

    plg = models.ForeignKey(PLG, on_delete=models.CASCADE, related_name="leervragen")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    current_text = models.TextField(_("leervraag"), max_length=500)

    class Meta:
        verbose_name = _("leervraag")
        verbose_name_plural = _("leervragen")
        ordering = ["parked", "position", "id"]

    def __str__(self) -> str:
        return self.current_text


class LeervraagVersie(models.Model):
    """One step in the growth of a question. The check's verdict is not kept: it helps while
    writing and does not judge the writer afterwards (decision 54)."""

    leervraag = models.ForeignKey(Leervraag, on_delete=models.CASCADE, related_name="versies")
    text = models.TextField(_("leervraag"), max_length=500)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.text


class Actieplan(Versioned, Shared):
    versioned_fields = ("target_date", "gewenste_verandering", "aanpak", "audience")

    plg = models.OneToOneField(PLG, on_delete=models.CASCADE, related_name="actieplan")
    target_date = models.DateField(_("tegen wanneer?"), validators=[sensible_date])
    gewenste_verandering = models.TextField(
        _("wat willen we dan gewijzigd zien in de praktijk?"), max_length=4000
    )
    aanpak = models.TextField(_("hoe pakken we het aan?"), max_length=4000, blank=True)

    class Meta:
        verbose_name = _("actieplan")

    def __str__(self) -> str:
        return f"{self.plg} – {self.target_date}"


class Mijlpaal(Versioned, Shared):
    versioned_fields = ("title", "due_date", "audience", "celebrated_on", "celebration_note")

    plg = models.ForeignKey(PLG, on_delete=models.CASCADE, related_name="mijlpalen")
    title = models.CharField(_("mijlpaal"), max_length=200, validators=[single_line])
    due_date = models.DateField(_("datum"), validators=[sensible_date])
    celebrated_on = models.DateField(
        _("gevierd op"), null=True, blank=True, validators=[sensible_date]
    )
    celebration_note = models.TextField(_("hoe vierden we het?"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("mijlpaal")
        verbose_name_plural = _("mijlpalen")
        ordering = ["due_date", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_celebrated(self) -> bool:
        return self.celebrated_on is not None


class Notitie(Shared):
    plg = models.ForeignKey(PLG, on_delete=models.CASCADE, related_name="notities")
    text = models.TextField(_("notitie"), max_length=4000)

    class Meta:
        verbose_name = _("notitie")
        verbose_name_plural = _("notities")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.text[:60]

    def principe_keys(self) -> list[str]:
        """Its Leadership-for-Learning tags (prefetch ``principes`` for a list of notes)."""
        return [tag.principe for tag in self.principes.all()]


class Afronding(Versioned, Shared):
    """The end of a PLG: a proposal to the whole team and a celebration."""

    versioned_fields = ("voorstel", "audience", "viering_datum", "viering_notitie")

    plg = models.OneToOneField(PLG, on_delete=models.CASCADE, related_name="afronding")
    voorstel = models.TextField(_("voorstel aan het team"), max_length=10000)
    viering_datum = models.DateField(
        _("datum van de viering"), null=True, blank=True, validators=[sensible_date]
    )
    viering_notitie = models.TextField(_("hoe vieren we het?"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("afronding")

    def __str__(self) -> str:
        return f"{self.plg}"


class Bijlage(models.Model):
    afronding = models.ForeignKey(Afronding, on_delete=models.CASCADE, related_name="bijlagen")
    file = models.FileField(_("bijlage"), upload_to="voorstellen/%Y/")
    name = models.CharField(max_length=200)
    uploaded_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.name


class NotitiePrincipe(models.Model):
    """A Leadership-for-Learning principle a coach recognised in a note (``lfl.Principe``)."""

    notitie = models.ForeignKey(Notitie, on_delete=models.CASCADE, related_name="principes")
    principe = models.CharField(_("principe"), max_length=30, choices=Principe.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["notitie", "principe"], name="notitie_principe_once")
        ]

    def __str__(self) -> str:
        return self.get_principe_display()


class Bron(models.Model):
    """Something the PLG found that helped it answer its leervraag: a book, a site, a school
    with the same need, a person (recommendation 8). The members' own; shown in the archive."""

    plg = models.ForeignKey(PLG, on_delete=models.CASCADE, related_name="bronnen")
    leervraag = models.ForeignKey(
        Leervraag,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bronnen",
        verbose_name=_("bij welke leervraag?"),
    )
    titel = models.CharField(_("titel"), max_length=200, validators=[single_line])
    link = models.URLField(_("link"), max_length=500, blank=True, validators=[single_line])
    beschrijving = models.TextField(
        _("beschrijving"),
        max_length=2000,
        blank=True,
        help_text=_("Geen link? Zeg waar we het vinden: een boek, een school, een persoon."),
    )
    waarom = models.TextField(_("waarom hielp het ons?"), max_length=2000)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("bron")
        verbose_name_plural = _("bronnen")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.titel
