"""What reaches a mail header is one line. Every message is built here (``email``), so no caller
can put a line break, and with it a header of its own, into a subject or an address."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email

# Whitespace (line breaks included: \n \r \v \f \x1c-\x1f \x85 \u2028 \u2029) and control characters.
_BREAKS = re.compile(r"[\s\x00-\x1f\x7f-\x9f]+")
MAX_SUBJECT = 300


class OngeldigBericht(ValueError):
    """A message that can never be sent as it is: trying again would not help."""


def enkele_regel(value: object, *, max_length: int = MAX_SUBJECT) -> str:
    """Line breaks and control characters collapse to one space; too long ends in '…'."""
    line = _BREAKS.sub(" ", str(value)).strip()
    return line if len(line) <= max_length else line[: max_length - 1] + "…"


def adres(value: object) -> str:
    address = enkele_regel(value, max_length=254)
    try:
        validate_email(address)
    except ValidationError as error:
        raise OngeldigBericht(f"invalid address {address!r}") from error
    return address


def email(
    *,
    aan: str,
    onderwerp: str,
    tekst: str,
    message_id: str = "",
    bijlagen: Iterable[Mapping[str, str]] = (),
) -> EmailMessage:
    headers = {"Message-ID": enkele_regel(message_id)} if message_id else {}
    message = EmailMessage(
        subject=enkele_regel(onderwerp),
        body=tekst,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[adres(aan)],
        headers=headers,
    )
    for bijlage in bijlagen:
        message.attach(
            enkele_regel(bijlage["naam"]), bijlage["inhoud"], enkele_regel(bijlage["type"])
        )
    return message
