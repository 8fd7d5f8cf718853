"""Ordering by hand: one move swaps an item with its neighbour, and the list is renumbered."""

from __future__ import annotations

from typing import Protocol, TypeVar


class Ordered(Protocol):
    pk: int
    position: int


_O = TypeVar("_O", bound=Ordered)


def moved(ordered: list[_O], item: _O, direction: str) -> list[_O]:
    """Return ``ordered`` with ``item`` one place up or down and positions renumbered."""
    items = list(ordered)
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index - 1 if direction == "up" else index + 1
    if 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]
    for position, other in enumerate(items):
        other.position = position
    return items
