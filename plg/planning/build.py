"""From the database to the plain planning problem, in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from django.db.models import Q

from plg.accounts.models import User
from plg.communities.models import PLG, Lidmaatschap
from plg.meetings.models import Bijeenkomst
from plg.meetings.services import default_duration
from plg.organisations.models import Aanstelling, School
from plg.planning import problem as p
from plg.planning.models import Vervangbeurt
from plg.roosters.models import Bezetting, Kalender, Kruisvervanger, Les, SoortVrij
from plg.roosters.services import kalender_van


def plain_kalender(kalender: Kalender, van: date, tot: date) -> p.Kalender:
    vakantie: set[date] = set()
    zonder: set[date] = set()
    for vrij in kalender.vrije_dagen.all():
        target = vakantie if vrij.soort == SoortVrij.VAKANTIE else zonder
        target.update(d for d in p.dagen(max(vrij.van, van), min(vrij.tot, tot)))
    return p.Kalender(
        school=kalender.school_id,
        lesuren=tuple(p.LesuurTijd(u.nummer, u.begin, u.einde) for u in kalender.lesuren.all()),
        woensdag_tot=kalender.woensdag_tot,
        na_school=kalender.na_school,
        vrij_begin=kalender.vrij_begin,
        vakantie=frozenset(vakantie),
        zonder_leerlingen=frozenset(zonder),
    )


def kalender_rows(schools: Iterable[School]) -> list[Kalender]:
    """Every school's calendar with its periods and free days; a missing one gets the default."""
    ids = {s.pk for s in schools}
    have = set(Kalender.objects.filter(school__in=ids).values_list("school_id", flat=True))
    for school in schools:
        if school.pk not in have:
            kalender_van(school)
    return list(Kalender.objects.filter(school__in=ids).prefetch_related("lesuren", "vrije_dagen"))


def day_window(van: date, tot: date) -> tuple[datetime, datetime]:
    return (
        datetime.combine(van, time.min, tzinfo=p.BRUSSELS),
        datetime.combine(tot + timedelta(days=1), time.min, tzinfo=p.BRUSSELS),
    )


def probleem(
    *,
    schools: Sequence[School],
    plgs: Sequence[PLG],
    van: date,
    tot: date,
    aantal: int = 2,
    min_dagen_tussen: int = 7,
) -> p.Probleem:
    """The teachers of these schools and the members of these PLG's, with what keeps them busy.

    What is already planned counts: bijeenkomsten and substitution duties are busy times, and a
    PLG's meetings already in the range lower how many are still to place.
    """
    school_ids = [s.pk for s in schools]
    window = day_window(van, tot)
    plg_ids = [plg.pk for plg in plgs]
    leden: dict[int, list[int]] = defaultdict(list)
    for plg_id, user_id in Lidmaatschap.objects.filter(plg__in=plg_ids).values_list(
        "plg_id", "user_id"
    ):
        leden[plg_id].append(user_id)
    member_ids = {u for users in leden.values() for u in users}
    leerkrachten = leerkrachten_met_week(school_ids, member_ids, window)
    geplande, vaste_dagen = _planned(plg_ids, window, timedelta(days=min_dagen_tussen))
    groepen = tuple(
        p.Groep(
            id=plg.pk,
            naam=plg.name,
            leden=tuple(sorted(leden.get(plg.pk, []))),
            scholen=tuple(sorted(s.pk for s in plg.schools.all())),
            aantal=max(0, aantal - geplande.get(plg.pk, 0)),
            minuten=default_duration(plg),
            min_dagen_tussen=min_dagen_tussen,
            vaste_dagen=tuple(sorted(vaste_dagen[plg.pk])),
        )
        for plg in plgs
    )
    all_schools = {s.pk: s for s in schools}
    elsewhere = {school for groep in groepen for school in groep.scholen} | {
        leerkracht.school for leerkracht in leerkrachten.values()
    }
    all_schools |= School.objects.in_bulk(elsewhere - set(all_schools))
    rows = kalender_rows(all_schools.values())
    cal = {k.school_id: plain_kalender(k, van, tot) for k in rows}
    minuten = sorted({g.minuten for g in groepen}) or [100]
    return p.Probleem(
        kalenders=cal,
        leerkrachten=leerkrachten,
        groepen=groepen,
        momenten=tuple(_momenten(cal.values(), van, tot, minuten)),
        vervang_max_week=min((k.vervang_max_week for k in rows), default=2),
        na_school_max_maand=min((k.na_school_max_maand for k in rows), default=2),
        schoolnamen={pk: s.name for pk, s in all_schools.items()},
    )


def leerkrachten_met_week(
    school_ids: list[int], member_ids: set[int], window: tuple[datetime, datetime]
) -> dict[int, p.Leerkracht]:
    """Members and everyone teaching at these schools (or covering there), with their week."""
    kruis: dict[int, set[int]] = defaultdict(set)
    for user_id, school_id in Kruisvervanger.objects.filter(school__in=school_ids).values_list(
        "user_id", "school_id"
    ):
        kruis[user_id].add(school_id)

    lessen: dict[int, dict[tuple[int, int], str]] = defaultdict(dict)
    les_school: dict[int, int] = {}
    for les in Les.objects.filter(
        Q(school__in=school_ids) | Q(leerkracht__in=member_ids | set(kruis))
    ):
        lessen[les.leerkracht_id][(les.dag, les.lesuur)] = les.groep or les.vak
        les_school.setdefault(les.leerkracht_id, les.school_id)
    home: dict[int, int] = {}
    for user_id, school_id in (
        Aanstelling.objects.team()
        .filter(user__in=member_ids | set(lessen))
        .values_list("user_id", "school_id")
    ):
        home.setdefault(user_id, school_id)
    people = {u.pk: u for u in User.objects.filter(pk__in=member_ids | set(lessen))}
    bezet = _bezet(people, window)
    return {
        user_id: p.Leerkracht(
            id=user_id,
            naam=user.display_name,
            school=les_school.get(user_id) or home.get(user_id) or school_ids[0],
            lessen=lessen.get(user_id, {}),
            bezet=tuple(bezet.get(user_id, ())),
            kan_vervangen=user_id in lessen,
            vervangt_ook=frozenset(kruis.get(user_id, ())),
        )
        for user_id, user in people.items()
    }


def _bezet(
    people: dict[int, User], window: tuple[datetime, datetime]
) -> dict[int, list[tuple[datetime, datetime]]]:
    """Imported busy times, bijeenkomsten and substitution duties in the window."""
    start, end = window
    bezet: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
    for user_id, begin, einde in Bezetting.objects.filter(
        user__in=people, einde__gt=start, begin__lt=end
    ).values_list("user_id", "begin", "einde"):
        bezet[user_id].append((begin, einde))
    for user_id, begin, minutes in Bijeenkomst.objects.filter(
        starts_at__gte=start - timedelta(days=1),
        starts_at__lt=end,
        plg__lidmaatschappen__user__in=people,
    ).values_list("plg__lidmaatschappen__user", "starts_at", "duration_minutes"):
        if user_id in people:
            bezet[user_id].append((begin, begin + timedelta(minutes=minutes)))
    for user_id, begin, einde in Vervangbeurt.objects.filter(
        vervanger__in=people, einde__gt=start, begin__lt=end
    ).values_list("vervanger_id", "begin", "einde"):
        bezet[user_id].append((begin, einde))
    return bezet


def _planned(
    plg_ids: list[int], window: tuple[datetime, datetime], marge: timedelta
) -> tuple[dict[int, int], dict[int, set[date]]]:
    """Per PLG: its bijeenkomsten in the window, and the days of those near it."""
    start, end = window
    geplande: dict[int, int] = defaultdict(int)
    vaste_dagen: dict[int, set[date]] = defaultdict(set)
    for plg_id, starts_at in Bijeenkomst.objects.filter(
        plg__in=plg_ids, starts_at__gte=start - marge, starts_at__lt=end + marge
    ).values_list("plg", "starts_at"):
        vaste_dagen[plg_id].add(starts_at.astimezone(p.BRUSSELS).date())
        if start <= starts_at < end:
            geplande[plg_id] += 1
    return geplande, vaste_dagen


def _momenten(
    kalenders_: Iterable[p.Kalender], van: date, tot: date, lengths: Sequence[int]
) -> list[p.Moment]:
    """Moments for every meeting length asked, so a PLG of a school with shorter bijeenkomsten
    is not held to the periods (and substitutes) of the longest one."""
    kalenders = list(kalenders_)
    result: list[p.Moment] = []
    for length in sorted(set(lengths)):
        result += [
            replace(moment, id=len(result) + n)
            for n, moment in enumerate(p.momenten(kalenders, van, tot, length))
        ]
    return result
