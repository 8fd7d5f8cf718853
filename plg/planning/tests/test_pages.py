"""Tijd maken pages: their queries do not grow with the data, and a leader sees no person's row."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD
from plg.accounts.models import User
from plg.meetings.services import plan_bijeenkomst
from plg.organisations.models import Aanstelling, Functie
from plg.planning.models import Kalenderfeed, Maandplan, Vervangbeurt
from plg.planning.problem import Vervanging
from plg.planning.tests.factories import proposal_with_one_meeting
from plg.planning.voorstel import Voorstel
from plg.roosters.models import Bezetting, Les, Roosterimport, SoortVrij
from plg.roosters.services import add_vrije_dagen, kalender_van

pytestmark = pytest.mark.django_db


def _grow(w: Any, n: int) -> None:
    """n more teachers with a full week, busy times, duties, free days, imports and plans."""
    kalender = kalender_van(w.school)
    start = len(User.objects.all())
    for i in range(start, start + n):
        teacher = User.objects.create_user(f"t{i}@regenboog.example", "x", first_name=f"T{i}")
        Aanstelling.objects.create(user=teacher, school=w.school, functie=Functie.LERAAR)
        Les.objects.bulk_create(
            Les(school=w.school, leerkracht=teacher, dag=d, lesuur=u, groep=f"{i}A")
            for d in range(5)
            for u in (1, 2, 5)
        )
        soon = timezone.now() + timedelta(days=2 + i % 20)
        Bezetting.objects.create(user=teacher, begin=soon, einde=soon + timedelta(hours=1))
        bijeenkomst = plan_bijeenkomst(plg=w.plg, starts_at=soon, place="", duration_minutes=100)
        for vervanger in (w.member, w.colleague):
            Vervangbeurt.for_vervanging(
                bijeenkomst,
                Vervanging(teacher.pk, vervanger.pk, w.school.pk, soon.date(), i, f"{i}A"),
                (soon, soon + timedelta(minutes=50)),
            ).save()
        add_vrije_dagen(
            kalender=kalender,
            van=timezone.localdate() + timedelta(days=40 + i),
            tot=timezone.localdate() + timedelta(days=40 + i),
            soort=SoortVrij.VAKANTIE,
            omschrijving=str(i),
        )
        Roosterimport.objects.create(
            school=w.school, soort="lessen_csv", bestanden=f"{i}.csv", aantal=i, door=w.leader
        )
        Maandplan.objects.create(
            school=w.school,
            scholengemeenschap=w.sg,
            maand=timezone.localdate().replace(day=1),
            door=w.leader,
            status="klaar",
            voorstel=Voorstel().to_json(),
        )
    Kalenderfeed.objects.get_or_create(user=w.member)


def _week(w: Any) -> str:
    start = timezone.localdate() + timedelta(days=1)
    return f"?van={start}&tot={start + timedelta(days=13)}"


PAGES = [
    ("member", "tijd", lambda w: [], ""),
    ("colleague", "tijd", lambda w: [], ""),
    ("leader", "school_tijd", lambda w: [w.school.pk], ""),
    ("leader", "school_kalender", lambda w: [w.school.pk], ""),
    ("leader", "rooster_import", lambda w: [w.school.pk], ""),
    ("leader", "school_rollen", lambda w: [w.school.pk], ""),
    ("leader", "leerkracht_rooster", lambda w: [w.school.pk, w.member.pk], ""),
    ("leader", "maandplannen", lambda w: [w.school.pk], ""),
    ("leader", "maandplan", lambda w: [Maandplan.objects.all()[0].pk], ""),
    ("leader", "maandplan_bijsturen", lambda w: [proposal_with_one_meeting(w).pk, 0], ""),
    ("coach", "plg_momenten", lambda w: [w.plg.pk], "week"),
]


def _count(client: Any, w: Any, persona: str, name: str, args: Any, query: str) -> int:
    client.login(username=getattr(w, persona).email, password=PASSWORD)
    url = reverse(name, args=args(w)) + (_week(w) if query else "")
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


@pytest.mark.parametrize(
    ("persona", "name", "args", "query"), PAGES, ids=[f"{p[1]}-{p[0]}" for p in PAGES]
)
def test_queries_do_not_grow_with_data(
    client: Client,
    world: Any,
    persona: str,
    name: str,
    args: Callable[[Any], list[int]],
    query: str,
) -> None:
    _grow(world, 1)
    small = _count(client, world, persona, name, args, query)
    _grow(world, 15)
    large = _count(client, world, persona, name, args, query)
    assert large == small, f"{name}: {small} queries with 1, {large} with 16"


def test_the_school_page_shows_totals_and_no_teacher_names(client: Client, world: Any) -> None:
    _grow(world, 3)
    client.login(username=world.leader.email, password=PASSWORD)
    text = client.get(reverse("school_tijd", args=[world.school.pk])).content.decode()
    assert "Vrijgemaakte tijd" in text
    grown = User.objects.filter(email__startswith="t", email__endswith="@regenboog.example")
    assert grown.count() == 3
    for name in ["Mehdi", "Kato", *(u.email for u in grown)]:
        assert name not in text
