"""Commands are checked like form input: a member cannot steer, a malformed message changes
nothing, an id beyond 32 bits is still an id."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import World
from plg.live import commands, participants
from plg.live.models import Kaart, LiveSessie, Zone
from plg.live.tests.websocket_client import join, kandoe_sessie, play
from plg.methods.models import Stap

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sessie(world: World) -> LiveSessie:
    return kandoe_sessie(world)


@pytest.mark.parametrize(
    "message",
    [
        {"type": "step.next"},
        {"type": "step.pause"},
        {"type": "board.reveal"},
        {"type": "session.end"},
        {"type": "turn.next"},
        {"type": "step.extend", "minutes": 5},
    ],
)
def test_member_cannot_steer(world: World, sessie: LiveSessie, message: dict[str, Any]) -> None:
    async def scenario() -> None:
        client = await join(sessie, world.member)
        await client.send_json_to(message)
        answer = await client.receive_json_from()
        assert answer["type"] == "error"
        assert answer["message"] == "Alleen de procescoach kan dit doen."
        await client.disconnect()

    play(scenario())
    assert LiveSessie.objects.get().version == 0


@pytest.mark.parametrize(
    "raw",
    [
        "not json",
        "[]",
        '{"type": 5}',
        '{"type": "card.add"}',
        '{"type": "card.add", "blok": "x"}',
        '{"type": "card.move", "card": 999999, "zone": "ring2", "version": 0}',
        '{"type": "hack"}',
    ],
)
def test_malformed_messages_are_refused_and_change_nothing(
    world: World, sessie: LiveSessie, raw: str
) -> None:
    async def scenario() -> None:
        client = await join(sessie, world.member)
        await client.send_to(text_data=raw)
        answer = await client.receive_json_from()
        assert answer["type"] == "error" and answer["message"]
        await client.disconnect()

    play(scenario())
    assert LiveSessie.objects.get().version == 0 and not Kaart.objects.exists()


def test_a_card_with_an_id_beyond_two_to_the_31st_can_be_parked(
    world: World, sessie: LiveSessie
) -> None:
    kaart = Kaart.objects.create(
        pk=2**31 + 7,
        sessie=sessie,
        blok=sessie.bijeenkomst.blokken.get(stap=Stap.INPUT),
        author=world.member,
        text="Ver weg",
        zone=Zone.LOS,
    )
    member = participants.Viewer(world.member.pk, "m", role=participants.Deelname.LID)
    commands.apply(sessie.pk, member, {"type": "card.park", "card": kaart.pk, "version": 0})
    kaart.refresh_from_db()
    assert kaart.parked
