"""A bijeenkomst run live: where the group is in the stramien, the clock, and the cards on the boards.

Every change is stored at once, so a dropped connection or a restarted server loses nothing:
a client that (re)connects simply receives the current state.
"""

from __future__ import annotations

import secrets
from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plg.communities.sharing import Audience, Shared
from plg.core.validators import single_line
from plg.meetings.models import AgendaBlok, Bijeenkomst

SMALL_GROUP = 3  # in a group this small, who wrote an anonymous card is easy to guess
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread on a projector


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))


class LiveSessie(models.Model):
    bijeenkomst = models.OneToOneField(Bijeenkomst, on_delete=models.CASCADE, related_name="live")
    code = models.CharField(max_length=8, unique=True, default=new_code)
    current_blok = models.ForeignKey(
        AgendaBlok, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    running = models.BooleanField(default=False)
    clock_started_at = models.DateTimeField(null=True, blank=True)
    elapsed_seconds = models.PositiveIntegerField(default=0)
    extra_seconds = models.IntegerField(default=0)
    turn = models.PositiveSmallIntegerField(default=0)
    turn_started_at = models.DateTimeField(null=True, blank=True)
    seconds_per_turn = models.PositiveSmallIntegerField(_("seconden per persoon"), default=60)
    turn_clock = models.BooleanField(_("aftellen per beurt tonen"), default=False)
    revealed_blokken = models.JSONField(default=list, blank=True)  # boards whose cards are shown
    ended_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=0)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    audience = models.CharField(
        _("wie mag de resultaten van de borden lezen?"),
        max_length=10,
        choices=Audience.choices,
        default=Audience.PLG,
    )
    schoolleiders = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="+",
        verbose_name=_("schoolleiders die aanwezig zijn"),
    )

    class Meta:
        verbose_name = _("live bijeenkomst")

    def __str__(self) -> str:
        return f"{self.bijeenkomst} ({self.code})"

    def elapsed(self, now: datetime) -> int:
        if self.running and self.clock_started_at:
            return self.elapsed_seconds + int((now - self.clock_started_at).total_seconds())
        return self.elapsed_seconds

    def remaining(self, now: datetime) -> int:
        """Seconds left in the current step; negative once the time is up."""
        if self.current_blok is None:
            return 0
        return self.current_blok.minutes * 60 + self.extra_seconds - self.elapsed(now)

    @property
    def is_ended(self) -> bool:
        return self.ended_at is not None

    def is_small_group(self) -> bool:
        """Whether the people who write here (members and attending leaders) are so few that
        an anonymous card can often be traced to who wrote it."""
        writers = self.bijeenkomst.plg.lidmaatschappen.count() + self.schoolleiders.count()
        return writers <= SMALL_GROUP

    @property
    def is_over(self) -> bool:
        """Ended by the coach, or its PLG archived: nothing changes here any more."""
        return self.is_ended or self.bijeenkomst.plg.is_archived

    def turn_remaining(self, now: datetime) -> int | None:
        """Seconds left for the person whose turn it is; a guide, never a cut-off, and only
        when the coach chose to show a clock per turn (a countdown can rush someone who
        finds it hard to speak)."""
        if self.turn_started_at is None or not self.turn_clock:
            return None
        return self.seconds_per_turn - int((now - self.turn_started_at).total_seconds())


class Zone(models.TextChoices):
    """Where a card lies on its board."""

    RING_3 = "ring3", _("buitenste ring")
    RING_2 = "ring2", _("ring 2")
    RING_1 = "ring1", _("ring 1")
    CENTRUM = "ring0", _("centrum")
    BORGEN = "borgen", _("borgen")
    BANNEN = "bannen", _("bannen")
    BEGINNEN = "beginnen", _("beginnen")
    STERKTE = "sterkte", _("sterktes")
    ZWAKTE = "zwakte", _("zwaktes")
    KANS = "kans", _("kansen")
    BEDREIGING = "bedreiging", _("bedreigingen")
    ONDERZOEK = "onderzoek", _("onderzoek")
    APPRECIATIE = "appreciatie", _("appreciatie")
    SUGGESTIE = "suggestie", _("suggestie")
    EVALUATIE = "evaluatie", _("evaluatie")
    LOS = "los", _("kaarten")


class Kaart(models.Model):
    """A card on a board. Anonymous cards never reveal their author to anyone but the server;
    a card is anonymous unless its author chooses to show their name (room for dissent)."""

    sessie = models.ForeignKey(LiveSessie, on_delete=models.CASCADE, related_name="kaarten")
    blok = models.ForeignKey(AgendaBlok, on_delete=models.CASCADE, related_name="kaarten")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    anonymous = models.BooleanField(default=True)
    text = models.CharField(max_length=300)
    why = models.CharField(max_length=300, blank=True)
    zone = models.CharField(max_length=12, choices=Zone.choices, default=Zone.LOS)
    parked = models.BooleanField(default=False)
    merged_into = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="merged"
    )
    version = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text


class Zet(models.Model):
    """One move of a card, with the reason the mover gave (KanDoe asks for one)."""

    kaart = models.ForeignKey(Kaart, on_delete=models.CASCADE, related_name="zetten")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    from_zone = models.CharField(max_length=12)
    to_zone = models.CharField(max_length=12)
    reason = models.CharField(max_length=300, blank=True)
    ronde = models.PositiveSmallIntegerField(null=True, blank=True)  # KanDoe's round
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.kaart}: {self.from_zone} → {self.to_zone}"


class Einde(models.TextChoices):
    """Why a KanDoe game ended."""

    STIL = "stil", _("een ronde zonder zetten")
    COACH = "coach", _("de procescoach rondde af")


class Kandoe(models.Model):
    """A KanDoe game on one block: the start question, then rounds in which each member in
    turn moves one card of someone else one ring inwards, or passes.

    The game ends when a whole round goes by without a move (the group is content with the
    order), or when the procescoach rounds it off."""

    sessie = models.ForeignKey(LiveSessie, on_delete=models.CASCADE, related_name="kandoes")
    blok = models.ForeignKey(AgendaBlok, on_delete=models.CASCADE, related_name="+")
    startvraag = models.CharField(_("startvraag"), max_length=300)
    ronde = models.PositiveSmallIntegerField(default=1)
    beurt = models.PositiveSmallIntegerField(default=0)  # place in the turn order this round
    zetten_in_ronde = models.PositiveSmallIntegerField(default=0)
    ended_at = models.DateTimeField(null=True, blank=True)
    einde = models.CharField(max_length=8, choices=Einde.choices, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["sessie", "blok"], name="one_kandoe_per_block")
        ]

    def __str__(self) -> str:
        return self.startvraag

    @property
    def is_ended(self) -> bool:
        return self.ended_at is not None


OASE_FASEN = [Zone.ONDERZOEK, Zone.APPRECIATIE, Zone.SUGGESTIE, Zone.EVALUATIE]


class Intervisie(models.Model):
    """An OASE round on one block: an inbrenger and a theme, four phases of equal time."""

    sessie = models.ForeignKey(LiveSessie, on_delete=models.CASCADE, related_name="intervisies")
    blok = models.ForeignKey(AgendaBlok, on_delete=models.CASCADE, related_name="+")
    inbrenger = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    thema = models.CharField(max_length=300)
    fase = models.PositiveSmallIntegerField(default=0)
    fase_started_at = models.DateTimeField(default=timezone.now)
    fase_minutes = models.JSONField(default=list, blank=True)
    evaluatie = models.TextField(max_length=2000, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["sessie", "blok"], name="one_oase_per_block")
        ]

    def __str__(self) -> str:
        return self.thema

    def fase_seconds(self) -> int:
        """The phase's own minutes when the coach set them, else an equal share of the block."""
        if len(self.fase_minutes) == len(OASE_FASEN):
            return int(self.fase_minutes[self.fase]) * 60
        return self.blok.minutes * 60 // len(OASE_FASEN)

    def fase_remaining(self, now: datetime) -> int:
        return self.fase_seconds() - int((now - self.fase_started_at).total_seconds())


def new_guest_token() -> str:
    return secrets.token_urlsafe(24)


class Gastlink(models.Model):
    """A link for someone from outside the PLG (an expert for the input step): it opens this
    session only, read-only, until it expires or the coach withdraws it."""

    sessie = models.ForeignKey(LiveSessie, on_delete=models.CASCADE, related_name="gastlinks")
    name = models.CharField(_("naam van de gast"), max_length=100, validators=[single_line])
    token = models.CharField(max_length=64, unique=True, default=new_guest_token)
    expires_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["expires_at", "id"]

    def __str__(self) -> str:
        return self.name

    def is_valid(self, now: datetime) -> bool:
        return self.withdrawn_at is None and now < self.expires_at


class Rondebijdrage(Shared):
    """What someone wrote for a check-in or check-out round themselves, with their audience.

    What is said aloud in a round is never stored; only what a person chooses to write."""

    plg_lookup = "sessie__bijeenkomst__plg"

    sessie = models.ForeignKey(LiveSessie, on_delete=models.CASCADE, related_name="bijdragen")
    blok = models.ForeignKey(AgendaBlok, on_delete=models.CASCADE, related_name="+")
    text = models.CharField(_("jouw bijdrage"), max_length=300)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text
