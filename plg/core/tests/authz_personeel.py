"""Authorisation cases of the school's staff list: for the school's leaders only (a planner
they named plans time, but does not decide who works at the school)."""

from __future__ import annotations

from conftest import World
from plg.core.tests.authz import Case


def _school(w: World, o: object) -> list[object]:
    return [w.school.pk]


CASES: dict[str, Case] = {
    "school_personeel": (_school, "get", {}, {"leader"}, 200),
    # nothing read yet: the leader is sent back to choose the file (302)
    "school_personeel_toepassen": (_school, "post", {}, {"leader"}, 302),
}
