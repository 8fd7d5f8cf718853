"""A card reaches every participant, as one changed card; a client that missed one asks for the
whole state."""

from __future__ import annotations

import asyncio

import pytest

from conftest import World
from plg.live import commands, participants
from plg.live.models import LiveSessie
from plg.live.tests import screen
from plg.live.tests.websocket_client import join, kandoe_sessie, play, seen
from plg.methods.models import Stap

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sessie(world: World) -> LiveSessie:
    return kandoe_sessie(world)


def test_a_card_reaches_every_participant(world: World, sessie: LiveSessie) -> None:
    blok = sessie.bijeenkomst.blokken.get(stap=Stap.INPUT).pk

    async def scenario() -> None:
        coach = await join(sessie, world.coach)
        member = await join(sessie, world.member)
        await member.send_json_to({"type": "card.add", "blok": blok, "text": "Meer tijd"})
        for client in (coach, member):
            state = await seen(client)
            assert [c["text"] for c in state["cards"]] == ["Meer tijd"]
            assert state["cards"][0]["author"] == ""
        await coach.disconnect()
        await member.disconnect()

    play(scenario())


def test_a_card_change_sends_one_card_and_a_client_that_missed_one_resyncs(
    world: World, sessie: LiveSessie
) -> None:
    blok = sessie.bijeenkomst.blokken.get(stap=Stap.INPUT).pk
    coach_viewer = participants.Viewer(world.coach.pk, "c", role=participants.Deelname.COACH)

    async def scenario() -> None:
        member = await join(sessie, world.member)
        await member.send_json_to({"type": "card.add", "blok": blok, "text": "Eerste"})
        message = await member.receive_json_from()
        assert message["type"] == "cards" and len(message["state"]["cards"]) == 1
        assert "blokken" not in message["state"]  # not the whole board
        delta = screen.with_delta(member.state, message["state"], message["viewer"])
        assert delta is not None
        member.state = delta
        # a change this client never heard of (as if its message was lost)
        await asyncio.to_thread(
            commands.apply,
            sessie.pk,
            coach_viewer,
            {"type": "card.add", "blok": blok, "text": "Gemist"},
        )
        await member.send_json_to({"type": "card.add", "blok": blok, "text": "Derde"})
        message = await member.receive_json_from()
        assert screen.with_delta(member.state, message["state"], message["viewer"]) is None
        await member.send_json_to({"type": "sync"})
        state = await seen(member)
        assert [c["text"] for c in state["cards"]] == ["Eerste", "Gemist", "Derde"]
        await member.disconnect()

    play(scenario())
