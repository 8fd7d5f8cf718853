"""What a school may see of visiting each other's class: counts right, small groups hidden."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import World
from plg.accounts.models import User
from plg.bezoeken.aggregates import Praktijk, praktijk
from plg.bezoeken.models import Soort, Status
from plg.bezoeken.schooljaar import dit_schooljaar, dit_trimester, schooljaar_van
from plg.bezoeken.tests.factories import GedaanBezoekFactory, KijkwijzerFactory, buddykoppel
from plg.organisations.models import Functie, School
from plg.organisations.tests.factories import AanstellingFactory


def _teachers(school: School, n: int) -> list[User]:
    return [AanstellingFactory.create(school=school, functie=Functie.LERAAR).user for _ in range(n)]


def _visit(school: School, observed: User, visitor: User, **kwargs: object) -> None:
    GedaanBezoekFactory.create(school=school, geobserveerde=observed, bezoeker=visitor, **kwargs)


def _now(world: World, minimum: int = 3) -> Praktijk:
    return praktijk([world.school.pk], [dit_schooljaar()], minimum=minimum)[world.school.pk][0]


def _ring(school: School, people: list[User], **kwargs: object) -> None:
    """Each visits the next: as many visits as people, everyone in two of them."""
    for i, person in enumerate(people):
        _visit(school, person, people[(i + 1) % len(people)], **kwargs)


def test_visits_that_took_place_are_counted_per_form(world: World) -> None:
    people = _teachers(world.school, 4)
    _ring(world.school, people)
    _ring(world.school, people, soort=Soort.BLITS)
    shown = _now(world)
    assert shown.bezoeken == 8
    assert [(v.label, v.aantal) for v in shown.vormen] == [("klasbezoek", 4), ("blitsbezoek", 4)]


def test_cancelled_declined_and_future_visits_do_not_count(world: World) -> None:
    people = _teachers(world.school, 3)
    _ring(world.school, people)
    _visit(world.school, people[0], people[1], ingetrokken=True)
    _visit(world.school, people[0], people[2], status=Status.AFGEWEZEN, ingetrokken=True)
    _visit(world.school, people[1], people[2], status=Status.UITGENODIGD)
    soon = timezone.now() + timedelta(hours=2)
    _visit(world.school, people[2], people[0], begin=soon)
    assert _now(world).bezoeken == 3


def test_the_share_of_staff_is_distinct_teachers_over_the_team(world: World) -> None:
    people = _teachers(world.school, 6)  # a team of 10: coach, member, colleague, leader + 6
    _ring(world.school, people[:3])
    _visit(world.school, people[0], people[3])
    assert _now(world).aandeel == 40


def test_the_advisor_is_not_part_of_the_team(world: World) -> None:
    people = _teachers(world.school, 4)
    _ring(world.school, [*people, world.advisor])
    assert _now(world).aandeel == 50  # 4 of a team of 8


def test_too_few_participants_show_no_figure_at_all(world: World) -> None:
    people = _teachers(world.school, 2)
    _visit(world.school, people[0], people[1])
    _visit(world.school, people[1], people[0], kijkwijzer=KijkwijzerFactory.create())
    shown = _now(world)
    assert shown.leeg
    assert shown.bezoeken is None and shown.aandeel is None and shown.kijkwijzers is None


def test_a_small_form_is_hidden_and_so_is_the_total_that_would_reveal_it(world: World) -> None:
    people = _teachers(world.school, 4)
    _ring(world.school, people)
    _visit(world.school, people[0], people[1], soort=Soort.CO_TEACHING)
    shown = _now(world)
    assert [v.label for v in shown.vormen] == ["klasbezoek"]
    assert shown.vormen_verborgen
    assert shown.bezoeken is None
    assert shown.aandeel is not None


def test_the_minimum_of_the_settings_applies_when_none_is_given(world: World) -> None:
    people = _teachers(world.school, 4)
    _ring(world.school, people)
    shown = praktijk([world.school.pk], [dit_schooljaar()])[world.school.pk][0]
    assert shown.minimum == 5
    assert shown.leeg


def test_kijkwijzers_in_use_are_counted_once_each(world: World) -> None:
    people = _teachers(world.school, 4)
    one, two = KijkwijzerFactory.create(), KijkwijzerFactory.create()
    for i, kijkwijzer in enumerate([one, one, two]):
        _visit(world.school, people[i], people[i + 1], kijkwijzer=kijkwijzer)
    assert _now(world).kijkwijzers == 2


def test_visits_outside_the_period_do_not_count(world: World) -> None:
    people = _teachers(world.school, 3)
    _ring(world.school, people)
    _ring(world.school, people, begin=timezone.make_aware(datetime(2001, 10, 1, 10)))
    assert _now(world).bezoeken == 3


def test_a_visitor_from_a_sister_school_takes_part_for_their_own_school(
    world: World, sister_teacher: User
) -> None:
    here = _teachers(world.school, 3)
    there = [sister_teacher, *_teachers(world.sister, 2)]
    for visitor, observed in zip(there, here, strict=True):
        _visit(world.school, observed, visitor)
    both = praktijk([world.school.pk, world.sister.pk], [dit_schooljaar()], minimum=3)
    assert both[world.school.pk][0].bezoeken == 3
    assert both[world.sister.pk][0].bezoeken is None
    assert both[world.sister.pk][0].aandeel == 100  # the three teachers of Sint-Jozef


def test_buddy_pairs_count_when_enough_people_are_in_them(world: World) -> None:
    people = _teachers(world.school, 4)
    jaar = schooljaar_van(timezone.localdate())
    buddykoppel(world.sg, jaar, people[0], people[1])
    assert _now(world).koppels is None
    buddykoppel(world.sg, jaar, people[2], people[3])
    buddykoppel(world.sg, "1999-2000", world.coach, world.member)
    assert _now(world).koppels == 2


def test_the_number_of_queries_does_not_grow_with_the_data(world: World) -> None:
    periods = [dit_trimester(), dit_schooljaar()]
    ids = [world.school.pk, world.sister.pk]
    people = _teachers(world.school, 3)
    _ring(world.school, people)
    with CaptureQueriesContext(connection) as few:
        praktijk(ids, periods, minimum=3)
    many = _teachers(world.school, 20)
    _ring(world.school, many, kijkwijzer=KijkwijzerFactory.create())
    _ring(world.school, many, soort=Soort.BLITS)
    jaar = schooljaar_van(timezone.localdate())
    for i in range(0, 20, 2):
        buddykoppel(world.sg, jaar, many[i], many[i + 1])
    with CaptureQueriesContext(connection) as lots:
        shown = praktijk(ids, periods, minimum=3)
    assert len(few) == len(lots) == 3
    assert shown[world.school.pk][1].bezoeken == 43
