"""Trying a failed mail again: odd input is refused calmly, and only a mail whose cause still
holds leaves, sent by someone who still has the right to send it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from plg.post.tests.test_state import invite_colleague, retry_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def failed_invitation(world, client, refusing_mail, django_capture_on_commit_callbacks):
    """The coach invited the colleague; the mail server refused it. Returns the retry form."""
    refusing_mail(refused={world.colleague.email})
    invite_colleague(client, world, django_capture_on_commit_callbacks)
    refusing_mail()
    return retry_form(client.get(reverse("plg_leden", args=[world.plg.pk])).content.decode())


@pytest.mark.parametrize("bericht", ["²", "٣", "9" * 5_000, "9" * 25, "-1"])
def test_an_odd_mail_number_finds_no_mail(client, failed_invitation, bericht):
    response = client.post(failed_invitation["path"], {"bericht": bericht})
    assert response.status_code == 404


@pytest.mark.parametrize(
    "nxt", ["plg_detail", "x", "home", "https://evil.example/", "//evil.example"]
)
def test_a_return_address_that_is_not_a_path_here_goes_home(client, failed_invitation, nxt):
    response = client.post(failed_invitation["path"], {**failed_invitation["data"], "next": nxt})
    assert response.status_code == 302
    assert response["Location"] == reverse("home")


def test_a_return_path_here_is_followed(world, client, failed_invitation):
    response = client.post(failed_invitation["path"], failed_invitation["data"])
    assert response["Location"] == reverse("plg_leden", args=[world.plg.pk])
