"""The phase follows the work: a chosen leervraag or a written actieplan makes the PLG page
suggest the next phase to the coach, who confirms it; nothing moves by itself."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.communities import services
from plg.communities.models import PLG, Actieplan, Fase, Rol
from plg.communities.sharing import Audience

SUGGESTION = "Een volgende fase?"


def _choose_leervraag(plg: PLG, by: User) -> None:
    plg.gekozen_leervraag = services.add_leervraag(plg=plg, text="Waarom huiswerk?", author=by)
    plg.save(update_fields=["gekozen_leervraag"])


def _write_actieplan(plg: PLG, by: User, audience: str = Audience.PLG) -> None:
    Actieplan.objects.create(
        plg=plg,
        author=by,
        target_date=timezone.localdate(),
        gewenste_verandering="Elke leerling weet waarom het huiswerk maakt.",
        audience=audience,
    )


def _page(client: Client, user: User, plg: PLG) -> str:
    assert client.login(username=user.email, password=PASSWORD)
    return client.get(reverse("plg_detail", args=[plg.pk])).content.decode()


def _answer(client: Client, plg: PLG, fase: str, antwoord: str) -> None:
    response = client.post(
        reverse("plg_fase_voorstel", args=[plg.pk]), {"fase": fase, "antwoord": antwoord}
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("fase", "leervraag", "actieplan", "suggested"),
    [
        (Fase.VERKENNEN, False, False, None),
        (Fase.LEERVRAAG, True, False, Fase.ACTIEPLAN),
        (Fase.VERKENNEN, True, False, Fase.ACTIEPLAN),  # chosen early: the work shows it
        (Fase.ACTIEPLAN, True, False, None),
        (Fase.ACTIEPLAN, True, True, Fase.AAN_DE_SLAG),
        (Fase.AAN_DE_SLAG, True, True, None),
        (Fase.AFRONDEN, True, True, None),  # went further: never suggest going back
        (Fase.AFGESLOTEN, True, True, None),
    ],
)
def test_the_suggested_phase_follows_the_work(
    world: World, fase: Fase, leervraag: bool, actieplan: bool, suggested: Fase | None
) -> None:
    plg = world.plg
    plg.fase = fase
    if leervraag:
        _choose_leervraag(plg, world.coach)
    assert plg.suggested_fase(has_actieplan=actieplan) == suggested


def test_the_coach_sees_the_suggestion_and_the_member_does_not(
    client: Client, world: World
) -> None:
    world.plg.fase = Fase.LEERVRAAG
    world.plg.save(update_fields=["fase"])
    _choose_leervraag(world.plg, world.coach)
    assert SUGGESTION in _page(client, world.coach, world.plg)
    assert SUGGESTION not in _page(client, world.member, world.plg)


def test_the_phase_moves_only_when_the_coach_confirms(client: Client, world: World) -> None:
    world.plg.fase = Fase.LEERVRAAG
    world.plg.save(update_fields=["fase"])
    _choose_leervraag(world.plg, world.coach)
    assert "Naar de fase 'actieplan'" in _page(client, world.coach, world.plg)
    assert PLG.objects.get(pk=world.plg.pk).fase == Fase.LEERVRAAG
    _answer(client, world.plg, Fase.ACTIEPLAN, "volgen")
    assert PLG.objects.get(pk=world.plg.pk).fase == Fase.ACTIEPLAN
    assert SUGGESTION not in _page(client, world.coach, world.plg)


def test_a_written_actieplan_suggests_getting_to_work(client: Client, world: World) -> None:
    world.plg.fase = Fase.ACTIEPLAN
    world.plg.save(update_fields=["fase"])
    _choose_leervraag(world.plg, world.coach)
    _write_actieplan(world.plg, world.coach)
    assert "Is het tijd om ermee aan de slag te gaan?" in _page(client, world.coach, world.plg)
    _answer(client, world.plg, Fase.AAN_DE_SLAG, "volgen")
    world.plg.refresh_from_db()
    assert world.plg.fase == Fase.AAN_DE_SLAG


def test_not_yet_puts_the_suggestion_off_and_leaves_the_phase(client: Client, world: World) -> None:
    world.plg.fase = Fase.LEERVRAAG
    world.plg.save(update_fields=["fase"])
    _choose_leervraag(world.plg, world.coach)
    _page(client, world.coach, world.plg)
    _answer(client, world.plg, Fase.ACTIEPLAN, "niet_nu")
    assert SUGGESTION not in _page(client, world.coach, world.plg)
    world.plg.refresh_from_db()
    assert world.plg.fase == Fase.LEERVRAAG


def test_a_suggestion_that_no_longer_holds_changes_nothing(client: Client, world: World) -> None:
    world.plg.fase = Fase.LEERVRAAG
    world.plg.save(update_fields=["fase"])
    _choose_leervraag(world.plg, world.coach)
    _page(client, world.coach, world.plg)
    _answer(client, world.plg, Fase.AAN_DE_SLAG, "volgen")  # no actieplan yet
    world.plg.refresh_from_db()
    assert world.plg.fase == Fase.LEERVRAAG


def test_a_private_actieplan_of_another_coach_suggests_nothing(
    client: Client, world: World
) -> None:
    world.plg.fase = Fase.ACTIEPLAN
    world.plg.save(update_fields=["fase"])
    _choose_leervraag(world.plg, world.coach)
    services.set_rol(lid=world.plg.lidmaatschappen.get(user=world.member), rol=Rol.PROCESCOACH)
    _write_actieplan(world.plg, world.coach, audience=Audience.ALLEEN_IK)
    assert SUGGESTION not in _page(client, world.member, world.plg)
