"""Who may plan what. Deny by default.

A PLG's moments are searched by its procescoach. Month plans belong to the school's planners and
leaders, or to the coördinerend directeur for the whole scholengemeenschap. Visit rounds likewise; their teachers
sign up, and a teacher asks for moments with a colleague of their scholengemeenschap.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from plg.accounts.models import User
from plg.bezoeken.authorizers import colleagues, teachers
from plg.bezoeken.models import Bezoekronde
from plg.organisations.models import Aanstelling, Functie
from plg.planning.models import Maandplan
from plg.roosters.authorizers import coordinated, schools_to_plan

TEACHING = (
    Functie.LERAAR,
    Functie.BEGINNENDE_LERAAR,
    Functie.ZORGCOORDINATOR,
    Functie.AANVANGSBEGELEIDER,
)


def may_see_maandplan(user: User, maandplan: Maandplan) -> bool:
    if maandplan.school_id is not None:
        return schools_to_plan(user).filter(pk=maandplan.school_id).exists()
    return coordinated(user).filter(pk=maandplan.scholengemeenschap_id).exists()


def get_maandplan(user: User, pk: int) -> Maandplan:
    maandplan = get_object_or_404(
        Maandplan.objects.select_related("school", "scholengemeenschap", "door"), pk=pk
    )
    if not may_see_maandplan(user, maandplan):
        raise Http404
    return maandplan


def may_organise_ronde(user: User, ronde: Bezoekronde) -> bool:
    """A school's round is for its planners and leaders; a scholengemeenschap's for its
    coördinerend directeur."""
    if ronde.school_id is not None:
        return schools_to_plan(user).filter(pk=ronde.school_id).exists()
    return coordinated(user).filter(pk=ronde.scholengemeenschap_id).exists()


def may_join_ronde(user: User, ronde: Bezoekronde) -> bool:
    """Teachers of the round's school (of any school of its scholengemeenschap) take part."""
    aanstellingen = Aanstelling.objects.filter(user=user, functie__in=TEACHING)
    if ronde.school_id is not None:
        return aanstellingen.filter(school=ronde.school_id).exists()
    return aanstellingen.filter(school__scholengemeenschap=ronde.scholengemeenschap_id).exists()


def get_bezoekronde(user: User, pk: int, *, organiser: bool = False) -> tuple[Bezoekronde, bool]:
    """The round and whether this user organises it; 404 for anyone else (and, with
    ``organiser``, for its participants)."""
    ronde = get_object_or_404(
        Bezoekronde.objects.select_related("school", "scholengemeenschap"), pk=pk
    )
    organiseert = may_organise_ronde(user, ronde)
    if not organiseert and (organiser or not may_join_ronde(user, ronde)):
        raise Http404
    return ronde, organiseert


def get_collega(user: User, pk: int) -> User:
    """A colleague to visit or to invite, for someone with a class of their own: one of
    ``bezoeken``'s list of colleagues."""
    if not teachers().filter(user=user).exists():
        raise Http404
    collega = colleagues(user).filter(pk=pk).first()
    if collega is None:
        raise Http404
    return collega
