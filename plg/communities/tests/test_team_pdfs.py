"""The sheets printed from the team page, read back with poppler: one A4 page for the proposal,
one A3 page for the poster, and nothing on them the team may not read."""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD, World
from plg.communities.sharing import Audience
from plg.communities.tests.factories_team import (
    ActieplanFactory,
    AfrondingFactory,
    MijlpaalFactory,
    NotitieFactory,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        shutil.which("pdfinfo") is None, reason="poppler-utils installs with make test"
    ),
]

A4 = "595.276 x 841.89 pts (A4)"
A3 = "841.89 x 1190.55 pts (A3)"
BELOW_TEAM = [Audience.ALLEEN_IK, Audience.PLG, Audience.PLG_EN_SCHOOLLEIDER]
LONG = "\n\n".join(
    f"Alinea {i}: elke klas leest elke dag een kwartier vrij, en wie vastloopt krijgt hulp."
    for i in range(115)
)


def _pdf(
    client: Client, world: World, name: str, tmp_path: Path, persona: str = "colleague"
) -> Path:
    assert client.login(username=world.persona(persona).email, password=PASSWORD)
    response = client.get(reverse(name, args=[world.school.pk, world.plg.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(response.content)
    return path


def _info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return {
        key.strip(): value.strip()
        for key, _, value in (line.partition(":") for line in out.stdout.splitlines())
    }


def _text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


@pytest.mark.parametrize("voorstel", ["Elke dag een kwartier vrij lezen.", LONG])
def test_the_proposal_is_one_a4_page(
    client: Client, world: World, tmp_path: Path, voorstel: str
) -> None:
    assert len(voorstel) <= 10000
    AfrondingFactory.create(plg=world.plg, voorstel=voorstel)
    info = _info(_pdf(client, world, "team_voorstel_pdf", tmp_path))
    assert info["Pages"] == "1"
    assert info["Page size"] == A4


def test_a_short_proposal_is_printed_whole(client: Client, world: World, tmp_path: Path) -> None:
    AfrondingFactory.create(plg=world.plg, voorstel="Elke dag een kwartier vrij lezen.")
    text = _text(_pdf(client, world, "team_voorstel_pdf", tmp_path))
    assert "Elke dag een kwartier vrij lezen." in text
    assert world.plg.name in text


def test_a_long_proposal_says_where_the_rest_is(
    client: Client, world: World, tmp_path: Path
) -> None:
    AfrondingFactory.create(plg=world.plg, voorstel=LONG)
    text = _text(_pdf(client, world, "team_voorstel_pdf", tmp_path))
    assert "Alinea 0:" in text
    assert "Het volledige voorstel staat op de teampagina" in text


def test_the_poster_is_one_a3_page(client: Client, world: World, tmp_path: Path) -> None:
    today = timezone.localdate()
    for i in range(40):
        MijlpaalFactory.create(
            plg=world.plg,
            title=f"Stap {i} van onze PLG",
            celebrated_on=today - timedelta(days=i),
            celebration_note="Taart in de leraarskamer, en een applaus van het hele team. " * 3,
        )
    info = _info(_pdf(client, world, "team_poster_pdf", tmp_path))
    assert info["Pages"] == "1"
    assert info["Page size"] == A3


def test_the_poster_shows_phase_milestones_and_celebrations(
    client: Client, world: World, tmp_path: Path
) -> None:
    MijlpaalFactory.create(plg=world.plg, title="Boeken gekozen")
    MijlpaalFactory.create(
        plg=world.plg,
        title="Bij elkaar gaan kijken",
        celebrated_on=timezone.localdate(),
        celebration_note="Koffie en koekjes",
    )
    text = _text(_pdf(client, world, "team_poster_pdf", tmp_path))
    for shown in (world.plg.name, "verkennen", "Boeken gekozen", "Bij elkaar gaan kijken"):
        assert shown in text
    assert "Koffie en koekjes" in text


@pytest.mark.parametrize("persona", ["coach", "leader"])
def test_nothing_below_the_team_reaches_the_poster(
    client: Client, world: World, tmp_path: Path, persona: str
) -> None:
    for audience in BELOW_TEAM:
        MijlpaalFactory.create(
            plg=world.plg,
            audience=audience,
            title=f"mijlpaal-{audience}",
            celebrated_on=timezone.localdate(),
            celebration_note=f"viering-{audience}",
        )
        NotitieFactory.create(plg=world.plg, audience=audience, text=f"notitie-{audience}")
    ActieplanFactory.create(plg=world.plg, audience=Audience.PLG, gewenste_verandering="plan-plg")
    text = _text(_pdf(client, world, "team_poster_pdf", tmp_path, persona))
    for audience in BELOW_TEAM:
        for kind in ("mijlpaal", "viering", "notitie"):
            assert f"{kind}-{audience}" not in text
    assert "plan-plg" not in text


def test_the_sheets_name_nobody(client: Client, world: World, tmp_path: Path) -> None:
    AfrondingFactory.create(plg=world.plg, author=world.member)
    MijlpaalFactory.create(plg=world.plg, author=world.member, celebrated_on=timezone.localdate())
    for name in ("team_voorstel_pdf", "team_poster_pdf"):
        text = _text(_pdf(client, world, name, tmp_path, "leader"))
        for person in (world.coach, world.member):
            assert person.display_name not in text
