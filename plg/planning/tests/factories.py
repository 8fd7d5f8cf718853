"""Test data shared by the planning tests and the authorisation table."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from plg.planning.models import Maandplan
from plg.planning.problem import BRUSSELS
from plg.planning.voorstel import Plaatsing, Voorstel
from plg.roosters.models import Bezetting


def proposal_with_one_meeting(w: Any) -> Maandplan:
    """A month proposal of one after-school meeting in three days, ready to adjust or apply."""
    begin = timezone.now() + timedelta(days=3)
    return Maandplan.objects.create(
        school=w.school,
        scholengemeenschap=w.sg,
        maand=timezone.localdate().replace(day=1),
        door=w.leader,
        status="klaar",
        voorstel=Voorstel(
            plaatsingen=[
                Plaatsing(
                    plg=w.plg.pk,
                    naam=w.plg.name,
                    begin=begin,
                    minuten=100,
                    soort="na_school",
                    school=w.school.name,
                )
            ]
        ).to_json(),
    )


def busy_every_afternoon(user: Any, month: date) -> None:
    """Afternoons and after school taken for a whole month: only mornings remain."""
    day = month
    while day.month == month.month:
        Bezetting.objects.create(
            user=user,
            begin=datetime.combine(day, time(12, 30), tzinfo=BRUSSELS),
            einde=datetime.combine(day, time(19, 0), tzinfo=BRUSSELS),
        )
        day += timedelta(days=1)
