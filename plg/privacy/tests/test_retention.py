"""Archived PLG's and closed scan waves are removed after the retention period, and their
people hear it weeks ahead: nothing goes without that notice."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import override_settings
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks

from conftest import World
from plg.communities.models import PLG, Afronding, Bijlage, Fase
from plg.post.models import Bericht, Soort
from plg.privacy.models import Aankondiging, Raadpleging
from plg.privacy.retention import houd_bewaartermijn, jaren_terug
from plg.privacy.tasks import bewaartermijn
from plg.scans import services as scans
from plg.scans.models import Afname

pytestmark = pytest.mark.django_db

NU = timezone.make_aware(datetime(2031, 3, 1, 3, 0))


def _archive(world: World, years_ago: float) -> PLG:
    world.plg.fase = Fase.AFGESLOTEN
    world.plg.closed_at = NU - timedelta(days=365.25 * years_ago)
    world.plg.save()
    return world.plg


def _wave(world: World, years_ago: float) -> Afname:
    afname = scans.open_afname(opened_by=world.leader, title="Scan 2025", schools=[world.school])
    afname.closed_at = NU - timedelta(days=365.25 * years_ago)
    afname.save()
    return afname


def _notices() -> set[str]:
    return set(Bericht.objects.filter(soort=Soort.BEWAARTERMIJN).values_list("aan", flat=True))


def test_an_archived_plg_past_its_term_is_first_announced(world: World) -> None:
    plg = _archive(world, 6)
    houd_bewaartermijn(NU)
    assert PLG.objects.filter(pk=plg.pk).exists()
    assert Aankondiging.objects.filter(plg=plg).exists()


def test_the_notice_reaches_the_members_and_the_leader(world: World) -> None:
    _archive(world, 6)
    houd_bewaartermijn(NU)
    assert _notices() == {world.coach.email, world.member.email, world.leader.email}


def test_the_notice_goes_once(world: World) -> None:
    _archive(world, 6)
    houd_bewaartermijn(NU)
    houd_bewaartermijn(NU + timedelta(days=1))
    assert Bericht.objects.filter(soort=Soort.BEWAARTERMIJN).count() == 3


def test_the_plg_goes_once_the_weeks_of_notice_have_passed(world: World) -> None:
    plg = _archive(world, 6)
    houd_bewaartermijn(NU)
    houd_bewaartermijn(NU + timedelta(weeks=6))
    assert not PLG.objects.filter(pk=plg.pk).exists()


def test_the_plg_stays_during_the_weeks_of_notice(world: World) -> None:
    plg = _archive(world, 6)
    houd_bewaartermijn(NU)
    houd_bewaartermijn(NU + timedelta(weeks=5))
    assert PLG.objects.filter(pk=plg.pk).exists()


def test_a_plg_within_its_term_is_left_alone(world: World) -> None:
    _archive(world, 3)
    assert houd_bewaartermijn(NU).aangekondigd == 0


def test_a_plg_nearing_its_term_is_announced_weeks_ahead(world: World) -> None:
    _archive(world, 5 - 4 / 52)
    assert houd_bewaartermijn(NU).aangekondigd == 1


def test_a_running_plg_is_never_removed(world: World) -> None:
    world.plg.closed_at = NU - timedelta(days=3650)
    world.plg.save()
    houd_bewaartermijn(NU)
    houd_bewaartermijn(NU + timedelta(weeks=7))
    assert PLG.objects.filter(pk=world.plg.pk).exists()


@override_settings(PRIVACY_BEWAARTERMIJN_JAREN=2)
def test_the_term_is_a_setting(world: World) -> None:
    _archive(world, 3)
    assert houd_bewaartermijn(NU).aangekondigd == 1


def test_a_closed_wave_past_its_term_goes_after_its_notice(world: World) -> None:
    afname = _wave(world, 6)
    houd_bewaartermijn(NU)
    assert world.leader.email in _notices()
    houd_bewaartermijn(NU + timedelta(weeks=6))
    assert not Afname.objects.filter(pk=afname.pk).exists()


def test_an_open_wave_stays(world: World) -> None:
    afname = _wave(world, 6)
    afname.closed_at = None
    afname.save()
    houd_bewaartermijn(NU)
    assert houd_bewaartermijn(NU + timedelta(weeks=7)).gewist == 0


def test_the_access_log_goes_after_the_term(world: World) -> None:
    Raadpleging.objects.create(wie=world.leader, wat="traject", wanneer=NU - timedelta(days=2200))
    houd_bewaartermijn(NU)
    assert not Raadpleging.objects.exists()


def test_the_daily_task_runs_a_pass(world: World) -> None:
    _archive(world, 30)
    bewaartermijn.enqueue()
    assert Aankondiging.objects.count() == 1


def test_years_back_from_a_leap_day() -> None:
    day = timezone.make_aware(datetime(2028, 2, 29, 12, 0))
    assert jaren_terug(day, 1).date().isoformat() == "2027-02-28"


def test_every_demo_plg_and_wave_can_be_removed() -> None:
    """Nothing that points at a PLG or a wave keeps it from going (the demo has them all)."""
    from plg.pages.management.commands.seed_demo import build_demo

    build_demo()
    PLG.objects.update(fase=Fase.AFGESLOTEN, closed_at=NU - timedelta(days=4000))
    Afname.objects.update(closed_at=NU - timedelta(days=4000))
    houd_bewaartermijn(NU)
    houd_bewaartermijn(NU + timedelta(weeks=6))
    assert (PLG.objects.count(), Afname.objects.count()) == (0, 0)


def test_the_attachments_of_a_removed_plg_leave_the_storage(
    world: World, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    plg = _archive(world, 6)
    afronding = Afronding.objects.create(plg=plg, author=world.coach, voorstel="Ons voorstel")
    bijlage = Bijlage.objects.create(afronding=afronding, name="voorstel.pdf")
    bijlage.file.save("voorstel.pdf", ContentFile(b"%PDF-1.4"))
    name = bijlage.file.name
    houd_bewaartermijn(NU)
    with django_capture_on_commit_callbacks(execute=True):
        houd_bewaartermijn(NU + timedelta(weeks=6))
    assert not default_storage.exists(name)
