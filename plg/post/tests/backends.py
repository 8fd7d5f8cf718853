"""Mail backends that misbehave the way real ones do: a worker dies, a server refuses."""

from __future__ import annotations

import smtplib
import threading
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from django.core.mail import EmailMessage
from django.core.mail.backends.locmem import EmailBackend


class WorkerDied(BaseException):
    """What the process sees of a kill: nothing after this line runs."""


class DiesAfter(EmailBackend):
    """Accepts ``sends`` messages, then the worker dies: while handing over the next one, or
    (``after_accepting``) right after the server accepted it, or (``dies_on_close``) when the
    connection closes after the last one."""

    sends: ClassVar[int] = 0
    after_accepting: ClassVar[bool] = False
    dies_on_close: ClassVar[bool] = False
    meanwhile: ClassVar[Callable[[], Any] | None] = None

    def send_messages(self, messages: Sequence[EmailMessage]) -> int:
        if DiesAfter.meanwhile is not None:
            meanwhile, DiesAfter.meanwhile = DiesAfter.meanwhile, None
            meanwhile()
        if DiesAfter.sends <= 0 and not DiesAfter.dies_on_close:
            if DiesAfter.after_accepting:
                super().send_messages(messages)
            raise WorkerDied
        DiesAfter.sends -= len(messages)
        return super().send_messages(messages)

    def close(self) -> None:
        if DiesAfter.dies_on_close:
            raise WorkerDied


class Refuses(EmailBackend):
    """Refuses the addresses in ``refused`` for good (550), or is unreachable when ``down``."""

    refused: ClassVar[set[str]] = set()
    down: ClassVar[bool] = False
    meanwhile: ClassVar[Callable[[], Any] | None] = None

    def send_messages(self, messages: Sequence[EmailMessage]) -> int:
        if Refuses.meanwhile is not None:
            meanwhile, Refuses.meanwhile = Refuses.meanwhile, None
            meanwhile()
        if Refuses.down:
            raise ConnectionRefusedError("mailserver onbereikbaar")
        for message in messages:
            bad = {a: (550, b"5.1.1 unknown user") for a in message.to if a in Refuses.refused}
            if bad:
                raise smtplib.SMTPRecipientsRefused(bad)  # type: ignore[arg-type]
        return super().send_messages(messages)


class Waits(EmailBackend):
    """A slow mail server: accepts a message only once the test ``opens`` it."""

    open: ClassVar[threading.Event] = threading.Event()

    def send_messages(self, messages: Sequence[EmailMessage]) -> int:
        Waits.open.wait(timeout=30)
        return super().send_messages(messages)


def reset(**changes: Any) -> None:
    DiesAfter.sends = changes.get("sends", 0)
    DiesAfter.after_accepting = changes.get("after_accepting", False)
    DiesAfter.dies_on_close = changes.get("dies_on_close", False)
    DiesAfter.meanwhile = changes.get("meanwhile")
    Refuses.refused = set(changes.get("refused", ()))
    Refuses.down = changes.get("down", False)
    Refuses.meanwhile = changes.get("refuses_meanwhile")
    Waits.open = threading.Event()


class ToFileThenKilled(EmailBackend):
    """For a real worker process: each message is a line in the file ``MAIL_LOG``; with
    ``KILL_AFTER=n`` the process is killed (SIGKILL, no clean-up) while handing over message n+1."""

    def send_messages(self, messages: Sequence[EmailMessage]) -> int:
        import os
        import signal
        from pathlib import Path

        log = Path(os.environ["MAIL_LOG"])
        for message in messages:
            sent = len(log.read_text().splitlines()) if log.exists() else 0
            if sent >= int(os.environ.get("KILL_AFTER", "1000000")):
                os.kill(os.getpid(), signal.SIGKILL)
            with log.open("a") as file:
                file.write(f"{message.to[0]} {message.extra_headers['Message-ID']}\n")
        return len(messages)
