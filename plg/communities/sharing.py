"""Who may read what was written: the one place where audiences are enforced.

Every written thing (note, leerlog entry, check-out record, milestone, proposal, action plan)
carries an explicit audience. Views never filter by audience themselves: they fetch through
``visible_to(user)``, which turns the audience rules into one query.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plg.organisations.models import Aanstelling, School

if TYPE_CHECKING:
    from plg.accounts.models import User


class Audience(models.TextChoices):
    ALLEEN_IK = "ik", _("alleen ik")
    PLG = "plg", _("de PLG")
    PLG_EN_SCHOOLLEIDER = "leiding", _("PLG en schoolleider")
    TEAM = "team", _("het hele team")
    NETWERK = "netwerk", _("het netwerk")


_AT_LEAST_PLG = [Audience.PLG, Audience.PLG_EN_SCHOOLLEIDER, Audience.TEAM, Audience.NETWERK]
_AT_LEAST_LEADER = [Audience.PLG_EN_SCHOOLLEIDER, Audience.TEAM, Audience.NETWERK]
_AT_LEAST_TEAM = [Audience.TEAM, Audience.NETWERK]


def audience_q(user: User | Any, plg_lookup: str, author_lookup: str = "author") -> Q:
    """A filter for rows whose audience includes ``user``.

    - alleen ik: the author;
    - de PLG: also the active members of the PLG;
    - PLG en schoolleider: also the leaders of the PLG's schools;
    - het hele team: also the staff of the PLG's schools (advisors are not team);
    - het netwerk: also everyone placed at a school of the same scholengemeenschap,
      the advisors who support those schools included.
    """
    from plg.communities.models import PLG, Lidmaatschap

    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    mine = Aanstelling.objects.filter(user=user)
    member_plgs = Lidmaatschap.objects.filter(user=user).values("plg_id")
    schools_through = PLG.schools.through.objects
    led_plgs = schools_through.filter(school_id__in=mine.leaders().values("school_id")).values(
        "plg_id"
    )
    team_plgs = schools_through.filter(school_id__in=mine.team().values("school_id")).values(
        "plg_id"
    )
    network_plgs = PLG.objects.filter(
        scholengemeenschap_id__in=School.objects.filter(aanstellingen__user=user).values(
            "scholengemeenschap_id"
        )
    ).values("id")
    plg_in = f"{plg_lookup}__in"
    return (
        Q(**{author_lookup: user})
        | Q(audience__in=_AT_LEAST_PLG, **{plg_in: member_plgs})
        | Q(audience__in=_AT_LEAST_LEADER, **{plg_in: led_plgs})
        | Q(audience__in=_AT_LEAST_TEAM, **{plg_in: team_plgs})
        | Q(audience=Audience.NETWERK, **{plg_in: network_plgs})
    )


_S = TypeVar("_S", bound="Shared")


def editable(queryset: Any, user: Any) -> Any:
    """The single row behind an edit form, or None; refused if it was not shared with the editor.

    A co-coach must not open (and republish) what another coach kept to themselves.
    """
    row = queryset.first()
    if row is not None and not queryset.visible_to(user).filter(pk=row.pk).exists():
        raise PermissionDenied
    return row


class SharedQuerySet(models.QuerySet[_S]):
    def visible_to(self, user: User | Any) -> SharedQuerySet[_S]:
        return self.filter(audience_q(user, self.model.plg_lookup))


class Shared(models.Model):
    """Something a person wrote, with who may read it."""

    plg_lookup: ClassVar[str] = "plg"

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("auteur"),
    )
    audience = models.CharField(
        _("wie mag dit lezen?"), max_length=10, choices=Audience.choices, default=Audience.PLG
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SharedQuerySet.as_manager()

    class Meta:
        abstract = True
