"""Slow work (reading uploads, PDFs, plan searches) refuses to run while a transaction holds
the database's write lock."""

from __future__ import annotations

import pytest
from django.db import transaction

from plg.core.db import SlowWorkInTransaction, outside_transaction


@outside_transaction
def slow() -> str:
    return "klaar"


@pytest.mark.django_db
def test_slow_work_runs_outside_a_transaction() -> None:
    assert slow() == "klaar"


@pytest.mark.django_db
def test_slow_work_inside_a_transaction_is_refused() -> None:
    with transaction.atomic(), pytest.raises(SlowWorkInTransaction):
        slow()


@pytest.mark.parametrize(
    "path",
    [
        "plg.roosters.imports.lessen_csv.read_lessen_csv",
        "plg.roosters.imports.untis.read_gpu_lessen",
        "plg.roosters.imports.untis.read_gpu_leerkrachten",
        "plg.roosters.imports.ical.read_ical",
        "plg.core.pdf.pdf_response",
        "plg.planning.services.search_momenten",
        "plg.planning.services.calculate_maandplan",
        "plg.planning.bijsturen.bijsturing",
        "plg.post.bezorging._hand_over",
        "plg.post.services.send_now",
        "plg.core.uploads.store_uploads",
    ],
)
@pytest.mark.django_db
def test_uploads_pdfs_plan_searches_and_mail_are_refused_in_a_transaction(path: str) -> None:
    from django.utils.module_loading import import_string

    with transaction.atomic(), pytest.raises(SlowWorkInTransaction):
        import_string(path)()  # the guard refuses before the arguments are looked at
