"""The leader's and the advisor's overviews show the practice of visiting, never the people."""

from __future__ import annotations

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.bezoeken.models import Nagesprek, Observatie, Soort
from plg.bezoeken.tests.factories import GedaanBezoekFactory, KijkwijzerFactory
from plg.communities.sharing import BezoekAudience
from plg.organisations.models import Functie, School
from plg.organisations.tests.factories import AanstellingFactory

MARKERS = ("Zuleikamarker", "Vandermarkerlaan", "LESMARKER", "KLASMARKER", "FOCUSMARKER",
           "NOTAMARKER", "OBSMARKER", "KIJKWIJZERMARKER")  # fmt: skip


def _teachers(school: School, n: int) -> list[User]:
    return [
        AanstellingFactory.create(
            school=school,
            functie=Functie.LERAAR,
            user__first_name=f"Zuleikamarker{i}",
            user__last_name="Vandermarkerlaan",
        ).user
        for i in range(n)
    ]


def _ring(school: School, people: list[User], soort: str = Soort.KLASBEZOEK) -> None:
    """Each visits the next, with everything a visit can hold written in it."""
    kijkwijzer = KijkwijzerFactory.create(titel="KIJKWIJZERMARKER", eigenaar=people[0])
    for i, person in enumerate(people):
        bezoek = GedaanBezoekFactory.create(
            soort=soort,
            school=school,
            geobserveerde=person,
            bezoeker=people[(i + 1) % len(people)],
            les="LESMARKER",
            klas="KLASMARKER",
            focus="FOCUSMARKER",
            kijkwijzer=kijkwijzer,
            notities_audience=BezoekAudience.PLG,
        )
        Nagesprek.objects.create(
            bezoek=bezoek, author=person, audience=BezoekAudience.PLG, wat_zag_je="NOTAMARKER"
        )
        Observatie.objects.create(
            bezoek=bezoek, author=bezoek.bezoeker, tekst="OBSMARKER", moment=bezoek.begin
        )


def _page(client: Client, user: User, url: str) -> str:
    assert client.login(username=user.email, password=PASSWORD)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_leader_sees_how_many_visits_took_place(client: Client, world: World) -> None:
    _ring(world.school, _teachers(world.school, 6))
    html = _page(client, world.leader, reverse("school_overview", args=[world.school.pk]))
    assert "In elkaars klas" in html
    assert "6 bezoeken in elkaars klas" in html
    assert "60% van het team deed mee" in html  # 6 of a team of 10


def test_the_leader_sees_no_figure_for_a_small_group(client: Client, world: World) -> None:
    _ring(world.school, _teachers(world.school, 4))
    html = _page(client, world.leader, reverse("school_overview", args=[world.school.pk]))
    assert "Te weinig deelnemers om cijfers te tonen." in html
    assert "bezoeken in elkaars klas" not in html
    assert "van het team deed mee" not in html


def test_the_leader_never_sees_a_name_or_a_note(client: Client, world: World) -> None:
    _ring(world.school, _teachers(world.school, 6))
    html = _page(client, world.leader, reverse("school_overview", args=[world.school.pk]))
    assert [marker for marker in MARKERS if marker in html] == []


def test_the_advisor_sees_the_counts_per_school(client: Client, world: World) -> None:
    _ring(world.school, _teachers(world.school, 5), soort=Soort.BLITS)
    html = _page(client, world.advisor, reverse("begeleiding"))
    assert "5 bezoeken in elkaars klas" in html
    assert "Blitsbezoek: 5" in html


def test_the_advisor_never_sees_a_name_or_a_note(client: Client, world: World) -> None:
    _ring(world.school, _teachers(world.school, 6))
    html = _page(client, world.advisor, reverse("begeleiding"))
    assert "6 bezoeken in elkaars klas" in html
    assert [marker for marker in MARKERS if marker in html] == []


def _queries(client: Client, user: User, url: str) -> int:
    assert client.login(username=user.email, password=PASSWORD)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_the_overviews_ask_as_often_with_many_visits_as_with_few(
    client: Client, world: World
) -> None:
    pages = [
        (world.leader, reverse("school_overview", args=[world.school.pk])),
        (world.advisor, reverse("begeleiding")),
    ]
    _ring(world.school, _teachers(world.school, 3))
    few = [_queries(client, user, url) for user, url in pages]
    _ring(world.school, _teachers(world.school, 25))
    _ring(world.sister, _teachers(world.sister, 25), soort=Soort.CO_TEACHING)
    assert [_queries(client, user, url) for user, url in pages] == few
