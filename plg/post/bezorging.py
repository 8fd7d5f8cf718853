"""Delivery: claim one e-mail, send it, mark it sent; a failure is recorded, never fatal.

A claim is one UPDATE that only succeeds while the row is still free, so two workers never take
the same e-mail. A claim expires after ``LEASE``: a worker that died mid-way leaves at most the
e-mail in its hands, and that one is taken again after the lease (see ``docs/decisions.md``,
the crash window). Every other row it had not reached is still waiting and goes with the next run.
"""

from __future__ import annotations

import logging
import smtplib
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import DatabaseError
from django.db.models import F, Min, Q
from django.utils import timezone

from plg.core.db import outside_transaction
from plg.post import koppen
from plg.post.models import Bericht, Oorzaak, Status
from plg.post.services import SEND_ERRORS

logger = logging.getLogger(__name__)

LEASE = timedelta(seconds=getattr(settings, "POST_CLAIM_SECONDS", 600))
SMTP_TIMEOUT = 60  # seconds: one hand-over never outlives the lease
MARGIN = timedelta(seconds=5)
MAX_POGINGEN = 4


@dataclass
class Resultaat:
    verstuurd: int = 0
    uitgesteld: int = 0
    mislukt: int = 0


def wachttijd(pogingen: int) -> timedelta:
    """1, 4, 16 minutes between attempts."""
    return timedelta(minutes=4 ** max(pogingen - 1, 0))


def deliver() -> Resultaat:
    """Send every e-mail whose time has come; returns what happened."""
    resultaat = Resultaat()
    claim = uuid.uuid4().hex
    _give_up_dead_claims()
    verbinding: BaseEmailBackend | None = None
    eerste = True
    try:
        while (bericht := _claim_next(claim)) is not None:
            if eerste and _can_defer():
                _wake_at(timezone.now() + LEASE + MARGIN)
            eerste = False
            try:
                verbinding = verbinding or get_connection(timeout=SMTP_TIMEOUT)
                _hand_over(verbinding, bericht)
            except Exception as error:  # one bad mail must not stop the others
                if not isinstance(error, SEND_ERRORS):
                    logger.exception("E-mail %s failed on a fault of ours", bericht.pk)
                _close(verbinding)
                verbinding = None
                if _record_failure(bericht, claim, error):
                    resultaat.mislukt += 1
                else:
                    resultaat.uitgesteld += 1
            else:
                _mark_sent(bericht, claim)
                resultaat.verstuurd += 1
    finally:
        if verbinding is not None:
            verbinding.close()
    _wake_for_what_remains()
    return resultaat


@outside_transaction  # talking to a mail server is slow: never under the write lock
def _hand_over(verbinding: BaseEmailBackend, bericht: Bericht) -> None:
    """Hand the message to the mail server, under its own Message-ID every time."""
    message = koppen.email(
        aan=bericht.aan,
        onderwerp=bericht.onderwerp,
        tekst=bericht.tekst,
        message_id=bericht.message_id,
        bijlagen=bericht.bijlagen,
    )
    verbinding.open()
    if verbinding.send_messages([message]) != 1:
        raise smtplib.SMTPException("the mail backend did not accept the message")


def _due(nu: datetime) -> Q:
    return Q(status=Status.WACHT, volgende_poging__lte=nu) | Q(
        status=Status.BEZIG, geclaimd_op__lt=nu - LEASE, pogingen__lt=MAX_POGINGEN
    )


def _claim_next(claim: str) -> Bericht | None:
    """Claim the next e-mail that is due, or one whose claim expired; None when there is none."""
    while True:
        nu = timezone.now()
        klaar = Bericht.objects.filter(_due(nu))
        pk = klaar.order_by("volgende_poging", "pk").values_list("pk", flat=True).first()
        if pk is None:
            return None
        if klaar.filter(pk=pk).update(
            status=Status.BEZIG, claim=claim, geclaimd_op=nu, pogingen=F("pogingen") + 1
        ):
            return Bericht.objects.get(pk=pk)


def _give_up_dead_claims() -> None:
    """An e-mail whose worker died on every attempt is not tried forever."""
    Bericht.objects.filter(
        status=Status.BEZIG,
        geclaimd_op__lt=timezone.now() - LEASE,
        pogingen__gte=MAX_POGINGEN,
    ).update(
        status=Status.MISLUKT,
        claim="",
        laatste_fout="the worker stopped during every attempt",
        oorzaak=Oorzaak.ONDERBROKEN,
    )


def _mark_sent(bericht: Bericht, claim: str) -> None:
    """Sent: the text and attachments are not kept."""
    if not Bericht.objects.filter(pk=bericht.pk, claim=claim).update(
        status=Status.VERSTUURD,
        verstuurd_op=timezone.now(),
        claim="",
        laatste_fout="",
        tekst="",
        bijlagen=[],
    ):
        logger.warning("E-mail %s was sent after its claim had expired", bericht.pk)


def _record_failure(bericht: Bericht, claim: str, error: Exception) -> bool:
    """Record the failure; True when it is final, False when it will be tried again."""
    fout = f"{type(error).__name__}: {error}"[:500]
    finaal = _is_permanent(error) or bericht.pogingen >= MAX_POGINGEN
    # Still ours and not withdrawn meanwhile: a withdrawn mail stays withdrawn.
    Bericht.objects.filter(pk=bericht.pk, claim=claim, status=Status.BEZIG).update(
        status=Status.MISLUKT if finaal else Status.WACHT,
        volgende_poging=timezone.now() + wachttijd(bericht.pogingen),
        claim="",
        laatste_fout=fout,
        oorzaak=oorzaak(error),
    )
    # The error text stays on the row: it may name the address, and a scan reminder's
    # address says who had not answered yet.
    logger.warning(
        "E-mail %s failed (attempt %s): %s", bericht.pk, bericht.pogingen, type(error).__name__
    )
    return finaal


def oorzaak(error: Exception) -> Oorzaak:
    """The failure as its sender may read it: a category, never the server's text."""
    if isinstance(error, koppen.OngeldigBericht):
        return Oorzaak.ONGELDIG
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return Oorzaak.ADRES
    if isinstance(error, smtplib.SMTPConnectError | smtplib.SMTPServerDisconnected):
        return Oorzaak.ONBEREIKBAAR
    if isinstance(error, smtplib.SMTPResponseException):
        return Oorzaak.GEWEIGERD
    if isinstance(error, OSError) and not isinstance(error, smtplib.SMTPException):
        return Oorzaak.ONBEREIKBAAR  # refused, timed out, unknown host
    return Oorzaak.ANDERS


def _is_permanent(error: Exception) -> bool:
    """A refusal (5xx) or a message that cannot be built will not change by trying again."""
    if isinstance(error, koppen.OngeldigBericht):
        return True
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _text in error.recipients.values())
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500


def _close(verbinding: BaseEmailBackend | None) -> None:
    """After a failure the connection may be broken: the next e-mail opens a new one."""
    if verbinding is None:
        return
    try:
        verbinding.close()
    except SEND_ERRORS:
        logger.warning("Closing the mail connection failed", exc_info=True)


def _wake_at(moment: datetime) -> None:
    """Leave a wake-up call on the task queue. Before sending: if this worker dies, the next
    one finds what it left once its claim has expired, without anyone clicking."""
    from plg.post.tasks import deliver as deliver_task

    try:
        deliver_task.using(run_after=moment).enqueue()
    except DatabaseError:  # the queue is a table; a locked or lost database must not stop sending
        logger.warning("Could not queue the next delivery", exc_info=True)


def _can_defer() -> bool:
    from plg.post.tasks import deliver as deliver_task

    return bool(deliver_task.get_backend().supports_defer)


def _wake_for_what_remains() -> None:
    """A retry that waits, or a mail in another worker's hands, gets a delivery at its time."""
    if not _can_defer():
        return
    tijden = Bericht.objects.aggregate(
        wacht=Min("volgende_poging", filter=Q(status=Status.WACHT)),
        bezig=Min("geclaimd_op", filter=Q(status=Status.BEZIG)),
    )
    momenten = [
        *([tijden["wacht"]] if tijden["wacht"] else []),
        *([tijden["bezig"] + LEASE + MARGIN] if tijden["bezig"] else []),
    ]
    if momenten:
        _wake_at(max(min(momenten), timezone.now()))
