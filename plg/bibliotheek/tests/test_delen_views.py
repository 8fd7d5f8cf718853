"""The sharing form's bad input, its attachments, and a new PLG that sets out from an entry."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, World
from plg.bibliotheek import services
from plg.bibliotheek.models import Bibliotheekitem, Vertrekpunt
from plg.bibliotheek.tests.factories import BibliotheekitemFactory, close, gepubliceerd
from plg.communities.models import PLG


def _form(**overrides: str) -> dict[str, str]:
    return {
        "titel": "Huiswerk met betekenis",
        "onderwijsniveau": "basis",
        "schooljaar": "2024-2025",
        "leervraag": "Hoe geven we huiswerk dat betekenis heeft?",
        "themas": "huiswerk\nfeedback",
        "zichtbaarheid": "netwerk",
        **overrides,
    }


def test_a_bad_school_year_is_named_and_nothing_is_written(client: Client, world: World) -> None:
    close(world)
    assert client.login(username=world.coach.email, password=PASSWORD)
    response = client.post(
        reverse("bibliotheek_delen", args=[world.plg.pk]), _form(schooljaar="volgend jaar")
    )
    page = response.content.decode()
    assert response.status_code == 422
    assert "Schooljaar" in page and "2024-2025" in page
    assert "volgend jaar" in page
    assert not Bibliotheekitem.objects.exists()


def test_the_coach_saves_a_draft_with_an_attachment(client: Client, world: World) -> None:
    close(world)
    assert client.login(username=world.coach.email, password=PASSWORD)
    upload = SimpleUploadedFile("handout.txt", b"Drie vragen bij elke taak")
    client.post(reverse("bibliotheek_delen", args=[world.plg.pk]), {**_form(), "bijlagen": upload})
    item = Bibliotheekitem.objects.get()
    assert item.themas == ["huiswerk", "feedback"]
    assert item.published_at is None
    assert [b.name for b in item.bijlagen.all()] == ["handout.txt"]


def test_a_reader_downloads_an_attachment_of_a_published_entry(
    client: Client, world: World
) -> None:
    item = gepubliceerd(world)
    bijlage = item.bijlagen.create(
        name="handout.txt", file=SimpleUploadedFile("handout.txt", b"Drie vragen")
    )
    assert client.login(username=world.outsider.email, password=PASSWORD)
    response = client.get(reverse("bibliotheekitem_bijlage", args=[item.slug, bijlage.pk]))
    assert response.getvalue() == b"Drie vragen"


def test_a_new_plg_sets_out_from_an_entry(client: Client, world: World) -> None:
    item = BibliotheekitemFactory.create(themas=["leesplezier", "boekenkring"])
    assert client.login(username=world.colleague.email, password=PASSWORD)
    response = client.post(
        reverse("bibliotheekitem_starten", args=[item.slug]),
        {"name": "Lezen in 3B", "schools": [world.school.pk], "praktijknood": "Ze lezen weinig."},
    )
    plg = PLG.objects.get(name="Lezen in 3B")
    assert response["Location"] == reverse("leervragen", args=[plg.pk])
    assert list(plg.themas.values_list("title", flat=True)) == ["leesplezier", "boekenkring"]
    assert plg.leervragen.get().current_text == item.leervraag
    assert plg.gekozen_leervraag is None
    assert Vertrekpunt.objects.get(plg=plg).item == item


def test_the_start_form_is_prefilled_with_the_entry(client: Client, world: World) -> None:
    item = BibliotheekitemFactory.create(praktijknood="Weinig leesplezier.")
    assert client.login(username=world.member.email, password=PASSWORD)
    page = client.get(reverse("bibliotheekitem_starten", args=[item.slug])).content.decode()
    assert item.titel in page and "Weinig leesplezier." in page


def test_the_new_plg_shows_the_entry_it_set_out_from(client: Client, world: World) -> None:
    item = BibliotheekitemFactory.create()
    plg = services.start_plg_from(
        item=item, coach=world.coach, name="Lezen", schools=[world.school], praktijknood=""
    )
    assert client.login(username=world.coach.email, password=PASSWORD)
    page = client.get(reverse("plg_detail", args=[plg.pk])).content.decode()
    assert reverse("bibliotheekitem", args=[item.slug]) in page
