"""Reminders: one the day before a bijeenkomst, one after it for the leerlog, each sent once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from plg.meetings.models import Herinnering
from plg.meetings.services import plan_bijeenkomst, plan_herinneringen
from plg.meetings.tasks import send_due_reminders, send_herinnering

pytestmark = pytest.mark.django_db


def test_reminders_go_once_before_and_after_a_bijeenkomst(world, mailoutbox):
    starts_at = timezone.now() + timedelta(days=3)
    bijeenkomst = plan_bijeenkomst(
        plg=world.plg, starts_at=starts_at, place="", duration_minutes=100
    )
    plan_herinneringen(bijeenkomst)
    assert send_due_reminders() == 0
    Herinnering.objects.filter(soort="vooraf").update(due_at=timezone.now() - timedelta(minutes=1))
    assert send_due_reminders() == 1
    assert send_due_reminders() == 0
    assert {m.to[0] for m in mailoutbox} == {world.coach.email, world.member.email}
    assert "Check-in" in mailoutbox[0].body or "check-in" in mailoutbox[0].body
    Herinnering.objects.filter(soort="leerlog").update(due_at=timezone.now() - timedelta(minutes=1))
    assert send_due_reminders() == 1
    assert reverse("leerlog", args=[bijeenkomst.pk]) in mailoutbox[-1].body


def test_a_moved_bijeenkomst_moves_its_reminder_and_a_stale_one_is_not_sent(world, mailoutbox):
    starts_at = timezone.now() + timedelta(days=5)
    bijeenkomst = plan_bijeenkomst(
        plg=world.plg, starts_at=starts_at, place="", duration_minutes=100
    )
    plan_herinneringen(bijeenkomst)
    queued = Herinnering.objects.get(soort="vooraf")
    bijeenkomst.starts_at = starts_at + timedelta(days=2)
    bijeenkomst.save()
    plan_herinneringen(bijeenkomst)
    moved = Herinnering.objects.get(soort="vooraf")
    assert moved.due_at == bijeenkomst.starts_at - timedelta(days=1)
    assert send_herinnering.call(queued.pk, queued.due_at.isoformat()) is False
    assert mailoutbox == []


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_with_the_database_queue_reminders_wait_for_their_time(
    world, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    starts_at = timezone.now() + timedelta(days=5)
    bijeenkomst = plan_bijeenkomst(
        plg=world.plg, starts_at=starts_at, place="", duration_minutes=100
    )
    with django_capture_on_commit_callbacks(execute=True):
        plan_herinneringen(bijeenkomst)
    runs = sorted(DBTaskResult.objects.values_list("run_after", flat=True))
    assert runs == [starts_at - timedelta(days=1), starts_at + timedelta(minutes=130)]
