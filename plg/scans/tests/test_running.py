"""Running a wave of several schools: each person acts only on the schools they may run.

The world's leader and advisor have De Regenboog only. Added here: a coördinerend directeur of
the scholengemeenschap (runs De Regenboog and Sint-Jozef), Sint-Jozef's leader and a teacher
there, and a leader of both schools.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core.mail import EmailMessage
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoCaptureOnCommitCallbacks

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.organisations.models import Aanstelling, Functie, School
from plg.scans import services
from plg.scans.models import Afname, ToegangSoort

REGENBOOG = "De Regenboog"
SINT_JOZEF = "Sint-Jozef"


def _person(email: str, *places: tuple[School, str]) -> User:
    user = User.objects.create_user(email, PASSWORD, first_name=email.split("@")[0])
    for school, functie in places:
        Aanstelling.objects.create(user=user, school=school, functie=functie)
    return user


@dataclass(frozen=True)
class People:
    coordinator: User
    sister_leader: User
    sister_teacher: User
    both_leader: User


@pytest.fixture
def people(world: World) -> People:
    return People(
        coordinator=_person(
            "coordinatie@leieland.example", (world.school, Functie.COORDINEREND_DIRECTEUR)
        ),
        sister_leader=_person("leider@sintjozef.example", (world.sister, Functie.SCHOOLLEIDER)),
        sister_teacher=_person("leraar@sintjozef.example", (world.sister, Functie.LERAAR)),
        both_leader=_person(
            "beide@leieland.example",
            (world.school, Functie.SCHOOLLEIDER),
            (world.sister, Functie.SCHOOLLEIDER),
        ),
    )


@pytest.fixture
def two_schools(
    world: World,
    people: People,
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> Afname:
    """A wave of De Regenboog and Sint-Jozef, opened by the coördinerend directeur."""
    with django_capture_on_commit_callbacks(execute=True):
        afname = services.open_afname(
            opened_by=people.coordinator,
            title="Scan van twee scholen",
            schools=[world.school, world.sister],
        )
    mailoutbox.clear()
    return afname


def _as(client: Client, user: User) -> Client:
    assert client.login(username=user.email, password=PASSWORD)
    return client


def _wave_page(client: Client, user: User, afname: Afname) -> str:
    response = _as(client, user).get(reverse("scan_afname", args=[afname.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_leader_sees_the_progress_of_their_own_school_only(
    client: Client, world: World, two_schools: Afname
) -> None:
    html = _wave_page(client, world.leader, two_schools)
    assert REGENBOOG in html
    assert SINT_JOZEF not in html


def test_an_advisor_sees_only_the_schools_they_support(
    client: Client, world: World, two_schools: Afname
) -> None:
    html = _wave_page(client, world.advisor, two_schools)
    assert REGENBOOG in html
    assert SINT_JOZEF not in html


def test_the_leader_of_the_other_school_sees_only_that_school(
    client: Client, world: World, people: People, two_schools: Afname
) -> None:
    html = _wave_page(client, people.sister_leader, two_schools)
    assert SINT_JOZEF in html
    assert REGENBOOG not in html


def test_the_opener_sees_every_school_of_the_wave(
    client: Client, world: World, people: People, two_schools: Afname
) -> None:
    html = _wave_page(client, people.coordinator, two_schools)
    assert REGENBOOG in html and SINT_JOZEF in html


def test_the_scans_page_counts_only_the_links_of_ones_own_schools(
    client: Client, world: World, people: People, two_schools: Afname
) -> None:
    regenboog = two_schools.toegangen.filter(soort=ToegangSoort.PERSOONLIJK, school=world.school)
    html = _as(client, world.leader).get(reverse("scans")).content.decode()
    assert f"0 van {regenboog.count()} persoonlijke links gebruikt" in html


def test_a_leader_gets_the_poster_of_their_own_school_only(
    client: Client, world: World, two_schools: Afname
) -> None:
    _as(client, world.leader)
    own = client.get(reverse("scan_affiche", args=[two_schools.pk, world.school.pk]))
    other = client.get(reverse("scan_affiche", args=[two_schools.pk, world.sister.pk]))
    assert own.status_code == 200
    assert other.status_code == 404


def test_the_opener_gets_the_poster_of_every_school(
    client: Client, world: World, people: People, two_schools: Afname
) -> None:
    _as(client, people.coordinator)
    for school in (world.school, world.sister):
        response = client.get(reverse("scan_affiche", args=[two_schools.pk, school.pk]))
        assert response.status_code == 200


def test_a_leader_reminds_only_the_people_of_their_own_school(
    world: World,
    people: People,
    two_schools: Afname,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    regenboog = two_schools.toegangen.filter(soort=ToegangSoort.PERSOONLIJK, school=world.school)
    with django_capture_on_commit_callbacks(execute=False):
        count = services.remind(afname=two_schools, schools=[world.school])
    assert count == regenboog.count()
    recipients = services.reminder_recipients(afname=two_schools, schools=[world.school])
    assert {t.email for t in recipients} == {t.email for t in regenboog}
    assert people.sister_teacher.email not in {t.email for t in recipients}


def test_the_reminder_button_counts_only_ones_own_schools(
    client: Client, world: World, two_schools: Afname
) -> None:
    _as(client, world.leader)
    response = client.post(reverse("scan_herinneren", args=[two_schools.pk]), follow=True)
    regenboog = two_schools.toegangen.filter(soort=ToegangSoort.PERSOONLIJK, school=world.school)
    assert f"naar {regenboog.count()} personen" in response.content.decode()


def test_a_leaders_reminder_mails_nobody_of_another_school(
    client: Client,
    world: World,
    people: People,
    two_schools: Afname,
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    _as(client, world.leader)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("scan_herinneren", args=[two_schools.pk]))
    reminded = {m.to[0] for m in mailoutbox}
    assert world.member.email in reminded
    assert people.sister_teacher.email not in reminded


def test_a_leader_of_one_school_cannot_close_a_wave_of_two(
    client: Client, world: World, two_schools: Afname
) -> None:
    response = _as(client, world.leader).post(reverse("scan_sluiten", args=[two_schools.pk]))
    assert response.status_code == 403
    two_schools.refresh_from_db()
    assert two_schools.is_open


def test_a_leader_of_one_school_is_not_offered_to_close_a_wave_of_two(
    client: Client, world: World, two_schools: Afname
) -> None:
    html = _wave_page(client, world.leader, two_schools)
    assert reverse("scan_sluiten", args=[two_schools.pk]) not in html
    assert reverse("scan_herinneren", args=[two_schools.pk]) in html


def test_the_opener_closes_a_wave_of_several_schools(
    client: Client, world: World, people: People, two_schools: Afname
) -> None:
    html = _wave_page(client, people.coordinator, two_schools)
    assert reverse("scan_sluiten", args=[two_schools.pk]) in html
    response = client.post(reverse("scan_sluiten", args=[two_schools.pk]))
    assert response.status_code == 302
    two_schools.refresh_from_db()
    assert not two_schools.is_open


def test_someone_who_runs_every_school_of_the_wave_may_close_it(
    client: Client, world: World, people: People, two_schools: Afname
) -> None:
    response = _as(client, people.both_leader).post(reverse("scan_sluiten", args=[two_schools.pk]))
    assert response.status_code == 302
    two_schools.refresh_from_db()
    assert not two_schools.is_open


def test_a_leader_closes_a_wave_of_their_own_school_opened_by_its_advisor(
    client: Client, world: World
) -> None:
    afname = services.open_afname(opened_by=world.advisor, title="Scan", schools=[world.school])
    response = _as(client, world.leader).post(reverse("scan_sluiten", args=[afname.pk]))
    assert response.status_code == 302
    afname.refresh_from_db()
    assert not afname.is_open


def test_a_leader_of_another_scholengemeenschap_finds_no_wave(
    client: Client, world: World, two_schools: Afname
) -> None:
    _as(client, world.other_leader)
    assert client.get(reverse("scan_afname", args=[two_schools.pk])).status_code == 404
    assert client.post(reverse("scan_sluiten", args=[two_schools.pk])).status_code == 404


def test_one_rule_says_which_schools_and_links_each_person_runs(
    world: World, people: People, two_schools: Afname
) -> None:
    """The wave page, the overview's counts, the reminders and the mail retry all ask the same
    rule; here it is asked for every person at once."""
    from plg.scans.authorizers import afnames_to_run, may_run, schools_to_run, toegangen_to_run

    expected = {
        people.coordinator: {REGENBOOG, SINT_JOZEF},  # the opener
        people.both_leader: {REGENBOOG, SINT_JOZEF},
        people.sister_leader: {SINT_JOZEF},
        world.leader: {REGENBOOG},
        world.advisor: {REGENBOOG},
        people.sister_teacher: set(),
        world.coach: set(),
        world.other_leader: set(),
    }
    for user, schools in expected.items():
        assert {s.name for s in schools_to_run(user, two_schools)} == schools, user
        links = toegangen_to_run(user).filter(afname=two_schools).select_related("school")
        assert {t.school.name if t.school else "" for t in links} == schools, user
        assert may_run(user, two_schools) == bool(schools), user
        assert afnames_to_run(user).filter(pk=two_schools.pk).exists() == bool(schools), user
