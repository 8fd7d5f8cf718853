from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from plg.core.ordering import moved


@dataclass
class Item:
    pk: int
    position: int = 0


@given(st.integers(min_value=1, max_value=12), st.data())
def test_a_move_keeps_every_item_and_numbers_them(size: int, data: st.DataObject) -> None:
    items = [Item(pk) for pk in range(size)]
    item = data.draw(st.sampled_from(items))
    direction = data.draw(st.sampled_from(["up", "down"]))
    result = moved(items, item, direction)
    assert sorted(i.pk for i in result) == list(range(size))
    assert [i.position for i in result] == list(range(size))


@given(st.integers(min_value=2, max_value=12), st.data())
def test_up_then_down_restores_the_order(size: int, data: st.DataObject) -> None:
    items = [Item(pk) for pk in range(size)]
    item = data.draw(st.sampled_from(items[1:]))
    after = moved(moved(items, item, "up"), item, "down")
    assert [i.pk for i in after] == list(range(size))
