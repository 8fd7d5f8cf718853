"""The mails of blitsbezoeken and co-teaching: to the right person, without any note."""

from __future__ import annotations

from datetime import timedelta

from django.core import mail
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks

from conftest import World
from plg.bezoeken import blits, coteaching, mails_samen
from plg.post import geldig
from plg.post.models import Bericht, Soort


def test_a_blitsbezoek_invitation_goes_to_the_visitor_without_what_to_look_at(
    world: World, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        blits.invite_blits(
            geobserveerde=world.member,
            bezoeker=world.colleague,
            school=world.school,
            begin=timezone.now() + timedelta(days=2),
            kijken_naar="Geheime kijkvraag",
        )
    assert [m.to for m in mail.outbox] == [[world.colleague.email]]
    assert "Geheime kijkvraag" not in mail.outbox[0].body
    assert "blitsbezoek" in mail.outbox[0].subject


def test_a_lesson_added_by_the_partner_is_mailed_to_the_owner_without_the_plan(
    world: World, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    reeks = coteaching.start_reeks(
        eigenaar=world.member, partner=world.colleague, school=world.school, titel="T", klas="1"
    )
    with django_capture_on_commit_callbacks(execute=True):
        coteaching.add_les(
            reeks=reeks,
            door=world.colleague,
            begin=timezone.now() + timedelta(days=2),
            minuten=50,
            plan="Geheim plan",
        )
    assert [m.to for m in mail.outbox] == [[world.member.email]]
    assert "Geheim plan" not in mail.outbox[0].body


def test_a_failed_invitation_goes_again_only_while_the_visit_is_ahead(world: World) -> None:
    bezoek = blits.invite_blits(
        geobserveerde=world.member,
        bezoeker=world.colleague,
        school=world.school,
        begin=timezone.now() + timedelta(days=2),
    )
    bericht = Bericht.objects.get(soort=Soort.SAMEN)
    assert mails_samen.may_send(world.member, [bericht]) == {bericht.pk}
    assert geldig.may_resend(world.colleague, [bericht]) == set()
    bezoek.ingetrokken = True
    bezoek.save()
    assert mails_samen.may_send(world.member, [bericht]) == set()
