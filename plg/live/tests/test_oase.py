"""OASE intervisie live: an inbrenger and a theme, four phases of equal time, the evaluation kept."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import World
from plg.accounts.models import User
from plg.live import commands, participants
from plg.live import state as live_state
from plg.live.models import Intervisie, LiveSessie
from plg.meetings.tests.factories import BijeenkomstFactory
from plg.methods.models import Stap, Werkvorm


@pytest.fixture
def oase(world: World) -> tuple[LiveSessie, int]:
    bijeenkomst = BijeenkomstFactory.create(plg=world.plg, starts_at=timezone.now())
    blok = bijeenkomst.blokken.get(stap=Stap.VERWERKING)
    blok.werkvorm = Werkvorm.objects.get(slug="oase", school=None)
    blok.minutes = 40
    blok.save()
    return LiveSessie.objects.create(bijeenkomst=bijeenkomst), blok.pk


def viewer(user: User, coach: bool = False) -> participants.Viewer:
    role = participants.Deelname.COACH if coach else participants.Deelname.LID
    return participants.Viewer(user.pk, user.display_name, role=role)


def setup(world: World, sessie: LiveSessie, blok: int) -> None:
    commands.apply(
        sessie.pk,
        viewer(world.coach, coach=True),
        {
            "type": "oase.setup",
            "blok": blok,
            "inbrenger": world.member.pk,
            "thema": "Een klas die niet luistert",
        },
    )


def test_phases_split_the_time_equally(world: World, oase: tuple[LiveSessie, int]) -> None:
    sessie, blok = oase
    setup(world, sessie, blok)
    state = live_state.snapshot(sessie.pk)["oase"][str(blok)]
    assert state["fase"] == "onderzoek" and state["fase_seconds"] == 600
    assert state["inbrenger_name"] == world.member.display_name


def test_coach_moves_through_the_four_phases(world: World, oase: tuple[LiveSessie, int]) -> None:
    sessie, blok = oase
    setup(world, sessie, blok)
    coach = viewer(world.coach, coach=True)
    seen = []
    for _ in range(3):
        commands.apply(sessie.pk, coach, {"type": "oase.next", "blok": blok})
        seen.append(live_state.snapshot(sessie.pk)["oase"][str(blok)]["fase"])
    assert seen == ["appreciatie", "suggestie", "evaluatie"]
    with pytest.raises(commands.Refused, match="laatste fase"):
        commands.apply(sessie.pk, coach, {"type": "oase.next", "blok": blok})


def test_a_late_joiner_sees_the_phase_clock(world: World, oase: tuple[LiveSessie, int]) -> None:
    sessie, blok = oase
    setup(world, sessie, blok)
    Intervisie.objects.update(fase_started_at=timezone.now() - timedelta(minutes=3))
    remaining = live_state.snapshot(sessie.pk)["oase"][str(blok)]["fase_remaining"]
    assert 418 <= remaining <= 420


def test_only_the_inbrenger_evaluates_in_the_last_phase(
    world: World, oase: tuple[LiveSessie, int]
) -> None:
    sessie, blok = oase
    setup(world, sessie, blok)
    evaluation = {"type": "oase.evaluate", "blok": blok, "text": "Ik probeer de stilte-oefening"}
    with pytest.raises(commands.Refused, match="laatste fase"):
        commands.apply(sessie.pk, viewer(world.member), evaluation)
    Intervisie.objects.update(fase=3)
    with pytest.raises(commands.Refused, match="Alleen de inbrenger"):
        commands.apply(sessie.pk, viewer(world.coach, coach=True), evaluation)
    commands.apply(sessie.pk, viewer(world.member), evaluation)
    assert Intervisie.objects.get().evaluatie == "Ik probeer de stilte-oefening"


def test_only_the_inbrenger_is_asked_for_the_evaluation_and_the_others_take_turns(
    world: World, oase: tuple[LiveSessie, int]
) -> None:
    """The screen learns this from each viewer's own part: the shared state names nobody."""
    sessie, blok = oase
    setup(world, sessie, blok)
    message = live_state.broadcast(live_state.snapshot(sessie.pk))
    inbrenger = live_state.viewer_part(message, viewer(world.member))
    coach = live_state.viewer_part(message, viewer(world.coach, coach=True))
    assert inbrenger["inbrenger_in"] == [str(blok)] and not inbrenger["my_turn"]
    assert coach["inbrenger_in"] == [] and coach["my_turn"]


def test_inbrenger_must_be_a_member(world: World, oase: tuple[LiveSessie, int]) -> None:
    sessie, blok = oase
    with pytest.raises(commands.Refused, match="lid zijn van de PLG"):
        commands.apply(
            sessie.pk,
            viewer(world.coach, coach=True),
            {"type": "oase.setup", "blok": blok, "inbrenger": world.outsider.pk, "thema": "x"},
        )
    assert not Intervisie.objects.exists()


def test_members_cannot_steer_the_intervisie(world: World, oase: tuple[LiveSessie, int]) -> None:
    sessie, blok = oase
    with pytest.raises(commands.Refused, match="Alleen de procescoach"):
        commands.apply(
            sessie.pk,
            viewer(world.member),
            {"type": "oase.setup", "blok": blok, "inbrenger": world.member.pk, "thema": "x"},
        )
