"""The summary of a live bijeenkomst, as a page and as a PDF."""

from __future__ import annotations

import shutil
import subprocess
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD
from plg.communities.sharing import Audience
from plg.live.models import Kaart, LiveSessie, Zone
from plg.meetings import services as meeting_services
from plg.meetings.models import Terugblik
from plg.methods.models import Stap, Werkvorm


@pytest.fixture
def played(world: Any) -> Any:
    bijeenkomst = meeting_services.plan_bijeenkomst(
        plg=world.plg, starts_at=timezone.now(), place="Zaal", duration_minutes=100
    )
    blok = bijeenkomst.blokken.get(stap=Stap.VERWERKING)
    blok.werkvorm = Werkvorm.objects.get(slug="borgen-bannen-beginnen", school=None)
    blok.save()
    sessie = LiveSessie.objects.create(bijeenkomst=bijeenkomst)
    Kaart.objects.create(
        sessie=sessie, blok=blok, author=world.member, text="Dagplanning", zone=Zone.BORGEN
    )
    Kaart.objects.create(
        sessie=sessie,
        blok=blok,
        author=world.coach,
        text="Stille kritiek",
        zone=Zone.BANNEN,
        anonymous=True,
    )
    Kaart.objects.create(
        sessie=sessie,
        blok=blok,
        author=world.coach,
        text="Later bekijken",
        zone=Zone.BEGINNEN,
        parked=True,
    )
    Terugblik.objects.create(
        bijeenkomst=bijeenkomst,
        author=world.coach,
        doelen_bereikt="ja",
        volgende_stap="Privé notitie",
        audience=Audience.ALLEEN_IK,
    )
    return bijeenkomst


def test_summary_shows_boards_parking_and_keeps_anonymity(
    client: Any, world: Any, played: Any
) -> None:
    client.login(username=world.member.email, password=PASSWORD)
    html = client.get(reverse("samenvatting", args=[played.pk])).content.decode()
    assert "Dagplanning" in html and world.member.display_name in html
    assert "Stille kritiek" in html and world.coach.display_name not in html
    assert "Later bekijken" in html
    assert "Privé notitie" not in html


def test_coach_sees_the_check_out_they_kept_to_themselves(
    client: Any, world: Any, played: Any
) -> None:
    client.login(username=world.coach.email, password=PASSWORD)
    assert "Privé notitie" in client.get(reverse("samenvatting", args=[played.pk])).content.decode()


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils reads the PDF back")
def test_summary_pdf_contains_the_cards(
    client: Any, world: Any, played: Any, tmp_path: Any
) -> None:
    client.login(username=world.member.email, password=PASSWORD)
    response = client.get(reverse("samenvatting_pdf", args=[played.pk]))
    assert response["Content-Type"] == "application/pdf"
    pdf = tmp_path / "s.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Dagplanning" in text and "Huiswerk met betekenis" in text
