"""Nothing a person types reaches a mail header as more than one line."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import pytest
from django.core.mail import EmailMessage
from django.urls import URLPattern, URLResolver
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks

from conftest import World
from plg.communities import services as community_services
from plg.meetings.services import plan_and_announce_bijeenkomst
from plg.post import koppen
from plg.scans import services as scan_services
from plg.scans.models import Toegang

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as TestResponse

pytestmark = pytest.mark.django_db

EVIL = "A\r\nBcc: x@evil.example"


def assert_one_line_and_no_extra_recipient(message: EmailMessage, to: str) -> None:
    assert message.to == [to]
    assert message.bcc == [] and message.cc == []
    assert "\n" not in message.subject and "\r" not in message.subject
    assert "A Bcc: x@evil.example" in message.subject
    headers = message.message().as_string().split("\n\n", 1)[0]
    assert "\nBcc:" not in headers
    assert "x@evil.example" not in message.recipients()


def test_a_plg_name_with_a_line_break_cannot_add_a_header_to_the_invitation(
    world: World,
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    world.plg.name = EVIL
    world.plg.save()
    with django_capture_on_commit_callbacks(execute=True):
        community_services.invite(
            plg=world.plg, email=world.colleague.email, school=world.school, invited_by=world.coach
        )
    assert len(mailoutbox) == 1
    assert_one_line_and_no_extra_recipient(mailoutbox[0], world.colleague.email)


def test_a_wave_title_with_a_line_break_still_invites_everyone(
    world: World,
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        scan_services.open_afname(opened_by=world.leader, title=EVIL, schools=[world.school])
    assert len(mailoutbox) == 4
    for message in mailoutbox:
        assert_one_line_and_no_extra_recipient(message, message.to[0])


def test_a_plg_name_with_a_line_break_still_announces_the_bijeenkomst(
    world: World,
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    world.plg.name = EVIL
    world.plg.save()
    with django_capture_on_commit_callbacks(execute=True):
        plan_and_announce_bijeenkomst(
            plg=world.plg,
            starts_at=timezone.now() + timedelta(days=3),
            place="",
            duration_minutes=90,
        )
    assert sorted(m.to[0] for m in mailoutbox) == sorted([world.coach.email, world.member.email])
    for message in mailoutbox:
        assert_one_line_and_no_extra_recipient(message, message.to[0])


def test_the_resume_link_mail_survives_a_wave_title_with_a_line_break(
    world: World,
    ask_resume_link: Callable[[Toegang, str], TestResponse],
    mailoutbox: list[EmailMessage],
) -> None:
    afname = scan_services.open_afname(opened_by=world.leader, title=EVIL, schools=[world.school])
    response = ask_resume_link(afname.toegangen.get(email=world.member.email), "mij@thuis.example")
    assert response.status_code == 200
    assert len(mailoutbox) == 1
    assert_one_line_and_no_extra_recipient(mailoutbox[0], "mij@thuis.example")


@pytest.mark.parametrize(
    "breaker",
    ["\r\n", "\n", "\r", "\x00", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029", "\t"],
)
def test_no_line_break_or_control_character_survives_into_a_subject(breaker: str) -> None:
    message = koppen.email(
        aan="kato@regenboog.example",
        onderwerp=f"A{breaker}Bcc: x@evil.example",
        tekst="Hallo",
        message_id=f"<1{breaker}Bcc: x@evil.example@plg.invalid>",
        bijlagen=[{"naam": f"a{breaker}.ics", "inhoud": "x", "type": "text/calendar"}],
    )
    assert message.subject == "A Bcc: x@evil.example"
    headers = message.message().as_string().split("\n\n", 1)[0]
    assert not any(line.startswith("Bcc:") for line in headers.splitlines())
    assert message.recipients() == ["kato@regenboog.example"]


def test_an_address_with_a_line_break_is_refused_and_the_refusal_is_recorded(
    world: World,
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    from plg.post.models import Bericht, Soort, Status
    from plg.post.services import queue_berichten

    with django_capture_on_commit_callbacks(execute=True):
        queue_berichten(
            [
                Bericht(
                    sleutel="test",
                    soort=Soort.PLG_UITNODIGING,
                    over=world.plg,
                    door=world.coach,
                    aan="kato@regenboog.example\r\nBcc: x@evil.example",
                    onderwerp="Hallo",
                    tekst="Hallo",
                )
            ]
        )
    assert mailoutbox == []
    bericht = Bericht.objects.get()
    assert "\n" not in bericht.aan
    assert bericht.status == Status.MISLUKT and "invalid address" in bericht.laatste_fout


def test_no_code_outside_the_outbox_builds_or_sends_mail() -> None:
    """Every message is built by ``post.koppen.email``: a new ``send_mail`` elsewhere would
    bring back headers nobody normalised and mail nobody can see fail."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    direct = re.compile(
        r"(?<!def )\b(send_mail|send_mass_mail|mail_admins|mail_managers|EmailMessage|"
        r"EmailMultiAlternatives|get_connection)\b"
    )
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "tests" not in path.parts
        and path.parent.name != "post"
        and direct.search(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, f"send mail through plg.post instead: {offenders}"


def _views(patterns: Sequence[URLPattern | URLResolver]) -> list[Any]:
    """The class-based views of the URL conf: their ``as_view()`` functions carry the class."""
    found = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            found += _views(pattern.url_patterns)
        elif hasattr(pattern.callback, "view_class"):
            found.append(pattern.callback)
    return found


def test_djangos_own_mail_forms_send_through_the_outbox() -> None:
    """Django's password-reset form mails by itself (``send_mail``), past the one builder; every
    page that uses such a form must use ours, which hands the message to ``plg.post``."""
    from django.contrib.auth.forms import PasswordResetForm
    from django.urls import get_resolver

    forms = [
        view.view_initkwargs.get("form_class") or getattr(view.view_class, "form_class", None)
        for view in _views(get_resolver().url_patterns)
    ]
    mailing = [form for form in forms if form and issubclass(form, PasswordResetForm)]
    assert mailing, "the password-reset page was not found"
    for form in mailing:
        assert form.send_mail is not PasswordResetForm.send_mail, form
