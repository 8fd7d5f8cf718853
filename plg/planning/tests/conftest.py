"""A school with a timetable: the member teaches every morning, the colleague every afternoon.

The coach (zorgcoördinator) teaches no class, so never needs a substitute and is never one.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from plg.roosters.models import Les
from plg.roosters.services import kalender_van

MONDAY = date(2027, 3, 1)


@pytest.fixture
def rooster(world: Any) -> Any:
    kalender_van(world.school)
    Les.objects.bulk_create(
        [
            *(
                Les(
                    school=world.school,
                    leerkracht=world.member,
                    dag=dag,
                    lesuur=uur,
                    groep="3A",
                    vak="wiskunde",
                )
                for dag in range(5)
                for uur in (1, 2, 3, 4)
            ),
            *(
                Les(
                    school=world.school,
                    leerkracht=world.colleague,
                    dag=dag,
                    lesuur=uur,
                    groep="4B",
                    vak="taal",
                )
                for dag in (0, 1, 3, 4)
                for uur in (5, 6, 7)
            ),
        ]
    )
    return world
