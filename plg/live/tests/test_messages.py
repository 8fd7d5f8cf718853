"""Every command, every kind of participant: who may give it, and bad input changes nothing.

The rights matrix is derived from the command registry (``commands.COMMANDS``): a command
without a row in ``RIGHTS`` fails the suite, and every row is played by every participant.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from conftest import World
from plg.communities import services as community_services
from plg.communities.models import Lidmaatschap
from plg.live import commands
from plg.live.commands import Givers, Refused, Revoked
from plg.live.models import Kaart, Kandoe, LiveSessie, Rondebijdrage, Zone
from plg.live.participants import Deelname, Viewer
from plg.meetings.tests.factories import BijeenkomstFactory
from plg.methods.models import Stap, Werkvorm

RIGHTS: dict[str, Givers] = {
    "step.start": Givers.COACH,
    "step.pause": Givers.COACH,
    "step.resume": Givers.COACH,
    "step.extend": Givers.COACH,
    "step.next": Givers.COACH,
    "turn.next": Givers.COACH,
    "turn.pass": Givers.DEELNEMERS,
    "board.reveal": Givers.COACH,
    "session.end": Givers.COACH,
    "card.add": Givers.DEELNEMERS,
    "card.move": Givers.DEELNEMERS,
    "card.park": Givers.DEELNEMERS,
    "card.merge": Givers.COACH,
    "kandoe.setup": Givers.COACH,
    "kandoe.end": Givers.COACH,
    "oase.setup": Givers.COACH,
    "oase.next": Givers.COACH,
    "oase.evaluate": Givers.DEELNEMERS,
    "round.setup": Givers.COACH,
    "round.write": Givers.DEELNEMERS,
    "blok.move": Givers.COACH,
    "blok.werkvorm": Givers.COACH,
    "session.share": Givers.COACH,
}
ALL_COMMANDS = sorted(commands.COMMANDS)
PARTICIPANTS = ["coach", "member", "leader", "guest", "revoked"]
DOOR = {
    "guest": "Als gast kijk je mee",
    "coach only": "Alleen de procescoach kan dit doen",
    "revoked": "Je neemt niet meer deel aan deze bijeenkomst",
    "archived": "Deze PLG is afgesloten",
}


@pytest.fixture
def sessie(world: World) -> LiveSessie:
    bijeenkomst = BijeenkomstFactory.create(plg=world.plg, starts_at=timezone.now())
    blok = bijeenkomst.blokken.get(stap=Stap.VERWERKING)
    blok.werkvorm = Werkvorm.objects.get(slug="kandoe", school=None)
    blok.save()
    sessie = LiveSessie.objects.create(bijeenkomst=bijeenkomst, opened_by=world.coach)
    sessie.schoolleiders.add(world.leader)
    Kandoe.objects.create(sessie=sessie, blok=blok, startvraag="Waar zetten we op in?")
    # a member who took part and then left the PLG
    community_services.leave(lid=Lidmaatschap.objects.create(plg=world.plg, user=world.colleague))
    return sessie


def _valid(world: World, sessie: LiveSessie, kind: str) -> dict[str, Any]:
    """A well-formed example of each message, so only the sender decides whether it passes."""
    blokken = sessie.bijeenkomst.blokken
    kandoe = blokken.get(stap=Stap.VERWERKING)
    checkin = blokken.get(stap=Stap.CHECKIN)
    kaart = Kaart.objects.create(
        sessie=sessie, blok=kandoe, author=world.coach, text="Kaart", zone=Zone.RING_3
    )
    other = Kaart.objects.create(
        sessie=sessie, blok=kandoe, author=world.coach, text="Andere", zone=Zone.RING_3
    )
    examples: dict[str, dict[str, Any]] = {
        "step.start": {"blok": kandoe.pk},
        "step.extend": {"minutes": 5},
        "card.add": {"blok": kandoe.pk, "text": "Nieuw", "zone": Zone.RING_3},
        "card.move": {"card": kaart.pk, "version": 0, "zone": Zone.RING_2, "reason": "Want"},
        "card.park": {"card": kaart.pk, "version": 0},
        "card.merge": {"cards": [kaart.pk, other.pk], "text": "Samen"},
        "kandoe.setup": {"blok": kandoe.pk, "startvraag": "Wat heeft voorrang?"},
        "kandoe.end": {"blok": kandoe.pk},
        "oase.setup": {"blok": kandoe.pk, "inbrenger": world.member.pk, "thema": "T"},
        "oase.next": {"blok": kandoe.pk},
        "oase.evaluate": {"blok": kandoe.pk, "text": "Meegenomen"},
        "round.setup": {"seconds": 90, "clock": True},
        "round.write": {"blok": checkin.pk, "text": "Moe", "audience": "ik"},
        "blok.move": {"blok": kandoe.pk, "direction": "up"},
        "blok.werkvorm": {"blok": kandoe.pk, "werkvorm": kandoe.werkvorm_id},
        "session.share": {"audience": "leiding"},
    }
    return {"type": kind, **examples.get(kind, {})}


def _viewer(world: World, participant: str) -> Viewer:
    """Each participant as their socket knows them since they joined."""
    return {
        "coach": Viewer(world.coach.pk, "c", Deelname.COACH),
        "member": Viewer(world.member.pk, "m", Deelname.LID),
        "leader": Viewer(world.leader.pk, "l", Deelname.SCHOOLLEIDER),
        "guest": Viewer(0, "g", Deelname.GAST),
        "revoked": Viewer(world.colleague.pk, "k", Deelname.LID),
    }[participant]


def _expected_door(kind: str, participant: str) -> str | None:
    """The refusal at the door, or None when the command passes it (a board rule may still
    refuse it, as it would for anyone)."""
    if participant == "guest":
        return "guest"
    if participant == "revoked":
        return "revoked"
    if RIGHTS[kind] == Givers.COACH and participant != "coach":
        return "coach only"
    return None


def _fingerprint(sessie: LiveSessie) -> tuple[Any, ...]:
    sessie.refresh_from_db()
    return (
        sessie.version,
        Kaart.objects.count(),
        list(Kandoe.objects.values_list("startvraag", "ronde", "beurt", "ended_at")),
        Rondebijdrage.objects.count(),
        list(sessie.bijeenkomst.blokken.values_list("id", "position", "werkvorm_id")),
    )


def test_every_command_has_a_row_in_the_rights_matrix() -> None:
    assert {name: c.by for name, c in commands.COMMANDS.items()} == RIGHTS


@pytest.mark.parametrize("participant", PARTICIPANTS)
@pytest.mark.parametrize("kind", ALL_COMMANDS)
def test_rights_matrix(world: World, sessie: LiveSessie, kind: str, participant: str) -> None:
    command = _valid(world, sessie, kind)
    sessie.revealed_blokken = [sessie.bijeenkomst.blokken.get(stap=Stap.VERWERKING).pk]
    sessie.save()
    before = _fingerprint(sessie)
    door = _expected_door(kind, participant)
    try:
        commands.apply(sessie.pk, _viewer(world, participant), command)
    except Refused as refusal:
        refused_at = next((d for d, text in DOOR.items() if text in str(refusal)), None)
        assert refused_at == door, str(refusal)
        assert isinstance(refusal, Revoked) == (door == "revoked")
        assert _fingerprint(sessie) == before
    else:
        assert door is None
        assert _fingerprint(sessie)[0] == before[0] + 1


@pytest.mark.parametrize("participant", ["coach", "member"])
@pytest.mark.parametrize("kind", ALL_COMMANDS)
def test_an_archived_plg_refuses_every_command(
    world: World, sessie: LiveSessie, kind: str, participant: str
) -> None:
    command = _valid(world, sessie, kind)
    world.plg.fase = "afgesloten"
    world.plg.save()
    before = _fingerprint(sessie)
    with pytest.raises(Refused, match=DOOR["archived"]):
        commands.apply(sessie.pk, _viewer(world, participant), command)
    assert _fingerprint(sessie) == before


def test_a_coach_who_handed_over_the_role_no_longer_steers(
    world: World, sessie: LiveSessie
) -> None:
    """Rights are those of the moment of the command, not of the moment of joining."""
    community_services.set_rol(
        lid=Lidmaatschap.objects.get(plg=world.plg, user=world.member), rol="procescoach"
    )
    community_services.set_rol(
        lid=Lidmaatschap.objects.get(plg=world.plg, user=world.coach), rol="lid"
    )
    with pytest.raises(Refused, match=DOOR["coach only"]):
        commands.apply(sessie.pk, _viewer(world, "coach"), {"type": "step.next"})
    commands.apply(sessie.pk, _viewer(world, "member"), {"type": "step.next"})


def test_a_leader_taken_off_the_list_no_longer_writes(world: World, sessie: LiveSessie) -> None:
    sessie.schoolleiders.clear()
    blok = sessie.bijeenkomst.blokken.get(stap=Stap.INPUT).pk
    with pytest.raises(Revoked):
        commands.apply(
            sessie.pk,
            _viewer(world, "leader"),
            {"type": "card.add", "blok": blok, "text": "Nog even"},
        )
    assert not Kaart.objects.exists()


MALFORMED: dict[str, list[dict[str, Any]]] = {
    "step.start": [{}, {"blok": "1"}, {"blok": 10**9}, {"blok": 10**40}],
    "step.extend": [{}, {"minutes": 0}, {"minutes": 31}, {"minutes": True}],
    "card.add": [{}, {"blok": None, "text": "x"}, {"text": "x" * 301}],
    "card.move": [{}, {"card": "1", "version": 0}, {"card": 10**9, "version": 0}],
    "card.park": [{}, {"card": 10**9, "version": 0}, {"card": -(10**30), "version": 0}],
    "card.merge": [
        {},
        {"cards": [1]},
        {"cards": "1,2"},
        {"cards": [True, False]},
        {"cards": [10**40, 1]},
        {"cards": list(range(1, 100)), "text": "x"},
    ],
    "kandoe.setup": [{}, {"blok": "x"}, {"startvraag": " "}, {"startvraag": "x" * 301}],
    "kandoe.end": [{}, {"blok": 10**9}],
    "oase.setup": [{}, {"blok": "x"}],
    "oase.next": [{}, {"blok": []}],
    "oase.evaluate": [{}, {"blok": {}}],
    "round.setup": [
        {},
        {"seconds": 90},
        {"seconds": 90, "clock": "ja"},
        {"seconds": 5, "clock": True},
        {"seconds": 601, "clock": False},
        {"seconds": "60", "clock": True},
    ],
    "round.write": [{}, {"blok": None}, {"text": "x", "audience": "iedereen"}],
    "blok.move": [{}, {"blok": 10**9, "direction": "up"}, {"direction": "sideways"}],
    "blok.werkvorm": [{}, {"werkvorm": "kandoe"}, {"blok": 10**9, "werkvorm": None}],
    "session.share": [{}, {"audience": "ik"}, {"audience": "wereld"}],
}


def test_every_message_with_arguments_has_malformed_cases() -> None:
    no_arguments = {
        "step.pause",
        "step.resume",
        "step.next",
        "turn.next",
        "turn.pass",
        "board.reveal",
        "session.end",
    }
    assert set(MALFORMED) == set(ALL_COMMANDS) - no_arguments


@pytest.mark.parametrize(
    ("kind", "payload"),
    [(kind, payload) for kind, payloads in MALFORMED.items() for payload in payloads],
)
def test_malformed_messages_change_nothing(
    world: World, sessie: LiveSessie, kind: str, payload: dict[str, Any]
) -> None:
    checkin = sessie.bijeenkomst.blokken.get(stap=Stap.CHECKIN)
    command = {"type": kind, **payload}
    if kind == "round.write" and "blok" not in payload:
        command["blok"] = checkin.pk
    if kind == "kandoe.setup" and "blok" not in payload:
        command["blok"] = sessie.bijeenkomst.blokken.get(stap=Stap.VERWERKING).pk
    before = _fingerprint(sessie)
    with pytest.raises(Refused) as refusal:
        commands.apply(sessie.pk, _viewer(world, "coach"), command)
    assert str(refusal.value)
    assert _fingerprint(sessie) == before
