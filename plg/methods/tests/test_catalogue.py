"""The werkvormen catalogue and the vragenkit, as data, browsable and extendable per school."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse
from django.utils import translation

from conftest import PASSWORD, World
from plg.methods.catalogue import load_catalogue
from plg.methods.models import Stap, Vraag, Vragengroep, Werkvorm

SEVEN = {
    "check-in",
    "check-out",
    "zelfscan",
    "beginsituatie-analyse",
    "borgen-bannen-beginnen",
    "kandoe",
    "oase",
}


def test_the_seven_werkvormen_are_loaded_by_migration(db: None) -> None:
    assert set(Werkvorm.objects.filter(school=None).values_list("slug", flat=True)) == SEVEN


def test_every_werkvorm_is_complete(db: None) -> None:
    for werkvorm in Werkvorm.objects.all():
        for field in ("wat", "waarom", "hoe", "valkuil", "variant"):
            assert getattr(werkvorm, field).strip(), (werkvorm.slug, field)
        assert werkvorm.minutes > 0
        assert werkvorm.steps and set(werkvorm.steps) <= set(Stap.values)


def test_werkvorm_speaks_english_when_asked(db: None) -> None:
    kandoe = Werkvorm.objects.get(slug="kandoe")
    with translation.override("en"):
        english = kandoe.localised("wat")
    assert english and english != kandoe.wat


def test_vragenkit_has_four_groups_tied_to_steps(db: None) -> None:
    assert Vragengroep.objects.count() == 4
    for vraag in Vraag.objects.all():
        assert vraag.steps and set(vraag.steps) <= set(Stap.values)


def test_loading_twice_changes_nothing(db: None) -> None:
    before = (Werkvorm.objects.count(), Vraag.objects.count())
    load_catalogue()
    assert (Werkvorm.objects.count(), Vraag.objects.count()) == before


def test_school_adds_its_own_werkvorm(client: Client, world: World) -> None:
    client.login(username=world.coach.email, password=PASSWORD)
    response = client.post(
        reverse("werkvorm_nieuw"),
        {
            "school": world.school.pk,
            "name": "Wandelgesprek",
            "summary": "Praten tijdens het stappen",
            "wat": "Twee aan twee wandelen.",
            "waarom": "Bewegen opent het gesprek.",
            "hoe": "Een vraag, twintig minuten.",
            "valkuil": "",
            "variant": "",
            "minutes": "20",
            "steps": ["verwerking"],
        },
    )
    assert response.status_code == 302
    werkvorm = Werkvorm.objects.get(slug="wandelgesprek")
    assert werkvorm.school == world.school


def test_a_schools_werkvorm_stays_with_that_school(client: Client, world: World) -> None:
    own = Werkvorm.objects.create(
        slug="eigen",
        school=world.school,
        name="Eigen",
        summary="s",
        wat="w",
        waarom="w",
        hoe="h",
        steps=["input"],
    )
    client.login(username=world.outsider.email, password=PASSWORD)
    assert client.get(reverse("werkvorm_detail", args=[own.pk])).status_code == 404
    assert "Eigen" not in client.get(reverse("werkvormen")).content.decode()


def test_werkvorm_form_errors_name_the_field(client: Client, world: World) -> None:
    client.login(username=world.coach.email, password=PASSWORD)
    response = client.post(reverse("werkvorm_nieuw"), {"school": world.school.pk, "name": "X"})
    html = response.content.decode()
    assert "Wat" in html and "Dit veld is verplicht." in html and 'value="X"' in html
