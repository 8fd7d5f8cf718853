"""The personas and case shape of the authorisation table, shared by its parts.

The table is ``test_authorization.CASES`` plus the ``CASES`` of every ``authz_*.py`` module
next to it: a feature adds its own module rather than growing one file past the house limit.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import Any

from conftest import World

PERSONAS = [
    "anonymous",
    "coach",
    "member",
    "colleague",
    "outsider",
    "leader",
    "other_leader",
    "advisor",
    "other_advisor",
]
MEMBERS = {"coach", "member"}
COACH = {"coach"}
IN_SG = {"coach", "member", "colleague", "leader", "advisor"}
LOGGED_IN = set(PERSONAS) - {"anonymous"}
IN_SCHOOL = {"coach", "member", "colleague", "leader", "advisor"}
# a blitsbezoek in the member's class by the colleague; their co-teaching series
DE_TWEE = {"member", "colleague"}
WAVE_OPENERS = {"leader", "other_leader", "advisor", "other_advisor"}
WAVE_RUNNERS = {"leader", "advisor"}
TEAM = {"coach", "member", "colleague", "outsider", "leader", "other_leader"}
PLANNERS = {"leader"}
SCHOOL_TEACHERS = {"coach", "member", "colleague"}
TEACHERS = {"coach", "member", "colleague", "outsider"}

# args from world + objects, method, post data, personas allowed, success status
Case = tuple[Callable[[World, Any], list[object]], str, dict[str, str], set[str], int]


def parts() -> tuple[dict[str, Case], dict[str, set[str]]]:
    """The cases of every ``authz_*`` module, and who of them is refused (403), not hidden."""
    cases: dict[str, Case] = {}
    refused: dict[str, set[str]] = {}
    package = importlib.import_module(__package__ or "plg.core.tests")
    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith("authz_"):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            cases.update(module.CASES)
            refused.update(getattr(module, "REFUSED", {}))
    return cases, refused
