"""A worker that dies while mailing loses nothing and sends nothing twice."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from plg.meetings import tasks as meeting_tasks
from plg.meetings.models import Herinnering
from plg.meetings.services import plan_bijeenkomst, plan_herinneringen
from plg.scans import services as scan_services

pytestmark = pytest.mark.django_db

TEACHERS = [f"leraar{i}@regenboog.example" for i in range(17)]


def open_wave(world: Any) -> Any:
    return scan_services.open_afname(
        opened_by=world.leader,
        title="PLG-scan voorjaar",
        schools=[world.school],
        team=False,
        poster=False,
        extra=[scan_services.Ontvanger(email=e, school=world.school) for e in TEACHERS],
    )


def cron() -> None:
    call_command("herinneringen", stdout=StringIO())


def due_reminder(world: Any) -> Herinnering:
    bijeenkomst = plan_bijeenkomst(
        plg=world.plg, starts_at=timezone.now() + timedelta(days=3), place="", duration_minutes=90
    )
    plan_herinneringen(bijeenkomst)
    Herinnering.objects.filter(soort="vooraf").update(due_at=timezone.now() - timedelta(minutes=1))
    return Herinnering.objects.get(soort="vooraf")


def test_a_worker_killed_while_sending_scan_invitations_leaves_none_unsent_and_none_twice(
    world, dying_mail, later, mailoutbox, django_capture_on_commit_callbacks
):
    dying_mail(sends=7)
    with django_capture_on_commit_callbacks(execute=True):
        open_wave(world)
    assert len(mailoutbox) == 7
    dying_mail(sends=100)
    later(hours=1)
    cron()
    assert Counter(m.to[0] for m in mailoutbox) == Counter(TEACHERS)


def test_mail_a_dead_worker_had_not_touched_leaves_with_the_next_delivery(
    world, dying_mail, mailoutbox, django_capture_on_commit_callbacks
):
    from plg.communities import services as community_services

    dying_mail(sends=7)
    with django_capture_on_commit_callbacks(execute=True):
        open_wave(world)
    dying_mail(sends=100)
    with django_capture_on_commit_callbacks(execute=True):
        community_services.invite(
            plg=world.plg, email=world.colleague.email, school=world.school, invited_by=world.coach
        )
    sent = Counter(m.to[0] for m in mailoutbox)
    # the one in the dead worker's hands waits for its claim to expire; the rest go now
    assert sum(sent[e] for e in TEACHERS) == 16
    assert max(sent.values()) == 1
    assert sent[world.colleague.email] == 1


def test_a_reminder_whose_worker_died_after_sending_is_not_sent_again_by_herinneringen(
    world, dying_mail, later, mailoutbox, django_capture_on_commit_callbacks
):
    herinnering = due_reminder(world)
    dying_mail(dies_on_close=True)
    with django_capture_on_commit_callbacks(execute=True):
        meeting_tasks.send_herinnering.enqueue(herinnering.pk, herinnering.due_at.isoformat())
    assert sorted(m.to[0] for m in mailoutbox) == sorted([world.coach.email, world.member.email])
    dying_mail(sends=100)
    later(hours=1)
    cron()
    assert sorted(m.to[0] for m in mailoutbox) == sorted([world.coach.email, world.member.email])


def test_the_reminder_step_run_twice_mails_each_member_once(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    herinnering = due_reminder(world)
    with django_capture_on_commit_callbacks(execute=True):
        meeting_tasks.send_herinnering.enqueue(herinnering.pk, herinnering.due_at.isoformat())
        meeting_tasks.send_herinnering.enqueue(herinnering.pk, herinnering.due_at.isoformat())
    cron()
    assert sorted(m.to[0] for m in mailoutbox) == sorted([world.coach.email, world.member.email])


def test_asking_for_a_scan_reminder_twice_before_it_left_sends_it_once(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        afname = open_wave(world)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        scan_services.remind(afname=afname, schools=afname.schools.all())
        scan_services.remind(afname=afname, schools=afname.schools.all())
    assert Counter(m.to[0] for m in mailoutbox) == Counter(TEACHERS)


def test_a_mail_server_that_is_down_is_tried_again_later(
    world, refusing_mail, later, mailoutbox, django_capture_on_commit_callbacks
):
    refusing_mail(down=True)
    with django_capture_on_commit_callbacks(execute=True):
        open_wave(world)
    assert mailoutbox == []
    refusing_mail(down=False)
    later(minutes=5)
    cron()
    assert Counter(m.to[0] for m in mailoutbox) == Counter(TEACHERS)
