"""What `/health` reports: can the werkplaats reach its database and Redis, and does its worker
still take tasks. Each check says ok or not and why in a word; no address, error text or
setting leaves the process (the page is open to a load balancer)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

from plg.beheer.models import Hartslag
from plg.beheer.tasks import WERKER

OK = "ok"
NIET_INGESTELD = "niet ingesteld"


@dataclass(frozen=True)
class Check:
    naam: str
    toestand: str

    @property
    def ok(self) -> bool:
        return self.toestand in (OK, NIET_INGESTELD)


def database() -> Check:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return Check("database", "onbereikbaar")
    return Check("database", OK)


def redis() -> Check:
    if not settings.REDIS_URL:
        return Check("redis", NIET_INGESTELD)
    import redis as redis_client

    try:
        redis_client.Redis.from_url(settings.REDIS_URL, socket_timeout=1).ping()
    except (redis_client.RedisError, OSError):
        return Check("redis", "onbereikbaar")
    return Check("redis", OK)


def werker() -> Check:
    """Late after three missed beats: one slow task may delay a beat, three is a worker down."""
    try:
        laatst = Hartslag.objects.filter(naam=WERKER).values_list("laatst", flat=True).first()
    except DatabaseError:
        return Check("werker", "onbekend")
    if laatst is None:
        return Check("werker", "nooit gezien")
    if timezone.now() - laatst > timedelta(seconds=3 * settings.HARTSLAG_SECONDS):
        return Check("werker", "te laat")
    return Check("werker", OK)


def alle() -> list[Check]:
    return [database(), redis(), werker()]
