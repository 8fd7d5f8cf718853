"""The buddy matching on plain data: its hard rules hold for any sign-ups."""

from __future__ import annotations

from dataclasses import replace
from itertools import combinations

from hypothesis import given
from hypothesis import strategies as st

from plg.bezoeken.buddies import (
    Indeling,
    Kandidaat,
    Paar,
    Reden,
    indeel,
    may_pair,
)


@st.composite
def aanmeldingen(draw: st.DrawFn) -> tuple[list[Kandidaat], set[Paar]]:
    ids = draw(st.lists(st.integers(1, 400), unique=True, max_size=24))
    mensen = [
        Kandidaat(
            id=i,
            school=draw(st.integers(1, 3)),
            graad=draw(st.sampled_from(["", "1", "2", "3"])),
            andere_graad=draw(st.booleans()),
            over_scholen=draw(st.booleans()),
            wil_mentor=draw(st.booleans()),
            zoekt_mentor=draw(st.booleans()),
        )
        for i in ids
    ]
    paren = [frozenset(p) for p in combinations(ids, 2)]
    verboden = set(draw(st.lists(st.sampled_from(paren), max_size=40))) if paren else set()
    return mensen, verboden


def _pairs_in(indeling: Indeling) -> list[Paar]:
    return [frozenset(p) for g in indeling.groepen for p in combinations(g.leden, 2)]


@given(aanmeldingen())
def test_everyone_signed_up_is_in_exactly_one_group_or_left_out(
    data: tuple[list[Kandidaat], set[Paar]],
) -> None:
    mensen, verboden = data
    indeling = indeel(mensen, verboden)
    placed = [i for g in indeling.groepen for i in g.leden] + list(indeling.niet_gekoppeld)
    assert sorted(placed) == sorted(k.id for k in mensen)


@given(aanmeldingen())
def test_groups_are_pairs_or_trios(data: tuple[list[Kandidaat], set[Paar]]) -> None:
    assert all(2 <= len(g.leden) <= 3 for g in indeel(*data).groepen)


@given(aanmeldingen())
def test_no_pair_is_repeated_within_the_school_year(
    data: tuple[list[Kandidaat], set[Paar]],
) -> None:
    mensen, verboden = data
    assert not set(_pairs_in(indeel(mensen, verboden))) & verboden


@given(aanmeldingen())
def test_colleagues_of_two_schools_are_together_only_when_both_want_it(
    data: tuple[list[Kandidaat], set[Paar]],
) -> None:
    mensen, verboden = data
    by_id = {k.id: k for k in mensen}
    for pair in _pairs_in(indeel(mensen, verboden)):
        a, b = (by_id[i] for i in pair)
        assert a.school == b.school or (a.over_scholen and b.over_scholen)


@given(aanmeldingen())
def test_nobody_is_left_out_who_could_have_been_with_someone_left_out(
    data: tuple[list[Kandidaat], set[Paar]],
) -> None:
    mensen, verboden = data
    by_id = {k.id: k for k in mensen}
    alone = list(indeel(mensen, verboden).niet_gekoppeld)
    assert not any(may_pair(by_id[a], by_id[b], verboden) for a, b in combinations(alone, 2))


@given(aanmeldingen())
def test_a_mentor_group_has_a_mentor_and_a_starter(
    data: tuple[list[Kandidaat], set[Paar]],
) -> None:
    mensen, verboden = data
    by_id = {k.id: k for k in mensen}
    for groep in indeel(mensen, verboden).groepen:
        if groep.mentor is not None:
            assert by_id[groep.mentor].mentor
            assert any(by_id[i].zoekt_mentor for i in groep.leden if i != groep.mentor)


@given(aanmeldingen())
def test_in_one_school_with_no_pairs_yet_nobody_of_two_or_more_stays_alone(
    data: tuple[list[Kandidaat], set[Paar]],
) -> None:
    mensen = [replace(k, school=1) for k in data[0]]
    if len(mensen) >= 2:
        assert not indeel(mensen).niet_gekoppeld


@given(aanmeldingen())
def test_the_matching_is_the_same_for_the_same_sign_ups(
    data: tuple[list[Kandidaat], set[Paar]],
) -> None:
    mensen, verboden = data
    assert indeel(mensen, verboden) == indeel(list(reversed(mensen)), verboden)


def test_an_even_school_is_all_pairs() -> None:
    indeling = indeel(Kandidaat(id=i, school=1) for i in range(1, 7))
    assert [len(g.leden) for g in indeling.groepen] == [2, 2, 2]
    assert not indeling.niet_gekoppeld


def test_an_odd_count_makes_one_trio() -> None:
    indeling = indeel(Kandidaat(id=i, school=1) for i in range(1, 8))
    assert sorted(len(g.leden) for g in indeling.groepen) == [2, 2, 3]


def test_a_starter_gets_the_mentor_first() -> None:
    starter = Kandidaat(id=1, school=1, zoekt_mentor=True)
    mentor = Kandidaat(id=9, school=1, wil_mentor=True)
    others = [Kandidaat(id=i, school=1) for i in (2, 3)]
    groepen = indeel([starter, *others, mentor]).groepen
    assert any(g.leden == (1, 9) and g.mentor == 9 for g in groepen)


def test_who_asks_for_another_grade_gets_one_when_there_is_one() -> None:
    mensen = [
        Kandidaat(id=1, school=1, graad="1", andere_graad=True),
        Kandidaat(id=2, school=1, graad="1"),
        Kandidaat(id=3, school=1, graad="2"),
        Kandidaat(id=4, school=1, graad="2"),
    ]
    groepen = {g.leden for g in indeel(mensen).groepen}
    assert (1, 2) not in groepen


def test_a_pair_of_this_year_is_not_made_again() -> None:
    mensen = [Kandidaat(id=1, school=1), Kandidaat(id=2, school=1)]
    indeling = indeel(mensen, {frozenset((1, 2))})
    assert not indeling.groepen
    assert indeling.niet_gekoppeld == {1: Reden.AL_SAMEN, 2: Reden.AL_SAMEN}


def test_alone_at_a_school_without_wanting_another_is_said_so() -> None:
    mensen = [
        Kandidaat(id=1, school=1),
        Kandidaat(id=2, school=2, over_scholen=True),
        Kandidaat(id=3, school=2, over_scholen=True),
    ]
    assert indeel(mensen).niet_gekoppeld == {1: Reden.ALLEEN}


def test_across_schools_when_both_want_it() -> None:
    mensen = [
        Kandidaat(id=1, school=1, over_scholen=True),
        Kandidaat(id=2, school=2, over_scholen=True),
    ]
    assert indeel(mensen).groepen[0].leden == (1, 2)


def test_two_left_over_and_a_pair_become_two_pairs() -> None:
    from plg.bezoeken.buddies import _repair

    a, b = Kandidaat(id=1, school=1), Kandidaat(id=2, school=1)
    u, v = Kandidaat(id=3, school=1), Kandidaat(id=4, school=1)
    paren = [(a, b)]
    over = [u, v]
    _repair(paren, over, verboden={frozenset((3, 4)), frozenset((3, 1)), frozenset((4, 2))})
    assert sorted(tuple(sorted(k.id for k in p)) for p in paren) == [(1, 4), (2, 3)]
    assert not over
