"""Forgetting a person (``manage.py vergeet``): every row that points at them is removed or
kept by "een oud-lid", as ``rules.REGELS`` says per model and field; then the person goes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.db import models, transaction
from django.db.models import Count, Q

from plg.accounts.models import User
from plg.bibliotheek.models import Bibliotheekitem
from plg.communities.models import PLG, Fase, Rol
from plg.communities.sharing import Audience
from plg.privacy.rules import REGELS, Actie

OUD_LID_EMAIL = "oud-lid@vergeten.invalid"
OUD_LID_NAAM = "een oud-lid"


def oud_lid() -> User:
    """The one stand-in for everyone forgotten: what they wrote for others stays, by nobody
    who can be told apart or signed in as."""
    user, _ = User.objects.get_or_create(
        email=OUD_LID_EMAIL,
        defaults={"first_name": OUD_LID_NAAM, "is_active": False, "password": make_password(None)},
    )
    return user


@dataclass(frozen=True)
class Stap:
    """One thing forgetting does: to the rows of ``model`` pointing at the person by ``veld``."""

    model: str
    veld: str
    actie: Actie
    rows: models.QuerySet[Any]
    m2m: bool = False


def _stappen(user: User) -> Iterator[Stap]:
    for label, regel in REGELS.items():
        model = apps.get_model(label)
        for veld, actie in regel.personen.items():
            field = model._meta.get_field(veld)
            if field.many_to_many:
                through = field.remote_field.through
                target = field.m2m_reverse_field_name()
                yield Stap(label, veld, actie, through.objects.filter(**{target: user}), True)
            elif actie == Actie.PUBLIEK:
                mine = model._default_manager.filter(**{veld: user})
                yield Stap(label, veld, Actie.WISSEN, mine.filter(audience=Audience.ALLEEN_IK))
                yield Stap(label, veld, Actie.ANONIEM, mine.exclude(audience=Audience.ALLEEN_IK))
            else:
                yield Stap(label, veld, actie, model._default_manager.filter(**{veld: user}))
        if regel.email:
            rows = model._default_manager.filter(**{f"{regel.email}__iexact": user.email})
            yield Stap(label, regel.email, Actie.WISSEN, rows)


def plan(user: User) -> list[tuple[str, str, Actie, int]]:
    """What forgetting ``user`` would do, counted, without writing anything."""
    return [(s.model, s.veld, s.actie, s.rows.count()) for s in _stappen(user)]


def _apply(stap: Stap, stand_in: User) -> None:
    if stap.m2m or stap.actie == Actie.WISSEN:
        stap.rows.delete()
    elif stap.actie == Actie.ANONIEM:
        stap.rows.update(**{stap.veld: stand_in})
    else:
        stap.rows.update(**{stap.veld: None})


def _scrub_library(user: User) -> None:
    """A PLG published with names lists them in one line: the person's name becomes
    "een oud-lid" there."""
    naam = user.display_name
    for item in Bibliotheekitem.objects.filter(namen__contains=naam):
        item.namen = ", ".join(
            OUD_LID_NAAM if part == naam else part for part in item.namen.split(", ")
        )
        item.save(update_fields=["namen"])


def coached_alone(user: User) -> models.QuerySet[PLG]:
    """Running PLG's that would lose their only procescoach: hand the role over first."""
    coaches = Count("lidmaatschappen", filter=Q(lidmaatschappen__rol=Rol.PROCESCOACH))
    return (
        PLG.objects.filter(lidmaatschappen__user=user, lidmaatschappen__rol=Rol.PROCESCOACH)
        .exclude(fase=Fase.AFGESLOTEN)
        .annotate(coaches=coaches)
        .filter(coaches=1)
        .order_by("name")
    )


@transaction.atomic
def vergeet(*, user: User) -> list[tuple[str, str, Actie, int]]:
    """Forget ``user``, all or nothing; returns what was done, as ``plan`` counts it."""
    if user.email == OUD_LID_EMAIL:
        raise ValueError("the stand-in for forgotten people cannot be forgotten")
    done = plan(user)
    stand_in = oud_lid()
    for stap in _stappen(user):
        _apply(stap, stand_in)
    _scrub_library(user)
    for log in (AccessAttempt, AccessFailureLog, AccessLog):
        log.objects.filter(username__iexact=user.email).delete()
    user.delete()
    return done
