"""What a client may send over the live socket: frames of at most 16 kB, shallow JSON, clean
texts of a sensible length, about ten commands a second. Refused politely, nothing stored,
the connection stays."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.utils import timezone

from conftest import World
from plg.accounts.models import User
from plg.live import limits
from plg.live.models import Kaart, LiveSessie
from plg.live.tests.websocket_client import Screen, play
from plg.meetings.tests.factories import BijeenkomstFactory
from plg.methods.models import Stap

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sessie(world: World) -> LiveSessie:
    bijeenkomst = BijeenkomstFactory.create(plg=world.plg, starts_at=timezone.now())
    return LiveSessie.objects.create(bijeenkomst=bijeenkomst, opened_by=world.coach)


def input_blok(sessie: LiveSessie) -> int:
    return sessie.bijeenkomst.blokken.get(stap=Stap.INPUT).pk


async def joined(sessie: LiveSessie, user: User) -> Screen:
    client = Screen(sessie.code, user)
    connected, code = await client.connect()
    assert connected, code
    await client.receive_json_from()
    return client


def answers(
    sessie: LiveSessie, user: User, frames: list[str | bytes], then: dict[str, Any]
) -> list[dict[str, Any]]:
    """Send raw frames (text, or bytes), then one good command; the answers to all of them.
    The last answer shows the connection survived what came before."""

    async def scenario() -> list[dict[str, Any]]:
        client = await joined(sessie, user)
        for frame in frames:
            if isinstance(frame, bytes):
                await client.send_to(bytes_data=frame)
            else:
                await client.send_to(text_data=frame)
        await client.send_json_to(then)
        replies = [await client.receive_json_from(timeout=5) for _ in range(len(frames) + 1)]
        await client.disconnect()
        return replies

    return play(scenario())


def good_card(sessie: LiveSessie) -> dict[str, Any]:
    return {"type": "card.add", "blok": input_blok(sessie), "text": "Gewoon een kaart"}


@pytest.mark.parametrize("depth", [200_000, 1_000, 20])
def test_deeply_nested_messages_are_refused_and_the_connection_stays(
    world: World, sessie: LiveSessie, depth: int
) -> None:
    nested = "[" * depth + "]" * depth
    refused, after = answers(sessie, world.member, [nested], good_card(sessie))
    assert refused["type"] == "error"
    assert "te groot" in refused["message"] or "te diep genest" in refused["message"]
    assert after["type"] == "cards"
    assert Kaart.objects.count() == 1


def test_brackets_inside_a_text_are_just_text(world: World, sessie: LiveSessie) -> None:
    text = "[[[[[[[[[[{{{{{{{{{{ haakjes"
    (answer,) = answers(sessie, world.member, [], good_card(sessie) | {"text": text})
    assert answer["type"] == "cards"
    assert Kaart.objects.get().text == text


def test_an_oversized_message_is_refused_unread(world: World, sessie: LiveSessie) -> None:
    huge = json.dumps(good_card(sessie) | {"text": "x" * 1_000_000})
    refused, after = answers(sessie, world.member, [huge], good_card(sessie))
    assert refused == {
        "type": "error",
        "message": "Dit bericht is te groot: hoogstens 16 kB.",
        "ref": None,
    }
    assert after["type"] == "cards"
    assert list(Kaart.objects.values_list("text", flat=True)) == ["Gewoon een kaart"]


def test_a_binary_frame_is_refused(world: World, sessie: LiveSessie) -> None:
    refused, after = answers(sessie, world.member, [b"\x00\x01"], good_card(sessie))
    assert refused["type"] == "error" and "begrijpen we niet" in refused["message"]
    assert after["type"] == "cards"


def test_a_nul_byte_and_other_control_characters_never_reach_the_database(
    world: World, sessie: LiveSessie
) -> None:
    card = good_card(sessie) | {"text": "Goed\x00 idee\x07\u200b", "why": "Om\x1b reden\ud800"}
    (answer,) = answers(sessie, world.member, [], card)
    assert answer["type"] == "cards"
    kaart = Kaart.objects.get()
    assert (kaart.text, kaart.why) == ("Goed idee\u200b", "Om reden")


def test_a_text_of_control_characters_only_is_empty(world: World, sessie: LiveSessie) -> None:
    (answer,) = answers(sessie, world.member, [], good_card(sessie) | {"text": "\x00\x01 \x02"})
    assert answer == {"type": "error", "message": "Vul 'tekst' in.", "ref": None}
    assert not Kaart.objects.exists()


@pytest.mark.parametrize(
    ("field", "label", "limit"),
    [("text", "tekst", 300), ("why", "waarom", 300)],
)
def test_a_too_long_text_is_refused_naming_the_field(
    world: World, sessie: LiveSessie, field: str, label: str, limit: int
) -> None:
    card = good_card(sessie) | {field: "x" * (limit + 1)}
    (answer,) = answers(sessie, world.member, [], card)
    assert answer["message"] == f"'{label}' mag hoogstens {limit} tekens lang zijn."
    assert not Kaart.objects.exists()


def test_a_flooding_client_is_asked_to_slow_down_and_nothing_more_is_stored(
    world: World, sessie: LiveSessie, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sixty cards at one instant (the clock stands still, so the bucket does not refill):
    the burst is stored, the rest politely refused, the connection stays."""
    monkeypatch.setattr(limits, "clock", lambda: 1000.0)
    card = good_card(sessie)

    async def scenario() -> list[dict[str, Any]]:
        client = await joined(sessie, world.member)
        for n in range(60):
            await client.send_json_to(card | {"text": f"Kaart {n}", "ref": str(n)})
        replies = [await client.receive_json_from(timeout=10) for _ in range(60)]
        await client.disconnect()
        return replies

    replies = play(scenario())
    refused = [r for r in replies if r["type"] == "error"]
    assert len(refused) == 60 - limits.BURST
    assert {r["message"] for r in refused} == {
        "Even rustig aan: je stuurt te veel na elkaar. Wacht een paar tellen en probeer dan opnieuw."
    }
    assert Kaart.objects.count() == limits.BURST


def test_asking_for_the_state_again_counts_less_than_a_command(
    world: World, sessie: LiveSessie, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A client that missed a change asks for the whole state: four of those cost as much as
    one command, so a burst of them is answered where as many commands would not be."""
    monkeypatch.setattr(limits, "clock", lambda: 1000.0)
    syncs = int(limits.BURST / limits.SYNC_COST) - 4
    card = good_card(sessie)

    async def scenario() -> list[str]:
        client = await joined(sessie, world.member)
        for _ in range(syncs):
            await client.send_json_to({"type": "sync"})
        await client.send_json_to(card)
        await client.send_json_to(card)
        kinds = [(await client.receive_json_from(timeout=10))["type"] for _ in range(syncs + 2)]
        await client.disconnect()
        return kinds

    kinds = play(scenario())
    assert kinds == ["state"] * syncs + ["cards", "error"]


def test_the_bucket_refills_at_ten_commands_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [100.0]
    monkeypatch.setattr(limits, "clock", lambda: now[0])
    bucket = limits.Bucket()
    assert sum(bucket.take() for _ in range(100)) == limits.BURST
    now[0] += 1.0
    assert sum(bucket.take() for _ in range(100)) == limits.COMMANDS_PER_SECOND
    now[0] += 0.1
    assert bucket.take(limits.SYNC_COST) and not bucket.take(1.0)
