"""Every text of the shared catalogue exists in English, and the pages show it when asked."""

from __future__ import annotations

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from conftest import PASSWORD, World
from plg.methods.catalogue import TEXT_FIELDS, read
from plg.methods.models import Localised, Vraag, Vragengroep, Werkvorm


def _missing(row: Localised, fields: tuple[str, ...]) -> list[str]:
    english = row.translations.get("en", {})
    return [
        field
        for field in fields
        if str(getattr(row, field)).strip() and not str(english.get(field, "")).strip()
    ]


def test_every_catalogue_werkvorm_has_english_for_every_text(db: None) -> None:
    missing = {
        w.slug: _missing(w, TEXT_FIELDS) for w in Werkvorm.objects.filter(school__isnull=True)
    }
    assert not {slug: fields for slug, fields in missing.items() if fields}


def test_every_vragengroep_has_english_for_its_title_and_intro(db: None) -> None:
    missing = {g.slug: _missing(g, ("title", "intro")) for g in Vragengroep.objects.all()}
    assert not {slug: fields for slug, fields in missing.items() if fields}


def test_every_question_of_the_vragenkit_has_english(db: None) -> None:
    assert not [v.text for v in Vraag.objects.all() if _missing(v, ("text",))]


def test_the_catalogue_files_hold_english_for_every_dutch_text() -> None:
    """The files themselves, so an edit fails here before any database loads it."""
    missing = []
    for item in read("werkvormen.yaml"):
        english = item.get("en") or {}
        missing += [(item["slug"], f) for f in item["nl"] if not english.get(f, "").strip()]
    for group in read("vragenkit.yaml"):
        english = group.get("en") or {}
        missing += [(group["slug"], f) for f in group["nl"] if not english.get(f, "").strip()]
        missing += [(group["slug"], q["nl"]) for q in group["questions"] if not q.get("en")]
    assert missing == []


def test_a_text_without_english_falls_back_to_dutch(db: None) -> None:
    werkvorm = Werkvorm(name="Wandelgesprek", hoe="Twee aan twee.", translations={})
    with translation.override("en"):
        assert werkvorm.local["hoe"] == "Twee aan twee."


def test_numbered_lines_of_hoe_become_steps_in_order(db: None) -> None:
    werkvorm = Werkvorm(hoe="1. Eerst dit.\n2. Dan dat.\nLet op de tijd.")
    aanpak = werkvorm.aanpak()
    assert aanpak.steps == ("Eerst dit.", "Dan dat.")
    assert aanpak.notes == "Let op de tijd."


def test_hoe_typed_as_free_text_stays_as_notes(db: None) -> None:
    assert Werkvorm(hoe="Wandel twintig minuten.").aanpak().steps == ()


def _english(client: Client, world: World) -> Client:
    client.login(username=world.coach.email, password=PASSWORD)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_werkvorm_page_shows_its_texts_and_steps_in_english(client: Client, world: World) -> None:
    kandoe = Werkvorm.objects.get(slug="kandoe", school=None)
    html = _english(client, world).get(reverse("werkvorm_detail", args=[kandoe.pk])).content
    page = html.decode()
    english = kandoe.translations["en"]
    first_step = english["hoe"].splitlines()[0].split(". ", 1)[1]
    assert escape(english["summary"]) in page and escape(first_step) in page
    assert escape(kandoe.summary) not in page


def test_werkvormen_list_shows_english_summaries(client: Client, world: World) -> None:
    page = _english(client, world).get(reverse("werkvormen")).content.decode()
    oase = Werkvorm.objects.get(slug="oase", school=None)
    assert escape(oase.translations["en"]["summary"]) in page
    assert escape(oase.summary) not in page


def test_vragenkit_intros_are_english_when_chosen(client: Client, world: World) -> None:
    page = _english(client, world).get(reverse("vragenkit")).content.decode()
    groep = Vragengroep.objects.first()
    assert groep is not None
    assert escape(groep.translations["en"]["intro"]) in page
    assert escape(groep.intro) not in page
