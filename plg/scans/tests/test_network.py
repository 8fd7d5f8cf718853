"""The advisor's side-by-side view: rule and clustering, exports of aggregates only."""

from __future__ import annotations

import csv
import io

from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from conftest import PASSWORD, World
from plg.organisations.models import Aanstelling, Functie, School
from plg.scans import services
from plg.scans.network import network_overview
from plg.scans.tests.conftest import answer

PLANTED = {"beginnend": 2, "ontwikkelend": 3, "volwassen": 5}


def _network(world: World, per_profile: int = 7) -> dict[int, str]:
    """21 schools with a planted profile, all answered in one closed wave."""
    schools, planted = [], {}
    for profile in PLANTED:
        for n in range(per_profile):
            school = School.objects.create(scholengemeenschap=world.sg, name=f"{profile} {n}")
            Aanstelling.objects.create(
                user=world.advisor, school=school, functie=Functie.PEDAGOGISCH_BEGELEIDER
            )
            schools.append(school)
            planted[school.pk] = profile
    afname = services.open_afname(
        opened_by=world.advisor, title="Netwerkscan", schools=schools, team=False
    )
    reverse_items = {item.key for item in afname.instrument.items() if item.reverse}
    for school in schools:
        value = PLANTED[planted[school.pk]]

        def turned(key: str, v: int = value) -> int:
            return 6 - v if key in reverse_items else v

        for _ in range(5):
            answer(afname, school, turned)
    services.close_afname(afname=afname)
    return planted


def test_clustering_recovers_planted_profiles_and_agrees_with_the_rule(world: World) -> None:
    planted = _network(world)
    schools = list(School.objects.filter(pk__in=planted))
    overview = network_overview(network_id=world.network.pk, schools=schools, minimum=5)
    assert overview.schools_with_data == 21
    for row in overview.rows:
        assert row.cluster == planted[row.school.pk]
        assert row.profile == planted[row.school.pk]
    assert overview.agreement is not None and overview.agreement.share == 1.0
    assert dict(overview.profile_counts) == {
        "beginnende PLG": 7,
        "PLG in ontwikkeling": 7,
        "volwassen PLG": 7,
    }


def test_no_clustering_below_twenty_schools(world: World) -> None:
    _network(world, per_profile=6)
    overview = network_overview(
        network_id=world.network.pk, schools=list(School.objects.all()), minimum=5
    )
    assert overview.agreement is None
    assert all(row.cluster == "" for row in overview.rows)


def test_export_holds_one_row_per_school_and_no_answers(world: World, client: Client) -> None:
    planted = _network(world, per_profile=1)
    client.login(username=world.advisor.email, password=PASSWORD)
    response = client.get(reverse("begeleiding_scans_export", args=["csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    supported = 1 + len(planted)  # De Regenboog has no closed wave: a row without figures
    assert len(rows) == 1 + supported
    assert rows[0][:4] == ["school", "scholengemeenschap", "afname", "respondenten"]
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["volwassen 0"][3] == "5"
    assert by_name["volwassen 0"][4] == "volwassen PLG"
    xlsx = client.get(reverse("begeleiding_scans_export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.max_row == 1 + supported


def test_a_school_below_the_minimum_shows_no_figures_in_the_overview(world: World) -> None:
    afname = services.open_afname(opened_by=world.leader, title="Klein", schools=[world.school])
    for _ in range(4):
        answer(afname, world.school, 4)
    services.close_afname(afname=afname)
    overview = network_overview(network_id=world.network.pk, schools=[world.school], minimum=5)
    row = overview.rows[0]
    assert not row.enough and row.characteristics == [] and row.profile == ""


def test_a_result_without_section_figures_shows_no_figures_and_breaks_nothing(world: World) -> None:
    from plg.scans.models import Resultaat

    afname = services.open_afname(opened_by=world.leader, title="Leeg", schools=[world.school])
    for _ in range(5):
        answer(afname, world.school, 4)
    services.close_afname(afname=afname)
    Resultaat.objects.update(data={})
    overview = network_overview(network_id=world.network.pk, schools=[world.school], minimum=5)
    assert overview.schools_with_data == 0
    assert overview.rows[0].characteristics == [None, None, None]


def _one_school_answering(world: World, value: int) -> None:
    afname = services.open_afname(opened_by=world.leader, title="Scan", schools=[world.school])
    reverse_items = {item.key for item in afname.instrument.items() if item.reverse}
    for _ in range(5):
        answer(afname, world.school, lambda key: 6 - value if key in reverse_items else value)
    services.close_afname(afname=afname)


def test_a_school_strong_in_deprivatised_practice_too_shows_it_as_a_distinction(
    world: World,
) -> None:
    _one_school_answering(world, 5)
    overview = network_overview(network_id=world.network.pk, schools=[world.school], minimum=5)
    assert overview.rows[0].distinctions == ["Gedeprivatiseerde praktijk"]


def test_a_school_of_middling_scores_has_no_distinction(world: World) -> None:
    _one_school_answering(world, 3)
    overview = network_overview(network_id=world.network.pk, schools=[world.school], minimum=5)
    assert overview.rows[0].distinctions == []


def test_the_advisor_reads_the_distinction_next_to_the_profile(
    world: World, client: Client
) -> None:
    _one_school_answering(world, 5)
    client.force_login(world.advisor)
    page = client.get(reverse("begeleiding_scans")).content.decode()
    assert "ook sterk in gedeprivatiseerde praktijk" in page
