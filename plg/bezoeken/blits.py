"""Blitsbezoeken: ten to fifteen minutes in a colleague's class, one appreciation, one question.

Most come from a round the school planned (``Bezoekronde`` with soort blits); a teacher may also
invite one colleague for a single blitsbezoek, the way every visit is invited
(``services.invite_bezoeker`` with soort blits, which asks ``blits_minuten_error``). The observed
teacher reads the feedback; anyone else only when its audience says so
(``Blitsfeedback.objects.visible_to``).
"""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plg.accounts.models import User
from plg.bezoeken.models import Blitsfeedback, Klasbezoek, Soort, Status

BLITS_MINUTEN = range(10, 16)
"""Short enough to fit in any lesson, long enough to see something worth a question."""


def blits_minuten_error(minuten: int) -> str | None:
    if minuten in BLITS_MINUTEN:
        return None
    return _("Een blitsbezoek duurt %(van)s tot %(tot)s minuten, niet %(minuten)s.") % {
        "van": BLITS_MINUTEN[0],
        "tot": BLITS_MINUTEN[-1],
        "minuten": minuten,
    }


def check_blits_minuten(minuten: int) -> None:
    error = blits_minuten_error(minuten)
    if error:
        raise ValidationError(error, code="blits_duur")


def check_later(begin: datetime) -> None:
    if begin <= timezone.now():
        raise ValidationError(
            _("Kies een moment dat nog moet komen: je nodigt iemand uit voor later."),
            code="verleden",
        )


def may_leave_feedback(bezoek: Klasbezoek, user: User) -> bool:
    """The visitor, once the blitsbezoek has begun and while it is not cancelled."""
    return (
        bezoek.soort == Soort.BLITS
        and bezoek.bezoeker_id == user.pk
        and not bezoek.ingetrokken
        and bezoek.begin <= timezone.now()
    )


def leave_blitsfeedback(
    *, bezoek: Klasbezoek, author: User, waardering: str, vraag: str, audience: str
) -> Blitsfeedback:
    """Left once, changed later by the same visitor: one sentence and one question per visit."""
    feedback, _created = Blitsfeedback.objects.update_or_create(
        bezoek=bezoek,
        defaults={
            "author": author,
            "waardering": waardering,
            "vraag": vraag,
            "audience": audience,
        },
    )
    return feedback


def feedback_voor_mij(user: User) -> QuerySet[Blitsfeedback]:
    """What visitors left in my class, as far as its audience lets me read it."""
    return (
        Blitsfeedback.objects.visible_to(user)
        .filter(bezoek__geobserveerde=user, bezoek__soort=Soort.BLITS)
        .select_related("bezoek", "author")
        .order_by("-bezoek__begin", "-id")
    )


def mijn_blitsbezoeken(user: User) -> QuerySet[Klasbezoek]:
    """The blitsbezoeken I make or receive, and whether the visitor left feedback yet."""
    return (
        Klasbezoek.objects.of(user)
        .filter(soort=Soort.BLITS)
        .exclude(status=Status.GEANNULEERD)
        .select_related("geobserveerde", "bezoeker", "ronde")
        .annotate(heeft_feedback=Exists(Blitsfeedback.objects.filter(bezoek=OuterRef("pk"))))
        .order_by("-begin", "-id")
    )
