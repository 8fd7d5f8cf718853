"""The traject page per role: the advisor reads every leader's row, a leader their own and the
group's counts, nobody else anything."""

from __future__ import annotations

from datetime import date

from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.communities.models import PLG, Mijlpaal
from plg.communities.sharing import Audience
from plg.core.privacy import minimum_group
from plg.organisations.models import Aanstelling, Functie
from plg.organisations.tests.factories import (
    AanstellingFactory,
    NetworkFactory,
    ScholengemeenschapFactory,
    SchoolFactory,
)
from plg.traject import services
from plg.traject.models import Deelname, Traject
from plg.traject.tests.factories import deelname_of, traject_of


def _as(client: Client, user: User) -> Client:
    client.login(username=user.email, password=PASSWORD)
    return client


def _page(client: Client, user: User, traject: Traject) -> str:
    response = _as(client, user).get(reverse("traject", args=[traject.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _both_leaders(w: World) -> Traject:
    return services.create_traject(
        begeleider=w.advisor,
        naam="Samen leiden",
        start=date(2025, 9, 1),
        leiders=Aanstelling.objects.leaders().filter(user__in=[w.leader, w.other_leader]),
    )


def _advisor_elsewhere() -> User:
    network = NetworkFactory.create(name="Ander netwerk")
    school = SchoolFactory.create(
        scholengemeenschap=ScholengemeenschapFactory.create(network=network)
    )
    return AanstellingFactory.create(school=school, functie=Functie.PEDAGOGISCH_BEGELEIDER).user


def test_advisor_creates_a_traject_for_leaders_of_the_network(world: World, client: Client) -> None:
    aanstelling = Aanstelling.objects.leaders().get(user=world.other_leader)
    response = _as(client, world.advisor).post(
        reverse("traject_nieuw"),
        {"naam": "Leiderschap voor leren", "start": "2025-09-01", "leiders": [aanstelling.pk]},
    )
    traject = Traject.objects.get()
    assert response.status_code == 302
    assert traject.begeleider == world.advisor
    assert list(traject.deelnames.values_list("leider", "school")) == [
        (world.other_leader.pk, world.other.pk)
    ]


def test_a_leader_of_another_network_cannot_be_chosen(world: World, client: Client) -> None:
    school = SchoolFactory.create()
    vreemde = AanstellingFactory.create(school=school, functie=Functie.SCHOOLLEIDER)
    response = _as(client, world.advisor).post(
        reverse("traject_nieuw"),
        {"naam": "Leiderschap voor leren", "start": "2025-09-01", "leiders": [vreemde.pk]},
    )
    assert response.status_code == 400
    assert "Schoolleiders" in response.content.decode()
    assert 'value="Leiderschap voor leren"' in response.content.decode()
    assert not Traject.objects.exists()


def test_advisor_reads_every_leaders_row(world: World, client: Client) -> None:
    page = _page(client, world.advisor, _both_leaders(world))
    assert "De Regenboog" in page and "De Vlieger" in page


def test_a_leader_reads_only_their_own_row(world: World, client: Client) -> None:
    page = _page(client, world.leader, _both_leaders(world))
    assert "De Regenboog" in page
    assert "De Vlieger" not in page


def test_a_leader_outside_the_traject_finds_nothing(world: World, client: Client) -> None:
    traject = traject_of(world)
    response = _as(client, world.other_leader).get(reverse("traject", args=[traject.pk]))
    assert response.status_code == 404


def test_an_advisor_of_another_network_finds_nothing(world: World, client: Client) -> None:
    traject = traject_of(world)
    response = _as(client, _advisor_elsewhere()).get(reverse("traject", args=[traject.pk]))
    assert response.status_code == 404


def test_an_advisor_who_no_longer_supports_the_network_loses_the_traject(
    world: World, client: Client
) -> None:
    traject = traject_of(world)
    Aanstelling.objects.filter(user=world.advisor).delete()
    response = _as(client, world.advisor).get(reverse("traject", args=[traject.pk]))
    assert response.status_code == 404


def test_a_teacher_finds_no_trajects(world: World, client: Client) -> None:
    traject_of(world)
    assert _as(client, world.member).get(reverse("trajecten")).status_code == 404


def test_the_school_plg_shows_only_what_it_shares_with_the_advisor(
    world: World, client: Client
) -> None:
    traject = traject_of(world)
    for audience, title in [(Audience.PLG, "Binnenskamers"), (Audience.NETWERK, "Voor iedereen")]:
        Mijlpaal.objects.create(
            plg=world.plg,
            author=world.coach,
            title=title,
            due_date=date(2026, 3, 1),
            audience=audience,
        )
    page = _page(client, world.advisor, traject)
    assert "Voor iedereen" in page
    assert "Binnenskamers" not in page


def test_the_traject_page_names_no_member_of_a_school_plg(world: World, client: Client) -> None:
    page = _page(client, world.advisor, traject_of(world))
    assert world.plg.name in page
    assert world.member.first_name not in page
    assert world.coach.first_name not in page


def test_group_counts_stay_hidden_for_a_group_too_small_to_hide_a_school(
    world: World, client: Client
) -> None:
    page = _page(client, world.leader, _both_leaders(world))
    assert "te klein om cijfers" in page


def test_group_counts_show_from_the_minimum_group_on(world: World, client: Client) -> None:
    traject = _both_leaders(world)
    for i in range(minimum_group() - 2):
        school = SchoolFactory.create(scholengemeenschap=world.sg, name=f"De Linde {i}")
        leider = AanstellingFactory.create(school=school, functie=Functie.SCHOOLLEIDER).user
        Deelname.objects.create(traject=traject, leider=leider, school=school)
    Deelname.objects.filter(leider=world.leader).update(school_plg=world.plg)
    page = _page(client, world.leader, traject)
    assert "te klein om cijfers" not in page
    assert f"nog geen PLG: <strong>{minimum_group() - 1}</strong>" in page


def test_the_leader_starts_their_school_plg_and_coaches_it(world: World, client: Client) -> None:
    deelname = deelname_of(world, traject_of(world, school_plg=False))
    response = _as(client, world.leader).post(
        reverse("deelname_plg", args=[deelname.pk]), {"start": "1", "naam": "Lezen met plezier"}
    )
    plg = PLG.objects.get(name="Lezen met plezier")
    deelname.refresh_from_db()
    assert response.status_code == 302
    assert deelname.school_plg == plg
    assert plg.lidmaatschappen.get().user == world.leader
    assert list(plg.schools.all()) == [world.school]


def test_the_advisor_cannot_start_a_plg_in_a_leaders_name(world: World, client: Client) -> None:
    deelname = deelname_of(world, traject_of(world, school_plg=False))
    response = _as(client, world.advisor).post(
        reverse("deelname_plg", args=[deelname.pk]), {"start": "1", "naam": "Lezen met plezier"}
    )
    assert response.status_code == 403
    assert not PLG.objects.filter(name="Lezen met plezier").exists()


def test_the_advisor_links_the_plg_of_the_leaders_school(world: World, client: Client) -> None:
    deelname = deelname_of(world, traject_of(world, school_plg=False))
    response = _as(client, world.advisor).post(
        reverse("deelname_plg", args=[deelname.pk]), {"koppel": "1", "plg": world.plg.pk}
    )
    deelname.refresh_from_db()
    assert response.status_code == 302
    assert deelname.school_plg == world.plg


def test_a_plg_of_another_school_cannot_be_linked(world: World, client: Client) -> None:
    deelname = deelname_of(world, traject_of(world, school_plg=False))
    elders = PLG.objects.create(
        name="Elders", scholengemeenschap=world.other_sg, created_by=world.other_leader
    )
    elders.schools.set([world.other])
    response = _as(client, world.leader).post(
        reverse("deelname_plg", args=[deelname.pk]), {"koppel": "1", "plg": elders.pk}
    )
    deelname.refresh_from_db()
    assert response.status_code == 400
    assert deelname.school_plg is None


def test_another_leader_of_the_traject_may_not_touch_my_row(world: World, client: Client) -> None:
    traject = _both_leaders(world)
    mine = Deelname.objects.get(traject=traject, leider=world.leader)
    response = _as(client, world.other_leader).get(reverse("deelname_plg", args=[mine.pk]))
    assert response.status_code == 403


def test_the_advisor_adds_a_milestone_and_marks_it_reached(world: World, client: Client) -> None:
    traject = traject_of(world)
    _as(client, world.advisor).post(
        reverse("traject_mijlpaal", args=[traject.pk]),
        {"titel": "Elke school kiest een leervraag", "datum": "2026-06-01"},
    )
    mijlpaal = traject.mijlpalen.get()
    client.post(reverse("mijlpaal_bereikt", args=[mijlpaal.pk]))
    mijlpaal.refresh_from_db()
    assert mijlpaal.bereikt_op is not None
    assert "bereikt op" in _page(client, world.leader, traject)


def test_a_milestone_without_a_date_names_the_field_and_keeps_the_title(
    world: World, client: Client
) -> None:
    traject = traject_of(world)
    response = _as(client, world.advisor).post(
        reverse("traject_mijlpaal", args=[traject.pk]),
        {"titel": "Elke school kiest een leervraag", "datum": "31-31-2026"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Tegen" in page and 'value="Elke school kiest een leervraag"' in page
    assert not traject.mijlpalen.exists()


def test_the_advisor_links_the_networked_plg_later(world: World, client: Client) -> None:
    traject = traject_of(world)
    netwerk_plg = PLG.objects.create(
        name="Leren leiden", scholengemeenschap=world.sg, created_by=world.advisor
    )
    _as(client, world.advisor).post(
        reverse("traject_netwerk_plg", args=[traject.pk]), {"netwerk_plg": netwerk_plg.pk}
    )
    traject.refresh_from_db()
    assert traject.netwerk_plg == netwerk_plg
    assert "Leren leiden" in _page(client, world.leader, traject)


def test_a_plg_of_another_network_cannot_be_the_networked_plg(world: World, client: Client) -> None:
    traject = traject_of(world)
    elders = PLG.objects.create(
        name="Elders",
        scholengemeenschap=ScholengemeenschapFactory.create(),
        created_by=world.advisor,
    )
    response = _as(client, world.advisor).post(
        reverse("traject_netwerk_plg", args=[traject.pk]), {"netwerk_plg": elders.pk}
    )
    traject.refresh_from_db()
    assert response.status_code == 400
    assert traject.netwerk_plg is None
