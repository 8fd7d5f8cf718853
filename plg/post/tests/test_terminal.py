"""`make run` shows each e-mail as who, what and its links, not its full source."""

from __future__ import annotations

import io

from django.core.mail import EmailMessage

from plg.post.terminal import TerminalBackend


def _sent(message: EmailMessage) -> str:
    stream = io.StringIO()
    TerminalBackend(stream=stream).send_messages([message])
    return stream.getvalue()


def _invitation() -> EmailMessage:
    message = EmailMessage(
        subject="Uitnodiging voor de PLG",
        body="Hallo,\n\nEen lange uitleg.\nOpen http://127.0.0.1:8101/uitnodiging/abc/ nu.\n",
        to=["gert@regenboog.example"],
    )
    message.attach("klasbezoek.ics", "BEGIN:VCALENDAR", "text/calendar")
    return message


def test_the_terminal_shows_who_gets_what() -> None:
    assert "gert@regenboog.example · Uitnodiging voor de PLG" in _sent(_invitation())


def test_the_terminal_shows_the_link_to_open_on_a_line_of_its_own() -> None:
    assert "\n   http://127.0.0.1:8101/uitnodiging/abc/\n" in _sent(_invitation())


def test_the_terminal_leaves_out_the_body_and_names_attachments() -> None:
    shown = _sent(_invitation())
    assert "lange uitleg" not in shown
    assert "klasbezoek.ics" in shown and "VCALENDAR" not in shown
