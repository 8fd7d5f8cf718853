"""Guessing passwords and flooding mailboxes: a handful of tries, then a polite pause."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core import mail
from django.urls import reverse

from conftest import PASSWORD


def wrong(client: Any, email: str, times: int, ip: str = "203.0.113.7") -> None:
    for _ in range(times):
        client.post(reverse("login"), {"username": email, "password": "raden-123"}, REMOTE_ADDR=ip)


def right(client: Any, email: str, ip: str = "203.0.113.7") -> Any:
    return client.post(reverse("login"), {"username": email, "password": PASSWORD}, REMOTE_ADDR=ip)


def test_after_forty_wrong_passwords_the_right_one_is_refused(client: Any, world: Any) -> None:
    wrong(client, world.member.email, 40)
    response = right(client, world.member.email)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_locked_login_says_so_in_dutch_on_the_login_page(client: Any, world: Any) -> None:
    wrong(client, world.member.email, 10)
    html = right(client, world.member.email).content.decode()
    assert "Te veel mislukte pogingen" in html
    assert 'name="password"' in html  # the login page, not a bare error
    assert world.member.email in html  # what was typed stays


def test_the_lock_is_lifted_after_the_cool_off(client: Any, world: Any) -> None:
    from axes.models import AccessAttempt
    from django.conf import settings

    wrong(client, world.member.email, 10)
    AccessAttempt.objects.update(attempt_time=past_cool_off(settings.AXES_COOLOFF_TIME))
    response = right(client, world.member.email)
    assert response.status_code == 302


def past_cool_off(cool_off: timedelta) -> Any:
    from django.utils import timezone

    return timezone.now() - cool_off - timedelta(minutes=1)


def test_one_locked_address_does_not_lock_out_a_colleague(client: Any, world: Any) -> None:
    wrong(client, world.member.email, 10)
    assert right(client, world.coach.email).status_code == 302


def test_a_few_typos_do_not_lock_anyone_out(client: Any, world: Any) -> None:
    wrong(client, world.member.email, 3)
    assert right(client, world.member.email).status_code == 302


def test_twenty_reset_requests_send_a_bounded_number_of_mails(client: Any, world: Any) -> None:
    for _ in range(20):
        client.post(reverse("password_reset"), {"email": world.member.email})
    assert 1 <= len(mail.outbox) <= 3


def test_reset_requests_for_many_addresses_from_one_place_are_bounded(
    client: Any, world: Any
) -> None:
    people = [world.member, world.coach, world.colleague, world.leader, world.advisor]
    for _ in range(10):
        for person in people:
            client.post(
                reverse("password_reset"), {"email": person.email}, REMOTE_ADDR="203.0.113.9"
            )
    assert 1 <= len(mail.outbox) <= 10


def test_a_refused_reset_says_so_in_dutch(client: Any, world: Any) -> None:
    for _ in range(5):
        response = client.post(reverse("password_reset"), {"email": world.member.email})
    assert response.status_code == 429
    assert "al enkele e-mails" in response.content.decode()


def test_no_log_line_says_who_logged_in_failed_or_was_locked_out(
    client: Any, world: Any, caplog: Any
) -> None:
    import logging

    caplog.set_level(logging.DEBUG)
    wrong(client, world.member.email, 6)
    right(client, world.coach.email)
    client.post(reverse("logout"))
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "AXES" in logged  # the throttle did log: failures, the lock, the login
    for secret in (world.member.email, world.coach.email, "203.0.113.7"):
        assert secret not in logged
