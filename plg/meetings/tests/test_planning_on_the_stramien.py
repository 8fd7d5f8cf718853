"""Planning a bijeenkomst on the stramien: its duration, its agenda blocks and their order."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.meetings import services
from plg.meetings.models import Bijeenkomst
from plg.methods.models import Stap


def login(client: Client, user: User) -> None:
    assert client.login(username=user.email, password=PASSWORD)


def _plan(world: World, days: int = 3) -> Bijeenkomst:
    return services.plan_bijeenkomst(
        plg=world.plg,
        starts_at=timezone.now() + timedelta(days=days),
        place="Zaal",
        duration_minutes=100,
    )


def test_default_duration_is_twice_the_working_group(world: World) -> None:
    assert services.default_duration(world.plg) == 100  # De Regenboog: 50-minute working groups


def test_new_form_proposes_the_default_duration(client: Client, world: World) -> None:
    login(client, world.coach)
    html = client.get(reverse("bijeenkomst_nieuw", args=[world.plg.pk])).content.decode()
    assert 'value="100"' in html


def test_a_new_bijeenkomst_gets_the_stramien(world: World) -> None:
    bijeenkomst = _plan(world)
    steps = list(bijeenkomst.blokken.values_list("stap", flat=True))
    assert steps == [Stap.CHECKIN, Stap.DOELEN, Stap.INPUT, Stap.VERWERKING, Stap.CHECKOUT]
    assert sum(bijeenkomst.blokken.values_list("minutes", flat=True)) == 100
    checkin = bijeenkomst.blokken.all()[0].werkvorm
    assert checkin is not None and checkin.slug == "check-in"


def test_coach_plans_a_bijeenkomst(client: Client, world: World) -> None:
    login(client, world.coach)
    response = client.post(
        reverse("bijeenkomst_nieuw", args=[world.plg.pk]),
        {
            "starts_at": "2027-01-14T15:30",
            "place": "Refter",
            "duration_minutes": "120",
            "doelen": "",
        },
    )
    bijeenkomst = Bijeenkomst.objects.get()
    assert response["Location"] == reverse("bijeenkomst_detail", args=[bijeenkomst.pk])
    assert timezone.localtime(bijeenkomst.starts_at).hour == 15


def test_bad_date_keeps_the_place_and_names_the_field(client: Client, world: World) -> None:
    login(client, world.coach)
    response = client.post(
        reverse("bijeenkomst_nieuw", args=[world.plg.pk]),
        {"starts_at": "ooit", "place": "Refter", "duration_minutes": "120"},
    )
    html = response.content.decode()
    assert "Datum en uur" in html and "Refter" in html
    assert not Bijeenkomst.objects.exists()


def test_added_block_goes_before_the_check_out(client: Client, world: World) -> None:
    bijeenkomst = _plan(world)
    login(client, world.coach)
    client.post(
        reverse("agenda_blok_nieuw_hx", args=[bijeenkomst.pk]),
        {"stap": "input", "title": "Expert", "minutes": "20"},
        HTTP_HX_REQUEST="true",
    )
    titles = [b.title or b.stap for b in bijeenkomst.blokken.all()]
    assert titles[-2:] == ["Expert", Stap.CHECKOUT]


def test_agenda_total_is_shown_against_the_duration(client: Client, world: World) -> None:
    bijeenkomst = _plan(world)
    login(client, world.coach)
    html = client.post(
        reverse("agenda_blok_nieuw_hx", args=[bijeenkomst.pk]),
        {"stap": "input", "title": "Expert", "minutes": "20"},
        HTTP_HX_REQUEST="true",
    ).content.decode()
    assert "120" in html and "agenda-total over" in html


def test_coach_reorders_blocks(client: Client, world: World) -> None:
    bijeenkomst = _plan(world)
    verwerking = bijeenkomst.blokken.get(stap=Stap.VERWERKING)
    login(client, world.coach)
    client.post(
        reverse("agenda_blok_hx", args=[bijeenkomst.pk, verwerking.pk, "up"]),
        HTTP_HX_REQUEST="true",
    )
    steps = list(bijeenkomst.blokken.values_list("stap", flat=True))
    assert steps[2:4] == [Stap.VERWERKING, Stap.INPUT]


def test_bad_block_minutes_are_refused_with_a_message(client: Client, world: World) -> None:
    bijeenkomst = _plan(world)
    login(client, world.coach)
    html = client.post(
        reverse("agenda_blok_nieuw_hx", args=[bijeenkomst.pk]),
        {"stap": "input", "title": "Te lang", "minutes": "999"},
        HTTP_HX_REQUEST="true",
    ).content.decode()
    assert "Kies tussen 1 en 240 minuten." in html and "Te lang" in html
    assert bijeenkomst.blokken.count() == 5


def test_vragenkit_questions_show_for_the_coach_only(client: Client, world: World) -> None:
    bijeenkomst = _plan(world)
    login(client, world.coach)
    coach_html = client.get(reverse("bijeenkomst_detail", args=[bijeenkomst.pk])).content.decode()
    login(client, world.member)
    member_html = client.get(reverse("bijeenkomst_detail", args=[bijeenkomst.pk])).content.decode()
    assert "Vragen die hier kunnen helpen" in coach_html
    assert "Vragen die hier kunnen helpen" not in member_html
