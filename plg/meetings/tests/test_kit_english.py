"""The session kit in English: the agenda names each werkvorm as the English catalogue does."""

from __future__ import annotations

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from conftest import PASSWORD, World
from plg.meetings.kit import kit_voor
from plg.meetings.models import Bijeenkomst
from plg.meetings.tests.factories import BijeenkomstFactory
from plg.meetings.tests.pdfs import needs_poppler, pdf_text
from plg.methods.models import Stap, Werkvorm


def _with_bbb(world: World) -> Bijeenkomst:
    bijeenkomst = BijeenkomstFactory.create(plg=world.plg)
    blok = bijeenkomst.blokken.get(stap=Stap.VERWERKING)
    blok.werkvorm = Werkvorm.objects.get(slug="borgen-bannen-beginnen", school=None)
    blok.save()
    return bijeenkomst


def test_the_kits_agenda_names_werkvormen_in_english_when_asked(world: World) -> None:
    bijeenkomst = _with_bbb(world)
    with translation.override("en"):
        werkvormen = {regel.werkvorm for regel in kit_voor(bijeenkomst).agenda}
    assert "Keep, stop, start" in werkvormen and "Borgen, bannen, beginnen" not in werkvormen


@needs_poppler
def test_the_printed_agenda_is_english_for_who_reads_english(client: Client, world: World) -> None:
    bijeenkomst = _with_bbb(world)
    client.login(username=world.member.email, password=PASSWORD)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    url = reverse("bijeenkomst_kit_pdf", args=[bijeenkomst.pk, "agenda"])
    text = " ".join(pdf_text(client.get(url).content).split())
    assert "Keep, stop, start" in text and "Borgen, bannen, beginnen" not in text
