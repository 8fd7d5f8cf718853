"""A bijeenkomst's mails may go again by whoever may announce it: its coach (meetings says so)
or a planner of its schools (planning says so), and nobody else."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from plg.meetings.services import plan_and_announce_bijeenkomst
from plg.post import geldig
from plg.post.models import Bericht, Soort

pytestmark = pytest.mark.django_db


@pytest.fixture
def invitations(world: Any) -> list[Bericht]:
    bijeenkomst = plan_and_announce_bijeenkomst(
        plg=world.plg,
        starts_at=timezone.now() + timedelta(days=7),
        place="",
        duration_minutes=90,
        door=world.leader,
    )
    berichten = list(Bericht.objects.filter(soort=Soort.BIJEENKOMST, over_id=bijeenkomst.pk))
    assert len(berichten) == 2
    return berichten


@pytest.mark.parametrize(("who", "may"), [("coach", True), ("leader", True), ("member", False)])
def test_the_coach_or_a_planner_of_its_school_may_resend_a_bijeenkomst_invitation(
    world: Any, invitations: list[Bericht], who: str, may: bool
) -> None:
    allowed = geldig.may_resend(getattr(world, who), invitations)
    assert allowed == ({b.pk for b in invitations} if may else set())


def test_a_planner_of_another_school_may_not(world: Any, invitations: list[Bericht]) -> None:
    assert geldig.may_resend(world.other_leader, invitations) == set()
