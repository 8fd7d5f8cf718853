"""Signing in with the school's account: which providers are set up, and whose address counts.

An account from Entra ID or Google Workspace signs in as a person the school already knows,
found by an e-mail address the provider vouches for; nobody is created on the fly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import requests
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from plg.accounts.models import User

# The provider's endpoints change rarely; one look an hour is plenty.
DISCOVERY_SECONDS = 60 * 60
LABELS = {"microsoft": "Microsoft", "google": "Google"}
# The login page reads (and forgets) why the last school sign-in was refused.
REFUSAL_KEY = "schoolaccount_geweigerd"


class Weigering(StrEnum):
    """Why a school account did not sign anyone in; the login page says it in words."""

    ONBEKEND = "onbekend"
    NIET_BEVESTIGD = "niet_bevestigd"
    VERLOPEN = "verlopen"
    AFGEBROKEN = "afgebroken"
    MISLUKT = "mislukt"

    @property
    def message(self) -> str | Promise:
        return MESSAGES[self]


MESSAGES: dict[Weigering, str | Promise] = {
    Weigering.ONBEKEND: _(
        "Dit e-mailadres kennen we hier nog niet. Je school zet haar personeel in de "
        "PLG-werkplaats; vraag je schoolleider of procescoach om je toe te voegen."
    ),
    Weigering.NIET_BEVESTIGD: _(
        "Je schoolaccount gaf geen bevestigd e-mailadres van je school door, dus we kunnen je "
        "niet aanmelden. Meld je aan met je e-mailadres en wachtwoord, of vraag de ICT-"
        "coördinator van je school om hulp."
    ),
    Weigering.VERLOPEN: _(
        "Die aanmelding met je schoolaccount is verlopen of werd al gebruikt. Probeer het opnieuw."
    ),
    Weigering.AFGEBROKEN: _("Het aanmelden met je schoolaccount werd afgebroken."),
    Weigering.MISLUKT: _(
        "Het aanmelden met je schoolaccount lukte niet. Probeer het straks opnieuw, of meld je "
        "aan met je e-mailadres en wachtwoord."
    ),
}


class Geweigerd(Exception):
    """A school account that signs nobody in, and why."""

    def __init__(self, reden: Weigering) -> None:
        super().__init__(reden.value)
        self.reden = reden


@dataclass(frozen=True)
class SchoolAccount:
    """One provider from ``settings.SCHOOL_ACCOUNTS``: ``slug`` is ``microsoft`` or ``google``."""

    slug: str
    issuer: str
    client_id: str
    client_secret: str
    domains: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return LABELS.get(self.slug, self.slug)

    @property
    def extra_params(self) -> dict[str, str]:
        """Let a person pick the right account; Google is told the school's domain."""
        params = {"prompt": "select_account"}
        if self.slug == "google" and len(self.domains) == 1:
            params["hd"] = self.domains[0]
        return params

    def endpoints(self) -> dict[str, Any]:
        """The provider's discovery document (endpoints, keys, the exact issuer)."""
        key = f"oidc-discovery:{self.issuer}"
        found = cache.get(key)
        if found is None:
            url = f"{self.issuer.rstrip('/')}/.well-known/openid-configuration"
            response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
            response.raise_for_status()
            found = response.json()
            cache.set(key, found, DISCOVERY_SECONDS)
        return dict(found)


def school_accounts() -> dict[str, SchoolAccount]:
    return {
        slug: SchoolAccount(
            slug=slug,
            issuer=config["issuer"],
            client_id=config["client_id"],
            client_secret=config.get("client_secret", ""),
            domains=[d.lower() for d in config.get("domains", [])],
        )
        for slug, config in settings.SCHOOL_ACCOUNTS.items()
    }


def _true(value: object) -> bool:
    return value is True or str(value).lower() in {"true", "1"}


def verified_address(account: SchoolAccount, claims: dict[str, Any]) -> str:
    """The address the provider vouches for, or a refusal.

    Google: ``email_verified``, and with ``domains`` set the account's Workspace domain
    (``hd``) must be one of them, so a private Gmail address does not count. Entra ID mostly
    sends no ``email_verified``, and its ``email`` is whatever an administrator typed (a
    guest's is someone else's): it counts with the optional claim ``xms_edov`` (the address's
    domain is verified by the tenant), the token being from the school's own tenant, as the
    issuer check made sure.
    """
    address = str(claims.get("email") or "").strip().lower()
    vouched = _true(claims.get("email_verified"))
    if account.slug == "microsoft":
        vouched = vouched or _true(claims.get("xms_edov"))
    if account.domains and str(claims.get("hd", "")).lower() not in account.domains:
        vouched = False
    if not address or not vouched:
        raise Geweigerd(Weigering.NIET_BEVESTIGD)
    return address


def known_person(address: str) -> User:
    """Staff the school imported; an unknown or switched-off address is refused."""
    user = User.objects.filter(email__iexact=address, is_active=True).first()
    if user is None:
        raise Geweigerd(Weigering.ONBEKEND)
    return user


def login_page_context(request: HttpRequest) -> dict[str, Any]:
    """The school-account buttons, and why the last try was refused (said once)."""
    code = request.session.pop(REFUSAL_KEY, None) if hasattr(request, "session") else None
    reden = Weigering(code) if code in set(Weigering) else None
    return {
        "school_accounts": list(school_accounts().values()),
        "weigering": reden.message if reden else None,
    }
