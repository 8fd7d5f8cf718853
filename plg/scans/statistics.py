"""Small statistics for reporting anonymous scan results, in plain Python.

Everything here works on counts and sums, so results of classes, schools and waves can be
combined without keeping the individual answers, and nothing needs numpy or scipy.
"""

from __future__ import annotations

import math
import random
from bisect import bisect_right
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate
from statistics import NormalDist
from typing import TypeVar

from plg.core.privacy import may_show

K = TypeVar("K", bound=Hashable)

PROFILES = ("beginnend", "ontwikkelend", "volwassen")

# Two-sided Student t critical values t(1 - (1 - level) / 2, df) for df = 1..30.
_T_TABLE: dict[float, tuple[float, ...]] = {
    0.90: (
        6.313752, 2.919986, 2.353363, 2.131847, 2.015048, 1.943180, 1.894579, 1.859548,
        1.833113, 1.812461, 1.795885, 1.782288, 1.770933, 1.761310, 1.753050, 1.745884,
        1.739607, 1.734064, 1.729133, 1.724718, 1.720743, 1.717144, 1.713872, 1.710882,
        1.708141, 1.705618, 1.703288, 1.701131, 1.699127, 1.697261,
    ),
    0.95: (
        12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004,
        2.262157, 2.228139, 2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905,
        2.109816, 2.100922, 2.093024, 2.085963, 2.079614, 2.073873, 2.068658, 2.063899,
        2.059539, 2.055529, 2.051831, 2.048407, 2.045230, 2.042272,
    ),
    0.99: (
        63.656741, 9.924843, 5.840909, 4.604095, 4.032143, 3.707428, 3.499483, 3.355387,
        3.249836, 3.169273, 3.105807, 3.054540, 3.012276, 2.976843, 2.946713, 2.920782,
        2.898231, 2.878440, 2.860935, 2.845340, 2.831360, 2.818756, 2.807336, 2.796940,
        2.787436, 2.778715, 2.770683, 2.763262, 2.756386, 2.749996,
    ),
}  # fmt: skip


def t_critical(df: float, level: float = 0.95) -> float:
    """Two-sided Student t critical value, so small groups get honestly wider intervals.

    For df up to 30 the value comes from a table (levels 0.90, 0.95 and 0.99); a fractional
    df, as Welch's test gives, is rounded down there, the usual conservative textbook practice
    (the interval is a little wider, never narrower). Above 30 the Cornish-Fisher expansion of
    the t quantile around the normal quantile (Abramowitz & Stegun 26.7.5, four terms) is used,
    accurate to better than 1e-6 there and tending to 1.959964 for level 0.95.
    """
    if level not in _T_TABLE:
        raise ValueError(f"level must be one of {sorted(_T_TABLE)}, not {level}")
    if not df >= 1:
        raise ValueError(f"degrees of freedom must be at least 1, not {df}")
    if df > 30:
        return _cornish_fisher(df, level)
    return _T_TABLE[level][math.floor(df) - 1]


def _cornish_fisher(df: float, level: float) -> float:
    z = NormalDist().inv_cdf((1 + level) / 2)
    g1 = (z**3 + z) / 4
    g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
    g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
    g4 = (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / 92160
    return z + g1 / df + g2 / df**2 + g3 / df**3 + g4 / df**4


@dataclass(frozen=True)
class Moments:
    """Count, sum and sum of squares: enough for mean and spread, and mergeable across groups."""

    n: int
    total: float
    total_sq: float

    @classmethod
    def of(cls, values: Iterable[float]) -> Moments:
        """Exactly rounded sums (fsum), so the spread stays accurate for a million answers."""
        listed = list(values)
        return cls(len(listed), math.fsum(listed), math.fsum(value * value for value in listed))

    def merge(self, other: Moments) -> Moments:
        """Combine two disjoint groups, e.g. classes into a school or schools into a network."""
        return Moments(self.n + other.n, self.total + other.total, self.total_sq + other.total_sq)

    @property
    def mean(self) -> float | None:
        return self.total / self.n if self.n else None

    @property
    def variance(self) -> float | None:
        """Sample variance (n - 1); rounding can push a zero spread just below 0, so clip it."""
        if self.n < 2:
            return None
        return max(0.0, (self.total_sq - self.total * self.total / self.n) / (self.n - 1))

    @property
    def sd(self) -> float | None:
        variance = self.variance
        return None if variance is None else math.sqrt(variance)

    @property
    def se(self) -> float | None:
        sd = self.sd
        return None if sd is None else sd / math.sqrt(self.n)

    def interval(self, level: float = 0.95) -> tuple[float, float] | None:
        """Confidence interval of the mean, so readers see how much a small group can say."""
        mean, se = self.mean, self.se
        if mean is None or se is None:
            return None
        margin = t_critical(self.n - 1, level) * se
        return (mean - margin, mean + margin)


@dataclass(frozen=True)
class Difference:
    """A change in mean with its interval; ``clear`` says the data show a direction."""

    estimate: float
    low: float
    high: float

    @property
    def clear(self) -> bool:
        return self.low > 0 or self.high < 0


def difference(before: Moments, after: Moments, level: float = 0.95) -> Difference | None:
    """Welch interval for after - before, which does not assume both waves spread alike.

    When neither group varies at all the interval shrinks to the estimate itself.
    """
    if before.n < 2 or after.n < 2:
        return None
    assert before.variance is not None and after.variance is not None
    estimate = after.total / after.n - before.total / before.n
    part_before = before.variance / before.n
    part_after = after.variance / after.n
    se_sq = part_before + part_after
    if se_sq == 0:
        return Difference(estimate, estimate, estimate)
    df = se_sq**2 / (part_before**2 / (before.n - 1) + part_after**2 / (after.n - 1))
    margin = t_critical(max(1.0, df), level) * math.sqrt(se_sq)
    return Difference(estimate, estimate - margin, estimate + margin)


def distribution(counts: Mapping[int, int], points: int) -> list[float]:
    """Share of answers on each scale point 1..points, for stacked bars that always add up."""
    if points < 1:
        raise ValueError(f"a scale needs at least one point, not {points}")
    for point, count in counts.items():
        if count < 0:
            raise ValueError(f"negative count {count} for point {point}")
        if count and not 1 <= point <= points:
            raise ValueError(f"point {point} is outside the scale 1..{points}")
    row = [counts.get(point, 0) for point in range(1, points + 1)]
    answered = sum(row)
    if not answered:
        return [0.0] * points
    return [count / answered for count in row]


def shown_groups(sizes: Mapping[K, int], minimum: int) -> set[K]:
    """Subgroups whose figures may be shown beside the total without exposing a small group.

    ``sizes`` are disjoint subgroups that make up the total. A shown group must be large
    enough itself, the hidden groups together must be empty or large enough (otherwise they
    follow from the total by subtraction), and the rest of the total beside any shown group
    must be large enough too. While that fails, the smallest shown group is hidden as well.
    Under these rules every sum of shown groups, and the total minus it, is 0 or >= minimum.
    """
    if any(size < 0 for size in sizes.values()):
        raise ValueError("group sizes cannot be negative")
    total = sum(sizes.values())
    if not may_show(total, minimum):
        return set()
    shown = sorted(
        (key for key, size in sizes.items() if may_show(size, minimum)),
        key=lambda key: (sizes[key], repr(key)),
    )
    while shown:
        hidden = total - sum(sizes[key] for key in shown)
        hidden_ok = hidden == 0 or may_show(hidden, minimum)
        if hidden_ok and all(may_show(total - sizes[key], minimum) for key in shown):
            break
        shown.pop(0)
    return set(shown)


@dataclass(frozen=True)
class ProfileRule:
    """Thresholds that turn a school's characteristic means into a development profile.

    It follows the three types of schools the research found (docs/scans.md): mature schools
    are strong in collective responsibility and reflective dialogue, while even there
    deprivatised practice mostly stays weak; only a few are strong on all three. So mature asks
    for the characteristics in ``mature_when_strong``, and being strong in the others of
    ``distinction_when_strong`` too is a distinction, not a condition. Beginning schools are weak
    on every characteristic: the mean below ``beginning_below`` says so without letting one
    weak characteristic alone decide it.
    """

    beginning_below: float = 2.75
    strong_from: float = 3.75
    mature_when_strong: tuple[str, ...] = (
        "collectieve_verantwoordelijkheid",
        "reflectieve_dialoog",
    )
    distinction_when_strong: tuple[str, ...] = ("gedeprivatiseerde_praktijk",)
    source: str = ""
    """The research the rule follows, as the instrument file names it."""

    def __post_init__(self) -> None:
        if not self.beginning_below < self.strong_from:
            raise ValueError("beginning_below must be lower than strong_from")
        if not self.mature_when_strong:
            raise ValueError("mature_when_strong needs at least one characteristic")
        if set(self.mature_when_strong) & set(self.distinction_when_strong):
            raise ValueError("a characteristic is either needed for mature or a distinction")

    def classify(self, scores: Mapping[str, float]) -> str:
        """The profile of one school; ``scores`` holds every characteristic by its key."""
        missing = {*self.mature_when_strong, *self.distinction_when_strong} - set(scores)
        if missing:
            raise ValueError(f"classifying needs a score for {sorted(missing)}")
        if all(scores[key] >= self.strong_from for key in self.mature_when_strong):
            return PROFILES[2]
        if math.fsum(scores.values()) / len(scores) < self.beginning_below:
            return PROFILES[0]
        return PROFILES[1]

    def distinctions(self, scores: Mapping[str, float]) -> list[str]:
        """The characteristics a mature school is also strong in, beyond what mature asks."""
        if self.classify(scores) != PROFILES[2]:
            return []
        return [key for key in self.distinction_when_strong if scores[key] >= self.strong_from]


_Point = tuple[float, ...]
_RESTARTS = 5
_TRIAL_STEPS = 10


def kmeans3(
    points: Sequence[Sequence[float]], *, iterations: int = 100, seed: int = 0
) -> list[int]:
    """Three clusters of school mean vectors, as a data-driven check on the profile rule.

    Seeded k-means++ keeps the result reproducible; five restarts avoid a poor start. Each
    restart gets a few Lloyd steps and only the best one goes on to convergence (at most
    ``iterations`` steps in all), so 12,000 schools stay well under a second in plain Python.
    Labels are ordered by the mean of the cluster centre, so label i matches ``PROFILES[i]``.
    """
    data: list[_Point] = [tuple(map(float, point)) for point in points]
    if len({len(point) for point in data}) > 1:
        raise ValueError("all points need the same dimension")
    if len(set(data)) < 3:
        raise ValueError("three clusters need at least three distinct points")
    if iterations < 1:
        raise ValueError("k-means needs at least one iteration")
    rng = random.Random(seed)
    trial = min(iterations, _TRIAL_STEPS)
    runs = [_lloyd(data, _plus_plus(data, rng), [], trial) for _ in range(_RESTARTS)]
    labels, centres = min(runs, key=lambda run: _inertia(data, *run))
    labels, centres = _lloyd(data, centres, labels, iterations - trial)
    order = sorted(range(3), key=lambda k: (math.fsum(centres[k]) / len(centres[k]), centres[k]))
    rank = {cluster: position for position, cluster in enumerate(order)}
    return [rank[label] for label in labels]


def _plus_plus(data: list[_Point], rng: random.Random) -> list[_Point]:
    centres = [data[rng.randrange(len(data))]]
    nearest = [math.dist(point, centres[0]) ** 2 for point in data]
    while len(centres) < 3:
        cumulative = list(accumulate(nearest))
        index = bisect_right(cumulative, rng.random() * cumulative[-1])
        centre = data[min(index, len(data) - 1)]
        centres.append(centre)
        nearest = [min(d, math.dist(p, centre) ** 2) for d, p in zip(nearest, data, strict=True)]
    return centres


def _lloyd(
    data: list[_Point], centres: list[_Point], labels: list[int], iterations: int
) -> tuple[list[int], list[_Point]]:
    """Lloyd steps from the given centres until no school changes cluster."""
    dist = math.dist
    for _ in range(iterations):
        c0, c1, c2 = centres
        new: list[int] = []
        append = new.append
        for point in data:
            d0, d1, d2 = dist(point, c0), dist(point, c1), dist(point, c2)
            if d0 <= d1 and d0 <= d2:
                append(0)
            elif d1 <= d2:
                append(1)
            else:
                append(2)
        if new == labels:
            break
        labels = new
        centres = _centres(data, labels, centres)
    return labels, centres


def _centres(data: list[_Point], labels: list[int], previous: list[_Point]) -> list[_Point]:
    """New centres; an emptied cluster restarts at the point farthest from the other centres."""
    members: list[list[_Point]] = [[], [], []]
    for point, label in zip(data, labels, strict=True):
        members[label].append(point)
    centres = list(previous)
    for k, group in enumerate(members):
        if group:
            centres[k] = tuple(
                math.fsum(column) / len(group) for column in zip(*group, strict=True)
            )
    for k, group in enumerate(members):
        if not group:
            others = [centre for j, centre in enumerate(centres) if j != k]
            centres[k] = max(data, key=lambda p: min(math.dist(p, c) for c in others))
    return centres


def _inertia(data: list[_Point], labels: list[int], centres: list[_Point]) -> float:
    return math.fsum(
        math.dist(point, centres[label]) ** 2 for point, label in zip(data, labels, strict=True)
    )


@dataclass(frozen=True)
class Agreement:
    """How often the profile rule and the clusters agree, also corrected for chance (kappa)."""

    table: dict[tuple[str, str], int]
    share: float
    kappa: float | None


def agreement(rule: Sequence[str], clusters: Sequence[str]) -> Agreement:
    """Crosstab (rule, cluster) over all profile pairs, share of equal labels and Cohen's kappa.

    Kappa is None when chance agreement is already 1, i.e. both sides use one and the same
    profile for every school.
    """
    if len(rule) != len(clusters):
        raise ValueError("rule and clusters must label the same schools")
    if not rule:
        raise ValueError("agreement needs at least one school")
    unknown = (set(rule) | set(clusters)) - set(PROFILES)
    if unknown:
        raise ValueError(f"unknown profiles: {sorted(unknown)}")
    table = {(a, b): 0 for a in PROFILES for b in PROFILES}
    for pair in zip(rule, clusters, strict=True):
        table[pair] += 1
    n = len(rule)
    equal = sum(table[(p, p)] for p in PROFILES)
    by_chance = sum(rule.count(p) * clusters.count(p) for p in PROFILES)
    share = equal / n
    if by_chance == n * n:
        return Agreement(table, share, None)
    expected = by_chance / (n * n)
    return Agreement(table, share, (share - expected) / (1 - expected))


def weakest(scores: Mapping[str, float]) -> str | None:
    """The lowest-scoring key, as the first point of attention; earlier keys win ties."""
    if not scores:
        return None
    return min(scores, key=lambda key: scores[key])
