"""Kandoe over the live WebSocket: hidden cards until the reveal, moves inwards with a reason, one
winner when two move at once, merging, and the outcome saved as themes."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.utils import timezone

from plg.live import commands, participants
from plg.live import state as live_state
from plg.live.models import Kaart, LiveSessie, Zone
from plg.live.routing import websocket_urlpatterns
from plg.live.tests import client as client_state
from plg.meetings import services as meeting_services
from plg.methods.models import Stap, Werkvorm

pytestmark = pytest.mark.django_db(transaction=True)


APP = URLRouter(websocket_urlpatterns)


@pytest.fixture
def sessie(world: Any) -> LiveSessie:
    from plg.methods.catalogue import load_catalogue

    load_catalogue()
    bijeenkomst = meeting_services.plan_bijeenkomst(
        plg=world.plg, starts_at=timezone.now(), place="Zaal", duration_minutes=100
    )
    verwerking = bijeenkomst.blokken.get(stap=Stap.VERWERKING)
    verwerking.werkvorm = Werkvorm.objects.get(slug="kandoe", school=None)
    verwerking.save()
    return LiveSessie.objects.create(bijeenkomst=bijeenkomst)


def kandoe_blok(sessie: LiveSessie) -> int:
    return sessie.bijeenkomst.blokken.get(stap=Stap.VERWERKING).pk


async def join(sessie: LiveSessie, user: Any) -> WebsocketCommunicator:
    client = WebsocketCommunicator(APP, f"/ws/live/{sessie.code}/")
    client.scope["user"] = user
    connected, code = await client.connect()
    assert connected, code
    first = await client.receive_json_from()
    assert first["type"] == "state"
    client.state = client_state.merged(first["state"], first["viewer"], first.get("names"))  # type: ignore[attr-defined]
    return client


async def seen(client: WebsocketCommunicator) -> dict[str, Any]:
    """The next state as this participant's screen shows it: a whole state, or the state it
    had with one changed card applied, as the page's script does."""
    message = await client.receive_json_from()
    if message["type"] == "cards":
        before = client.state  # type: ignore[attr-defined]
        state = client_state.with_delta(
            before, message["state"], message["viewer"], message.get("names")
        )
        assert state is not None, "a delta that does not follow on"
    else:
        assert message["type"] == "state", message
        state = client_state.merged(message["state"], message["viewer"], message.get("names"))
    client.state = state  # type: ignore[attr-defined]
    return state


def play(scenario: Any) -> Any:
    """Run in a thread of its own: Playwright may already run an event loop in this one."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, scenario).result()


def test_kandoe_cards_stay_hidden_until_the_coach_reveals(world: Any, sessie: LiveSessie) -> None:
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


def _kandoe_card(world: Any, sessie: LiveSessie, **extra: Any) -> Kaart:
    blok = sessie.bijeenkomst.blokken.get(pk=kandoe_blok(sessie))
    sessie.revealed_blokken = [blok.pk]
    sessie.save()
    return Kaart.objects.create(
        sessie=sessie, blok=blok, author=world.coach, text="Kaart", zone=Zone.RING_3, **extra
    )


def _move(world: Any, sessie: LiveSessie, user: Any, kaart: Kaart, **extra: Any) -> None:
    viewer = participants.Viewer(user.pk, user.display_name, role=participants.Deelname.LID)
    command = {
        "type": "card.move",
        "card": kaart.pk,
        "zone": "ring2",
        "version": kaart.version,
        "reason": "Dit raakt ons allemaal",
    } | extra
    commands.apply(sessie.pk, viewer, command)


def test_kandoe_move_goes_one_ring_inwards_with_a_reason(world: Any, sessie: LiveSessie) -> None:
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
    world: Any, sessie: LiveSessie, who: str, extra: dict[str, Any], message: str
) -> None:
    kaart = _kandoe_card(world, sessie)
    with pytest.raises(commands.Refused, match=message):
        _move(world, sessie, getattr(world, who), kaart, **extra)
    kaart.refresh_from_db()
    assert kaart.zone == Zone.RING_3


def test_two_moves_of_one_card_at_once_one_wins(world: Any, sessie: LiveSessie) -> None:
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


def test_two_clients_moving_one_card_at_the_same_moment(world: Any, sessie: LiveSessie) -> None:
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


def test_coach_merges_similar_cards_into_the_innermost_ring(world: Any, sessie: LiveSessie) -> None:
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


def test_members_cannot_merge(world: Any, sessie: LiveSessie) -> None:
    a = _kandoe_card(world, sessie)
    b = Kaart.objects.create(sessie=sessie, blok=a.blok, author=world.member, text="B")
    member = participants.Viewer(world.member.pk, "m", role=participants.Deelname.LID)
    with pytest.raises(commands.Refused):
        commands.apply(
            sessie.pk, member, {"type": "card.merge", "cards": [a.pk, b.pk], "text": "x"}
        )


def test_kandoe_outcome_is_saved_as_ordered_themes(
    client: Any, world: Any, sessie: LiveSessie
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
