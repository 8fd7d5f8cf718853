"""The outbox's promises: one claim per mail, retries that wait, failures that are recorded."""

from __future__ import annotations

import smtplib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime

import pytest
from django.core.mail import EmailMessage
from django.test import override_settings
from pytest_django import DjangoCaptureOnCommitCallbacks

from conftest import World
from plg.communities import services as community_services
from plg.post import bezorging, koppen
from plg.post.models import Bericht, Status
from plg.post.tests.backends import WorkerDied
from plg.post.tests.test_resumable import TEACHERS, cron, open_wave
from plg.scans import services as scan_services

pytestmark = pytest.mark.django_db


def invite(world: World, capture: DjangoCaptureOnCommitCallbacks) -> Bericht:
    with capture(execute=True):
        community_services.invite(
            plg=world.plg, email=world.colleague.email, school=world.school, invited_by=world.coach
        )
    return Bericht.objects.filter(aan=world.colleague.email).latest("pk")


def test_two_workers_running_at_once_never_send_the_same_mail(
    world: World,
    dying_mail: Callable[..., None],
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    dying_mail(sends=1000, meanwhile=bezorging.deliver)  # a second worker starts mid-send
    with django_capture_on_commit_callbacks(execute=True):
        open_wave(world)
    assert Counter(m.to[0] for m in mailoutbox) == Counter(TEACHERS)


def test_a_failed_attempt_waits_before_the_next_one(
    world: World,
    refusing_mail: Callable[..., None],
    later: Callable[..., None],
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    refusing_mail(down=True)
    bericht = invite(world, django_capture_on_commit_callbacks)
    refusing_mail()
    cron()
    assert mailoutbox == []
    later(minutes=2)
    cron()
    assert [m.to for m in mailoutbox] == [[bericht.aan]]


def test_a_mail_that_keeps_failing_is_marked_failed_with_its_error(
    world: World,
    refusing_mail: Callable[..., None],
    later: Callable[..., None],
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    refusing_mail(down=True)
    bericht = invite(world, django_capture_on_commit_callbacks)
    for _attempt in range(bezorging.MAX_POGINGEN):
        later(hours=1)
        cron()
    bericht.refresh_from_db()
    assert bericht.status == Status.MISLUKT
    assert bericht.pogingen == bezorging.MAX_POGINGEN
    assert "onbereikbaar" in bericht.laatste_fout
    later(hours=1)
    refusing_mail()
    cron()
    assert mailoutbox == []  # failed stays failed until its sender tries again


def test_a_worker_that_dies_on_every_attempt_gives_up_on_that_mail_and_says_so(
    world: World,
    dying_mail: Callable[..., None],
    later: Callable[..., None],
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    dying_mail(sends=0)
    bericht = invite(world, django_capture_on_commit_callbacks)
    for _attempt in range(bezorging.MAX_POGINGEN - 1):
        later(hours=1)
        with pytest.raises(WorkerDied):
            cron()
    later(hours=1)
    cron()
    bericht.refresh_from_db()
    assert bericht.status == Status.MISLUKT
    assert "worker stopped" in bericht.laatste_fout
    assert mailoutbox == []


def test_the_crash_window_repeats_a_mail_under_the_same_message_id(
    world: World,
    dying_mail: Callable[..., None],
    later: Callable[..., None],
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    """Accepted by the server, then the worker died before it could write that down: the mail
    goes again after the claim expires, as the same message, so mail programs show it once."""
    dying_mail(sends=0, after_accepting=True)
    bericht = invite(world, django_capture_on_commit_callbacks)
    dying_mail(sends=10)
    later(hours=1)
    cron()
    first, second = mailoutbox
    assert first.extra_headers["Message-ID"] == second.extra_headers["Message-ID"]
    assert first.extra_headers["Message-ID"] == bericht.message_id
    assert "Message-ID: " + bericht.message_id in first.message().as_string()


def test_the_text_of_a_mail_is_not_kept_once_it_has_left(
    world: World,
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    bericht = invite(world, django_capture_on_commit_callbacks)
    bericht.refresh_from_db()
    assert bericht.status == Status.VERSTUURD
    assert bericht.tekst == "" and bericht.bijlagen == []
    assert mailoutbox[0].body


def test_one_refused_address_does_not_stop_the_rest_of_the_batch(
    world: World,
    refusing_mail: Callable[..., None],
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    refusing_mail(refused={TEACHERS[0]})
    with django_capture_on_commit_callbacks(execute=True):
        open_wave(world)
    assert sorted(m.to[0] for m in mailoutbox) == sorted(TEACHERS[1:])
    failed = Bericht.objects.get(status=Status.MISLUKT)
    assert failed.aan == TEACHERS[0] and failed.pogingen == 1
    assert "550" in failed.laatste_fout


def test_closing_a_wave_withdraws_its_mails_that_have_not_left(
    world: World,
    refusing_mail: Callable[..., None],
    later: Callable[..., None],
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    refusing_mail(down=True)
    with django_capture_on_commit_callbacks(execute=True):
        afname = open_wave(world)
    scan_services.close_afname(afname=afname)
    refusing_mail()
    later(hours=1)
    cron()
    assert mailoutbox == []


def test_the_text_of_a_withdrawn_mail_is_not_kept(
    world: World,
    refusing_mail: Callable[..., None],
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    refusing_mail(down=True)
    with django_capture_on_commit_callbacks(execute=True):
        afname = open_wave(world)
    assert Bericht.objects.exclude(tekst="").exists()  # waiting, with the personal links
    scan_services.close_afname(afname=afname)
    assert set(Bericht.objects.values_list("status", flat=True)) == {Status.INGETROKKEN}
    assert not Bericht.objects.exclude(tekst="").exists()
    assert not Bericht.objects.exclude(bijlagen=[]).exists()


def test_a_mail_a_dead_worker_held_when_its_wave_closed_does_not_go_once_the_claim_expires(
    world: World,
    dying_mail: Callable[..., None],
    later: Callable[..., None],
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    dying_mail(sends=0)  # the worker dies handing over the first invitation
    with django_capture_on_commit_callbacks(execute=True):
        afname = open_wave(world)
    assert Bericht.objects.filter(status=Status.BEZIG).count() == 1
    scan_services.close_afname(afname=afname)
    dying_mail(sends=100)
    later(hours=1)
    cron()
    assert mailoutbox == []


def test_a_mail_withdrawn_while_its_send_fails_is_not_tried_again(
    world: World,
    refusing_mail: Callable[..., None],
    later: Callable[..., None],
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    from plg.post import services as post_services
    from plg.post.tests import backends

    refusing_mail(down=True)
    with django_capture_on_commit_callbacks(execute=False):
        afname = open_wave(world)
    backends.Refuses.meanwhile = lambda: post_services.withdraw_berichten(afname.toegangen.all())
    cron()
    refusing_mail()
    later(hours=1)
    cron()
    assert mailoutbox == []
    assert set(Bericht.objects.values_list("status", flat=True)) == {Status.INGETROKKEN}


def test_inviting_the_same_wave_twice_stores_each_mail_once(world: World) -> None:
    from plg.post.services import queue_berichten
    from plg.scans import mails

    afname = open_wave(world)
    again = mails.uitnodigingen(
        afname=afname, toegangen=afname.toegangen.all(), door=world.leader, herinnering=False
    )
    assert queue_berichten(again) == 0
    assert Bericht.objects.count() == len(TEACHERS)


DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _wake_up_calls() -> list[datetime]:
    from django_tasks_db.models import DBTaskResult

    return sorted(
        DBTaskResult.objects.filter(
            task_path="plg.post.tasks.deliver", run_after__isnull=False
        ).values_list("run_after", flat=True)
    )


@override_settings(TASKS=DATABASE_QUEUE)
def test_with_the_database_queue_a_delivery_first_leaves_a_wake_up_call_for_after_its_claim(
    world: World, mailoutbox: list[EmailMessage]
) -> None:
    from django.utils import timezone

    community_services.invite(
        plg=world.plg, email=world.colleague.email, school=world.school, invited_by=world.coach
    )
    before = timezone.now()
    bezorging.deliver()
    assert len(mailoutbox) == 1
    [wake_up] = _wake_up_calls()
    assert wake_up >= before + bezorging.LEASE


@override_settings(TASKS=DATABASE_QUEUE)
def test_with_the_database_queue_a_retry_is_queued_for_its_time(
    world: World, refusing_mail: Callable[..., None]
) -> None:
    refusing_mail(down=True)
    community_services.invite(
        plg=world.plg, email=world.colleague.email, school=world.school, invited_by=world.coach
    )
    bezorging.deliver()
    bericht = Bericht.objects.get()
    assert bericht.status == Status.WACHT
    assert bericht.volgende_poging in _wake_up_calls()


def test_inviting_someone_again_withdraws_the_earlier_mail_that_had_not_left(
    world: World,
    refusing_mail: Callable[..., None],
    later: Callable[..., None],
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    refusing_mail(down=True)
    first = invite(world, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        community_services.invite(
            plg=world.plg, email=world.colleague.email, school=world.school, invited_by=world.coach
        )
    refusing_mail()
    later(hours=1)
    cron()
    assert len(mailoutbox) == 1
    first.refresh_from_db()
    assert first.status == Status.INGETROKKEN


def test_a_fault_of_ours_in_one_mail_is_logged_and_the_others_still_leave(
    world: World,
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    real = koppen.email

    def broken_for_one(
        *,
        aan: str,
        onderwerp: str,
        tekst: str,
        message_id: str = "",
        bijlagen: Iterable[Mapping[str, str]] = (),
    ) -> EmailMessage:
        if aan == TEACHERS[0]:
            raise TypeError("a bug of ours")
        return real(
            aan=aan, onderwerp=onderwerp, tekst=tekst, message_id=message_id, bijlagen=bijlagen
        )

    monkeypatch.setattr(koppen, "email", broken_for_one)
    with django_capture_on_commit_callbacks(execute=True):
        open_wave(world)
    assert sorted(m.to[0] for m in mailoutbox) == sorted(TEACHERS[1:])
    assert Bericht.objects.get(aan=TEACHERS[0]).status == Status.WACHT
    faults = [r for r in caplog.records if r.levelname == "ERROR" and r.exc_info]
    assert faults and faults[0].exc_info and faults[0].exc_info[0] is TypeError


@pytest.mark.parametrize(
    ("error", "oorzaak"),
    [
        (ConnectionRefusedError("mailserver onbereikbaar"), "onbereikbaar"),
        (TimeoutError("timed out"), "onbereikbaar"),
        (smtplib.SMTPServerDisconnected("gone"), "onbereikbaar"),
        (smtplib.SMTPRecipientsRefused({"a@b.example": (550, b"no such user")}), "adres"),
        (smtplib.SMTPDataError(554, b"spam"), "geweigerd"),
        (smtplib.SMTPSenderRefused(553, b"relay denied", "plg@x.example"), "geweigerd"),
        (koppen.OngeldigBericht("invalid address 'x'"), "ongeldig"),
        (smtplib.SMTPException("the mail backend did not accept the message"), "anders"),
    ],
)
def test_a_failure_is_filed_under_a_calm_cause(error: Exception, oorzaak: str) -> None:
    assert bezorging.oorzaak(error) == oorzaak


def test_a_mail_that_keeps_failing_stores_its_cause_beside_the_servers_words(
    world: World,
    refusing_mail: Callable[..., None],
    later: Callable[..., None],
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    refusing_mail(down=True)
    bericht = invite(world, django_capture_on_commit_callbacks)
    for _attempt in range(bezorging.MAX_POGINGEN):
        later(hours=1)
        cron()
    bericht.refresh_from_db()
    assert bericht.get_oorzaak_display() == "de mailserver was niet bereikbaar"
    assert "onbereikbaar" in bericht.laatste_fout
