"""Putting e-mail in the outbox, trying a failed one again, and the one mail that is never stored."""

from __future__ import annotations

import logging
import smtplib
import threading
from collections.abc import Iterable
from email.utils import make_msgid, parseaddr

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import connection, transaction
from django.db.models import Model, QuerySet
from django.utils import timezone

from plg.core.db import outside_transaction
from plg.post import geldig, koppen
from plg.post.models import Bericht, Status

logger = logging.getLogger(__name__)
AFTER_RESPONSE = "post-na-antwoord"


def queue_berichten(berichten: Iterable[Bericht]) -> int:
    """Store each e-mail in the caller's transaction; returns how many are new.

    A row whose ``sleutel`` is already stored is skipped, so a step that runs twice sends once.
    Delivery starts when the transaction commits (rolled back: nothing was ever queued).
    """
    nu = timezone.now()
    nieuw = {b.sleutel: b for b in berichten}
    for bestaand in Bericht.objects.filter(sleutel__in=nieuw).values_list("sleutel", flat=True):
        del nieuw[bestaand]
    for bericht in nieuw.values():
        bericht.aan = koppen.enkele_regel(bericht.aan, max_length=254)
        bericht.onderwerp = koppen.enkele_regel(bericht.onderwerp)
        bericht.message_id = make_msgid(domain=_domein())
        bericht.aangemaakt_op = bericht.volgende_poging = nu
    if nieuw:
        Bericht.objects.bulk_create(nieuw.values(), ignore_conflicts=True)
        transaction.on_commit(deliver_later, robust=True)
    return len(nieuw)


@transaction.atomic
def retry_berichten(
    berichten: QuerySet[Bericht], *, door: AbstractBaseUser | AnonymousUser
) -> tuple[int, int]:
    """Failed e-mails get a fresh set of attempts, starting now, when their cause still holds
    and ``door`` may still send them (asked of the app that wrote them, ``geldig``); returns
    how many go again and how many may not."""
    mislukt = list(berichten.filter(status=Status.MISLUKT).select_for_update())
    mag = geldig.may_resend(door, mislukt)
    count = Bericht.objects.filter(pk__in=mag, status=Status.MISLUKT).update(
        status=Status.WACHT,
        pogingen=0,
        volgende_poging=timezone.now(),
        laatste_fout="",
        oorzaak="",
    )
    if count:
        transaction.on_commit(deliver_later, robust=True)
    return count, len(mislukt) - count


def withdraw_berichten(over: QuerySet[Model]) -> int:
    """E-mails about these objects that have not left will not leave (an invitation withdrawn,
    a wave closed): those waiting, those that failed (nobody can send them again), and one in
    a worker's hands (if handing it over fails, or the worker dies, it is not taken again).
    Their text and attachments, which hold the link the mail was for, are not kept."""
    return (
        Bericht.objects.over(over)
        .filter(status__in=[Status.WACHT, Status.BEZIG, Status.MISLUKT])
        .update(status=Status.INGETROKKEN, tekst="", bijlagen=[])
    )


def onderweg_over(over: QuerySet[Model]) -> set[int]:
    """Which of these objects have an e-mail that has not left yet."""
    return set(Bericht.objects.over(over).onderweg().values_list("over_id", flat=True))


# What sending raises when a mail cannot leave: the server's refusals, a network that fails or
# times out, a message that cannot be built. Anything else is a fault of ours and should raise.
SEND_ERRORS: tuple[type[Exception], ...] = (smtplib.SMTPException, OSError, koppen.OngeldigBericht)


@outside_transaction
def send_now(*, aan: str, onderwerp: str, tekst: str) -> None:
    """Send during the request, never stored: only for a mail whose text must not be kept
    anywhere (the scan's resume link, decision 20). Built like every other message."""
    koppen.email(aan=aan, onderwerp=onderwerp, tekst=tekst).send()


def deliver_later() -> None:
    from plg.post.tasks import deliver

    deliver.enqueue()


def _domein() -> str:
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "plg.invalid"


def send_beside_response(*, aan: str, onderwerp: str, tekst: str, waarom: str) -> None:
    """Send a never-stored mail beside the request instead of in it: the page answers without
    waiting for the mail server, so how long it takes tells nobody whether a mail left (the
    password reset answers alike for an address with and without an account). A failure is
    logged with ``waarom`` and the kind of error, never the address."""

    def send() -> None:
        try:
            send_now(aan=aan, onderwerp=onderwerp, tekst=tekst)
        except SEND_ERRORS as error:
            logger.warning("%s could not be sent (%s)", waarom, type(error).__name__)
        except Exception:
            if not settings.MAIL_BESIDE_RESPONSE:
                raise
            # A fault of ours in a thread of its own, where nobody else would hear of it.
            logger.exception("%s failed on a fault of ours", waarom)
        finally:
            if settings.MAIL_BESIDE_RESPONSE:
                connection.close()  # the thread's own connection, if it opened one

    if settings.MAIL_BESIDE_RESPONSE:
        threading.Thread(target=send, name=AFTER_RESPONSE, daemon=True).start()
    else:
        send()
