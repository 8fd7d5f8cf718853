"""What each kind of participant receives over the WebSocket, read as the raw JSON they get.

Marker texts are planted where anonymity is promised: a card still hidden (its text and its
"why"), an anonymous card, a written round contribution for each audience, and an OASE round
(its theme, and the evaluation its inbrenger writes). Each test asserts exactly which viewer's
frames hold which marker, and which name stands next to it.
Runs on SQLite and on PostgreSQL (``make test``).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import pytest
from asgiref.sync import sync_to_async
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from conftest import World
from plg.accounts.models import User
from plg.live.authorizers import GUEST_SESSION_KEY
from plg.live.models import Gastlink, LiveSessie
from plg.live.tests.websocket_client import Screen, play
from plg.meetings.tests.factories import BijeenkomstFactory
from plg.methods.models import Stap, Werkvorm

pytestmark = pytest.mark.django_db(transaction=True)

VIEWERS = ["coach", "member", "leader", "guest"]
MEMBER, COACH, LEADER = "Mehdi Test", "Charlotte Test", "Lies Test"


@pytest.fixture
def sessie(world: World) -> LiveSessie:
    from plg.methods.catalogue import load_catalogue

    load_catalogue()
    bijeenkomst = BijeenkomstFactory.create(plg=world.plg, starts_at=timezone.now())
    kandoe = bijeenkomst.blokken.get(stap=Stap.VERWERKING)
    kandoe.werkvorm = Werkvorm.objects.get(slug="kandoe", school=None)
    kandoe.save()
    oase = bijeenkomst.blokken.get(stap=Stap.DOELEN)
    oase.werkvorm = Werkvorm.objects.get(slug="oase", school=None)
    oase.save()
    sessie = LiveSessie.objects.create(bijeenkomst=bijeenkomst, opened_by=world.coach)
    sessie.schoolleiders.add(world.leader)
    return sessie


async def _connect(
    sessie: LiveSessie, user: User | AnonymousUser, session: dict[str, object] | None = None
) -> Screen:
    client = Screen(sessie.code, user, session)
    connected, code = await client.connect()
    assert connected, code
    return client


def _play(world: World, sessie: LiveSessie, reveal: bool) -> dict[str, list[str]]:
    """Everyone joins; cards and round contributions are written; every frame is kept."""
    blok = {b.stap: b.pk for b in sessie.bijeenkomst.blokken.all()}
    link = Gastlink.objects.create(
        sessie=sessie,
        name="Eva Expert",
        created_by=world.coach,
        expires_at=timezone.now() + timedelta(hours=2),
    )

    async def scenario() -> dict[str, list[str]]:
        clients = {
            "coach": await _connect(sessie, world.coach),
            "member": await _connect(sessie, world.member),
            "leader": await _connect(sessie, world.leader),
            "guest": await _connect(sessie, AnonymousUser(), {GUEST_SESSION_KEY: [link.token]}),
        }
        frames: dict[str, list[str]] = {
            name: [await client.receive_text()] for name, client in clients.items()
        }

        async def say(who: str, command: dict[str, Any]) -> None:
            """Each change reaches every participant as one frame."""
            await clients[who].send_json_to(command)
            for name, client in clients.items():
                frames[name].append(await client.receive_text())

        kandoe = await _write_everything(say, blok, world)
        if reveal:
            await say("coach", {"type": "step.start", "blok": kandoe})
            frames = {name: [] for name in clients}
            await say("coach", {"type": "board.reveal"})
            await say("coach", await sync_to_async(_move_leaders_card)(sessie))
        for name, client in clients.items():
            await client.send_json_to({"type": "sync"})
            frames[name].append(await client.receive_text())
            assert await client.receive_nothing(timeout=0.05)
            await client.disconnect()
        return frames

    return play(scenario())


def _move_leaders_card(sessie: LiveSessie) -> dict[str, Any]:
    """The coach, whose turn comes first, moves the leader's card inwards with a reason."""
    kaart = sessie.kaarten.get(text="QLEADERCARD")
    return {
        "type": "card.move",
        "card": kaart.pk,
        "version": kaart.version,
        "zone": "ring2",
        "reason": "QREASON",
    }


async def _write_everything(
    say: Callable[[str, dict[str, Any]], Awaitable[None]], blok: dict[str, int], world: World
) -> int:
    """Cards on a private-first board, an anonymous card, round contributions for every
    audience and an OASE case; returns the private-first board."""
    kandoe = blok[Stap.VERWERKING]
    await say("coach", {"type": "step.start", "blok": kandoe})
    await say("coach", {"type": "kandoe.setup", "blok": kandoe, "startvraag": "QVRAAG"})
    await say(
        "member",
        {
            "type": "card.add",
            "blok": kandoe,
            "text": "QHIDDENTEXT",
            "why": "QHIDDENWHY",
            "named": True,
        },
    )
    await say("leader", {"type": "card.add", "blok": kandoe, "text": "QLEADERCARD", "named": True})
    await say(
        "coach",
        {"type": "card.add", "blok": blok[Stap.INPUT], "text": "QANON"},  # no choice made
    )
    for who, stap, audience in [
        ("member", Stap.CHECKIN, "ik"),
        ("member", Stap.CHECKOUT, "netwerk"),
        ("coach", Stap.CHECKIN, "plg"),
        ("coach", Stap.CHECKOUT, "team"),
        ("leader", Stap.CHECKIN, "leiding"),
    ]:
        text = f"QW{audience.upper()}"
        await say(
            who, {"type": "round.write", "blok": blok[stap], "text": text, "audience": audience}
        )
    oase = blok[Stap.DOELEN]
    await say("coach", {"type": "step.start", "blok": oase})
    await say(
        "coach",
        {"type": "oase.setup", "blok": oase, "inbrenger": world.member.pk, "thema": "QTHEMA"},
    )
    for _ in range(3):
        await say("coach", {"type": "oase.next", "blok": oase})
    await say("member", {"type": "oase.evaluate", "blok": oase, "text": "QEVAL"})
    return kandoe


MARKERS = [
    "QHIDDENTEXT",
    "QHIDDENWHY",
    "QLEADERCARD",
    "QANON",
    "QWIK",
    "QWPLG",
    "QWLEIDING",
    "QWTEAM",
    "QWNETWERK",
    "QTHEMA",
    "QEVAL",
    "QVRAAG",
    "QREASON",
]


def _holders(frames: dict[str, list[str]]) -> dict[str, set[str]]:
    """For each marker, the viewers whose raw frames contain it anywhere."""
    return {
        marker: {name for name, raw in frames.items() if any(marker in f for f in raw)}
        for marker in MARKERS
    }


def _named(raw_frames: list[str]) -> set[tuple[str, str]]:
    """Each marker this viewer received, with the name that came with it ("" for none)."""
    pairs = set()
    for raw in raw_frames:
        message = json.loads(raw)
        if message["type"] not in {"state", "cards"}:
            continue
        authors = message.get("names", {}).get("cards", {})
        own = message["viewer"]["own"]
        for card in message["state"]["cards"]:
            mine = own.get(str(card["id"]), {})
            said = {card["text"], card["why"], *card.get("reasons", []), *mine.values()}
            for text in said - {""}:
                pairs.add((text, authors.get(str(card["id"]), "")))
        for item in message["viewer"]["written"]:
            pairs.add((item["text"], item["name"]))
        names = message.get("names", {})
        for blok, round_ in message["state"].get("oase", {}).items():
            inbrenger = names.get("inbrengers", {}).get(blok, "")
            pairs.add((round_["thema"], inbrenger))
            if names.get("evaluaties", {}).get(blok):
                pairs.add((names["evaluaties"][blok], inbrenger))
    return pairs


def test_before_the_reveal_each_viewer_receives_only_what_is_theirs_to_read(
    world: World, sessie: LiveSessie
) -> None:
    frames = _play(world, sessie, reveal=False)
    assert _holders(frames) == {
        "QHIDDENTEXT": {"member"},
        "QHIDDENWHY": {"member"},
        "QLEADERCARD": {"leader"},
        "QANON": {"coach", "member", "leader", "guest"},
        "QWIK": {"member"},
        "QWPLG": {"coach", "member"},
        "QWLEIDING": {"coach", "member", "leader"},
        "QWTEAM": {"coach", "member", "leader"},
        "QWNETWERK": {"coach", "member", "leader"},
        "QTHEMA": {"coach", "member", "leader", "guest"},
        "QEVAL": {"coach", "member"},
        "QVRAAG": {"coach", "member", "leader", "guest"},
        "QREASON": set(),
    }


def test_names_stand_next_to_content_only_for_members(world: World, sessie: LiveSessie) -> None:
    frames = _play(world, sessie, reveal=False)
    assert _named(frames["member"]) == {
        ("QHIDDENTEXT", ""),
        ("QHIDDENWHY", ""),
        ("QANON", ""),
        ("QWIK", MEMBER),
        ("QWNETWERK", MEMBER),
        ("QWPLG", COACH),
        ("QWTEAM", COACH),
        ("QWLEIDING", LEADER),
        ("QTHEMA", MEMBER),
        ("QEVAL", MEMBER),
    }
    assert _named(frames["coach"]) == {
        ("QANON", ""),
        ("QWNETWERK", MEMBER),
        ("QWPLG", COACH),
        ("QWTEAM", COACH),
        ("QWLEIDING", LEADER),
        ("QTHEMA", MEMBER),
        ("QEVAL", MEMBER),
    }
    assert _named(frames["leader"]) == {
        ("QLEADERCARD", ""),
        ("QANON", ""),
        ("QWNETWERK", ""),
        ("QWTEAM", ""),
        ("QWLEIDING", LEADER),
        ("QTHEMA", ""),
    }
    assert _named(frames["guest"]) == {("QANON", ""), ("QTHEMA", "")}


def test_guests_and_leaders_receive_no_members_name_and_no_user_id(
    world: World, sessie: LiveSessie
) -> None:
    """Who brings in the OASE case, whose turn it is and who is in the PLG stay inside the
    PLG: not as a name, and not as a user id that could be matched to one."""
    frames = _play(world, sessie, reveal=False)
    for viewer in ["leader", "guest"]:
        for raw in frames[viewer]:
            assert MEMBER not in raw and COACH not in raw, viewer
            message = json.loads(raw)
            if message["type"] == "state":
                shared = message["state"]
                assert "order" not in shared
                assert not isinstance(shared["turn"], dict)
                assert all("inbrenger" not in round_ for round_ in shared["oase"].values())


def test_a_hidden_cards_author_is_in_no_frame_of_anyone_else(
    world: World, sessie: LiveSessie
) -> None:
    """The school leader is not in the turn order, so their name shows up only next to
    what they wrote: before the reveal, nowhere but in what the members may read."""
    frames = _play(world, sessie, reveal=False)
    holders = {name for name, raw in frames.items() if any(LEADER in f for f in raw)}
    assert holders == {"coach", "member", "leader"}  # only beside QWLEIDING (see above)
    for raw in frames["coach"] + frames["member"]:
        message = json.loads(raw)
        if message["type"] in {"state", "cards"}:
            assert LEADER not in json.dumps(message["state"]["cards"])
            assert LEADER not in json.dumps(message.get("names", {}))


def test_after_the_reveal_everyone_reads_the_cards_and_only_members_read_their_authors(
    world: World, sessie: LiveSessie
) -> None:
    frames = _play(world, sessie, reveal=True)
    holders = _holders(frames)
    card_markers = {"QHIDDENTEXT", "QHIDDENWHY", "QLEADERCARD", "QANON", "QREASON"}
    for marker in card_markers:
        assert holders[marker] == set(VIEWERS), marker
    for viewer in ["coach", "member"]:
        assert ("QHIDDENTEXT", MEMBER) in _named(frames[viewer])
        assert ("QLEADERCARD", LEADER) in _named(frames[viewer])
        assert ("QANON", "") in _named(frames[viewer])
    for viewer in ["leader", "guest"]:
        cards = {pair for pair in _named(frames[viewer]) if pair[0] in card_markers}
        assert cards == {
            ("QHIDDENTEXT", ""),
            ("QHIDDENWHY", ""),
            ("QLEADERCARD", ""),
            ("QANON", ""),
            ("QREASON", ""),
        }


@pytest.mark.parametrize(("choice", "name"), [({}, ""), ({"named": True}, MEMBER)])
def test_a_bannen_card_is_anonymous_unless_its_author_chooses_to_show_their_name(
    world: World, sessie: LiveSessie, choice: dict[str, bool], name: str
) -> None:
    """What we want to stop doing needs room for dissent: without a choice, no name."""
    blok = sessie.bijeenkomst.blokken.get(stap=Stap.INPUT)
    blok.werkvorm = Werkvorm.objects.get(slug="borgen-bannen-beginnen", school=None)
    blok.save()

    async def scenario() -> list[str]:
        coach = await _connect(sessie, world.coach)
        member = await _connect(sessie, world.member)
        await coach.receive_text()
        await member.receive_text()
        card = {"type": "card.add", "blok": blok.pk, "text": "QBANNEN", "zone": "bannen"}
        await member.send_json_to(card | choice)
        frames = [await coach.receive_text()]
        await member.receive_text()
        await coach.disconnect()
        await member.disconnect()
        return frames

    assert _named(play(scenario())) == {("QBANNEN", name)}
