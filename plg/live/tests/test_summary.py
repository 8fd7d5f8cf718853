"""The summary of a live bijeenkomst, as a page and as a PDF."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.communities.sharing import Audience
from plg.live.models import Kaart, LiveSessie, Zone
from plg.meetings.models import Bijeenkomst, Terugblik
from plg.meetings.tests.factories import BijeenkomstFactory
from plg.methods.models import Stap, Werkvorm

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as TestResponse


@pytest.fixture
def played(world: World) -> Bijeenkomst:
    bijeenkomst = BijeenkomstFactory.create(plg=world.plg, starts_at=timezone.now())
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
    client: Client, world: World, played: Bijeenkomst
) -> None:
    client.login(username=world.member.email, password=PASSWORD)
    html = client.get(reverse("samenvatting", args=[played.pk])).content.decode()
    assert "Dagplanning" in html and world.member.display_name in html
    assert "Stille kritiek" in html and world.coach.display_name not in html
    assert "Later bekijken" in html
    assert "Privé notitie" not in html


def test_coach_sees_the_check_out_they_kept_to_themselves(
    client: Client, world: World, played: Bijeenkomst
) -> None:
    client.login(username=world.coach.email, password=PASSWORD)
    assert "Privé notitie" in client.get(reverse("samenvatting", args=[played.pk])).content.decode()


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils reads the PDF back")
def test_summary_pdf_contains_the_cards(
    client: Client, world: World, played: Bijeenkomst, tmp_path: Path
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


# People around the PLG: what was shared, never who wrote it ---------------------------------


@pytest.fixture
def shared_widely(world: World, played: Bijeenkomst) -> Bijeenkomst:
    """A session whose coach shared the boards with the network, with a round contribution,
    a check-out and an OASE round and an assignment that people around the PLG may or may not
    read; every part names a member somewhere."""
    from plg.live.models import Intervisie, Rondebijdrage
    from plg.meetings.models import Opdracht

    sessie = played.live
    sessie.audience = Audience.NETWERK
    sessie.opened_by = world.coach
    sessie.save()
    checkin = played.blokken.get(stap=Stap.CHECKIN)
    Rondebijdrage.objects.create(
        sessie=sessie,
        blok=checkin,
        author=world.member,
        text="Bijdrage voor het netwerk",
        audience=Audience.NETWERK,
    )
    Rondebijdrage.objects.create(
        sessie=sessie,
        blok=checkin,
        author=world.coach,
        text="Bijdrage voor de leiding",
        audience=Audience.PLG_EN_SCHOOLLEIDER,
    )
    terugblik = Terugblik.objects.get(bijeenkomst=played)
    terugblik.audience = Audience.NETWERK
    terugblik.hoe_was_het = "Een open gesprek"
    terugblik.save()
    oase = played.blokken.get(stap=Stap.VERWERKING)
    Intervisie.objects.create(
        sessie=sessie,
        blok=oase,
        inbrenger=world.member,
        thema="Lastige ouders",
        evaluatie="Neem mee",
    )
    Opdracht.objects.create(
        bijeenkomst=played,
        description="Artikel zoeken",
        owner=world.member,
        due_date=timezone.now().date(),
    )
    return played


def _pdf_text(response: TestResponse, tmp_path: Path) -> str:
    pdf = tmp_path / "samenvatting.pdf"
    pdf.write_bytes(response.content)
    return subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def _names(world: World) -> list[str]:
    return [world.member.display_name, world.coach.display_name, "Mehdi", "Charlotte"]


@pytest.mark.parametrize("reader", ["leader", "sister_teacher"])
def test_people_around_the_plg_read_the_summary_without_names(
    client: Client, world: World, shared_widely: Bijeenkomst, sister_teacher: User, reader: str
) -> None:
    readers = {"leader": world.leader, "sister_teacher": sister_teacher}
    client.login(username=readers[reader].email, password=PASSWORD)
    html = client.get(reverse("samenvatting", args=[shared_widely.pk])).content.decode()
    assert "Dagplanning" in html and "Bijdrage voor het netwerk" in html
    assert "Een open gesprek" in html
    assert not [name for name in _names(world) if name in html]
    assert "Artikel zoeken" not in html and "Lastige ouders" not in html
    assert "Neem mee" not in html  # the inbrenger's evaluation stays inside the PLG


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils reads the PDF back")
@pytest.mark.parametrize("reader", ["leader", "sister_teacher"])
def test_people_around_the_plg_read_the_summary_pdf_without_names(
    client: Client,
    world: World,
    shared_widely: Bijeenkomst,
    sister_teacher: User,
    reader: str,
    tmp_path: Path,
) -> None:
    readers = {"leader": world.leader, "sister_teacher": sister_teacher}
    client.login(username=readers[reader].email, password=PASSWORD)
    text = _pdf_text(client.get(reverse("samenvatting_pdf", args=[shared_widely.pk])), tmp_path)
    assert "Dagplanning" in text and "Bijdrage voor het netwerk" in text
    assert not [name for name in _names(world) if name in text]


def test_only_the_leader_reads_what_was_shared_with_the_leader(
    client: Client, world: World, shared_widely: Bijeenkomst, sister_teacher: User
) -> None:
    url = reverse("samenvatting", args=[shared_widely.pk])
    client.login(username=world.leader.email, password=PASSWORD)
    assert "Bijdrage voor de leiding" in client.get(url).content.decode()
    client.login(username=sister_teacher.email, password=PASSWORD)
    assert "Bijdrage voor de leiding" not in client.get(url).content.decode()


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils reads the PDF back")
def test_members_read_the_names_in_the_summary_and_its_pdf(
    client: Client, world: World, shared_widely: Bijeenkomst, tmp_path: Path
) -> None:
    client.login(username=world.coach.email, password=PASSWORD)
    html = client.get(reverse("samenvatting", args=[shared_widely.pk])).content.decode()
    assert "Bijdrage voor het netwerk" in html and world.member.display_name in html
    text = _pdf_text(client.get(reverse("samenvatting_pdf", args=[shared_widely.pk])), tmp_path)
    assert "Bijdrage voor het netwerk" in text and world.member.display_name in text


def test_the_summary_shows_a_board_written_alone_first_only_once_the_coach_shows_it(
    client: Client, world: World
) -> None:
    """While the session runs and the cards are not shown yet, each member finds only their
    own cards in the summary, as on the live screen."""
    bijeenkomst = BijeenkomstFactory.create(plg=world.plg, starts_at=timezone.now())
    blok = bijeenkomst.blokken.get(stap=Stap.VERWERKING)
    blok.werkvorm = Werkvorm.objects.get(slug="kandoe", school=None)
    blok.save()
    sessie = LiveSessie.objects.create(bijeenkomst=bijeenkomst, opened_by=world.coach)
    for author, text in [(world.member, "Kaart van Mehdi"), (world.coach, "Kaart van Charlotte")]:
        Kaart.objects.create(sessie=sessie, blok=blok, author=author, text=text, zone=Zone.RING_3)
    url = reverse("samenvatting", args=[bijeenkomst.pk])
    client.login(username=world.member.email, password=PASSWORD)
    html = client.get(url).content.decode()
    assert "Kaart van Mehdi" in html and "Kaart van Charlotte" not in html
    sessie.revealed_blokken = [blok.pk]
    sessie.save()
    assert "Kaart van Charlotte" in client.get(url).content.decode()


@pytest.mark.parametrize(
    ("moment", "shown"),
    [
        ("running", {"Kaart van Mehdi"}),
        ("revealed", {"Kaart van Mehdi", "Kaart van Charlotte"}),
        ("ended", {"Kaart van Mehdi", "Kaart van Charlotte"}),
    ],
)
def test_the_summary_and_the_live_screen_show_the_same_cards_of_a_board_written_alone_first(
    client: Client, world: World, moment: str, shown: set[str]
) -> None:
    """Hidden until the coach shows the board, or until the session ends: then the writing
    alone is over, and a board the coach never showed shows its cards too (decision 37)."""
    from plg.live import commands
    from plg.live.participants import Deelname, Viewer
    from plg.live.tests.test_participants import state_for

    bijeenkomst = BijeenkomstFactory.create(plg=world.plg, starts_at=timezone.now())
    blok = bijeenkomst.blokken.get(stap=Stap.VERWERKING)
    blok.werkvorm = Werkvorm.objects.get(slug="kandoe", school=None)
    blok.save()
    sessie = LiveSessie.objects.create(bijeenkomst=bijeenkomst, opened_by=world.coach)
    for author, text in [(world.member, "Kaart van Mehdi"), (world.coach, "Kaart van Charlotte")]:
        Kaart.objects.create(sessie=sessie, blok=blok, author=author, text=text, zone=Zone.RING_3)
    coach = Viewer(world.coach.pk, "Charlotte", Deelname.COACH)
    commands.apply(sessie.pk, coach, {"type": "step.start", "blok": blok.pk})
    if moment == "revealed":
        commands.apply(sessie.pk, coach, {"type": "board.reveal"})
    if moment == "ended":
        commands.apply(sessie.pk, coach, {"type": "session.end"})
    member = Viewer(world.member.pk, "Mehdi", Deelname.LID)
    on_screen = {card["text"] for card in state_for(sessie, member)["cards"]} - {""}
    client.login(username=world.member.email, password=PASSWORD)
    html = client.get(reverse("samenvatting", args=[bijeenkomst.pk])).content.decode()
    in_summary = {text for text in ["Kaart van Mehdi", "Kaart van Charlotte"] if text in html}
    assert on_screen == in_summary == shown
