"""Kandoe over the live WebSocket: the start question first, hidden cards until the reveal, then
rounds in which each member in turn moves one card of someone else one ring inwards with a
reason (or passes), one winner when two move at once, merging, the end of the game, and the
outcome saved as themes with its reasons kept."""

from __future__ import annotations

import asyncio
import html

import pytest
from django.test import Client

from conftest import World
from plg.accounts.models import User
from plg.live import commands, participants
from plg.live import state as live_state
from plg.live.models import Einde, Kaart, Kandoe, LiveSessie, Zet, Zone
from plg.live.tests.websocket_client import join, kandoe_blok, kandoe_sessie, play, seen

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sessie(world: World) -> LiveSessie:
    sessie = kandoe_sessie(world)
    Kandoe.objects.create(sessie=sessie, blok_id=kandoe_blok(sessie), startvraag="Wat eerst?")
    return sessie


def test_kandoe_cards_stay_hidden_until_the_coach_reveals(world: World, sessie: LiveSessie) -> None:
    blok = kandoe_blok(sessie)

    async def scenario() -> None:
        coach = await join(sessie, world.coach)
        member = await join(sessie, world.member)
        await coach.send_json_to({"type": "step.start", "blok": blok})
        await seen(coach)
        await seen(member)
        await coach.send_json_to({"type": "kandoe.setup", "blok": blok, "startvraag": "Wat eerst?"})
        assert (await seen(member))["kandoe"][str(blok)]["startvraag"] == "Wat eerst?"
        await seen(coach)
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


def _kandoe_card(
    world: World,
    sessie: LiveSessie,
    author: User | None = None,
    text: str = "Kaart",
    **extra: object,
) -> Kaart:
    """A card on the shown board of the step that is on now."""
    blok = sessie.bijeenkomst.blokken.get(pk=kandoe_blok(sessie))
    sessie.revealed_blokken = [blok.pk]
    sessie.current_blok = blok
    sessie.save()
    return Kaart.objects.create(
        sessie=sessie,
        blok=blok,
        author=author or world.coach,
        text=text,
        zone=Zone.RING_3,
        **extra,
    )


def _turn_of(sessie: LiveSessie, user: User) -> None:
    """Hand the turn of this round to ``user``, as if those before had passed."""
    order = [person["id"] for person in participants.round_order(sessie)]
    Kandoe.objects.filter(sessie=sessie).update(beurt=order.index(user.pk))


def _game(sessie: LiveSessie) -> Kandoe:
    return Kandoe.objects.get(sessie=sessie)


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
    _turn_of(sessie, world.member)
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
    _turn_of(sessie, world.persona(who))
    with pytest.raises(commands.Refused, match=message):
        _move(world, sessie, world.persona(who), kaart, **extra)
    kaart.refresh_from_db()
    assert kaart.zone == Zone.RING_3


def test_two_moves_of_one_card_at_once_one_wins(world: World, sessie: LiveSessie) -> None:
    from plg.communities.models import Lidmaatschap

    Lidmaatschap.objects.create(plg=world.plg, user=world.colleague)
    kaart = _kandoe_card(world, sessie)
    stale = Kaart.objects.get(pk=kaart.pk)
    _turn_of(sessie, world.member)
    _move(world, sessie, world.member, kaart)
    _turn_of(sessie, world.colleague)
    with pytest.raises(commands.Refused, match="Iemand anders verplaatste deze kaart net"):
        _move(world, sessie, world.colleague, stale)
    kaart.refresh_from_db()
    assert kaart.zone == Zone.RING_2 and kaart.version == 1 and kaart.zetten.count() == 1
    assert Kaart.objects.count() == 1


def test_two_clients_moving_one_card_at_the_same_moment(world: World, sessie: LiveSessie) -> None:
    """Only one of them has the turn: the other's move is refused, everyone sees the one."""
    from plg.communities.models import Lidmaatschap

    Lidmaatschap.objects.create(plg=world.plg, user=world.colleague)
    kaart = _kandoe_card(world, sessie)
    _turn_of(sessie, world.member)
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
    assert kinds.count("error") == 1 and kinds.count("state") == 2
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


@pytest.mark.parametrize("als", ["thema", "leervraag"])
def test_saving_a_kandoe_outcome_returns_to_the_live_screen(
    client: Client, world: World, sessie: LiveSessie, als: str
) -> None:
    """Saving happens during the meeting: the coach stays in it, told where it was kept."""
    from django.urls import reverse

    from conftest import PASSWORD

    card = _kandoe_card(world, sessie)
    client.login(username=world.coach.email, password=PASSWORD)
    response = client.post(
        reverse("live_save_ranking", args=[sessie.bijeenkomst_id, card.blok_id]),
        {"als": als},
        follow=True,
    )
    assert response.redirect_chain == [(reverse("live", args=[sessie.bijeenkomst_id]), 302)]
    kept = "thema" if als == "thema" else "kandidaat-leervraag"
    assert f"1 kaart bewaard als {kept} van de PLG." in html.unescape(response.content.decode())


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


def _viewer(user: User) -> participants.Viewer:
    return participants.Viewer(user.pk, user.display_name, role=participants.Deelname.LID)


def _three_players(world: World, sessie: LiveSessie) -> list[User]:
    """Coach, member and colleague, in the order they take turns (alphabetically)."""
    from plg.communities.models import Lidmaatschap

    Lidmaatschap.objects.create(plg=world.plg, user=world.colleague)
    ids = [person["id"] for person in participants.round_order(sessie)]
    users = {u.pk: u for u in (world.coach, world.member, world.colleague)}
    return [users[i] for i in ids]


def test_a_member_cannot_move_twice_in_a_row(world: World, sessie: LiveSessie) -> None:
    first = _kandoe_card(world, sessie, text="Eerste")
    second = _kandoe_card(world, sessie, text="Tweede")
    _turn_of(sessie, world.member)
    _move(world, sessie, world.member, first)
    with pytest.raises(commands.Refused, match="niet jouw beurt"):
        _move(world, sessie, world.member, second)
    second.refresh_from_db()
    assert second.zone == Zone.RING_3 and not second.zetten.exists()


def test_the_turn_goes_round_the_members_in_order(world: World, sessie: LiveSessie) -> None:
    players = _three_players(world, sessie)
    _kandoe_card(world, sessie, author=world.outsider)
    seen_turns = []
    for _ in range(4):
        seen_turns.append(live_state.snapshot(sessie.pk)["turn"]["id"])
        holder = next(u for u in players if u.pk == seen_turns[-1])
        commands.apply(sessie.pk, _viewer(holder), {"type": "turn.pass"})
        if _game(sessie).is_ended:
            break
    assert seen_turns[:3] == [u.pk for u in players]


def test_passing_needs_no_reason_and_only_the_one_whose_turn_it_is_passes(
    world: World, sessie: LiveSessie
) -> None:
    players = _three_players(world, sessie)
    _kandoe_card(world, sessie)
    with pytest.raises(commands.Refused, match="niet jouw beurt"):
        commands.apply(sessie.pk, _viewer(players[1]), {"type": "turn.pass"})
    commands.apply(sessie.pk, _viewer(players[0]), {"type": "turn.pass"})
    assert live_state.snapshot(sessie.pk)["turn"]["id"] == players[1].pk


def test_after_a_round_with_a_move_a_new_round_begins(world: World, sessie: LiveSessie) -> None:
    players = _three_players(world, sessie)
    kaart = _kandoe_card(world, sessie, author=world.outsider)
    _move(world, sessie, players[0], kaart)
    for player in players[1:]:
        commands.apply(sessie.pk, _viewer(player), {"type": "turn.pass"})
    game = _game(sessie)
    assert (game.ronde, game.beurt, game.is_ended) == (2, 0, False)
    assert kaart.zetten.get().ronde == 1


def test_a_round_without_a_move_ends_the_game(world: World, sessie: LiveSessie) -> None:
    players = _three_players(world, sessie)
    kaart = _kandoe_card(world, sessie, author=world.outsider)
    for player in players:
        commands.apply(sessie.pk, _viewer(player), {"type": "turn.pass"})
    assert _game(sessie).einde == Einde.STIL
    assert live_state.snapshot(sessie.pk)["kandoe"][str(kaart.blok_id)]["ended"]
    with pytest.raises(commands.Refused, match="Deze KanDoe is afgerond"):
        _move(world, sessie, players[0], kaart)


def test_the_coach_rounds_the_game_off(world: World, sessie: LiveSessie) -> None:
    kaart = _kandoe_card(world, sessie, author=world.outsider)
    coach = participants.Viewer(world.coach.pk, "c", role=participants.Deelname.COACH)
    commands.apply(sessie.pk, coach, {"type": "kandoe.end", "blok": kaart.blok_id})
    assert _game(sessie).einde == Einde.COACH
    assert live_state.snapshot(sessie.pk)["turn"] is None


def test_cards_wait_for_the_start_question(world: World) -> None:
    sessie = kandoe_sessie(world)
    member = _viewer(world.member)
    command = {"type": "card.add", "blok": kandoe_blok(sessie), "text": "Huiswerk"}
    with pytest.raises(commands.Refused, match="eerst de startvraag"):
        commands.apply(sessie.pk, member, command)
    coach = participants.Viewer(world.coach.pk, "c", role=participants.Deelname.COACH)
    commands.apply(
        sessie.pk,
        coach,
        {"type": "kandoe.setup", "blok": kandoe_blok(sessie), "startvraag": "Wat eerst?"},
    )
    commands.apply(sessie.pk, member, command)
    assert Kaart.objects.get().text == "Huiswerk"


def test_everyone_reads_why_a_card_moved_but_not_who_moved_it(
    world: World, sessie: LiveSessie
) -> None:
    kaart = _kandoe_card(world, sessie)
    _turn_of(sessie, world.member)
    _move(world, sessie, world.member, kaart)
    message = live_state.broadcast(live_state.snapshot(sessie.pk))
    assert "Dit raakt ons allemaal" in message.public
    assert world.member.display_name not in message.public


def test_the_summary_keeps_the_start_question_and_the_reasons(
    client: Client, world: World, sessie: LiveSessie
) -> None:
    from django.urls import reverse

    from conftest import PASSWORD

    kaart = _kandoe_card(world, sessie, text="Huiswerkbeleid")
    _turn_of(sessie, world.member)
    _move(world, sessie, world.member, kaart)
    client.login(username=world.member.email, password=PASSWORD)
    page = client.get(reverse("samenvatting", args=[sessie.bijeenkomst_id])).content.decode()
    assert "Wat eerst?" in page and "Dit raakt ons allemaal" in page
    assert Zet.objects.get().by == world.member


def test_a_merged_card_keeps_the_reasons_of_the_cards_merged_into_it(
    client: Client, world: World, sessie: LiveSessie
) -> None:
    from django.urls import reverse

    from conftest import PASSWORD

    kaart = _kandoe_card(world, sessie, text="Huiswerk")
    other = _kandoe_card(world, sessie, text="Taken thuis")
    _turn_of(sessie, world.member)
    _move(world, sessie, world.member, kaart)
    coach = participants.Viewer(world.coach.pk, "c", role=participants.Deelname.COACH)
    commands.apply(
        sessie.pk, coach, {"type": "card.merge", "cards": [kaart.pk, other.pk], "text": "Thuis"}
    )
    assert live_state.snapshot(sessie.pk)["cards"][0]["reasons"] == ["Dit raakt ons allemaal"]
    client.login(username=world.member.email, password=PASSWORD)
    page = client.get(reverse("samenvatting", args=[sessie.bijeenkomst_id])).content.decode()
    assert "Thuis" in page and "Dit raakt ons allemaal" in page


def test_the_coach_may_move_a_card_merged_from_the_others_cards(
    world: World, sessie: LiveSessie
) -> None:
    a = _kandoe_card(world, sessie, author=world.member, text="A")
    b = _kandoe_card(world, sessie, author=world.outsider, text="B")
    coach = participants.Viewer(world.coach.pk, "c", role=participants.Deelname.COACH)
    commands.apply(sessie.pk, coach, {"type": "card.merge", "cards": [a.pk, b.pk], "text": "AB"})
    merged = Kaart.objects.get(text="AB")
    _turn_of(sessie, world.coach)
    _move(world, sessie, world.coach, merged)
    merged.refresh_from_db()
    assert merged.zone == Zone.RING_2
