"""Fixtures for the outbox: misbehaving mail servers and time that passes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import TYPE_CHECKING

import pytest
from django.core.mail import EmailMessage
from django.test import Client
from django.utils import timezone
from pytest_django import Settings

from plg.post.tests import backends
from plg.scans.models import Toegang

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as TestResponse


@pytest.fixture
def dying_mail(settings: Settings, mailoutbox: list[EmailMessage]) -> Iterator[Callable[..., None]]:
    """``dying_mail(sends=7)``: the worker dies while handing over the 8th message;
    ``dying_mail(dies_on_close=True)``: it dies right after the last one."""
    settings.EMAIL_BACKEND = "plg.post.tests.backends.DiesAfter"
    yield backends.reset
    backends.reset()


@pytest.fixture
def refusing_mail(
    settings: Settings, mailoutbox: list[EmailMessage]
) -> Iterator[Callable[..., None]]:
    settings.EMAIL_BACKEND = "plg.post.tests.backends.Refuses"
    yield backends.reset
    backends.reset()


@pytest.fixture
def later(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """``later(hours=1)``: the clock moves on, as it does between a crash and the next run."""
    real_now = timezone.now
    shift = timedelta()

    def move(**delta: float) -> None:
        nonlocal shift
        shift += timedelta(**delta)
        monkeypatch.setattr(timezone, "now", lambda: real_now() + shift)

    return move


@pytest.fixture
def ask_resume_link(client: Client) -> Callable[[Toegang, str], TestResponse]:
    """A respondent answers one question through their link, then mails themselves the link
    to go on elsewhere; returns the response to that request, followed."""

    def ask(toegang: Toegang, email: str) -> TestResponse:
        page = f"/scan/{toegang.token}/"
        client.get(page, follow=True)
        client.post(f"{page}?deel=0", {"cv1": "5", "richting": "verder"})
        return client.post(f"{page}verder/", {"email": email, "deel": "1"}, follow=True)

    return ask
