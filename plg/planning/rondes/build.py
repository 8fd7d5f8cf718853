"""From a Bezoekronde in the database to the plain round, in a fixed number of queries.

The month plan counts: bijeenkomsten, substitution duties and imported busy times are busy
(``planning.build``), and so are the visits a participant makes already. Buddies are the
preferred pairs; the cover a substitute does already this month counts toward the cap.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date, datetime, timedelta

from plg.accounts.models import User
from plg.bezoeken.models import Bezoekronde, Buddykoppel, Klasbezoek, Status
from plg.organisations.models import School
from plg.planning import build
from plg.planning.authorizers import TEACHING
from plg.planning.models import Vervangbeurt
from plg.planning.problem import Leerkracht
from plg.planning.rondes.probleem import Maand, Ronde, maand


def schools_of(ronde: Bezoekronde) -> list[School]:
    """A school's round is its own; a scholengemeenschap's spans all its schools."""
    if ronde.school is not None:
        return [ronde.school]
    return list(School.objects.filter(scholengemeenschap=ronde.scholengemeenschap_id))


def ronde_van(ronde: Bezoekronde, *, van: date | None = None) -> Ronde:
    """The round as the planners see it, from ``van`` (default: its first day) on."""
    schools = schools_of(ronde)
    begin = max(ronde.van, van or ronde.van)
    tot = max(begin, ronde.tot)
    deelnemers = set(ronde.deelnemers.values_list("pk", flat=True))
    window = build.day_window(begin, tot)
    leerkrachten = build.leerkrachten_met_week([s.pk for s in schools], deelnemers, window)
    leerkrachten = _met_bezoeken(leerkrachten, deelnemers, window, ronde.pk)
    elsewhere = {t.school for t in leerkrachten.values()} - {s.pk for s in schools}
    rows = build.kalender_rows([*schools, *School.objects.filter(pk__in=elsewhere)])
    return Ronde(
        kalenders={k.school_id: build.plain_kalender(k, begin, tot) for k in rows},
        leerkrachten=leerkrachten,
        deelnemers=tuple(sorted(deelnemers & set(leerkrachten))),
        van=begin,
        tot=tot,
        bezoeken=ronde.bezoeken_per_persoon,
        bezocht=ronde.bezocht_per_persoon,
        minuten=ronde.minuten,
        reistijd=ronde.reistijd,
        vervang_max_maand=ronde.vervang_max_maand,
        over_scholen=ronde.over_scholen,
        voorkeuren=_buddies(deelnemers),
        reeds_vervangen=_reeds_vervangen(begin, tot),
    )


def _met_bezoeken(
    leerkrachten: dict[int, Leerkracht],
    deelnemers: set[int],
    window: tuple[datetime, datetime],
    ronde_id: int | None,
) -> dict[int, Leerkracht]:
    """Visits a participant makes already (outside this round) keep them busy."""
    start, end = window
    extra: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
    bezoeken = Klasbezoek.objects.filter(
        bezoeker__in=deelnemers,
        ingetrokken=False,
        status__in=[Status.UITGENODIGD, Status.AANVAARD],
        einde__gt=start,
        begin__lt=end,
    )
    if ronde_id is not None:
        bezoeken = bezoeken.exclude(ronde=ronde_id)
    for user_id, begin, einde in bezoeken.values_list("bezoeker_id", "begin", "einde"):
        extra[user_id].append((begin, einde))
    return {
        t: replace(leraar, bezet=leraar.bezet + tuple(extra[t])) if t in extra else leraar
        for t, leraar in leerkrachten.items()
    }


def _buddies(deelnemers: set[int]) -> frozenset[tuple[int, int]]:
    """Buddies and mentors like to visit each other: both ways."""
    leden: dict[int, set[int]] = defaultdict(set)
    for koppel, user in Buddykoppel.leden.through.objects.filter(user__in=deelnemers).values_list(
        "buddykoppel_id", "user_id"
    ):
        leden[koppel].add(user)
    return frozenset((a, b) for groep in leden.values() for a in groep for b in groep if a != b)


def _reeds_vervangen(van: date, tot: date) -> dict[tuple[int, Maand], int]:
    """Periods each substitute covers already in the months of the round."""
    eerste = van.replace(day=1)
    laatste = (tot.replace(day=1) + timedelta(days=32)).replace(day=1)
    tellingen: Counter[tuple[int, Maand]] = Counter()
    for vervanger, datum in Vervangbeurt.objects.filter(
        datum__gte=eerste, datum__lt=laatste
    ).values_list("vervanger_id", "datum"):
        tellingen[(vervanger, maand(datum))] += 1
    return dict(tellingen)


def paar_van(*, geobserveerde: User, bezoeker: User, van: date, tot: date) -> Ronde:
    """Two colleagues, for the slot finder: their schools, timetables and month plan."""
    deelnemers = {geobserveerde.pk, bezoeker.pk}
    scholen = list(
        School.objects.filter(
            aanstellingen__user__in=deelnemers, aanstellingen__functie__in=TEACHING
        ).distinct()
    )
    window = build.day_window(van, tot)
    leerkrachten = build.leerkrachten_met_week([s.pk for s in scholen], deelnemers, window)
    leerkrachten = _met_bezoeken(leerkrachten, deelnemers, window, None)
    elsewhere = {t.school for t in leerkrachten.values()} - {s.pk for s in scholen}
    rows = build.kalender_rows([*scholen, *School.objects.filter(pk__in=elsewhere)])
    standaard = Bezoekronde(van=van, tot=tot)
    return Ronde(
        kalenders={k.school_id: build.plain_kalender(k, van, tot) for k in rows},
        leerkrachten=leerkrachten,
        deelnemers=(geobserveerde.pk, bezoeker.pk),
        van=van,
        tot=tot,
        bezoeken=1,
        bezocht=1,
        minuten=standaard.minuten,
        reistijd=standaard.reistijd,
        vervang_max_maand=standaard.vervang_max_maand,
        over_scholen=True,
        reeds_vervangen=_reeds_vervangen(van, tot),
    )
