"""Every message type, every kind of participant: who may send it, and bad input changes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from plg.live import services
from plg.live.models import Kaart, LiveSessie, Rondebijdrage, Zone
from plg.live.services import Deelname, Refused, Viewer
from plg.meetings import services as meeting_services
from plg.methods.models import Stap, Werkvorm

ALL_COMMANDS = sorted(services.COACH_COMMANDS | services.MEMBER_COMMANDS)


@pytest.fixture
def sessie(world: Any) -> LiveSessie:
    bijeenkomst = meeting_services.plan_bijeenkomst(
        plg=world.plg, starts_at=timezone.now(), place="Zaal", duration_minutes=100
    )
    blok = bijeenkomst.blokken.get(stap=Stap.VERWERKING)
    blok.werkvorm = Werkvorm.objects.get(slug="kandoe", school=None)
    blok.save()
    return LiveSessie.objects.create(bijeenkomst=bijeenkomst, opened_by=world.coach)


def _valid(world: Any, sessie: LiveSessie, kind: str) -> dict[str, Any]:
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
        "oase.setup": {"blok": kandoe.pk, "inbrenger": world.member.pk, "thema": "T"},
        "oase.next": {"blok": kandoe.pk},
        "oase.evaluate": {"blok": kandoe.pk, "text": "Meegenomen"},
        "round.setup": {"seconds": 90},
        "round.write": {"blok": checkin.pk, "text": "Moe", "audience": "ik"},
        "blok.move": {"blok": kandoe.pk, "direction": "up"},
        "blok.werkvorm": {"blok": kandoe.pk, "werkvorm": kandoe.werkvorm_id},
        "session.share": {"audience": "leiding"},
    }
    return {"type": kind, **examples.get(kind, {})}


def _viewer(world: Any, role: str) -> Viewer:
    user = {Deelname.COACH: world.coach, Deelname.LID: world.member}.get(role, world.leader)
    return Viewer(user.pk if role != Deelname.GAST else 0, "x", role)


def _fingerprint(sessie: LiveSessie) -> tuple[Any, ...]:
    sessie.refresh_from_db()
    return (
        sessie.version,
        Kaart.objects.count(),
        Rondebijdrage.objects.count(),
        list(sessie.bijeenkomst.blokken.values_list("id", "position", "werkvorm_id")),
    )


@pytest.mark.parametrize("kind", sorted(services.COACH_COMMANDS))
@pytest.mark.parametrize("role", [Deelname.LID, Deelname.SCHOOLLEIDER])
def test_only_the_coach_steers(world: Any, sessie: LiveSessie, kind: str, role: str) -> None:
    command = _valid(world, sessie, kind)
    before = _fingerprint(sessie)
    with pytest.raises(Refused, match="Alleen de procescoach"):
        services.apply(sessie.pk, _viewer(world, role), command)
    assert _fingerprint(sessie) == before


@pytest.mark.parametrize("kind", ALL_COMMANDS)
def test_a_guest_only_watches(world: Any, sessie: LiveSessie, kind: str) -> None:
    command = _valid(world, sessie, kind)
    before = _fingerprint(sessie)
    with pytest.raises(Refused, match="Als gast kijk je mee"):
        services.apply(sessie.pk, _viewer(world, Deelname.GAST), command)
    assert _fingerprint(sessie) == before


@pytest.mark.parametrize("kind", sorted(services.MEMBER_COMMANDS - {"oase.evaluate"}))
def test_members_and_attending_leaders_take_part(world: Any, sessie: LiveSessie, kind: str) -> None:
    """What a member may send passes the door (the board's own rules may still refuse)."""
    command = _valid(world, sessie, kind)
    sessie.revealed = True
    sessie.save()
    for role in (Deelname.LID, Deelname.SCHOOLLEIDER):
        version = _fingerprint(sessie)[0]
        try:
            services.apply(sessie.pk, _viewer(world, role), command)
        except Refused as refusal:
            assert "procescoach kan" not in str(refusal) and "gast" not in str(refusal)
        else:
            assert _fingerprint(sessie)[0] == version + 1


@pytest.mark.parametrize("kind", ALL_COMMANDS)
def test_the_coach_may_send_every_message(world: Any, sessie: LiveSessie, kind: str) -> None:
    command = _valid(world, sessie, kind)
    sessie.revealed = True
    sessie.save()
    version = _fingerprint(sessie)[0]
    try:
        services.apply(sessie.pk, _viewer(world, Deelname.COACH), command)
    except Refused as refusal:  # a board rule, never the door
        assert "Alleen de procescoach" not in str(refusal)
    else:
        assert _fingerprint(sessie)[0] == version + 1


MALFORMED: dict[str, list[dict[str, Any]]] = {
    "step.start": [{}, {"blok": "1"}, {"blok": 10**9}],
    "step.extend": [{}, {"minutes": 0}, {"minutes": 31}, {"minutes": True}],
    "card.add": [{}, {"blok": None, "text": "x"}, {"text": "x" * 301}],
    "card.move": [{}, {"card": "1", "version": 0}, {"card": 10**9, "version": 0}],
    "card.park": [{}, {"card": 10**9, "version": 0}],
    "card.merge": [{}, {"cards": [1]}, {"cards": "1,2"}, {"cards": [True, False]}],
    "oase.setup": [{}, {"blok": "x"}],
    "oase.next": [{}, {"blok": []}],
    "oase.evaluate": [{}, {"blok": {}}],
    "round.setup": [{}, {"seconds": 5}, {"seconds": 601}, {"seconds": "60"}],
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
    world: Any, sessie: LiveSessie, kind: str, payload: dict[str, Any]
) -> None:
    checkin = sessie.bijeenkomst.blokken.get(stap=Stap.CHECKIN)
    command = {"type": kind, **payload}
    if kind == "round.write" and "blok" not in payload:
        command["blok"] = checkin.pk
    before = _fingerprint(sessie)
    with pytest.raises(Refused) as refusal:
        services.apply(sessie.pk, _viewer(world, Deelname.COACH), command)
    assert str(refusal.value)
    assert _fingerprint(sessie) == before
