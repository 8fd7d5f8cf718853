"""A reminder to both the day before an accepted visit, once; none for a cancelled one."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.mail import EmailMessage
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks

from conftest import World
from plg.bezoeken import services
from plg.bezoeken.models import Status
from plg.bezoeken.tasks import send_bezoek_herinnering, send_due_bezoek_reminders
from plg.bezoeken.tests.factories import bezoek_bij_member

pytestmark = pytest.mark.django_db


def test_both_get_a_reminder_the_day_before_once(
    world: World, mailoutbox: list[EmailMessage]
) -> None:
    bezoek_bij_member(world, begin=timezone.now() + timedelta(hours=20), notities_audience="plg")
    assert send_due_bezoek_reminders() == 2
    assert send_due_bezoek_reminders() == 0
    assert {m.to[0] for m in mailoutbox} == {world.member.email, world.colleague.email}
    assert all("klasbezoek" in m.subject for m in mailoutbox)


def test_a_visit_further_ahead_is_not_reminded_yet(world: World) -> None:
    bezoek_bij_member(world, begin=timezone.now() + timedelta(days=3))
    assert send_due_bezoek_reminders() == 0


def test_a_cancelled_visit_is_not_reminded(world: World) -> None:
    bezoek = bezoek_bij_member(world, begin=timezone.now() + timedelta(hours=20))
    services.cancel_bezoek(bezoek=bezoek)
    assert send_due_bezoek_reminders() == 0
    assert send_bezoek_herinnering.call(bezoek.pk, bezoek.begin.isoformat()) is False


def test_a_visit_not_yet_accepted_is_not_reminded(world: World) -> None:
    bezoek_bij_member(world, begin=timezone.now() + timedelta(hours=20), status=Status.UITGENODIGD)
    assert send_due_bezoek_reminders() == 0


def test_the_cron_command_sends_them(world: World, mailoutbox: list[EmailMessage]) -> None:
    bezoek_bij_member(world, begin=timezone.now() + timedelta(hours=20))
    call_command("bezoekherinneringen")
    assert len(mailoutbox) == 2


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_accepting_queues_the_reminder_for_the_day_before(
    world: World, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    from django_tasks_db.models import DBTaskResult

    bezoek = bezoek_bij_member(world, status=Status.UITGENODIGD)
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_bezoek(bezoek=bezoek, aanvaard=True)
    runs = list(
        DBTaskResult.objects.filter(task_path__endswith="send_bezoek_herinnering").values_list(
            "run_after", flat=True
        )
    )
    assert runs == [bezoek.begin - timedelta(days=1)]
