"""Moving a bijeenkomst: the members hear the new time, and nothing about the old one leaves."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD
from plg.meetings.models import Bijeenkomst
from plg.meetings.services import plan_and_announce_bijeenkomst, plan_bijeenkomst
from plg.planning.models import Vervangbeurt
from plg.post.models import Bericht, Status


def _announced(world: Any, capture: Any) -> Bijeenkomst:
    soon = timezone.localtime() + timedelta(days=10)
    with capture(execute=False):  # the invitations wait in the outbox
        return plan_and_announce_bijeenkomst(
            plg=world.plg,
            starts_at=soon.replace(hour=15, minute=0),
            place="Zaal",
            duration_minutes=100,
            door=world.coach,
        )


def _move(client: Any, world: Any, bijeenkomst: Bijeenkomst, hours: int = 2) -> Any:
    client.login(username=world.coach.email, password=PASSWORD)
    new = timezone.localtime(bijeenkomst.starts_at) + timedelta(hours=hours)
    return client.post(
        reverse("bijeenkomst_edit", args=[bijeenkomst.pk]),
        {
            "starts_at": f"{new:%Y-%m-%dT%H:%M}",
            "place": bijeenkomst.place,
            "duration_minutes": bijeenkomst.duration_minutes,
            "doelen": "",
            "version": bijeenkomst.version,
        },
    )


def test_moving_withdraws_the_invitations_for_the_old_time_that_had_not_left(
    client: Any, world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    bijeenkomst = _announced(world, django_capture_on_commit_callbacks)
    old = set(Bericht.objects.values_list("pk", flat=True))
    with django_capture_on_commit_callbacks(execute=False):
        assert _move(client, world, bijeenkomst).status_code == 302
    assert set(Bericht.objects.filter(pk__in=old).values_list("status", flat=True)) == {
        Status.INGETROKKEN
    }


def test_moving_an_announced_bijeenkomst_invites_the_members_for_the_new_time(
    client: Any, world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    bijeenkomst = _announced(world, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=False):
        _move(client, world, bijeenkomst)
    new = timezone.localtime(Bijeenkomst.objects.get(pk=bijeenkomst.pk).starts_at)
    waiting = Bericht.objects.filter(status=Status.WACHT)
    assert sorted(waiting.values_list("aan", flat=True)) == sorted(
        world.plg.lidmaatschappen.values_list("user__email", flat=True)
    )
    assert all(f"{new:%d/%m/%Y %H:%M}" in b.onderwerp for b in waiting)


def test_moving_a_bijeenkomst_nobody_was_told_of_mails_nobody(
    client: Any, world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    bijeenkomst = plan_bijeenkomst(
        plg=world.plg,
        starts_at=timezone.now() + timedelta(days=10),
        place="Zaal",
        duration_minutes=100,
    )
    with django_capture_on_commit_callbacks(execute=False):
        assert _move(client, world, bijeenkomst).status_code == 302
    assert not Bericht.objects.exists()


def test_a_bijeenkomst_colleagues_cover_for_keeps_its_time_and_says_why(
    client: Any, world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    bijeenkomst = _announced(world, django_capture_on_commit_callbacks)
    Vervangbeurt.objects.create(
        bijeenkomst=bijeenkomst,
        school=world.school,
        afwezige=world.member,
        vervanger=world.colleague,
        datum=bijeenkomst.starts_at.date(),
        lesuur=1,
        begin=bijeenkomst.starts_at,
        einde=bijeenkomst.starts_at + timedelta(minutes=50),
        groep="3A",
    )
    response = _move(client, world, bijeenkomst)
    assert response.status_code == 200
    assert "Collega&#x27;s vangen klassen op" in response.content.decode()
    assert Bijeenkomst.objects.get(pk=bijeenkomst.pk).starts_at == bijeenkomst.starts_at
