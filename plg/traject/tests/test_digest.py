"""The advisor's monthly digest: once a month per traject, to the advisor only, no teacher named."""

from __future__ import annotations

from datetime import date

from django.core.mail import EmailMessage

from conftest import World
from plg.organisations.models import Aanstelling
from plg.post import geldig
from plg.post.models import Bericht, Soort, Status
from plg.traject import services
from plg.traject.tasks import send_due_digests, send_trajectdigest
from plg.traject.tests.factories import traject_of

MAAND = date(2026, 3, 10)


def test_the_digest_goes_to_the_advisor_once_a_month(
    world: World, mailoutbox: list[EmailMessage]
) -> None:
    traject_of(world)
    assert send_due_digests(MAAND) == 1
    assert send_due_digests(MAAND) == 0
    assert [m.to for m in mailoutbox] == [[world.advisor.email]]


def test_next_month_brings_a_new_digest(world: World) -> None:
    traject_of(world)
    send_due_digests(MAAND)
    assert send_due_digests(date(2026, 4, 2)) == 1


def test_the_digest_names_the_schools_and_no_teacher(
    world: World, mailoutbox: list[EmailMessage]
) -> None:
    traject = traject_of(world)
    services.add_mijlpaal(traject=traject, titel="Elke school kiest een leervraag", datum=MAAND)
    send_due_digests(MAAND)
    body = str(mailoutbox[0].body)
    assert "De Regenboog" in body and world.plg.name in body
    assert "Elke school kiest een leervraag" in body
    for person in (world.coach, world.member):
        assert person.first_name not in body


def test_no_digest_once_the_advisor_no_longer_supports_the_network(world: World) -> None:
    traject_of(world)
    Aanstelling.objects.filter(user=world.advisor).delete()
    assert send_due_digests(MAAND) == 0


def test_no_digest_after_the_two_years(world: World) -> None:
    traject_of(world)
    assert send_due_digests(date(2028, 12, 1)) == 0


def test_the_monthly_task_queues_its_month(world: World) -> None:
    traject = traject_of(world)
    assert send_trajectdigest.call(traject.pk, "2026-03-01")
    assert Bericht.objects.get().sleutel == f"traject-digest:{traject.pk}:2026-03"


def test_a_failed_digest_may_go_again_only_by_its_advisor(world: World) -> None:
    traject_of(world)
    send_due_digests(MAAND)
    bericht = Bericht.objects.get(soort=Soort.TRAJECT_DIGEST)
    bericht.status = Status.MISLUKT
    bericht.save()
    assert geldig.may_resend(world.advisor, [bericht]) == {bericht.pk}
    assert geldig.may_resend(world.other_advisor, [bericht]) == set()
