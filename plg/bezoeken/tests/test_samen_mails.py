"""Blitsbezoeken and co-taught lessons are invited like every visit: one mail with a calendar
file to the right person, without any note, the same answer and the same reminders."""

from __future__ import annotations

from datetime import timedelta

from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks

from conftest import World
from plg.bezoeken import coteaching, services, tasks
from plg.bezoeken.models import Klasbezoek, Soort, Status
from plg.post import geldig
from plg.post.models import Bericht
from plg.post.models import Soort as PostSoort
from plg.post.models import Status as PostStatus


def _blits(world: World, **kwargs: object) -> Klasbezoek:
    begin = timezone.now() + timedelta(days=2)
    return services.invite_bezoeker(
        soort=Soort.BLITS,
        geobserveerde=world.member,
        bezoeker=world.colleague,
        school=world.school,
        begin=begin,
        einde=begin + timedelta(minutes=15),
        **kwargs,  # type: ignore[arg-type]
    )


def test_a_blitsbezoek_invitation_goes_to_the_visitor_without_what_to_look_at(
    world: World, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        _blits(world, kijken_naar="Geheime kijkvraag")
    assert [m.to for m in mail.outbox] == [[world.colleague.email]]
    assert "Geheime kijkvraag" not in mail.outbox[0].body
    assert "blitsbezoek" in mail.outbox[0].subject


def test_a_blitsbezoek_invitation_carries_a_calendar_file(
    world: World, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        bezoek = _blits(world)
    names = [name for name, _content, _type in mail.outbox[0].attachments]
    assert names == ["klasbezoek.ics"]
    assert reverse("blits_detail", args=[bezoek.pk]) in mail.outbox[0].body


def test_the_visitor_accepts_a_blitsbezoek_like_a_visit_and_is_reminded(
    world: World, client: Client
) -> None:
    bezoek = _blits(world)
    client.force_login(world.colleague)
    response = client.post(reverse("bezoek_antwoord", args=[bezoek.pk]), {"antwoord": "ja"})
    assert response["Location"] == reverse("blits_detail", args=[bezoek.pk])
    bezoek.refresh_from_db()
    assert bezoek.status == Status.AANVAARD
    Klasbezoek.objects.filter(pk=bezoek.pk).update(begin=timezone.now() + timedelta(hours=3))
    bezoek.refresh_from_db()
    assert tasks.send_bezoek_herinnering.call(bezoek.pk, bezoek.begin.isoformat())


def test_the_blitsbezoek_page_asks_the_visitor_whether_they_come(
    world: World, client: Client
) -> None:
    bezoek = _blits(world)
    client.force_login(world.colleague)
    page = client.get(reverse("blits_detail", args=[bezoek.pk])).content.decode()
    assert reverse("bezoek_antwoord", args=[bezoek.pk]) in page


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
    assert [name for name, _c, _t in mail.outbox[0].attachments] == ["klasbezoek.ics"]


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_a_co_taught_lesson_is_reminded_like_an_accepted_visit(
    world: World, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    from django_tasks_db.models import DBTaskResult

    reeks = coteaching.start_reeks(
        eigenaar=world.member, partner=world.colleague, school=world.school, titel="T", klas="1"
    )
    with django_capture_on_commit_callbacks(execute=True):
        les = coteaching.add_les(
            reeks=reeks, door=world.member, begin=timezone.now() + timedelta(days=3), minuten=50
        )
    runs = DBTaskResult.objects.filter(task_path__endswith="send_bezoek_herinnering")
    assert list(runs.values_list("run_after", flat=True)) == [les.begin - timedelta(days=1)]


def test_a_failed_invitation_goes_again_only_while_the_visit_is_ahead(world: World) -> None:
    bezoek = _blits(world)
    bericht = Bericht.objects.get(soort=PostSoort.KLASBEZOEK)
    assert geldig.may_resend(world.member, [bericht]) == {bericht.pk}
    assert geldig.may_resend(world.colleague, [bericht]) == set()
    bezoek.ingetrokken = True
    bezoek.save()
    assert geldig.may_resend(world.member, [bericht]) == set()


def _co_les(world: World, *, door_partner: bool = False) -> Klasbezoek:
    reeks = coteaching.start_reeks(
        eigenaar=world.member, partner=world.colleague, school=world.school, titel="T", klas="1"
    )
    return coteaching.add_les(
        reeks=reeks,
        door=world.colleague if door_partner else world.member,
        begin=timezone.now() + timedelta(days=2),
        minuten=50,
    )


def test_stopping_a_series_keeps_unsent_mails_of_lessons_ahead_home(world: World) -> None:
    les = _co_les(world)
    assert les.reeks is not None
    coteaching.stop_reeks(reeks=les.reeks)
    statuses = set(Bericht.objects.filter(over_id=les.pk).values_list("status", flat=True))
    assert statuses == {PostStatus.INGETROKKEN}


def test_stopping_a_series_takes_lessons_ahead_out_of_the_partners_calendar(
    world: World,
) -> None:
    les = _co_les(world)
    assert les.reeks is not None
    Bericht.objects.filter(soort=PostSoort.KLASBEZOEK).update(status=PostStatus.VERSTUURD)
    coteaching.stop_reeks(reeks=les.reeks)
    af = Bericht.objects.get(soort=PostSoort.KLASBEZOEK_AF)
    assert af.aan == world.colleague.email
    assert "METHOD:CANCEL" in af.bijlagen[0]["inhoud"]


def test_a_cancelled_lesson_the_partner_added_leaves_the_owners_calendar(world: World) -> None:
    les = _co_les(world, door_partner=True)
    Bericht.objects.filter(soort=PostSoort.KLASBEZOEK).update(status=PostStatus.VERSTUURD)
    services.cancel_bezoek(bezoek=les)
    af = Bericht.objects.get(soort=PostSoort.KLASBEZOEK_AF)
    assert af.aan == world.member.email


def test_stopping_a_series_leaves_lessons_that_took_place_as_they_were(world: World) -> None:
    les = _co_les(world)
    assert les.reeks is not None
    Klasbezoek.objects.filter(pk=les.pk).update(
        begin=timezone.now() - timedelta(days=1), status=Status.AANVAARD
    )
    coteaching.stop_reeks(reeks=les.reeks)
    les.refresh_from_db()
    assert (les.status, les.ingetrokken) == (Status.AANVAARD, True)
