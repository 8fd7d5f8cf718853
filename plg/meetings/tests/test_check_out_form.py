"""The check-out form reads well: problems are summed up where the page opens, each linked to
its field; no answer is ticked before the coach chooses; only real assignments can be removed."""

from __future__ import annotations

from datetime import date, timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD, World
from plg.meetings import services
from plg.meetings.models import Bijeenkomst, Opdracht


def _held(world: World) -> Bijeenkomst:
    return services.plan_bijeenkomst(
        plg=world.plg,
        starts_at=timezone.now() - timedelta(days=1),
        place="Zaal",
        duration_minutes=100,
    )


def _open(client: Client, world: World, bijeenkomst: Bijeenkomst) -> str:
    assert client.login(username=world.coach.email, password=PASSWORD)
    return client.get(reverse("terugblik", args=[bijeenkomst.pk])).content.decode()


def _post_with_bad_second_row(client: Client, world: World, bijeenkomst: Bijeenkomst) -> str:
    assert client.login(username=world.coach.email, password=PASSWORD)
    return client.post(
        reverse("terugblik", args=[bijeenkomst.pk]),
        {
            "doelen_bereikt": "ja",
            "audience": "plg",
            "opdracht-TOTAL_FORMS": "2",
            "opdracht-INITIAL_FORMS": "0",
            "opdracht-MIN_NUM_FORMS": "0",
            "opdracht-MAX_NUM_FORMS": "1000",
            "opdracht-0-description": "",
            "opdracht-1-description": "Artikel zoeken",
            "opdracht-1-owner": world.outsider.pk,
            "opdracht-1-due_date": "2027-01-10",
        },
    ).content.decode()


def test_a_problem_in_an_assignment_row_is_named_in_the_summary_at_the_top(
    client: Client, world: World
) -> None:
    html = _post_with_bad_second_row(client, world, _held(world))
    summary = html.index('class="error-summary"')
    assert summary < html.index('name="doelen_bereikt"')
    assert html.count('class="error-summary"') == 1
    assert 'href="#id_opdracht-1-owner">Opdracht 2 · ' in html[summary:]


def test_an_unanswered_required_choice_links_to_its_first_answer(
    client: Client, world: World
) -> None:
    bijeenkomst = _held(world)
    assert client.login(username=world.coach.email, password=PASSWORD)
    html = client.post(
        reverse("terugblik", args=[bijeenkomst.pk]),
        {"audience": "plg", "opdracht-TOTAL_FORMS": "0", "opdracht-INITIAL_FORMS": "0"},
    ).content.decode()
    assert 'href="#id_doelen_bereikt_0"' in html and 'id="id_doelen_bereikt_0"' in html


def test_no_answer_is_ticked_before_the_coach_chooses(client: Client, world: World) -> None:
    html = _open(client, world, _held(world))
    start = html.index('id="id_doelen_bereikt_groep"')
    doelen = html[start : html.index("</fieldset>", start)]
    assert 'value="ja"' in doelen
    assert "---------" not in doelen and "checked" not in doelen


def test_empty_rows_have_no_remove_box(client: Client, world: World) -> None:
    html = _open(client, world, _held(world))
    assert "opdracht-0-DELETE" not in html and "opdracht-1-DELETE" not in html


def test_an_existing_assignment_can_still_be_removed(client: Client, world: World) -> None:
    bijeenkomst = _held(world)
    Opdracht.objects.create(
        bijeenkomst=bijeenkomst, description="Lezen", owner=world.member, due_date=date(2027, 1, 1)
    )
    html = _open(client, world, bijeenkomst)
    assert 'name="opdracht-0-DELETE"' in html and "opdracht-1-DELETE" not in html
