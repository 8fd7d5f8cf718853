"""The Zelfscan's report leads with the practice examples and the spread of answers per
indicator; a rounded mean comes last, and a tiny group gets nothing at all."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, World
from plg.scans import services
from plg.scans.models import Afname
from plg.scans.tests.conftest import answer


def _zelfscan(world: World, values: list[int], title: str = "Start") -> Afname:
    afname = services.open_zelfscan(plg=world.plg, opened_by=world.coach, title=title)
    for n, value in enumerate(values):

        def chosen(key: str, first: int = value) -> int:
            return first if key == "fl1" else 2

        answer(
            afname,
            None,
            chosen,
            rolgroep=None,
            comments={"focus_op_leren": f"Voorbeeld {n}: we keken samen naar schriften."},
        )
    services.close_afname(afname=afname)
    return afname


def _report(client: Client, world: World, afname: Afname) -> str:
    assert client.login(username=world.member.email, password=PASSWORD)
    url = reverse("zelfscan_resultaat", args=[world.plg.pk, afname.pk])
    return client.get(url).content.decode()


def test_the_zelfscan_report_leads_with_examples_then_the_spread_then_the_figure(
    client: Client, world: World
) -> None:
    html = _report(client, world, _zelfscan(world, [1, 1, 3, 3, 3]))
    pillar = html[html.index('id="pijler-focus_op_leren"') :]
    example = pillar.index("Voorbeeld 0: we keken samen naar schriften.")
    spread = pillar.index("Hoe jullie antwoordden")
    figure = pillar.index("Gemiddeld")
    assert example < spread < figure


def test_the_spread_counts_how_many_chose_each_answer(client: Client, world: World) -> None:
    html = _report(client, world, _zelfscan(world, [1, 1, 3, 3, 3]))
    first = html[html.index("Wat we in de PLG doen") :]
    first = first[: first.index("</li>")]
    assert "nog niet: 2" in first and "een begin: 0" in first
    assert "grotendeels: 3" in first and "helemaal: 0" in first


def test_the_zelfscan_mean_has_one_decimal_and_no_interval(client: Client, world: World) -> None:
    html = _report(client, world, _zelfscan(world, [1, 1, 3, 3, 3]))
    # focus op leren: fl1 gives 11 over five people, fl2 and fl3 give 2 each: 31 / 15
    assert "Gemiddeld 2,1 op 4" in html
    assert "2,07" not in html and "interval" not in html and "spreiding 0" not in html


def test_the_zelfscan_shows_the_mean_of_last_time_rounded(client: Client, world: World) -> None:
    _zelfscan(world, [4, 4, 4], title="Eerder")
    html = _report(client, world, _zelfscan(world, [1, 1, 3, 3, 3]))
    assert "vorige keer 2,7" in html  # (12 + 6 + 6) / 9


def test_a_tiny_group_gets_no_examples_no_spread_and_no_figure(
    client: Client, world: World
) -> None:
    html = _report(client, world, _zelfscan(world, [1, 3]))
    assert "Resultaten verschijnen pas vanaf 3" in html
    assert "Voorbeeld 0" not in html and "Hoe jullie antwoordden" not in html
    assert "Gemiddeld" not in html
