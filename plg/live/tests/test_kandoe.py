"""Kandoe over the live WebSocket: hidden cards until the reveal, moves inwards with a reason, one
winner when two move at once, merging, and the outcome saved as themes."""

from __future__ import annotations

import asyncio

import pytest
from django.test import Client

from conftest import World
from plg.accounts.models import User
from plg.live import commands, participants
from plg.live import state as live_state
from plg.live.models import Kaart, LiveSessie, Zone
from plg.live.tests.websocket_client import join, kandoe_blok, kandoe_sessie, play, seen

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sessie(world: World) -> LiveSessie:
    return kandoe_sessie(world)


def test_kandoe_cards_stay_hidden_until_the_coach_reveals(world: World, sessie: LiveSessie) -> None:
    blok = kandoe_blok(sessie)

    async def scenario() -> None:
        coach = await join(sessie, world.coach)
        member = await join(sessie, world.member)
        await coach.send_json_to({"type": "step.start", "blok": blok})
        await seen(coach)
        await seen(member)
        await member.send_json_to({"type": "card.add", "blok": blok, "text": "Huiswerkbeleid"})
        seen_by_coach = (await seen(coach))["cards"][0]
        seen_by_member = (await seen(member))["cards"][0]
        assert seen_by_coach["hidden"] and seen_by_coach["text"] == ""
        assert seen_by_member["mine"] and seen_by_member["text"] == "Huiswerkbeleid"
        await coach.send_json_to({"type": "board.reveal"})
        assert (await seen(coach))["cards"][0]["text"] == "Huiswerkbeleid"
        await member.receive_json_from()
        await coach.disconnect()
        await member.disconnect()

    play(scenario())


def _kandoe_card(world: World, sessie: LiveSessie, **extra: object) -> Kaart:
    blok = sessie.bijeenkomst.blokken.get(pk=kandoe_blok(sessie))
    sessie.revealed_blokken = [blok.pk]
    sessie.save()
    return Kaart.objects.create(
        sessie=sessie, blok=blok, author=world.coach, text="Kaart", zone=Zone.RING_3, **extra
    )


def _move(world: World, sessie: LiveSessie, user: User, kaart: Kaart, **extra: object) -> None:
    viewer = participants.Viewer(user.pk, user.display_name, role=participants.Deelname.LID)
    command = {
        "type": "card.move",
        "card": kaart.pk,
        "zone": "ring2",
        "version": kaart.version,
        "reason": "Dit raakt ons allemaal",
    } | extra
    commands.apply(sessie.pk, viewer, command)


def test_kandoe_move_goes_one_ring_inwards_with_a_reason(world: World, sessie: LiveSessie) -> None:
    kaart = _kandoe_card(world, sessie)
    _move(world, sessie, world.member, kaart)
    kaart.refresh_from_db()
    assert kaart.zone == Zone.RING_2 and kaart.zetten.get().reason == "Dit raakt ons allemaal"


@pytest.mark.parametrize(
    ("who", "extra", "message"),
    [
        ("coach", {}, "Bij KanDoe verplaats je een kaart van iemand anders."),
        ("member", {"zone": "ring1"}, "Een kaart schuift telkens één ring naar binnen."),
        ("member", {"reason": " "}, "Zeg kort waarom je deze kaart naar binnen schuift."),
        ("member", {"zone": "borgen"}, "Deze plaats bestaat niet op dit bord."),
    ],
)
def test_kandoe_rules(
    world: World, sessie: LiveSessie, who: str, extra: dict[str, object], message: str
) -> None:
    kaart = _kandoe_card(world, sessie)
    with pytest.raises(commands.Refused, match=message):
        _move(world, sessie, world.persona(who), kaart, **extra)
    kaart.refresh_from_db()
    assert kaart.zone == Zone.RING_3


def test_two_moves_of_one_card_at_once_one_wins(world: World, sessie: LiveSessie) -> None:
    from plg.communities.models import Lidmaatschap

    Lidmaatschap.objects.create(plg=world.plg, user=world.colleague)
    kaart = _kandoe_card(world, sessie)
    stale = Kaart.objects.get(pk=kaart.pk)
    _move(world, sessie, world.member, kaart)
    with pytest.raises(commands.Refused, match="Iemand anders verplaatste deze kaart net"):
        _move(world, sessie, world.colleague, stale)
    kaart.refresh_from_db()
    assert kaart.zone == Zone.RING_2 and kaart.version == 1 and kaart.zetten.count() == 1
    assert Kaart.objects.count() == 1


def test_two_clients_moving_one_card_at_the_same_moment(world: World, sessie: LiveSessie) -> None:
    from plg.communities.models import Lidmaatschap

    Lidmaatschap.objects.create(plg=world.plg, user=world.colleague)
    kaart = _kandoe_card(world, sessie)
    move = {
        "type": "card.move",
        "card": kaart.pk,
        "zone": "ring2",
        "version": 0,
        "reason": "Belangrijk",
    }

    async def scenario() -> list[str]:
        member = await join(sessie, world.member)
        colleague = await join(sessie, world.colleague)
        await asyncio.gather(member.send_json_to(move), colleague.send_json_to(move))
        kinds = []
        for client in (member, colleague):
            while not await client.receive_nothing(timeout=0.5):
                kinds.append((await client.receive_json_from())["type"])
        await member.disconnect()
        await colleague.disconnect()
        return kinds

    kinds = play(scenario())
    assert kinds.count("error") == 1 and kinds.count("cards") == 2
    kaart.refresh_from_db()
    assert kaart.zone == Zone.RING_2 and kaart.version == 1 and kaart.zetten.count() == 1


def test_coach_merges_similar_cards_into_the_innermost_ring(
    world: World, sessie: LiveSessie
) -> None:
    a = _kandoe_card(world, sessie)
    b = Kaart.objects.create(
        sessie=sessie, blok=a.blok, author=world.member, text="B", zone=Zone.RING_1
    )
    coach = participants.Viewer(world.coach.pk, "c", role=participants.Deelname.COACH)
    commands.apply(sessie.pk, coach, {"type": "card.merge", "cards": [a.pk, b.pk], "text": "Samen"})
    merged = Kaart.objects.get(text="Samen")
    assert merged.zone == Zone.RING_1
    assert set(Kaart.objects.filter(merged_into=merged)) == {a, b}
    assert [c["text"] for c in live_state.snapshot(sessie.pk)["cards"]] == ["Samen"]


def test_members_cannot_merge(world: World, sessie: LiveSessie) -> None:
    a = _kandoe_card(world, sessie)
    b = Kaart.objects.create(sessie=sessie, blok=a.blok, author=world.member, text="B")
    member = participants.Viewer(world.member.pk, "m", role=participants.Deelname.LID)
    with pytest.raises(commands.Refused):
        commands.apply(
            sessie.pk, member, {"type": "card.merge", "cards": [a.pk, b.pk], "text": "x"}
        )


def test_kandoe_outcome_is_saved_as_ordered_themes(
    client: Client, world: World, sessie: LiveSessie
) -> None:
    from django.urls import reverse

    from conftest import PASSWORD

    outer = _kandoe_card(world, sessie)
    Kaart.objects.create(
        sessie=sessie, blok=outer.blok, author=world.member, text="Kern", zone=Zone.CENTRUM
    )
    Kaart.objects.create(
        sessie=sessie,
        blok=outer.blok,
        author=world.member,
        text="Later",
        zone=Zone.RING_1,
        parked=True,
    )
    client.login(username=world.coach.email, password=PASSWORD)
    response = client.post(
        reverse("live_save_ranking", args=[sessie.bijeenkomst_id, outer.blok_id]), {"als": "thema"}
    )
    assert response.status_code == 302
    assert [t.title for t in world.plg.themas.order_by("position")] == ["Kern", "Kaart"]


@pytest.mark.parametrize(("als", "kept"), [("thema", "themas"), ("leervraag", "leervragen")])
def test_a_kandoe_outcome_is_not_kept_while_its_cards_are_hidden(
    client: Client, world: World, sessie: LiveSessie, als: str, kept: str
) -> None:
    """Every member reads the PLG's themes and leervragen: a card written alone stays with
    its author until the coach shows the board."""
    from django.urls import reverse

    from conftest import PASSWORD

    blok = sessie.bijeenkomst.blokken.get(pk=kandoe_blok(sessie))
    Kaart.objects.create(
        sessie=sessie, blok=blok, author=world.member, text="Geheim", zone=Zone.RING_3
    )
    client.login(username=world.coach.email, password=PASSWORD)
    response = client.post(
        reverse("live_save_ranking", args=[sessie.bijeenkomst_id, blok.pk]),
        {"als": als},
        follow=True,
    )
    assert "Toon eerst de kaarten" in response.content.decode()
    assert not getattr(world.plg, kept).exists()
