"""Scan statistics give the textbook answers, and small groups cannot be exposed by subtraction."""

from __future__ import annotations

import math
import random
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plg.scans.statistics import (
    PROFILES,
    Agreement,
    Difference,
    Moments,
    ProfileRule,
    agreement,
    difference,
    distribution,
    kmeans3,
    shown_groups,
    t_critical,
    weakest,
)

answers = st.lists(st.integers(min_value=1, max_value=5), max_size=30)


# t critical values


@pytest.mark.parametrize(
    ("df", "level", "expected"),
    [
        (1, 0.95, 12.706205),
        (9, 0.95, 2.262157),
        (30, 0.95, 2.042272),
        (31, 0.95, 2.039513),
        (60, 0.95, 2.000298),
        (120, 0.95, 1.979930),
        (1000, 0.95, 1.962339),
        (10**9, 0.95, 1.959964),
        (5, 0.99, 4.032143),
        (40, 0.99, 2.704459),
        (12, 0.90, 1.782288),
        (120, 0.90, 1.657651),
    ],
)
def test_t_critical_matches_the_tables(df: float, level: float, expected: float) -> None:
    assert t_critical(df, level) == pytest.approx(expected, abs=2e-6)


def test_fractional_df_is_rounded_down_up_to_thirty() -> None:
    assert t_critical(6.95) == t_critical(6) == 2.446912
    assert t_critical(30.5) == pytest.approx(2.040869, abs=2e-6)
    assert t_critical(45.3) == pytest.approx(2.013735, abs=2e-6)


@pytest.mark.parametrize(("df", "level"), [(0.5, 0.95), (0, 0.95), (10, 0.8), (10, 0.975)])
def test_t_critical_refuses_what_it_cannot_answer(df: float, level: float) -> None:
    with pytest.raises(ValueError):
        t_critical(df, level)


@settings(max_examples=60)
@given(st.floats(min_value=1, max_value=500), st.floats(min_value=1, max_value=500))
def test_more_degrees_of_freedom_never_widen_the_interval(a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert t_critical(low) >= t_critical(high) > 1.959963


# Moments


def test_moments_of_one_to_five() -> None:
    moments = Moments.of([1, 2, 3, 4, 5])
    assert moments == Moments(5, 15.0, 55.0)
    assert moments.mean == 3
    assert moments.sd == pytest.approx(math.sqrt(2.5))
    assert moments.se == pytest.approx(math.sqrt(0.5))


def test_too_few_answers_give_no_figure() -> None:
    empty, single = Moments.of([]), Moments.of([4])
    assert (empty.n, empty.mean, empty.sd, empty.se, empty.interval()) == (
        0,
        None,
        None,
        None,
        None,
    )
    assert (single.mean, single.sd, single.se, single.interval()) == (4, None, None, None)


def test_interval_of_ten_answers() -> None:
    moments = Moments(n=10, total=30.0, total_sq=99.0)  # mean 3, sd 1
    assert moments.sd == pytest.approx(1.0)
    interval, wider = moments.interval(), moments.interval(0.99)
    assert interval is not None and wider is not None
    low, high = interval
    assert low == pytest.approx(3 - 0.715357, abs=1e-5)
    assert high == pytest.approx(3 + 0.715357, abs=1e-5)
    low99, high99 = wider
    assert low99 < low and high99 > high


def test_a_million_answers_stay_accurate() -> None:
    alternating = Moments(n=1_000_000, total=3_000_000.0, total_sq=13_000_000.0)  # 1, 5, 1, 5, ...
    assert alternating.sd == pytest.approx(2.000001, abs=1e-6)
    constant = Moments.of([3.7] * 1_000_000)
    assert constant.mean == pytest.approx(3.7)
    assert constant.sd is not None and 0 <= constant.sd < 1e-6
    assert constant.interval() == pytest.approx((3.7, 3.7))


@settings(max_examples=80)
@given(answers, answers)
def test_merging_groups_equals_counting_them_together(a: list[int], b: list[int]) -> None:
    assert Moments.of(a).merge(Moments.of(b)) == Moments.of(a + b)


@settings(max_examples=60)
@given(
    st.lists(st.floats(min_value=1, max_value=5), min_size=2, max_size=20),
    st.lists(st.floats(min_value=1, max_value=5), min_size=2, max_size=20),
)
def test_merged_spread_matches_the_statistics_module(a: list[float], b: list[float]) -> None:
    import statistics

    merged = Moments.of(a).merge(Moments.of(b))
    assert merged.mean == pytest.approx(statistics.fmean(a + b))
    assert merged.sd == pytest.approx(statistics.stdev(a + b), abs=1e-6)


# Differences between waves


def test_welch_difference_by_hand() -> None:
    before = Moments.of([1, 2, 3, 4, 5])  # mean 3, variance 2.5
    after = Moments.of([2, 4, 4, 4, 5, 5])  # mean 4, variance 1.2
    # se^2 = 2.5/5 + 1.2/6 = 0.7; df = 0.49 / (0.25/4 + 0.04/5) = 6.95, so t(6) = 2.446912
    result = difference(before, after)
    assert result is not None
    assert result.estimate == pytest.approx(1.0)
    assert result.low == pytest.approx(1 - 2.047233, abs=1e-6)
    assert result.high == pytest.approx(1 + 2.047233, abs=1e-6)
    assert not result.clear


def test_a_large_shift_is_clear_both_ways() -> None:
    low, high = Moments.of([1, 2] * 20), Moments.of([4, 5] * 20)
    up, down = difference(low, high), difference(high, low)
    assert up is not None and up.clear and up.estimate == pytest.approx(3)
    assert down is not None and down.clear and down.estimate == pytest.approx(-3)
    assert (down.low, down.high) == pytest.approx((-up.high, -up.low))


def test_difference_needs_two_answers_on_each_side() -> None:
    two = Moments.of([3, 4])
    assert difference(Moments.of([3]), two) is None
    assert difference(two, Moments.of([])) is None


def test_no_spread_shrinks_the_interval_to_the_estimate() -> None:
    same = difference(Moments.of([3, 3]), Moments.of([3, 3, 3]))
    moved = difference(Moments.of([3, 3]), Moments.of([4, 4, 4]))
    assert same == Difference(0.0, 0.0, 0.0) and not same.clear
    assert moved == Difference(1.0, 1.0, 1.0) and moved.clear


# Distribution


def test_distribution_shares() -> None:
    assert distribution({1: 2, 3: 1, 5: 1}, 5) == [0.5, 0.0, 0.25, 0.0, 0.25]
    assert distribution({}, 4) == [0.0, 0.0, 0.0, 0.0]
    assert distribution({2: 0, 9: 0}, 3) == [0.0, 0.0, 0.0]


@pytest.mark.parametrize(("counts", "points"), [({6: 1}, 5), ({0: 2}, 5), ({1: -1}, 5), ({}, 0)])
def test_distribution_refuses_bad_counts(counts: dict[int, int], points: int) -> None:
    with pytest.raises(ValueError):
        distribution(counts, points)


@settings(max_examples=60)
@given(st.dictionaries(st.integers(1, 5), st.integers(0, 1000)))
def test_distribution_adds_up(counts: dict[int, int]) -> None:
    shares = distribution(counts, 5)
    assert len(shares) == 5 and all(0 <= share <= 1 for share in shares)
    assert math.fsum(shares) == pytest.approx(1.0 if sum(counts.values()) else 0.0)


def test_subtraction_attack_is_blocked() -> None:
    shown = shown_groups({"a": 10, "b": 9, "c": 1}, 5)
    assert "c" not in shown
    assert len(shown) <= 1  # with a and b both shown, c = total - a - b
    assert shown == {"a"}


@pytest.mark.parametrize(
    ("sizes", "minimum", "expected"),
    [
        ({"a": 10, "b": 8, "c": 7}, 5, {"a", "b", "c"}),
        ({"a": 10, "b": 8, "c": 2, "d": 3}, 5, {"a", "b"}),  # hidden c + d = 5
        ({"a": 10, "b": 8, "c": 2, "d": 2}, 5, {"a"}),  # hidden 4 is too few, so b goes
        ({"a": 5, "b": 5, "c": 1}, 5, {"b"}),  # tie: the first by name is hidden
        ({"a": 10}, 5, set()),  # the only group is the total itself
        ({"a": 10, "b": 0}, 5, set()),
        ({"a": 2, "b": 2}, 5, set()),  # total below the minimum
        ({}, 3, set()),
        ({1: 4, 2: 4, 3: 4}, 3, {1, 2, 3}),
    ],
)
def test_shown_groups_examples(sizes: dict[str, int], minimum: int, expected: set[str]) -> None:
    assert shown_groups(sizes, minimum) == expected


def test_shown_groups_refuses_negative_sizes() -> None:
    with pytest.raises(ValueError):
        shown_groups({"a": 10, "b": -1}, 3)


@settings(max_examples=150)
@given(
    st.lists(st.integers(0, 40), min_size=1, max_size=6),
    st.integers(3, 8),
)
def test_no_combination_of_shown_groups_exposes_a_small_group(
    sizes_list: list[int], minimum: int
) -> None:
    sizes = {f"g{i}": size for i, size in enumerate(sizes_list)}
    total = sum(sizes_list)
    shown = shown_groups(sizes, minimum)
    if total < minimum:
        assert shown == set()
        return
    assert shown <= sizes.keys()
    assert all(sizes[key] >= minimum and total - sizes[key] >= minimum for key in shown)
    for count in range(len(shown) + 1):
        for subset in combinations(sorted(shown), count):
            part = sum(sizes[key] for key in subset)
            assert part == 0 or part >= minimum
            assert total - part == 0 or total - part >= minimum
    if len(sizes) >= 2 and all(size >= minimum for size in sizes_list):
        assert shown == set(sizes)


# Profile rule

CR, RD, DP = "collectieve_verantwoordelijkheid", "reflectieve_dialoog", "gedeprivatiseerde_praktijk"


def _scores(cr: float, rd: float, dp: float) -> dict[str, float]:
    return {CR: cr, RD: rd, DP: dp}


def test_a_school_strong_in_responsibility_and_dialogue_is_mature_with_weak_deprivatised_practice() -> (
    None
):
    assert ProfileRule().classify(_scores(4.3, 4.2, 2.4)) == "volwassen"


@pytest.mark.parametrize(
    ("scores", "profile"),
    [
        ((3.75, 3.75, 1.0), "volwassen"),  # both at the threshold: strong
        ((3.74, 5.0, 5.0), "ontwikkelend"),  # responsibility just below strong
        ((5.0, 3.74, 5.0), "ontwikkelend"),  # dialogue just below strong
        ((2.75, 2.75, 2.75), "ontwikkelend"),
        ((2.74, 2.74, 2.74), "beginnend"),
        ((1.0, 5.0, 2.0), "beginnend"),  # mean 2.67
        ((1.0, 5.0, 2.5), "ontwikkelend"),  # mean 2.83
    ],
)
def test_profile_rule_at_the_thresholds(scores: tuple[float, float, float], profile: str) -> None:
    assert ProfileRule().classify(_scores(*scores)) == profile


@pytest.mark.parametrize(
    ("scores", "distinctions"),
    [
        ((4.3, 4.2, 3.75), [DP]),  # strong on all three: the few schools the research saw
        ((4.3, 4.2, 3.74), []),
        ((4.3, 4.2, 2.4), []),
        ((3.5, 3.5, 4.8), []),  # not mature: nothing to add "too" to
    ],
)
def test_strong_deprivatised_practice_is_a_distinction_of_a_mature_school(
    scores: tuple[float, float, float], distinctions: list[str]
) -> None:
    assert ProfileRule().distinctions(_scores(*scores)) == distinctions


def test_profile_rule_thresholds_and_characteristics_are_configurable_and_checked() -> None:
    stricter = ProfileRule(beginning_below=3.0, strong_from=4.0)
    assert stricter.classify(_scores(2.9, 3.1, 3.1)) == "ontwikkelend"
    assert stricter.classify(_scores(2.9, 2.9, 3.0)) == "beginnend"
    all_three = ProfileRule(mature_when_strong=(CR, RD, DP), distinction_when_strong=())
    assert all_three.classify(_scores(4.3, 4.2, 2.4)) == "ontwikkelend"
    for low, high in [(3.0, 3.0), (4.0, 3.0)]:
        with pytest.raises(ValueError):
            ProfileRule(beginning_below=low, strong_from=high)
    with pytest.raises(ValueError):
        ProfileRule(mature_when_strong=())
    with pytest.raises(ValueError):
        ProfileRule(distinction_when_strong=(CR,))
    with pytest.raises(ValueError):
        ProfileRule().classify({CR: 4.0, RD: 4.0})
    assert PROFILES == ("beginnend", "ontwikkelend", "volwassen")


@settings(max_examples=80)
@given(st.tuples(st.floats(1, 5), st.floats(1, 5), st.floats(1, 5)), st.floats(0, 2))
def test_higher_scores_never_give_a_lower_profile(
    scores: tuple[float, float, float], raise_by: float
) -> None:
    rule = ProfileRule()
    before = PROFILES.index(rule.classify(_scores(*scores)))
    after = PROFILES.index(rule.classify(_scores(*(score + raise_by for score in scores))))
    assert after >= before


# Clustering


def _planted(per_group: int, seed: int) -> tuple[list[list[float]], list[int]]:
    rng = random.Random(seed)
    schools = [
        ([centre + rng.uniform(-0.25, 0.25) for _ in range(3)], label)
        for label, centre in enumerate((2.2, 3.2, 4.3))
        for _ in range(per_group)
    ]
    rng.shuffle(schools)
    return [point for point, _ in schools], [label for _, label in schools]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_kmeans_recovers_planted_profiles(seed: int) -> None:
    points, planted = _planted(40, seed)
    labels = kmeans3(points, seed=seed)
    assert labels == planted
    rule = [ProfileRule().classify(_scores(*point)) for point in points]
    result = agreement(rule, [PROFILES[label] for label in labels])
    assert result.share == 1.0 and result.kappa == pytest.approx(1.0)
    assert result.table[("beginnend", "beginnend")] == 40


def test_kmeans_recovers_planted_profiles_at_the_scale_of_all_schools() -> None:
    """How long it takes is bench/scans.py's question (the network overview clusters them)."""
    points, planted = _planted(4000, 7)
    assert kmeans3(points) == planted


def test_kmeans_is_deterministic_for_one_seed() -> None:
    rng = random.Random(3)
    points = [tuple(rng.uniform(1, 5) for _ in range(3)) for _ in range(300)]
    assert kmeans3(points, seed=5) == kmeans3([list(point) for point in points], seed=5)


@pytest.mark.parametrize(
    "points",
    [[[1.0, 1.0], [1.0, 1.0], [2.0, 2.0]], [[1.0], [2.0]], [[1.0, 2.0], [2.0], [3.0, 3.0]]],
)
def test_kmeans_refuses_too_few_or_ragged_points(points: list[list[float]]) -> None:
    with pytest.raises(ValueError):
        kmeans3(points)


@settings(max_examples=40)
@given(
    st.lists(
        st.tuples(*[st.integers(1, 20).map(lambda v: v / 4) for _ in range(3)]),
        min_size=3,
        max_size=40,
    ).filter(lambda points: len(set(points)) >= 3)
)
def test_kmeans_labels_are_stable_and_ordered(points: list[tuple[float, ...]]) -> None:
    labels = kmeans3(points)
    assert sorted(set(labels)) == [0, 1, 2]
    centres = []
    for k in range(3):
        members = [p for p, label in zip(points, labels, strict=True) if label == k]
        centres.append(tuple(sum(column) / len(members) for column in zip(*members, strict=True)))
    means = [sum(centre) / 3 for centre in centres]
    # tied centres may differ in the last bit, as the distances below may
    assert means[0] <= means[1] + 1e-9 and means[1] <= means[2] + 1e-9
    for point, label in zip(points, labels, strict=True):
        own = math.dist(point, centres[label])
        assert all(own <= math.dist(point, centre) + 1e-9 for centre in centres)


# Agreement


def test_cohens_kappa_by_hand() -> None:
    pairs = (
        [("beginnend", "beginnend")] * 4
        + [("beginnend", "ontwikkelend")]
        + [("ontwikkelend", "ontwikkelend")] * 3
        + [("ontwikkelend", "volwassen")]
        + [("volwassen", "volwassen")]
    )
    result = agreement([a for a, _ in pairs], [b for _, b in pairs])
    # observed 8/10; expected (5*4 + 4*4 + 1*2) / 100 = 0.38; kappa = 0.42 / 0.62
    assert result.share == pytest.approx(0.8)
    assert result.kappa == pytest.approx(21 / 31)
    assert len(result.table) == 9 and sum(result.table.values()) == 10
    assert result.table[("ontwikkelend", "volwassen")] == 1
    assert result.table[("volwassen", "beginnend")] == 0


def test_kappa_extremes() -> None:
    assert agreement(["volwassen"] * 3, ["volwassen"] * 3) == Agreement(
        {(a, b): 3 if a == b == "volwassen" else 0 for a in PROFILES for b in PROFILES},
        1.0,
        None,
    )
    opposite = agreement(["beginnend", "ontwikkelend"], ["ontwikkelend", "beginnend"])
    assert opposite.share == 0.0 and opposite.kappa == pytest.approx(-1.0)


@pytest.mark.parametrize(
    ("rule", "clusters"),
    [(["beginnend"], []), ([], []), (["beginnend"], ["expert"])],
)
def test_agreement_refuses_bad_labels(rule: list[str], clusters: list[str]) -> None:
    with pytest.raises(ValueError):
        agreement(rule, clusters)


# Weakest characteristic


def test_weakest() -> None:
    assert weakest({"a": 3.0, "b": 2.0, "c": 2.5}) == "b"
    assert weakest({"z": 2.0, "a": 2.0}) == "z"
    assert weakest({}) is None
