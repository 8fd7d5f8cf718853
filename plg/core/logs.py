"""Log records never carry a bearer link.

An invitation, a guest link, a calendar feed, a scan link and a password-reset link are keys
in the URL: whoever reads a log line with one can use it (and a scan link must never be tied
to a person); the return from a school's sign-in carries a one-time code in its query. Every
record that passes through our handlers has the secret part of such a path replaced.
"""

from __future__ import annotations

import logging
import re

BEARER_PATHS = re.compile(
    r"(/(?:uitnodiging|gast|agenda|scan|wachtwoord/nieuw)/|/aanmelden/school/terug/\?)[^\s\"'?#]+"
)
MASK = r"\1[…]"


def redact(text: str) -> str:
    return BEARER_PATHS.sub(MASK, text)


class RedactBearerLinks(logging.Filter):
    """Formats the message once, masked, so no handler sees the original arguments."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = redact(message)
        if masked != message:
            record.msg, record.args = masked, None
        if hasattr(record, "request"):
            record.request = None
        return True
