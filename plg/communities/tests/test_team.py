"""A school's team page: what its PLG's share with the whole team, and nothing they kept closer."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD, World
from plg.communities.models import PLG, Mijlpaal
from plg.communities.sharing import Audience, Relation
from plg.communities.tests.factories import PLGFactory
from plg.communities.tests.factories_team import (
    ActieplanFactory,
    AfrondingFactory,
    MijlpaalFactory,
    NotitieFactory,
)

pytestmark = pytest.mark.django_db

BELOW_TEAM = [Audience.ALLEEN_IK, Audience.PLG, Audience.PLG_EN_SCHOOLLEIDER]
STAFF = ["coach", "member", "colleague", "leader"]


def _team_page(client: Client, world: World, persona: str = "colleague") -> str:
    assert client.login(username=world.persona(persona).email, password=PASSWORD)
    response = client.get(reverse("team", args=[world.school.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _write_for_everyone(world: World) -> None:
    """One of each written thing per audience, its text naming the audience."""
    for audience in Audience:
        MijlpaalFactory.create(plg=world.plg, audience=audience, title=f"mijlpaal-{audience}")
        NotitieFactory.create(plg=world.plg, audience=audience, text=f"notitie-{audience}")


def test_readable_as_the_team_keeps_team_and_network_only(world: World) -> None:
    _write_for_everyone(world)
    titles = set(Mijlpaal.objects.readable_as(Relation.TEAM).values_list("title", flat=True))
    assert titles == {"mijlpaal-team", "mijlpaal-netwerk"}


@pytest.mark.parametrize("persona", STAFF)
def test_the_team_page_shows_what_was_shared_with_the_team(
    client: Client, world: World, persona: str
) -> None:
    _write_for_everyone(world)
    html = _team_page(client, world, persona)
    for shared in ("mijlpaal-team", "mijlpaal-netwerk", "notitie-team", "notitie-netwerk"):
        assert shared in html


@pytest.mark.parametrize("persona", STAFF)
def test_nothing_below_the_team_reaches_the_team_page(
    client: Client, world: World, persona: str
) -> None:
    """Not even for the coach who wrote it, or the leader who may read it elsewhere."""
    _write_for_everyone(world)
    for audience in BELOW_TEAM:
        other = PLGFactory.create(coach=world.coach, schools=[world.school], name=f"plg-{audience}")
        ActieplanFactory.create(
            plg=other, audience=audience, gewenste_verandering=f"plan-{audience}"
        )
        AfrondingFactory.create(plg=other, audience=audience, voorstel=f"voorstel-{audience}")
    html = _team_page(client, world, persona)
    for audience in BELOW_TEAM:
        for kind in ("mijlpaal", "notitie", "plan", "voorstel"):
            assert f"{kind}-{audience}" not in html


def test_the_team_page_names_nobody(client: Client, world: World) -> None:
    NotitieFactory.create(plg=world.plg, author=world.member, text="We lazen drie artikels.")
    html = _team_page(client, world, "leader")
    assert "We lazen drie artikels." in html
    for person in (world.coach, world.member):
        assert person.display_name not in html


def test_the_team_page_shows_the_plgs_of_this_school_only(client: Client, world: World) -> None:
    PLGFactory.create(coach=world.other_leader, schools=[world.sister], name="Elders")
    html = _team_page(client, world)
    assert world.plg.name in html
    assert "Elders" not in html


def test_the_team_page_shows_the_chosen_leervraag(client: Client, world: World) -> None:
    from plg.communities import services

    vraag = services.add_leervraag(
        plg=world.plg, text="Waarom lezen onze leerlingen zo weinig?", author=world.member
    )
    PLG.objects.filter(pk=world.plg.pk).update(gekozen_leervraag=vraag)
    assert "Waarom lezen onze leerlingen zo weinig?" in _team_page(client, world)


def test_celebrations_are_listed_newest_first(client: Client, world: World) -> None:
    today = timezone.localdate()
    MijlpaalFactory.create(plg=world.plg, title="Eerste stap", celebrated_on=today - timedelta(20))
    MijlpaalFactory.create(plg=world.plg, title="Tweede stap", celebrated_on=today - timedelta(2))
    AfrondingFactory.create(
        plg=world.plg, viering_datum=today - timedelta(days=1), viering_notitie="Ontbijt samen"
    )
    html = _team_page(client, world)
    gevierd = html[html.index('id="team-vieringen"') :]
    assert (
        gevierd.index(world.plg.name) < gevierd.index("Tweede stap") < gevierd.index("Eerste stap")
    )
    assert "Ontbijt samen" in gevierd


def test_a_proposal_to_the_team_links_its_pdf(client: Client, world: World) -> None:
    AfrondingFactory.create(plg=world.plg, voorstel="Elke dag een kwartier vrij lezen.")
    html = _team_page(client, world)
    assert "Elke dag een kwartier vrij lezen." in html
    assert reverse("team_voorstel_pdf", args=[world.school.pk, world.plg.pk]) in html


def test_a_proposal_kept_in_the_plg_has_no_pdf_for_the_team(client: Client, world: World) -> None:
    AfrondingFactory.create(plg=world.plg, audience=Audience.PLG)
    client.login(username=world.coach.email, password=PASSWORD)
    response = client.get(reverse("team_voorstel_pdf", args=[world.school.pk, world.plg.pk]))
    assert response.status_code == 404


def test_the_menu_leads_the_staff_to_their_team_page(client: Client, world: World) -> None:
    client.login(username=world.colleague.email, password=PASSWORD)
    html = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("team", args=[world.school.pk])}"' in html


def test_the_menu_has_no_team_page_for_an_advisor(client: Client, world: World) -> None:
    client.login(username=world.advisor.email, password=PASSWORD)
    html = client.get(reverse("home")).content.decode()
    assert reverse("team", args=[world.school.pk]) not in html


def test_open_plgs_come_before_closed_ones(client: Client, world: World) -> None:
    closed = PLGFactory.create(coach=world.coach, schools=[world.school], name="Aaa gesloten")
    PLG.objects.filter(pk=closed.pk).update(fase="afgesloten", closed_at=timezone.now())
    html = _team_page(client, world)
    plgs = html[html.index('id="team-plgs"') :]
    assert plgs.index(world.plg.name) < plgs.index("Aaa gesloten")


def test_a_teacher_without_a_plg_is_pointed_to_the_team_page(client: Client, world: World) -> None:
    client.login(username=world.colleague.email, password=PASSWORD)
    html = client.get(reverse("home")).content.decode()
    main = html[html.index("<main") :]
    assert f'href="{reverse("team", args=[world.school.pk])}"' in main


def test_a_plg_of_another_school_is_not_printed_through_this_school(
    client: Client, world: World
) -> None:
    elders = PLGFactory.create(coach=world.other_leader, schools=[world.sister])
    client.login(username=world.colleague.email, password=PASSWORD)
    response = client.get(reverse("team_poster_pdf", args=[world.school.pk, elders.pk]))
    assert response.status_code == 404
