"""The live WebSocket: joining, commands checked like form input, broadcasting, concurrency."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

import pytest
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from plg.live import commands, participants
from plg.live import state as live_state
from plg.live.models import Kaart, LiveSessie, Zone
from plg.live.routing import websocket_urlpatterns
from plg.live.tests import screen
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
    client.state = screen.merged(first["state"], first["viewer"], first.get("names"))  # type: ignore[attr-defined]
    return client


async def seen(client: WebsocketCommunicator) -> dict[str, Any]:
    """The next state as this participant's screen shows it: a whole state, or the state it
    had with one changed card applied, as the page's script does."""
    message = await client.receive_json_from()
    if message["type"] == "cards":
        before = client.state  # type: ignore[attr-defined]
        state = screen.with_delta(before, message["state"], message["viewer"], message.get("names"))
        assert state is not None, "a delta that does not follow on"
    else:
        assert message["type"] == "state", message
        state = screen.merged(message["state"], message["viewer"], message.get("names"))
    client.state = state  # type: ignore[attr-defined]
    return state


def play(scenario: Any) -> Any:
    """Run in a thread of its own: Playwright may already run an event loop in this one."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, scenario).result()


def test_member_joins_and_gets_the_state(world: Any, sessie: LiveSessie) -> None:
    async def scenario() -> None:
        client = WebsocketCommunicator(APP, f"/ws/live/{sessie.code}/")
        client.scope["user"] = world.member
        assert (await client.connect())[0]
        state = await seen(client)
        assert state["blokken"][0]["stap"] == Stap.CHECKIN
        assert state["is_coach"] is False
        await client.disconnect()

    play(scenario())


@pytest.mark.parametrize("persona", ["outsider", "colleague", "leader", "advisor", "anonymous"])
def test_strangers_cannot_join(world: Any, sessie: LiveSessie, persona: str) -> None:
    user = AnonymousUser() if persona == "anonymous" else getattr(world, persona)

    async def scenario() -> None:
        client = WebsocketCommunicator(APP, f"/ws/live/{sessie.code}/")
        client.scope["user"] = user
        connected, code = await client.connect()
        assert not connected and code == 4403

    play(scenario())


def test_unknown_code_is_refused(world: Any, sessie: LiveSessie) -> None:
    async def scenario() -> None:
        client = WebsocketCommunicator(APP, "/ws/live/ZZZZZZ/")
        client.scope["user"] = world.coach
        connected, _code = await client.connect()
        assert not connected

    play(scenario())


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
def test_member_cannot_steer(world: Any, sessie: LiveSessie, message: dict[str, Any]) -> None:
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
    world: Any, sessie: LiveSessie, raw: str
) -> None:
    async def scenario() -> None:
        client = await join(sessie, world.member)
        await client.send_to(text_data=raw)
        answer = await client.receive_json_from()
        assert answer["type"] == "error" and answer["message"]
        await client.disconnect()

    play(scenario())
    assert LiveSessie.objects.get().version == 0 and not Kaart.objects.exists()


def test_a_card_reaches_every_participant(world: Any, sessie: LiveSessie) -> None:
    blok = sessie.bijeenkomst.blokken.get(stap=Stap.INPUT).pk

    async def scenario() -> None:
        coach = await join(sessie, world.coach)
        member = await join(sessie, world.member)
        await member.send_json_to(
            {"type": "card.add", "blok": blok, "text": "Meer tijd", "anonymous": True}
        )
        for client in (coach, member):
            state = await seen(client)
            assert [c["text"] for c in state["cards"]] == ["Meer tijd"]
            assert state["cards"][0]["author"] == ""
        await coach.disconnect()
        await member.disconnect()

    play(scenario())


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


def test_late_joiner_sees_the_remaining_time(world: Any, sessie: LiveSessie) -> None:
    checkin = sessie.bijeenkomst.blokken.get(stap=Stap.CHECKIN)
    LiveSessie.objects.filter(pk=sessie.pk).update(
        current_blok=checkin, running=True, clock_started_at=timezone.now() - timedelta(minutes=4)
    )

    async def scenario() -> int:
        client = WebsocketCommunicator(APP, f"/ws/live/{sessie.code}/")
        client.scope["user"] = world.member
        await client.connect()
        remaining = (await client.receive_json_from())["state"]["remaining"]
        await client.disconnect()
        return int(remaining)

    remaining = play(scenario())
    assert checkin.minutes * 60 - 4 * 60 - 2 <= remaining <= checkin.minutes * 60 - 4 * 60


def test_pause_and_extend_keep_the_clock_honest(world: Any, sessie: LiveSessie) -> None:
    coach = participants.Viewer(world.coach.pk, "c", role=participants.Deelname.COACH)
    checkin = sessie.bijeenkomst.blokken.get(stap=Stap.CHECKIN)
    commands.apply(sessie.pk, coach, {"type": "step.start", "blok": checkin.pk})
    commands.apply(sessie.pk, coach, {"type": "step.pause"})
    commands.apply(sessie.pk, coach, {"type": "step.extend", "minutes": 5})
    state = live_state.snapshot(sessie.pk)
    assert not state["running"]
    assert checkin.minutes * 60 + 300 - 1 <= state["remaining"] <= checkin.minutes * 60 + 300


def test_check_in_pass_needs_no_reason_and_moves_the_turn(world: Any, sessie: LiveSessie) -> None:
    order = participants.round_order(sessie)
    assert [person["id"] for person in order] == [world.coach.pk, world.member.pk]
    coach = participants.Viewer(world.coach.pk, "c", role=participants.Deelname.COACH)
    member = participants.Viewer(world.member.pk, "m", role=participants.Deelname.LID)
    with pytest.raises(commands.Refused, match="niet jouw beurt"):
        commands.apply(sessie.pk, member, {"type": "turn.pass"})
    commands.apply(sessie.pk, coach, {"type": "turn.next"})
    commands.apply(sessie.pk, member, {"type": "turn.pass"})
    assert live_state.snapshot(sessie.pk)["turn"]["id"] == order[0]["id"]


def test_reconnecting_client_gets_the_current_state(world: Any, sessie: LiveSessie) -> None:
    blok = sessie.bijeenkomst.blokken.get(stap=Stap.INPUT).pk

    async def scenario() -> None:
        member = await join(sessie, world.member)
        await member.send_json_to({"type": "card.add", "blok": blok, "text": "Blijft bewaard"})
        await member.receive_json_from()
        await member.disconnect()
        again = WebsocketCommunicator(APP, f"/ws/live/{sessie.code}/")
        again.scope["user"] = world.member
        await again.connect()
        state = (await again.receive_json_from())["state"]
        assert [c["text"] for c in state["cards"]] == ["Blijft bewaard"]
        await again.disconnect()

    play(scenario())


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


@pytest.mark.parametrize(("als", "kept"), [("thema", "themas"), ("leervraag", "leervragen")])
def test_a_kandoe_outcome_is_not_kept_while_its_cards_are_hidden(
    client: Any, world: Any, sessie: LiveSessie, als: str, kept: str
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


def test_a_card_with_an_id_beyond_two_to_the_31st_can_be_parked(
    world: Any, sessie: LiveSessie
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


def test_a_card_change_sends_one_card_and_a_client_that_missed_one_resyncs(
    world: Any, sessie: LiveSessie
) -> None:
    blok = sessie.bijeenkomst.blokken.get(stap=Stap.INPUT).pk
    coach_viewer = participants.Viewer(world.coach.pk, "c", role=participants.Deelname.COACH)

    async def scenario() -> None:
        member = await join(sessie, world.member)
        await member.send_json_to({"type": "card.add", "blok": blok, "text": "Eerste"})
        message = await member.receive_json_from()
        assert message["type"] == "cards" and len(message["state"]["cards"]) == 1
        assert "blokken" not in message["state"]  # not the whole board
        member.state = screen.with_delta(member.state, message["state"], message["viewer"])  # type: ignore[attr-defined]
        # a change this client never heard of (as if its message was lost)
        await asyncio.to_thread(
            commands.apply,
            sessie.pk,
            coach_viewer,
            {"type": "card.add", "blok": blok, "text": "Gemist"},
        )
        await member.send_json_to({"type": "card.add", "blok": blok, "text": "Derde"})
        message = await member.receive_json_from()
        assert screen.with_delta(member.state, message["state"], message["viewer"]) is None  # type: ignore[attr-defined]
        await member.send_json_to({"type": "sync"})
        state = await seen(member)
        assert [c["text"] for c in state["cards"]] == ["Eerste", "Gemist", "Derde"]
        await member.disconnect()

    play(scenario())
