"""Who reads what was written about a visit, per audience and role: the owner, the visitor,
the PLG's members, and never the leader, the advisor or a colleague outside it."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD, World
from plg.bezoeken.models import Meegenomen, Nagesprek, Observatie
from plg.bezoeken.tests.factories import bezoek_bij_member
from plg.communities.sharing import BezoekAudience

IK, WIJ, PLG = BezoekAudience.ALLEEN_IK, BezoekAudience.WIJ_TWEE, BezoekAudience.PLG
# (role, persona): the member owns the visit, the colleague visits, the coach is in the PLG
ROLES = {
    "owner": "member",
    "visitor": "colleague",
    "plg_member": "coach",
    "leader": "leader",
    "advisor": "advisor",
    "outsider": "outsider",
}
# observation notes: written by the visitor, audience set by the owner
OBSERVATIE_READERS = {
    WIJ: {"owner", "visitor"},
    PLG: {"owner", "visitor", "plg_member"},
}
# the owner's nagesprek
NAGESPREK_READERS = {
    IK: {"owner"},
    WIJ: {"owner", "visitor"},
    PLG: {"owner", "visitor", "plg_member"},
}
# the visitor's meegenomen
MEEGENOMEN_READERS = {
    IK: {"visitor"},
    WIJ: {"owner", "visitor"},
    PLG: {"owner", "visitor", "plg_member"},
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("audience", [WIJ, PLG])
def test_who_reads_observation_notes(world: World, audience: BezoekAudience, role: str) -> None:
    bezoek = bezoek_bij_member(world, notities_audience=audience)
    Observatie.objects.create(
        bezoek=bezoek, author=world.colleague, tekst="x", moment=timezone.now()
    )
    reads = Observatie.objects.visible_to(world.persona(ROLES[role])).exists()
    assert reads == (role in OBSERVATIE_READERS[audience])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("audience", [IK, WIJ, PLG])
def test_who_reads_the_nagesprek(world: World, audience: BezoekAudience, role: str) -> None:
    bezoek = bezoek_bij_member(world)
    Nagesprek.objects.create(bezoek=bezoek, author=world.member, wat_zag_je="x", audience=audience)
    reads = Nagesprek.objects.visible_to(world.persona(ROLES[role])).exists()
    assert reads == (role in NAGESPREK_READERS[audience])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("audience", [IK, WIJ, PLG])
def test_who_reads_what_the_visitor_takes_along(
    world: World, audience: BezoekAudience, role: str
) -> None:
    bezoek = bezoek_bij_member(world)
    Meegenomen.objects.create(bezoek=bezoek, author=world.colleague, tekst="x", audience=audience)
    reads = Meegenomen.objects.visible_to(world.persona(ROLES[role])).exists()
    assert reads == (role in MEEGENOMEN_READERS[audience])


def test_the_owner_sets_who_reads_the_notes(client: Client, world: World) -> None:
    bezoek = bezoek_bij_member(world)
    Observatie.objects.create(
        bezoek=bezoek, author=world.colleague, tekst="x", moment=timezone.now()
    )
    assert client.login(username=world.member.email, password=PASSWORD)
    client.post(reverse("bezoek_lezers", args=[bezoek.pk]), {"notities_audience": "plg"})
    assert Observatie.objects.visible_to(world.coach).exists()


def test_the_owner_cannot_shut_themselves_out_of_the_notes(client: Client, world: World) -> None:
    """Notes about their class are always the owner's: "alleen ik" is not offered for them."""
    bezoek = bezoek_bij_member(world)
    assert client.login(username=world.member.email, password=PASSWORD)
    client.post(reverse("bezoek_lezers", args=[bezoek.pk]), {"notities_audience": "ik"})
    bezoek.refresh_from_db()
    assert bezoek.notities_audience == WIJ


def test_the_owner_sees_the_notes_on_the_visit_page(client: Client, world: World) -> None:
    bezoek = bezoek_bij_member(world)
    Observatie.objects.create(
        bezoek=bezoek, author=world.colleague, tekst="Ayla legt uit aan Tom", moment=timezone.now()
    )
    assert client.login(username=world.member.email, password=PASSWORD)
    page = client.get(reverse("bezoek_detail", args=[bezoek.pk])).content.decode()
    assert "Ayla legt uit aan Tom" in page


def test_the_nagesprek_defaults_to_the_two_of_them(client: Client, world: World) -> None:
    bezoek = bezoek_bij_member(world)
    assert client.login(username=world.member.email, password=PASSWORD)
    page = client.get(reverse("nagesprek", args=[bezoek.pk])).content.decode()
    assert 'value="wij" checked' in page or 'value="wij"\n' in page or "checked" in page
    client.post(
        reverse("nagesprek", args=[bezoek.pk]),
        {
            "wat_zag_je": "Veel vragen",
            "wat_neem_ik_mee": "",
            "volgende_stap": "",
            "audience": "wij",
        },
    )
    nagesprek = Nagesprek.objects.get()
    assert (nagesprek.author, nagesprek.audience) == (world.member, WIJ)


def test_the_nagesprek_is_in_the_owners_leerlog(client: Client, world: World) -> None:
    bezoek = bezoek_bij_member(world)
    Nagesprek.objects.create(
        bezoek=bezoek, author=world.member, wat_neem_ik_mee="Meer wachttijd na een vraag"
    )
    assert client.login(username=world.member.email, password=PASSWORD)
    page = client.get(reverse("mijn_klasbezoeken")).content.decode()
    assert "Meer wachttijd na een vraag" in page


def test_the_visitor_records_what_they_take_along(client: Client, world: World) -> None:
    bezoek = bezoek_bij_member(world)
    assert client.login(username=world.colleague.email, password=PASSWORD)
    client.post(
        reverse("meegenomen", args=[bezoek.pk]), {"tekst": "Denkkaartjes", "audience": "wij"}
    )
    meegenomen = Meegenomen.objects.get()
    assert (meegenomen.author, meegenomen.tekst) == (world.colleague, "Denkkaartjes")
    page = client.get(reverse("mijn_klasbezoeken")).content.decode()
    assert "Denkkaartjes" in page


def test_what_was_shared_with_the_plg_shows_to_its_members_without_names(
    client: Client, world: World
) -> None:
    bezoek = bezoek_bij_member(world)
    Nagesprek.objects.create(
        bezoek=bezoek, author=world.member, wat_neem_ik_mee="Stille start", audience=PLG
    )
    Meegenomen.objects.create(bezoek=bezoek, author=world.colleague, tekst="Geheim", audience=WIJ)
    assert client.login(username=world.coach.email, password=PASSWORD)
    page = client.get(reverse("mijn_klasbezoeken")).content.decode()
    assert "Stille start" in page
    assert "Geheim" not in page
    assert world.colleague.first_name not in page


def test_notes_shared_with_the_plg_show_to_its_members(client: Client, world: World) -> None:
    shared = bezoek_bij_member(world, notities_audience=PLG)
    kept = bezoek_bij_member(world, notities_audience=WIJ)
    for bezoek, tekst in ((shared, "Ayla telt hardop"), (kept, "Tom zwijgt")):
        Observatie.objects.create(
            bezoek=bezoek, author=world.colleague, tekst=tekst, moment=timezone.now()
        )
    assert client.login(username=world.coach.email, password=PASSWORD)
    page = client.get(reverse("mijn_klasbezoeken")).content.decode()
    assert "Ayla telt hardop" in page
    assert "Tom zwijgt" not in page
