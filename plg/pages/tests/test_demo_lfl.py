"""The demo's homework PLG shows recommendation 8 and the compass: bronnen with its leervraag,
tags in its archive, an expert's visit in preparation."""

from __future__ import annotations

import pytest

from plg.communities.models import PLG
from plg.pages.kompas import kompas
from plg.pages.management.commands.seed_demo import build_demo, reset_demo


@pytest.mark.django_db
def test_the_demo_plg_keeps_bronnen_tags_and_an_expert_visit() -> None:
    build_demo()
    plg = PLG.objects.get(name="Huiswerk met betekenis")
    coach = plg.lidmaatschappen.get(rol="procescoach").user
    assert plg.bronnen.count() == 2
    assert all(bron.leervraag_id == plg.gekozen_leervraag_id for bron in plg.bronnen.all())
    assert sum(row.aantal for row in kompas(coach, plg)) == 3
    assert plg.expertbezoeken.get().verstuurd_op is None
    reset_demo()
    assert not PLG.objects.exists()
