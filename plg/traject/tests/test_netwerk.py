"""The scan in the traject and the advisor's network dashboard: counts of schools and PLG's,
figures only from the minimum group, never a person."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.bibliotheek.models import Bibliotheekitem, Zichtbaarheid
from plg.communities.models import Fase
from plg.core.privacy import minimum_group
from plg.meetings.services import plan_bijeenkomst
from plg.organisations.models import Network
from plg.organisations.tests.factories import NetworkFactory
from plg.scans import services as scans
from plg.scans.tests.conftest import answer
from plg.traject.overzicht import dashboard
from plg.traject.tests.factories import traject_of


def _get(client: Client, user: User, name: str, *args: object) -> str:
    client.login(username=user.email, password=PASSWORD)
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    return response.content.decode()


def _scan(world: World, respondents: int) -> None:
    afname = scans.open_afname(
        opened_by=world.advisor, title="Netwerkscan", schools=[world.school], team=False
    )
    for _ in range(respondents):
        answer(afname, world.school, 5)
    scans.close_afname(afname=afname)


def _entry(slug: str, network: Network, themas: list[str]) -> Bibliotheekitem:
    return Bibliotheekitem.objects.create(
        slug=slug,
        titel=slug,
        onderwijsniveau="basis",
        schooljaar="2024-2025",
        leervraag="Waarom geven we huiswerk?",
        themas=themas,
        network=network,
        zichtbaarheid=Zichtbaarheid.NETWERK,
        published_at=timezone.now(),
    )


def test_the_traject_shows_a_schools_scan_profile_from_the_minimum_group(
    world: World, client: Client
) -> None:
    _scan(world, minimum_group())
    page = _get(client, world.advisor, "traject", traject_of(world).pk)
    assert "Profiel:" in page


def test_the_traject_shows_no_scan_figure_below_the_minimum_group(
    world: World, client: Client
) -> None:
    _scan(world, minimum_group() - 1)
    page = _get(client, world.advisor, "traject", traject_of(world).pk)
    assert "Profiel:" not in page
    assert "Te weinig antwoorden" in page


def test_the_dashboard_counts_plgs_per_phase(world: World) -> None:
    world.plg.fase = Fase.AAN_DE_SLAG
    world.plg.save()
    fases = dict(dashboard(world.network).fases)
    assert fases[str(Fase.AAN_DE_SLAG.label)] == 1
    assert fases[str(Fase.VERKENNEN.label)] == 0


def test_the_dashboard_counts_time_made_this_school_year(world: World) -> None:
    plan_bijeenkomst(
        plg=world.plg,
        starts_at=timezone.now() - timedelta(hours=2),
        place="x",
        duration_minutes=90,
    )
    plan_bijeenkomst(
        plg=world.plg, starts_at=timezone.now() + timedelta(days=2), place="x", duration_minutes=90
    )
    tijd = dashboard(world.network).tijd
    assert (tijd.bijeenkomsten, tijd.uren) == (1, 1.5)


def test_the_dashboard_counts_only_the_networks_library_entries(world: World) -> None:
    _entry("regenboog", world.network, ["Huiswerk"])
    _entry("elders", NetworkFactory.create(name="Elders"), ["huiswerk"])
    ingetrokken = _entry("ingetrokken", world.network, ["huiswerk"])
    ingetrokken.withdrawn_at = timezone.now()
    ingetrokken.save()
    found = dashboard(world.network)
    assert found.bibliotheek == 1
    assert found.themas == [("huiswerk", 1)]


def test_the_dashboard_names_no_person(world: World, client: Client) -> None:
    page = _get(client, world.advisor, "netwerk")
    for person in (world.coach, world.member, world.leader):
        assert person.first_name not in page.replace(world.advisor.first_name, "")


def test_the_dashboard_shows_no_scan_profile_of_a_school_below_the_minimum(
    world: World, client: Client
) -> None:
    _scan(world, minimum_group() - 1)
    assert dashboard(world.network).scholen_met_scan == 0
    _scan(world, minimum_group())
    assert dashboard(world.network).scholen_met_scan == 1


def test_a_leader_has_no_network_dashboard(world: World, client: Client) -> None:
    client.login(username=world.leader.email, password=PASSWORD)
    assert client.get(reverse("netwerk")).status_code == 404
