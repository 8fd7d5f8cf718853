"""The password-reset mail leaves like every other mail: built by the post app's one builder,
handed over outside any transaction, and never stored, because it holds a key to the account."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse

from plg.post import koppen
from plg.post.models import Bericht
from plg.post.services import AFTER_RESPONSE
from plg.post.tests import backends


def test_the_reset_link_leads_to_the_site_whatever_host_the_request_named(
    client: Any, world: Any, settings: Any
) -> None:
    settings.SITE_URL = "https://plg.example"
    client.post(reverse("password_reset"), {"email": world.member.email}, HTTP_HOST="evil.example")
    (message,) = mail.outbox
    assert "https://plg.example/wachtwoord/nieuw/" in message.body
    assert "evil.example" not in message.body


def test_the_reset_mail_is_built_by_the_one_builder(
    client: Any, world: Any, monkeypatch: Any
) -> None:
    built: list[str] = []
    real = koppen.email

    def recording(**fields: Any) -> Any:
        built.append(fields["aan"])
        return real(**fields)

    monkeypatch.setattr(koppen, "email", recording)
    client.post(reverse("password_reset"), {"email": world.member.email})
    assert built == [world.member.email]
    assert [m.to for m in mail.outbox] == [[world.member.email]]


def test_the_reset_mail_is_never_stored(client: Any, world: Any) -> None:
    client.post(reverse("password_reset"), {"email": world.member.email})
    assert len(mail.outbox) == 1
    assert not Bericht.objects.exists()


@pytest.fixture
def mail_server_down(settings: Any) -> Any:
    settings.EMAIL_BACKEND = "plg.post.tests.backends.Refuses"
    backends.reset(down=True)
    yield
    backends.reset()


def test_a_reset_mail_that_cannot_leave_says_nothing_of_the_account_and_logs_no_address(
    client: Any, world: Any, mail_server_down: Any, caplog: Any
) -> None:
    """The page answers the same whether the address has an account: a failure shown only
    when it has one would tell who has an account."""
    with caplog.at_level(logging.INFO):
        response = client.post(reverse("password_reset"), {"email": world.member.email})
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    assert caplog.records
    assert world.member.email not in caplog.text


@pytest.fixture
def beside_the_request(settings: Any) -> Iterator[None]:
    """Mails sent beside the request, as in production, with a mail server that waits."""
    settings.MAIL_BESIDE_RESPONSE = True
    settings.EMAIL_BACKEND = "plg.post.tests.backends.Waits"
    backends.reset()
    yield
    backends.Waits.open.set()
    _join_mail_threads()
    backends.reset()


def _join_mail_threads() -> None:
    for thread in threading.enumerate():
        if thread.name == AFTER_RESPONSE:
            thread.join(timeout=30)


def test_the_reset_page_answers_before_the_mail_server_does(
    client: Any, world: Any, beside_the_request: None
) -> None:
    """So an address with an account answers as fast as one without: the page's time tells
    nobody who has an account."""
    response = client.post(reverse("password_reset"), {"email": world.member.email})
    assert response.status_code == 302
    assert mail.outbox == []  # the mail server has not accepted anything yet
    backends.Waits.open.set()
    _join_mail_threads()
    assert [m.to for m in mail.outbox] == [[world.member.email]]


def test_a_reset_mail_that_fails_beside_the_request_is_logged_without_the_address(
    client: Any, world: Any, settings: Any, caplog: Any
) -> None:
    settings.MAIL_BESIDE_RESPONSE = True
    settings.EMAIL_BACKEND = "plg.post.tests.backends.Refuses"
    backends.reset(down=True)
    try:
        with caplog.at_level(logging.WARNING):
            response = client.post(reverse("password_reset"), {"email": world.member.email})
            _join_mail_threads()
    finally:
        backends.reset()
    assert response["Location"] == reverse("password_reset_done")
    assert "A password-reset mail could not be sent (ConnectionRefusedError)" in caplog.text
    assert world.member.email not in caplog.text
