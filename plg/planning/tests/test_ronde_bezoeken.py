"""A round's visits are real visits: invited through ``bezoeken``, in everyone's calendar, and
a cancelled one takes its cover along."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.mail import EmailMessage
from django.test import override_settings
from django.utils import timezone
from pytest_django.fixtures import DjangoCaptureOnCommitCallbacks

from plg.bezoeken import services as bezoeken
from plg.bezoeken.models import Bezoekronde, Klasbezoek, RondeStatus
from plg.planning.models import Vervangbeurt
from plg.planning.rondes import services
from plg.planning.tests.test_bezoekrondes import berekend, nieuwe_ronde
from plg.post import geldig
from plg.post.models import Bericht, Soort


def test_applying_a_round_sends_both_their_invitation_with_a_calendar_file(
    rooster: Any,
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    ronde = berekend(rooster, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.apply_bezoekronde(ronde=ronde, door=rooster.leader)
    uitnodigingen = [m for m in mailoutbox if m.attachments]
    assert sorted(m.to[0] for m in uitnodigingen) == sorted(
        [
            rooster.member.email,
            rooster.member.email,
            rooster.colleague.email,
            rooster.colleague.email,
        ]
    )
    assert all(m.attachments[0][0] == "klasbezoek.ics" for m in uitnodigingen)
    assert all(ronde.titel in m.body for m in uitnodigingen)
    assert not Bericht.objects.filter(door=rooster.leader, soort=Soort.KLASBEZOEK).exists()


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_applying_a_round_queues_the_reminders_of_an_accepted_visit(
    rooster: Any, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    from django_tasks_db.models import DBTaskResult

    ronde = berekend(rooster, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        bezoeken_ = services.apply_bezoekronde(ronde=ronde, door=rooster.leader)
    runs = DBTaskResult.objects.filter(task_path__endswith="send_bezoek_herinnering")
    assert sorted(runs.values_list("run_after", flat=True)) == sorted(
        b.begin - timedelta(days=1) for b in bezoeken_
    )


def _bezoek_met_dekking(rooster: Any) -> tuple[Bezoekronde, Klasbezoek]:
    begin = timezone.now() + timedelta(days=3)
    ronde = nieuwe_ronde(rooster, status=RondeStatus.TOEGEPAST)
    bezoek = Klasbezoek.objects.create(
        ronde=ronde,
        school=rooster.school,
        geobserveerde=rooster.colleague,
        bezoeker=rooster.member,
        begin=begin,
        einde=begin + timedelta(minutes=50),
        klas="4B",
    )
    Vervangbeurt.objects.create(
        bezoek=bezoek,
        school=rooster.school,
        afwezige=rooster.member,
        vervanger=rooster.coach,
        datum=begin.date(),
        lesuur=2,
        begin=begin,
        einde=begin + timedelta(minutes=50),
        groep="3A",
    )
    return ronde, bezoek


def test_a_cancelled_visit_withdraws_its_cover_and_tells_the_substitute(
    rooster: Any,
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    _ronde, bezoek = _bezoek_met_dekking(rooster)
    with django_capture_on_commit_callbacks(execute=True):
        bezoeken.cancel_bezoek(bezoek=bezoek)
    assert not Vervangbeurt.objects.exists()
    assert [m.to for m in mailoutbox] == [[rooster.coach.email]]
    assert "niet door" in mailoutbox[0].subject
    assert "3A" in mailoutbox[0].body
    assert rooster.colleague.display_name not in mailoutbox[0].body


def test_a_failed_cover_mail_of_a_round_goes_again_by_its_organiser_only(rooster: Any) -> None:
    ronde, bezoek = _bezoek_met_dekking(rooster)
    beurten = list(Vervangbeurt.objects.filter(bezoek=bezoek))
    from plg.planning import mails
    from plg.post.services import queue_berichten

    queue_berichten(mails.bezoek_vervangingen(ronde, {rooster.coach.pk: beurten}, door=None))
    bericht = Bericht.objects.get(soort=Soort.VERVANGING)
    assert geldig.may_resend(rooster.leader, [bericht]) == {bericht.pk}
    assert geldig.may_resend(rooster.member, [bericht]) == set()
    gisteren = timezone.localdate() - timedelta(days=1)
    Bezoekronde.objects.filter(pk=ronde.pk).update(van=gisteren, tot=gisteren)
    assert geldig.may_resend(rooster.leader, [bericht]) == set()
