"""Who may open, run and read scans. Deny by default: each check raises unless the user qualifies.

Answering needs no account: the personal link or the poster is the key. Reading results needs a
place in the school. Running a wave is per school: a person sees the progress, prints the poster
and sends reminders only for the schools of the wave they lead or support; closing it (for every
school at once) is for its opener or for someone who may run all of its schools.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from plg.accounts.models import User
from plg.organisations.models import Aanstelling, Functie, School
from plg.scans.models import Afname, Toegang


def schools_for_waves(user: User | AnonymousUser) -> QuerySet[School]:
    """Schools a user may open a PLG-scan for: the ones they lead, all of the scholengemeenschap
    for a coördinerend directeur, and the ones an advisor supports."""
    if not user.is_authenticated:
        return School.objects.none()
    mine = Aanstelling.objects.filter(user=user)
    return School.objects.filter(
        Q(aanstellingen__in=mine.leaders())
        | Q(aanstellingen__in=mine.advisors())
        | Q(
            scholengemeenschap__in=mine.filter(functie=Functie.COORDINEREND_DIRECTEUR).values(
                "school__scholengemeenschap"
            )
        )
    ).distinct()


def _runs(user: User | AnonymousUser, *, wave: str, school: str) -> Q:
    """The one rule for running a wave, as a condition on a (wave, school) pair reached by the
    lookups ``wave`` and ``school``: the wave's opener chose every school of it, so runs them
    all; anyone else runs the schools they lead or support (all of the scholengemeenschap for
    a coördinerend directeur). A Zelfscan is run inside its PLG, not here."""
    if not user.is_authenticated:
        return Q(pk__in=[])

    def at(field: str) -> str:
        return f"{wave}__{field}" if wave else field

    return Q(**{at("plg"): None}) & (
        Q(**{at("opened_by"): user}) | Q(**{f"{school}__in": schools_for_waves(user)})
    )


def afnames_to_run(user: User) -> QuerySet[Afname]:
    """The waves this person runs in at least one school."""
    return Afname.objects.filter(
        pk__in=Afname.objects.filter(_runs(user, wave="", school="schools")).values("pk")
    )


def toegangen_to_run(user: User) -> QuerySet[Toegang]:
    """The ways in (personal links, posters) of the schools this person runs, in every wave:
    the progress they see, the posters they print, the mails they may send again."""
    return Toegang.objects.filter(_runs(user, wave="afname", school="school"))


def schools_to_run(user: User, afname: Afname) -> QuerySet[School]:
    """The schools of a wave this person acts on: progress, posters and reminders."""
    return School.objects.filter(Q(afnames=afname) & _runs(user, wave="afnames", school="pk"))


def may_run(user: User | AnonymousUser, afname: Afname) -> bool:
    """Whoever opened the wave, or may run at least one of its schools, sees it."""
    if afname.is_zelfscan or not user.is_authenticated:
        return False
    if afname.opened_by_id == user.pk:  # the rule's first half, known without a query
        return True
    return afnames_to_run(user).filter(pk=afname.pk).exists()


def may_close(user: User, afname: Afname) -> bool:
    """Closing ends the wave for every school: for its opener, or for someone who may run each
    of its schools."""
    if not may_run(user, afname):
        return False
    if afname.opened_by_id == user.pk:
        return True
    return not afname.schools.exclude(pk__in=schools_for_waves(user).values("pk")).exists()


def get_afname_to_run(user: User, pk: int) -> Afname:
    afname = get_object_or_404(Afname, pk=pk, plg=None)
    if not may_run(user, afname):
        raise Http404
    return afname


def get_afname_to_close(user: User, pk: int) -> Afname:
    """404 for whoever may not see the wave; 403 for a runner of only some of its schools."""
    afname = get_afname_to_run(user, pk)
    if not may_close(user, afname):
        raise PermissionDenied
    return afname


def get_school_to_run(user: User, afname: Afname, school_pk: int) -> School:
    return get_object_or_404(schools_to_run(user, afname), pk=school_pk)


def may_read_school(user: User, school: School) -> bool:
    """A school's results are for everyone placed in it: team, leaders and its advisors."""
    return Aanstelling.objects.filter(user=user, school=school).exists() or (
        schools_for_waves(user).filter(pk=school.pk).exists()
    )


def get_report(user: User, afname_pk: int, school_pk: int) -> tuple[Afname, School]:
    """A closed wave's report for one of its schools, for those who may read that school."""
    afname = get_object_or_404(Afname, pk=afname_pk, plg=None, closed_at__isnull=False)
    school = get_object_or_404(afname.schools.all(), pk=school_pk)
    if not may_read_school(user, school):
        raise Http404
    return afname, school


def get_toegang(token: str, user: User | AnonymousUser) -> Toegang:
    """A way in by its token. A Zelfscan link belongs to a signed-in member: only they open it."""
    toegang = get_object_or_404(
        Toegang.objects.select_related("afname", "school", "afname__plg"), token=token
    )
    if toegang.afname.is_zelfscan and toegang.user_id != user.pk:
        raise Http404
    return toegang
