"""Trying a failed mail again: odd input is refused calmly, and only a mail whose cause still
holds leaves, sent by someone who still has the right to send it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from django.core.mail import EmailMessage
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoCaptureOnCommitCallbacks

from conftest import World
from plg.meetings.models import Bijeenkomst
from plg.post.models import Bericht
from plg.post.tests.test_mail_state_shown_to_its_sender import (
    RetryForm,
    invite_colleague,
    retry_form,
)
from plg.scans.models import Afname

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as TestResponse

pytestmark = pytest.mark.django_db


@pytest.fixture
def failed_invitation(
    world: World,
    client: Client,
    refusing_mail: Callable[..., None],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> RetryForm:
    """The coach invited the colleague; the mail server refused it. Returns the retry form."""
    refusing_mail(refused={world.colleague.email})
    invite_colleague(client, world, django_capture_on_commit_callbacks)
    refusing_mail()
    return retry_form(client.get(reverse("plg_leden", args=[world.plg.pk])).content.decode())


@pytest.mark.parametrize("bericht", ["²", "٣", "9" * 5_000, "9" * 25, "-1"])
def test_an_odd_mail_number_finds_no_mail(
    client: Client, failed_invitation: RetryForm, bericht: str
) -> None:
    response = client.post(failed_invitation["path"], {"bericht": bericht})
    assert response.status_code == 404


@pytest.mark.parametrize(
    "nxt", ["plg_detail", "x", "home", "https://evil.example/", "//evil.example"]
)
def test_a_return_address_that_is_not_a_path_here_goes_home(
    client: Client, failed_invitation: RetryForm, nxt: str
) -> None:
    response = client.post(failed_invitation["path"], {**failed_invitation["data"], "next": nxt})
    assert response.status_code == 302
    assert response["Location"] == reverse("home")


def test_a_return_path_here_is_followed(
    world: World, client: Client, failed_invitation: RetryForm
) -> None:
    response = client.post(failed_invitation["path"], failed_invitation["data"])
    assert response["Location"] == reverse("plg_leden", args=[world.plg.pk])


# --- only while the cause holds, and only by someone who may still send it ---------------------


def _bericht(pk: str) -> Bericht:
    return Bericht.objects.get(pk=pk)


def _retry(
    client: Client, form: RetryForm, capture: DjangoCaptureOnCommitCallbacks
) -> TestResponse:
    with capture(execute=True):
        return client.post(form["path"], form["data"], follow=True)


def test_inviting_again_withdraws_the_earlier_invitations_failed_mail(
    world: World,
    client: Client,
    failed_invitation: RetryForm,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    from plg.post.models import Status

    invite_colleague(client, world, django_capture_on_commit_callbacks)
    first = _bericht(pk=failed_invitation["data"]["bericht"][0])
    assert first.status == Status.INGETROKKEN


def test_a_withdrawn_invitations_failed_mail_cannot_be_sent_again(
    world: World,
    client: Client,
    failed_invitation: RetryForm,
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    from plg.communities.models import Uitnodiging, UitnodigingStatus

    Uitnodiging.objects.update(status=UitnodigingStatus.INGETROKKEN)
    response = _retry(client, failed_invitation, django_capture_on_commit_callbacks)
    assert mailoutbox == []
    assert "kan niet meer vertrekken" in response.content.decode()


@pytest.mark.parametrize("ended", ["accepted", "expired", "archived"])
def test_an_invitation_that_ended_is_not_mailed_again(
    world: World,
    client: Client,
    failed_invitation: RetryForm,
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    ended: str,
) -> None:
    from django.utils import timezone

    from plg.communities.models import PLG, Fase, Uitnodiging, UitnodigingStatus

    if ended == "accepted":
        Uitnodiging.objects.update(status=UitnodigingStatus.AANVAARD)
    elif ended == "expired":
        Uitnodiging.objects.update(expires_at=timezone.now())
    else:
        PLG.objects.filter(pk=world.plg.pk).update(fase=Fase.AFGESLOTEN)
    _retry(client, failed_invitation, django_capture_on_commit_callbacks)
    assert mailoutbox == []


def test_a_coach_who_handed_over_the_role_cannot_resend_their_failed_invitation(
    world: World,
    client: Client,
    failed_invitation: RetryForm,
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    from plg.communities.models import Lidmaatschap, Rol

    Lidmaatschap.objects.filter(user=world.member).update(rol=Rol.PROCESCOACH)
    Lidmaatschap.objects.filter(user=world.coach).update(rol=Rol.LID)
    _retry(client, failed_invitation, django_capture_on_commit_callbacks)
    assert mailoutbox == []


def test_the_members_page_offers_no_retry_for_an_expired_invitation(
    world: World, client: Client, failed_invitation: RetryForm
) -> None:
    from django.utils import timezone

    from plg.communities.models import Uitnodiging

    Uitnodiging.objects.update(expires_at=timezone.now())
    html = client.get(reverse("plg_leden", args=[world.plg.pk])).content.decode()
    assert "post-opnieuw" not in html


@pytest.fixture
def failed_wave(
    world: World,
    client: Client,
    refusing_mail: Callable[..., None],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> tuple[Afname, RetryForm]:
    """A wave whose invitation to one teacher was refused; the leader (its opener) is signed in
    on the wave page. Returns the wave and the page's retry form."""
    from conftest import PASSWORD
    from plg.post.tests.test_resumable import TEACHERS, open_wave

    refusing_mail(refused={TEACHERS[3]})
    with django_capture_on_commit_callbacks(execute=True):
        afname = open_wave(world)
    refusing_mail()
    client.login(username=world.leader.email, password=PASSWORD)
    html = client.get(reverse("scan_afname", args=[afname.pk])).content.decode()
    return afname, retry_form(html)


def test_closing_a_wave_withdraws_its_failed_mails_and_the_retry_button(
    world: World,
    client: Client,
    failed_wave: tuple[Afname, RetryForm],
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    from plg.scans import services as scan_services

    afname, form = failed_wave
    mailoutbox.clear()
    scan_services.close_afname(afname=afname)
    html = client.get(reverse("scan_afname", args=[afname.pk])).content.decode()
    assert "post-opnieuw" not in html
    _retry(client, form, django_capture_on_commit_callbacks)
    assert mailoutbox == []


def test_a_closed_waves_failed_mail_is_not_sent_again_even_if_still_marked_failed(
    world: World,
    client: Client,
    failed_wave: tuple[Afname, RetryForm],
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    from django.utils import timezone

    from plg.scans.models import Afname

    afname, form = failed_wave
    mailoutbox.clear()
    Afname.objects.filter(pk=afname.pk).update(closed_at=timezone.now())
    _retry(client, form, django_capture_on_commit_callbacks)
    assert mailoutbox == []


def test_someone_who_no_longer_runs_the_school_cannot_resend_the_reminder_they_sent(
    world: World,
    client: Client,
    refusing_mail: Callable[..., None],
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    from conftest import PASSWORD
    from plg.organisations.models import Aanstelling, Functie
    from plg.scans import services as scan_services

    with django_capture_on_commit_callbacks(execute=True):
        afname = scan_services.open_afname(
            opened_by=world.advisor, title="Scan", schools=[world.school]
        )
    refusing_mail(refused={world.member.email})
    client.login(username=world.leader.email, password=PASSWORD)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("scan_herinneren", args=[afname.pk]))
    form = retry_form(client.get(reverse("scan_afname", args=[afname.pk])).content.decode())
    refusing_mail()
    mailoutbox.clear()
    Aanstelling.objects.filter(user=world.leader).update(functie=Functie.LERAAR)
    _retry(client, form, django_capture_on_commit_callbacks)
    assert mailoutbox == []


@pytest.fixture
def failed_bijeenkomst(
    world: World,
    client: Client,
    refusing_mail: Callable[..., None],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> tuple[Bijeenkomst, RetryForm]:
    from datetime import timedelta

    from django.utils import timezone

    from conftest import PASSWORD
    from plg.meetings.models import Bijeenkomst

    refusing_mail(refused={world.member.email})
    client.login(username=world.coach.email, password=PASSWORD)
    starts = timezone.localtime(timezone.now() + timedelta(days=7))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("bijeenkomst_nieuw", args=[world.plg.pk]),
            {"starts_at": f"{starts:%Y-%m-%dT%H:%M}", "place": "Zaal", "duration_minutes": 90},
        )
    refusing_mail()
    bijeenkomst = Bijeenkomst.objects.get()
    html = client.get(reverse("bijeenkomst_detail", args=[bijeenkomst.pk])).content.decode()
    return bijeenkomst, retry_form(html)


@pytest.mark.parametrize("change", ["passed", "moved", "removed"])
def test_a_bijeenkomst_invitation_is_not_sent_again_once_the_bijeenkomst_passed_moved_or_went(
    world: World,
    client: Client,
    failed_bijeenkomst: tuple[Bijeenkomst, RetryForm],
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    change: str,
) -> None:
    from datetime import timedelta

    from plg.meetings.models import Bijeenkomst

    bijeenkomst, form = failed_bijeenkomst
    mailoutbox.clear()
    rows = Bijeenkomst.objects.filter(pk=bijeenkomst.pk)
    if change == "passed":
        rows.update(starts_at=bijeenkomst.starts_at - timedelta(days=8))
    elif change == "moved":
        rows.update(starts_at=bijeenkomst.starts_at + timedelta(days=1))
    else:
        rows.delete()
    _retry(client, form, django_capture_on_commit_callbacks)
    assert mailoutbox == []


def test_a_bijeenkomst_invitation_still_ahead_is_sent_again(
    world: World,
    client: Client,
    failed_bijeenkomst: tuple[Bijeenkomst, RetryForm],
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    _bijeenkomst, form = failed_bijeenkomst
    mailoutbox.clear()
    _retry(client, form, django_capture_on_commit_callbacks)
    assert [m.to for m in mailoutbox] == [[world.member.email]]


def test_every_kind_of_mail_says_whether_it_may_still_go() -> None:
    """A new kind of mail without its app's check would never be sent again: deny by default,
    and this test names the kind so nobody is surprised."""
    from plg.post import geldig
    from plg.post.models import Soort

    assert geldig.zonder_controle() == []
    assert set(Soort.values) <= set(geldig.CONTROLES)


def test_the_outbox_imports_none_of_the_apps_that_write_mail() -> None:
    """post is infrastructure below communities, scans, planning and meetings: they tell it
    what may still go, it never asks them by name."""
    import re
    from pathlib import Path

    post = Path(__file__).resolve().parents[1]
    domain = re.compile(
        r"^\s*(from|import) plg\.(communities|scans|planning|meetings|live)\b", re.M
    )
    offenders = [p.name for p in post.glob("*.py") if domain.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
