"""Results from generated answers with known figures, under the minimum group size."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from django.test import override_settings
from pytest_django import DjangoCaptureOnCommitCallbacks

from conftest import World
from plg.scans import services
from plg.scans.models import Afname, Resultaat
from plg.scans.reports import build_report
from plg.scans.tests.conftest import answer

KENMERKEN = (
    "collectieve_verantwoordelijkheid",
    "reflectieve_dialoog",
    "gedeprivatiseerde_praktijk",
)


def _turned(afname: Afname, value: int) -> Callable[[str], int]:
    """Answer ``value`` on every item as meant: reverse items get the mirrored answer."""
    reverse = {item.key for item in afname.instrument.items() if item.reverse}
    return lambda key: 6 - value if key in reverse else value


def test_means_and_spread_of_section_scores(world: World, wave: Afname) -> None:
    for value in (1, 2, 3, 4, 5):
        answer(wave, world.school, _turned(wave, value))
    services.close_afname(afname=wave)
    report = build_report(wave, world.school, minimum=5)
    bar = report.bars["kenmerk"][0]
    assert bar.mean == pytest.approx(3.0)
    assert bar.sd == pytest.approx(math.sqrt(2.5))
    assert bar.interval is not None
    low, high = bar.interval
    # t(4) = 2.776445, se = sqrt(2.5)/sqrt(5)
    assert high - 3.0 == pytest.approx(2.776445 * math.sqrt(2.5) / math.sqrt(5), abs=1e-4)
    assert low == pytest.approx(6.0 - high)
    assert [s.share for s in bar.segments] == [20, 20, 20, 20, 20]


def test_reverse_items_are_turned_in_the_score_but_shown_as_answered(
    world: World, wave: Afname
) -> None:
    for _ in range(5):
        answer(wave, world.school, 5)  # agrees with everything, including the reverse items
    services.close_afname(afname=wave)
    bar = build_report(wave, world.school, minimum=5).bars["kenmerk"][0]
    assert bar.mean == pytest.approx((5 + 5 + 5 + 1) / 4)
    reverse_line = next(line for line in bar.items if line.reverse)
    assert reverse_line.mean == 5


def test_no_figure_below_the_minimum(world: World, wave: Afname) -> None:
    for _ in range(4):
        answer(wave, world.school, 4, comments={"leeropbrengsten": "Heel fijn"})
    services.close_afname(afname=wave)
    report = build_report(wave, world.school, minimum=5)
    assert not report.enough
    assert report.bars == {} and report.comments == {} and report.roles == []


@override_settings(SCAN_MIN_GROUP=1)
def test_the_minimum_is_never_below_three(world: World, wave: Afname) -> None:
    from plg.core.privacy import minimum_group

    assert minimum_group() == 3


def test_profile_rule_places_planted_schools(world: World, wave: Afname) -> None:
    for _ in range(5):
        answer(wave, world.school, _turned(wave, 5))
    services.close_afname(afname=wave)
    assert Resultaat.objects.get(afname=wave, school=world.school).profiel == "volwassen"
    report = build_report(wave, world.school, minimum=5)
    assert report.profile_label == "volwassen PLG"


def _school_at(afname: Afname, respondent: int) -> Callable[[str], int]:
    """Five respondents together give 4.3 / 4.2 / 2.4 on the three characteristics."""
    reverse = {item.key for item in afname.instrument.items() if item.reverse}
    high_until = {"cv": (6, 5, 4), "rd": (4, 5, 4), "gp": (8, 3, 2)}

    def value(key: str) -> int:
        until, high, low = high_until.get(key[:2], (0, 3, 3))
        turn = respondent * 4 + int(key[2:]) - 1
        meant = high if turn < until else low
        return 6 - meant if key in reverse else meant

    return value


def test_a_school_at_43_42_24_is_mature_without_the_distinction(world: World, wave: Afname) -> None:
    for respondent in range(5):
        answer(wave, world.school, _school_at(wave, respondent))
    services.close_afname(afname=wave)
    report = build_report(wave, world.school, minimum=5)
    assert [round(bar.mean, 2) for bar in report.bars["kenmerk"]] == [4.3, 4.2, 2.4]
    assert Resultaat.objects.get(afname=wave, school=world.school).profiel == "volwassen"
    assert report.profile_label == "volwassen PLG" and report.distinctions == []


def test_a_mature_school_strong_in_deprivatised_practice_too_has_the_distinction(
    world: World, wave: Afname
) -> None:
    for _ in range(5):
        answer(wave, world.school, _turned(wave, 4))
    services.close_afname(afname=wave)
    report = build_report(wave, world.school, minimum=5)
    assert report.profile == "volwassen"
    assert report.distinctions == ["Gedeprivatiseerde praktijk"]


def test_weakest_condition_gives_its_advice(world: World, wave: Afname) -> None:
    def value(key: str) -> int:
        return 2 if key.startswith("eo") else 4

    for _ in range(5):
        answer(wave, world.school, value)
    services.close_afname(afname=wave)
    report = build_report(wave, world.school, minimum=5)
    assert report.weakest is not None and report.weakest.key == "externe_ondersteuning"
    assert "pedagogisch begeleider" in report.weakest_advice


def test_comments_only_with_enough_respondents_and_in_alphabetical_order(
    world: World, wave: Afname
) -> None:
    texts = ["Zo leerde ik veel", "Anders dan verwacht", "Meer tijd graag", "Bruikbaar", "Ok"]
    for text in texts:
        answer(wave, world.school, 4, comments={"leeropbrengsten": text})
    services.close_afname(afname=wave)
    comments = build_report(wave, world.school, minimum=5).comments
    assert list(comments.values()) == [sorted(texts, key=str.casefold)]


def test_role_groups_hide_small_groups_and_their_complement(world: World, wave: Afname) -> None:
    # 6 teachers, 5 beginning teachers, 1 in care: the care role would be total - 6 - 5
    for role, count in ((1, 6), (0, 5), (2, 1)):
        for _ in range(count):
            answer(wave, world.school, 4, rolgroep=role)
    services.close_afname(afname=wave)
    report = build_report(wave, world.school, minimum=5)
    shown = {row.n for row in report.roles}
    hidden = 12 - sum(shown)
    assert hidden == 0 or hidden >= 5
    assert all(12 - n >= 5 for n in shown)
    assert 1 not in shown


def test_evolution_with_interval_from_the_second_wave_on(
    world: World, wave: Afname, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    for value in (2, 2, 3, 3, 2, 3):
        answer(wave, world.school, _turned(wave, value))
    services.close_afname(afname=wave)
    with django_capture_on_commit_callbacks(execute=True):
        later = services.open_afname(opened_by=world.leader, title="Najaar", schools=[world.school])
    for value in (4, 4, 5, 4, 5, 4):
        answer(later, world.school, _turned(later, value))
    services.close_afname(afname=later)
    report = build_report(later, world.school, minimum=5)
    assert report.previous == wave
    change = report.changes[0]
    assert change.before == pytest.approx(2.5)
    assert change.after == pytest.approx(26 / 6)
    assert change.difference.estimate == pytest.approx(26 / 6 - 2.5)
    assert change.difference.clear
    assert change.difference.low < change.difference.estimate < change.difference.high


def test_zelfscan_shows_the_spread_to_members_from_three_answers(world: World) -> None:
    from plg.scans.views import ZELFSCAN_MINIMUM

    afname = services.open_zelfscan(plg=world.plg, opened_by=world.coach, title="Start")
    for value in (1, 3, 4):
        answer(afname, None, value)
    services.close_afname(afname=afname)
    report = build_report(afname, None, minimum=ZELFSCAN_MINIMUM)
    assert report.enough
    pillar = report.bars["pijler"][0]
    assert [s.share for s in pillar.items[0].segments] == [33, 0, 33, 33]
    assert report.comments  # the concrete examples, without names


@pytest.mark.parametrize(
    "roles",
    [
        {0: 1, 1: 9},  # the only beginning teacher: total minus teachers would be them
        {0: 5, 1: 5, 2: 2},  # two in care: shown rows must not leave them derivable
        {0: 5, 1: 6, 2: 5, 3: 1},
        {1: 12},  # one role only: its row would be the whole school again
    ],
)
def test_no_role_group_can_be_singled_out_by_subtracting(
    world: World, wave: Afname, roles: dict[int, int]
) -> None:
    from itertools import combinations

    for role, count in roles.items():
        for _ in range(count):
            answer(wave, world.school, 4, rolgroep=role)
    services.close_afname(afname=wave)
    report = build_report(wave, world.school, minimum=5)
    shown = [row.n for row in report.roles]
    for size in range(1, len(shown) + 1):
        for subset in combinations(shown, size):
            rest = report.n - sum(subset)
            assert rest == 0 or rest >= 5, (shown, report.n)


def test_a_second_zelfscan_shows_the_change_per_pillar(world: World) -> None:
    first = services.open_zelfscan(plg=world.plg, opened_by=world.coach, title="Start")
    for value in (1, 2, 1):
        answer(first, None, value)
    services.close_afname(afname=first)
    later = services.open_zelfscan(plg=world.plg, opened_by=world.coach, title="Na drie maanden")
    for value in (3, 4, 3):
        answer(later, None, value)
    services.close_afname(afname=later)
    report = build_report(later, None, minimum=3)
    assert report.previous == first
    assert report.changes[0].difference.estimate == pytest.approx(10 / 3 - 4 / 3)


@pytest.mark.django_db(transaction=True)
def test_recomputing_outside_a_transaction_reads_on_two_connections_with_the_same_result(
    world: World, wave: Afname, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from plg.scans import results

    for value in (1, 2, 4, 5, 5, 3):
        answer(wave, world.school, _turned(wave, value), rolgroep=value % 2)
    answer(wave, world.sister, 2)
    services.close_afname(afname=wave)
    closed = {r.school_id: (r.n, r.data, r.profiel) for r in Resultaat.objects.all()}

    threads: list[int] = []
    item_counts = results._item_counts

    def spy(afname_ids: list[int], points: int) -> results.Groups:
        threads.append(threading.get_ident())
        return item_counts(afname_ids, points)

    monkeypatch.setattr(results, "_item_counts", spy)
    assert results.compute([wave]) == 2
    assert threads and threads[0] != threading.get_ident()
    assert {r.school_id: (r.n, r.data, r.profiel) for r in Resultaat.objects.all()} == closed


@pytest.mark.django_db(transaction=True)
def test_the_command_recomputes_closed_waves_and_leaves_open_ones(
    world: World, wave: Afname
) -> None:
    from io import StringIO

    from django.core.management import call_command

    for value in (1, 2, 3, 4, 5):
        answer(wave, world.school, value)
    services.close_afname(afname=wave)
    Resultaat.objects.update(profiel="", data={})
    still_open = services.open_afname(
        opened_by=world.leader, title="Najaar", schools=[world.school]
    )
    answer(still_open, world.school, 5)
    out = StringIO()
    call_command("scanresultaten", stdout=out)
    assert out.getvalue().strip() == "1 afnames, 1 resultaten"
    report = build_report(wave, world.school, minimum=5)
    assert report.bars["kenmerk"][0].mean == pytest.approx(3.0)
    assert not Resultaat.objects.filter(afname=still_open).exists()


def test_stored_item_counts_of_before_become_lists_and_back(world: World, wave: Afname) -> None:
    import importlib

    from django.apps import apps

    migration = importlib.import_module("plg.scans.migrations.0002_item_counts_as_lists")
    for value in (1, 2, 2, 4, 5):
        answer(wave, world.school, value)
    services.close_afname(afname=wave)
    resultaat = Resultaat.objects.get()
    now = resultaat.data["items"]
    key = next(iter(now))
    old = {
        item: {str(v): c for v, c in enumerate(counts, start=1) if c}
        for item, counts in now.items()
    }
    assert old[key] == {"1": 1, "2": 2, "4": 1, "5": 1}
    Resultaat.objects.update(data=resultaat.data | {"items": old})
    migration._as_lists(apps, None)
    migration._as_lists(apps, None)  # a second run changes nothing
    assert Resultaat.objects.get().data["items"][key] == [1, 2, 0, 1, 1]
    report = build_report(wave, world.school, minimum=5)
    assert report.bars["kenmerk"][0].items[0].mean == pytest.approx(2.8)
    migration._as_objects(apps, None)
    assert Resultaat.objects.get().data["items"] == old


def test_stored_profiles_of_before_are_reclassified_under_the_research_rule(
    world: World, wave: Afname
) -> None:
    import importlib

    from django.apps import apps

    migration = importlib.import_module("plg.scans.migrations.0004_profile_rule_from_the_research")
    for respondent in range(5):
        answer(wave, world.school, _school_at(wave, respondent))
    services.close_afname(afname=wave)
    Resultaat.objects.update(profiel="ontwikkelend")  # what the rule of before stored
    migration.reclassify(apps, None)
    assert Resultaat.objects.get().profiel == "volwassen"
