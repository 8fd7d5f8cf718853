"""Slow work never runs inside a transaction.

Our SQLite transactions begin IMMEDIATE: from the first statement they hold the one write lock of
the whole database, so parsing an upload, rendering a PDF or searching a plan inside one makes
every other writer (a live card, an answer) wait and then fail with "database is locked". Read and
compute first, then write in one short transaction. Functions marked `outside_transaction` refuse
to run inside one, so a test that reaches them that way fails.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from django.db import connection

P = ParamSpec("P")
R = TypeVar("R")


class SlowWorkInTransaction(RuntimeError):
    """A slow function was called while this connection holds a transaction."""


def in_transaction() -> bool:
    """True inside `transaction.atomic`; the block a test case wraps around each test does not
    count (it stands for the autocommit of a real request)."""
    return any(not getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)


def outside_transaction(func: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(func)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> R:
        if in_transaction():
            raise SlowWorkInTransaction(
                f"{func.__module__}.{func.__qualname__} is slow: call it before the transaction"
            )
        return func(*args, **kwargs)

    return guarded
