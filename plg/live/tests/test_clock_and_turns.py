"""The clock and the turns: pausing and extending keep the time honest, a check-in pass moves the
turn."""

from __future__ import annotations

import pytest

from conftest import World
from plg.live import commands, participants
from plg.live import state as live_state
from plg.live.models import LiveSessie
from plg.live.tests.websocket_client import kandoe_sessie
from plg.methods.models import Stap

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sessie(world: World) -> LiveSessie:
    return kandoe_sessie(world)


def test_pause_and_extend_keep_the_clock_honest(world: World, sessie: LiveSessie) -> None:
    coach = participants.Viewer(world.coach.pk, "c", role=participants.Deelname.COACH)
    checkin = sessie.bijeenkomst.blokken.get(stap=Stap.CHECKIN)
    commands.apply(sessie.pk, coach, {"type": "step.start", "blok": checkin.pk})
    commands.apply(sessie.pk, coach, {"type": "step.pause"})
    commands.apply(sessie.pk, coach, {"type": "step.extend", "minutes": 5})
    state = live_state.snapshot(sessie.pk)
    assert not state["running"]
    assert checkin.minutes * 60 + 300 - 1 <= state["remaining"] <= checkin.minutes * 60 + 300


def test_check_in_pass_needs_no_reason_and_moves_the_turn(world: World, sessie: LiveSessie) -> None:
    order = participants.round_order(sessie)
    assert [person["id"] for person in order] == [world.coach.pk, world.member.pk]
    coach = participants.Viewer(world.coach.pk, "c", role=participants.Deelname.COACH)
    member = participants.Viewer(world.member.pk, "m", role=participants.Deelname.LID)
    with pytest.raises(commands.Refused, match="niet jouw beurt"):
        commands.apply(sessie.pk, member, {"type": "turn.pass"})
    commands.apply(sessie.pk, coach, {"type": "turn.next"})
    commands.apply(sessie.pk, member, {"type": "turn.pass"})
    assert live_state.snapshot(sessie.pk)["turn"]["id"] == order[0]["id"]
