"""A small limit on requests that send e-mail (password reset, "mail me my link").

Django's cache API, counted per fixed window: `cache.add` starts a window, `cache.incr` counts
atomically. With `REDIS_URL` set the cache is Redis, shared by every process; without it each
process counts on its own (one process in `make run`). Keys are hashed with the secret key, so
the cache never holds an e-mail address or an IP address in the clear.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

MAILS_PER_ADDRESS = 3
MAILS_PER_IP = 10
MAIL_WINDOW = timedelta(hours=1)
TOO_MANY_MAILS = _(
    "Er zijn het voorbije uur al enkele e-mails met een link vertrokken. Kijk in je mailbox "
    "(ook bij de ongewenste mail) of probeer het over een uur opnieuw."
)


def client_ip(request: HttpRequest) -> str:
    """The visitor's address: REMOTE_ADDR, or behind `PROXY_COUNT` proxies of our own the address
    the outermost of them saw (the entries before it in X-Forwarded-For are the client's word)."""
    count = settings.PROXY_COUNT
    header: str = request.META.get("HTTP_X_FORWARDED_FOR", "")
    forwarded = [part.strip() for part in header.split(",")]
    if count and len(forwarded) >= count and forwarded[-count]:
        return forwarded[-count]
    return str(request.META.get("REMOTE_ADDR", ""))


def allow(scope: str, who: str, *, limit: int, per: timedelta) -> bool:
    """Count one more request of `who` for `scope`; False once more than `limit` came in the
    current window of `per`."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"{scope}:{who.lower()}".encode(), hashlib.sha256
    ).hexdigest()
    key = f"throttle:{scope}:{digest}"
    seconds = int(per.total_seconds())
    cache.add(key, 0, seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # the window ran out between add and incr
        cache.set(key, 1, seconds)
        count = 1
    return count <= limit


def may_mail(request: HttpRequest, scope: str, address: str) -> bool:
    """A form that mails a link to a typed address: a few per address and per place an hour."""
    per_ip = allow(f"{scope}-ip", client_ip(request), limit=MAILS_PER_IP, per=MAIL_WINDOW)
    per_address = allow(f"{scope}-adres", address, limit=MAILS_PER_ADDRESS, per=MAIL_WINDOW)
    return per_ip and per_address
