"""The printable session kit: the sheets of a bijeenkomst and the blank sheets of werkvormen.

Rendering a PDF takes a noticeable moment, so three tests read one back; the rest look at the
kit as data and at the pages that lead to it.
"""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.communities.models import PLG, Fase
from plg.meetings.kit import kit_voor, losse_kit
from plg.meetings.models import Bijeenkomst, Terugblik
from plg.meetings.tests.factories import BijeenkomstFactory
from plg.meetings.tests.pdfs import needs_poppler, paper, pdf_text
from plg.methods.kit import Blad, blad_voor
from plg.methods.models import Stap, Werkvorm


def _login(client: Client, user: User) -> None:
    assert client.login(username=user.email, password=PASSWORD)


@pytest.fixture
def bijeenkomst(world: World) -> Bijeenkomst:
    """Tuesday 3 March 2026, 15:30, with KanDoe on the agenda and two goals."""
    starts = timezone.make_aware(datetime(2026, 3, 3, 15, 30))
    b = BijeenkomstFactory.create(
        plg=world.plg,
        starts_at=starts,
        doelen="Kiezen waar we eerst aan werken\nDe startvraag scherp stellen",
    )
    verwerking = b.blokken.get(stap=Stap.VERWERKING)
    verwerking.werkvorm = Werkvorm.objects.get(slug="kandoe", school=None)
    verwerking.title = "Prioriteiten kiezen"
    verwerking.save()
    return b


def _with_every_werkvorm(b: Bijeenkomst) -> None:
    for slug in ("borgen-bannen-beginnen", "beginsituatie-analyse", "oase"):
        b.blokken.create(
            stap=Stap.VERWERKING,
            werkvorm=Werkvorm.objects.get(slug=slug, school=None),
            minutes=40,
            position=10,
        )


def test_the_kit_of_a_bijeenkomst_holds_its_agenda_the_sheets_on_it_and_the_check_out(
    bijeenkomst: Bijeenkomst,
) -> None:
    assert kit_voor(bijeenkomst).bladen == (Blad.AGENDA, Blad.KANDOE, Blad.CHECKOUT)


def test_the_blank_kit_has_every_sheet_but_the_agenda() -> None:
    assert set(losse_kit().bladen) == set(Blad) - {Blad.AGENDA}


def test_oase_cards_of_a_bijeenkomst_give_each_phase_a_quarter_of_its_block(
    bijeenkomst: Bijeenkomst,
) -> None:
    _with_every_werkvorm(bijeenkomst)
    assert kit_voor(bijeenkomst, Blad.OASE).oase_minuten == 10


def test_the_printed_check_out_asks_what_the_check_out_record_asks(
    bijeenkomst: Bijeenkomst,
) -> None:
    labels = [
        str(f.field.verbose_name).lower()
        for f in (
            Terugblik.hoe_was_het,
            Terugblik.behouden,
            Terugblik.veranderen,
            Terugblik.volgende_stap,
        )
    ]
    assert [q.lower() for q in kit_voor(bijeenkomst).checkout_vragen] == labels


def test_a_school_werkvorm_named_like_ours_has_no_sheet(world: World) -> None:
    eigen = Werkvorm.objects.get(slug="kandoe", school=None)
    eigen.pk = None
    eigen.school = world.school
    assert blad_voor(eigen) is None


def test_the_bijeenkomst_page_leads_to_its_kit(
    client: Client, world: World, bijeenkomst: Bijeenkomst
) -> None:
    _login(client, world.coach)
    page = client.get(reverse("bijeenkomst_detail", args=[bijeenkomst.pk])).content.decode()
    assert reverse("bijeenkomst_kit", args=[bijeenkomst.pk]) in page


def test_a_werkvorm_page_leads_to_its_blank_sheet(client: Client, world: World) -> None:
    _login(client, world.member)
    oase = Werkvorm.objects.get(slug="oase", school=None)
    page = client.get(reverse("werkvorm_detail", args=[oase.pk])).content.decode()
    assert reverse("kit_pdf", args=["oase"]) in page


def test_an_unknown_sheet_is_not_found(
    client: Client, world: World, bijeenkomst: Bijeenkomst
) -> None:
    _login(client, world.coach)
    assert client.get(reverse("bijeenkomst_kit_pdf", args=[bijeenkomst.pk, "x"])).status_code == 404
    assert client.get(reverse("kit_pdf", args=["agenda"])).status_code == 404


def test_a_closed_plg_prints_no_kit(client: Client, world: World, bijeenkomst: Bijeenkomst) -> None:
    PLG.objects.filter(pk=world.plg.pk).update(fase=Fase.AFGESLOTEN, closed_at=timezone.now())
    _login(client, world.coach)
    assert client.get(reverse("bijeenkomst_kit", args=[bijeenkomst.pk])).status_code == 403


@needs_poppler
def test_every_sheet_of_the_kit_comes_on_its_own_paper(
    client: Client, world: World, bijeenkomst: Bijeenkomst
) -> None:
    _with_every_werkvorm(bijeenkomst)
    _login(client, world.coach)
    response = client.get(reverse("bijeenkomst_kit_pdf", args=[bijeenkomst.pk, "alles"]))
    assert response["Content-Type"] == "application/pdf"
    assert paper(response.content) == [
        "A4",  # agenda
        "A3",  # KanDoe circle
        *["A3"] * 3,  # borgen, bannen, beginnen: one sheet each
        "A3 landscape",  # SWOT
        "A4",  # check-out
        *["A4 landscape"] * 4,  # OASE: one card per phase
    ]


@needs_poppler
def test_the_printed_agenda_shows_each_block_at_its_clock_time(
    client: Client, world: World, bijeenkomst: Bijeenkomst
) -> None:
    _login(client, world.member)
    pdf = client.get(reverse("bijeenkomst_kit_pdf", args=[bijeenkomst.pk, "agenda"])).content
    assert paper(pdf) == ["A4"]
    text = pdf_text(pdf)
    clock = 15 * 60 + 30
    expected = []
    for blok in bijeenkomst.blokken.all():
        expected.append(f"{clock // 60:02d}:{clock % 60:02d}")
        clock += blok.minutes
    rows = [line.split()[0] for line in text.splitlines() if re.match(r"\s*\d\d:\d\d\s", line)]
    assert rows == expected
    assert "Prioriteiten kiezen" in text and "KanDoe" in text
    assert "Kiezen waar we eerst aan werken" in text


@needs_poppler
def test_the_printed_check_out_is_one_page_with_the_goals_and_the_questions(
    client: Client, world: World, bijeenkomst: Bijeenkomst
) -> None:
    _login(client, world.coach)
    pdf = client.get(reverse("bijeenkomst_kit_pdf", args=[bijeenkomst.pk, "check-out"])).content
    assert paper(pdf) == ["A4"]
    text = " ".join(pdf_text(pdf).split())
    for wanted in (*kit_voor(bijeenkomst).checkout_vragen, *bijeenkomst.doelen_lijst()):
        assert wanted in text
