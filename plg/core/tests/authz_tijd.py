"""Authorisation cases of the month planner's choice between school hours and after school."""

from __future__ import annotations

from plg.core.tests.authz import PLANNERS, Case

CASES: dict[str, Case] = {
    # taking the plan of another choice: the school's planners, like applying the proposal
    "maandplan_afweging": (
        lambda w, o: [o["maandplan"].pk],
        "post",
        {"afweging": "na_school"},
        PLANNERS,
        302,
    ),
}
