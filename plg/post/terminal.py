"""Mail on one's own machine: one short block per e-mail in the terminal, not its full source.

What a person trying the app needs is who got what, and the link in it (the invitation, the
scan, the visit) to open in the browser; the full message drowns everything else `make run` says.
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Sequence
from typing import Any

from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend

LINK = re.compile(r"https?://\S+")


def summary(message: EmailMessage) -> str:
    """To, subject, attachments by name, and every link of the body, one per line."""
    lines = [f"✉  {', '.join(message.to)} · {message.subject}"]
    names = [a[0] if isinstance(a, tuple) else a.get_filename() for a in message.attachments]
    if names:
        lines.append(f"   bijlagen: {', '.join(str(n) for n in names)}")
    lines += [f"   {link}" for link in dict.fromkeys(LINK.findall(str(message.body)))]
    return "\n".join(lines) + "\n"


class TerminalBackend(BaseEmailBackend):
    def __init__(self, *args: Any, stream: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.stream = stream or sys.stdout
        self._lock = threading.RLock()

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        with self._lock:
            for message in email_messages:
                self.stream.write(summary(message))
            self.stream.flush()
        return len(email_messages)
