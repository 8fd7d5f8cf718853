"""Publishing a finished PLG: the group's consent, the coach's step, and taking it back."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.bibliotheek import services
from plg.bibliotheek.models import Bibliotheekitem, Zichtbaarheid
from plg.bibliotheek.tests.factories import close, concept, gepubliceerd
from plg.communities.models import Actieplan
from plg.communities.sharing import Audience
from plg.organisations.tests.factories import AanstellingFactory


def _login(client: Client, user: User) -> None:
    assert client.login(username=user.email, password=PASSWORD)


def _far_teacher() -> User:
    """A teacher of a school in another network."""
    return AanstellingFactory.create(user__email="ver@elders.example").user


def test_publishing_needs_every_members_consent(world: World) -> None:
    item = concept(world)
    services.stem_in(item=item, user=world.coach)
    with pytest.raises(ValidationError):
        services.publish(item=item, plg=world.plg)
    assert not Bibliotheekitem.objects.zichtbaar_voor(world.member).exists()


def test_the_coach_publishes_once_everyone_agreed(client: Client, world: World) -> None:
    item = concept(world)
    services.stem_in(item=item, user=world.coach)
    services.stem_in(item=item, user=world.member)
    _login(client, world.coach)
    response = client.post(reverse("bibliotheek_publiceren", args=[world.plg.pk]))
    assert response["Location"] == reverse("bibliotheekitem", args=[item.slug])
    assert Bibliotheekitem.objects.zichtbaar_voor(world.outsider).get() == item


def test_a_member_agrees_on_the_page(client: Client, world: World) -> None:
    item = concept(world)
    _login(client, world.member)
    client.post(reverse("bibliotheek_instemmen", args=[world.plg.pk]), {"antwoord": "ja"})
    assert list(item.instemmingen.values_list("user", flat=True)) == [world.member.pk]


def test_a_member_cannot_publish(client: Client, world: World) -> None:
    item = concept(world)
    for user in (world.coach, world.member):
        services.stem_in(item=item, user=user)
    _login(client, world.member)
    response = client.post(reverse("bibliotheek_publiceren", args=[world.plg.pk]))
    assert response.status_code == 403
    item.refresh_from_db()
    assert item.published_at is None


def test_a_plg_that_is_not_closed_cannot_share(client: Client, world: World) -> None:
    _login(client, world.coach)
    response = client.get(reverse("bibliotheek_delen", args=[world.plg.pk]))
    assert response.status_code == 403


def test_changing_the_text_asks_everyone_again(world: World) -> None:
    item = concept(world)
    services.stem_in(item=item, user=world.member)
    services.save_concept(plg=world.plg, velden={"titel": "Anders gezegd"}, met_namen=False)
    assert not item.instemmingen.exists()


def test_saving_the_same_text_keeps_the_consent(world: World) -> None:
    item = concept(world)
    services.stem_in(item=item, user=world.member)
    services.save_concept(plg=world.plg, velden={"titel": item.titel}, met_namen=False)
    assert item.instemmingen.exists()


def test_the_form_starts_from_what_the_plg_recorded(client: Client, world: World) -> None:
    close(world)
    _login(client, world.coach)
    page = client.get(reverse("bibliotheek_delen", args=[world.plg.pk])).content.decode()
    assert "Het huiswerkbeleid loopt stroef." in page
    assert "Huiswerk" in page


def test_the_prefill_leaves_out_what_the_coach_kept_private(world: World) -> None:
    Actieplan.objects.create(
        plg=world.plg,
        author=world.coach,
        target_date=timezone.localdate(),
        gewenste_verandering="Mijn eigen kladversie",
        audience=Audience.ALLEEN_IK,
    )
    close(world)
    assert "kladversie" not in services.voorstel_uit_plg(world.plg)["actieplan"]


def test_an_entry_names_nobody_unless_chosen(client: Client, world: World) -> None:
    item = gepubliceerd(world)
    _login(client, world.outsider)
    page = client.get(reverse("bibliotheekitem", args=[item.slug])).content.decode()
    pakket = client.get(reverse("bibliotheekitem_pakket", args=[item.slug])).content.decode()
    for name in (world.coach.first_name, world.member.first_name):
        assert name not in page.split("</header>", 1)[-1].split("<footer", 1)[0]
        assert name not in pakket


def test_an_entry_names_its_members_when_the_plg_chooses_so(world: World) -> None:
    item = concept(world)
    services.save_concept(plg=world.plg, velden={}, met_namen=True)
    item.refresh_from_db()
    assert world.member.first_name in item.namen


def test_a_network_entry_stays_in_the_network(client: Client, world: World) -> None:
    item = gepubliceerd(world)
    _login(client, _far_teacher())
    assert client.get(reverse("bibliotheekitem", args=[item.slug])).status_code == 404
    assert client.get(reverse("bibliotheekitem_pakket", args=[item.slug])).status_code == 404


def test_an_entry_for_everyone_reaches_another_network(client: Client, world: World) -> None:
    item = gepubliceerd(world, zichtbaarheid=Zichtbaarheid.IEDEREEN)
    _login(client, _far_teacher())
    assert client.get(reverse("bibliotheekitem", args=[item.slug])).status_code == 200
    assert Bibliotheekitem.objects.zichtbaar_voor(None).get() == item


def test_a_draft_is_not_in_the_library(client: Client, world: World) -> None:
    item = concept(world, zichtbaarheid=Zichtbaarheid.IEDEREEN)
    _login(client, world.member)
    assert client.get(reverse("bibliotheekitem", args=[item.slug])).status_code == 404


def test_withdrawing_takes_the_entry_out_of_the_library(client: Client, world: World) -> None:
    item = gepubliceerd(world, zichtbaarheid=Zichtbaarheid.IEDEREEN)
    _login(client, world.member)
    client.post(reverse("bibliotheek_intrekken", args=[world.plg.pk]))
    assert not Bibliotheekitem.objects.zichtbaar_voor(None).exists()
    assert client.get(reverse("bibliotheekitem", args=[item.slug])).status_code == 404


def test_a_member_saying_no_withdraws_a_published_entry(client: Client, world: World) -> None:
    gepubliceerd(world)
    _login(client, world.member)
    client.post(reverse("bibliotheek_instemmen", args=[world.plg.pk]), {"antwoord": "nee"})
    assert not Bibliotheekitem.objects.zichtbaar_voor(world.coach).exists()


def test_publishing_again_after_withdrawing_asks_everyone_again(world: World) -> None:
    item = gepubliceerd(world)
    services.withdraw(item=item)
    with pytest.raises(ValidationError):
        services.publish(item=item, plg=world.plg)
