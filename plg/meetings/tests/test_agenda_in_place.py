"""The coach changes an agenda block where it stands: its minutes, werkvorm, step or title."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.meetings import services
from plg.meetings.models import AgendaBlok, Bijeenkomst
from plg.methods.models import Stap, Werkvorm


def login(client: Client, user: User) -> None:
    assert client.login(username=user.email, password=PASSWORD)


def _verwerking(world: World) -> AgendaBlok:
    bijeenkomst: Bijeenkomst = services.plan_bijeenkomst(
        plg=world.plg,
        starts_at=timezone.now() + timedelta(days=3),
        place="Zaal",
        duration_minutes=100,
    )
    return bijeenkomst.blokken.get(stap=Stap.VERWERKING)


def _url(blok: AgendaBlok) -> str:
    return reverse("agenda_blok_bewerken_hx", args=[blok.bijeenkomst_id, blok.pk])


def _post(client: Client, blok: AgendaBlok, minutes: str, werkvorm: str = "") -> str:
    prefix = f"blok-{blok.pk}"
    data = {
        f"{prefix}-stap": blok.stap,
        f"{prefix}-title": blok.title,
        f"{prefix}-werkvorm": werkvorm,
        f"{prefix}-minutes": minutes,
    }
    return client.post(_url(blok), data, HTTP_HX_REQUEST="true").content.decode()


def test_opening_a_block_shows_its_form_filled_in_within_the_agenda(
    client: Client, world: World
) -> None:
    blok = _verwerking(world)
    login(client, world.coach)
    html = client.get(_url(blok), HTTP_HX_REQUEST="true").content.decode()
    assert html.startswith('<section id="agenda"')
    assert f'name="blok-{blok.pk}-minutes" value="{blok.minutes}"' in html


def test_changing_the_minutes_and_werkvorm_keeps_the_block_in_its_place(
    client: Client, world: World
) -> None:
    blok = _verwerking(world)
    kandoe = Werkvorm.objects.get(slug="kandoe", school=None)
    order = list(blok.bijeenkomst.blokken.values_list("pk", flat=True))
    login(client, world.coach)
    _post(client, blok, "35", str(kandoe.pk))
    blok.refresh_from_db()
    assert (blok.minutes, blok.werkvorm) == (35, kandoe)
    assert list(blok.bijeenkomst.blokken.values_list("pk", flat=True)) == order


def test_after_saving_the_edit_button_of_the_block_takes_the_focus(
    client: Client, world: World
) -> None:
    blok = _verwerking(world)
    login(client, world.coach)
    html = _post(client, blok, "35")
    assert f'id="bewerk-blok-{blok.pk}"' in html and "autofocus" in html
    assert f'name="blok-{blok.pk}-minutes"' not in html


def test_bad_minutes_leave_the_block_as_it_was_and_name_the_field(
    client: Client, world: World
) -> None:
    blok = _verwerking(world)
    login(client, world.coach)
    html = _post(client, blok, "999")
    blok.refresh_from_db()
    assert blok.minutes != 999
    assert "Kies tussen 1 en 240 minuten." in html
    assert f'href="#id_blok-{blok.pk}-minutes"' in html
    assert 'value="999"' in html


def test_cancelling_closes_the_form_unchanged(client: Client, world: World) -> None:
    blok = _verwerking(world)
    login(client, world.coach)
    html = client.get(_url(blok) + "?terug", HTTP_HX_REQUEST="true").content.decode()
    assert f'name="blok-{blok.pk}-minutes"' not in html
    assert f'id="bewerk-blok-{blok.pk}"' in html


def test_without_javascript_saving_returns_to_the_bijeenkomst(client: Client, world: World) -> None:
    blok = _verwerking(world)
    login(client, world.coach)
    prefix = f"blok-{blok.pk}"
    response = client.post(_url(blok), {f"{prefix}-stap": blok.stap, f"{prefix}-minutes": "25"})
    assert response["Location"] == reverse("bijeenkomst_detail", args=[blok.bijeenkomst_id])
    blok.refresh_from_db()
    assert blok.minutes == 25


def test_without_javascript_the_whole_page_opens_with_the_form(
    client: Client, world: World
) -> None:
    blok = _verwerking(world)
    login(client, world.coach)
    html = client.get(_url(blok)).content.decode()
    assert "<html" in html and f'name="blok-{blok.pk}-minutes"' in html


def test_a_member_cannot_change_a_block(client: Client, world: World) -> None:
    blok = _verwerking(world)
    login(client, world.member)
    response = client.post(_url(blok), {f"blok-{blok.pk}-stap": blok.stap})
    assert response.status_code in {403, 404}
    assert AgendaBlok.objects.get(pk=blok.pk).minutes == blok.minutes


def test_a_block_of_another_bijeenkomst_is_not_found(client: Client, world: World) -> None:
    blok = _verwerking(world)
    other = _verwerking(world)
    login(client, world.coach)
    url = reverse("agenda_blok_bewerken_hx", args=[other.bijeenkomst_id, blok.pk])
    assert client.get(url).status_code == 404
