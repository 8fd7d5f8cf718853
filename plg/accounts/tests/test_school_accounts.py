"""Signing in with the school's account (OpenID Connect) against a real provider on 127.0.0.1.

The provider (``provider`` fixture) stands in for the school's Entra ID unless a test sets it
up as Google Workspace.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.core.exceptions import SuspiciousOperation
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.accounts.oidc import SchoolAccountBackend
from plg.accounts.school_accounts import SchoolAccount
from plg.accounts.tests.factories import UserFactory
from plg.accounts.tests.school_provider import CLIENT_ID, Provider, back, start
from plg.core.logs import redact
from plg.core.loopback import free_port


def _refusal(client: Client) -> str:
    """The login page the person lands on, as text."""
    return client.get(reverse("login")).content.decode()


def _signed_in(client: Client) -> str | None:
    return client.session.get("_auth_user_id")


def test_known_person_with_verified_address_is_signed_in(
    client: Client, world: World, provider: Provider
) -> None:
    provider.person("m1", email="Member@Regenboog.example", email_verified=True)
    response = back(client, provider.authorize(start(client), "m1"))
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert _signed_in(client) == str(world.member.pk)


def test_signing_in_returns_to_the_page_asked_for(
    client: Client, world: World, provider: Provider
) -> None:
    provider.person("m1", email=world.member.email, email_verified=True)
    response = back(client, provider.authorize(start(client, next_url="/plg/"), "m1"))
    assert response["Location"] == "/plg/"


def test_unknown_address_is_refused_and_no_account_is_made(
    client: Client, world: World, provider: Provider
) -> None:
    provider.person("x", email="nieuw@regenboog.example", email_verified=True)
    response = back(client, provider.authorize(start(client), "x"))
    assert response["Location"] == reverse("login")
    assert "Dit e-mailadres kennen we hier nog niet" in _refusal(client)
    assert _signed_in(client) is None
    assert not User.objects.filter(email="nieuw@regenboog.example").exists()


def test_unverified_address_is_refused(client: Client, world: World, provider: Provider) -> None:
    provider.person("m1", email=world.member.email, email_verified=False)
    back(client, provider.authorize(start(client), "m1"))
    assert "geen bevestigd e-mailadres" in _refusal(client)
    assert _signed_in(client) is None


def test_entra_address_counts_when_its_domain_is_verified_by_the_tenant(
    client: Client, world: World, provider: Provider
) -> None:
    provider.person("m1", email=world.member.email, xms_edov=True)
    back(client, provider.authorize(start(client), "m1"))
    assert _signed_in(client) == str(world.member.pk)


def test_entra_address_without_verified_domain_is_refused(
    client: Client, world: World, provider: Provider
) -> None:
    provider.person("m1", email=world.member.email, xms_edov=False)
    back(client, provider.authorize(start(client), "m1"))
    assert "geen bevestigd e-mailadres" in _refusal(client)


def test_google_account_of_the_schools_domain_is_signed_in(
    client: Client, world: World, provider: Provider, settings: Any
) -> None:
    settings.SCHOOL_ACCOUNTS = {"google": provider.config(domains=["regenboog.example"])}
    provider.person("g1", email=world.member.email, email_verified=True, hd="regenboog.example")
    back(client, provider.authorize(start(client, "google"), "g1"))
    assert _signed_in(client) == str(world.member.pk)


def test_google_account_outside_the_schools_domain_is_refused(
    client: Client, world: World, provider: Provider, settings: Any
) -> None:
    """A private Gmail account with the same address, say, is not the school's."""
    settings.SCHOOL_ACCOUNTS = {"google": provider.config(domains=["regenboog.example"])}
    provider.person("g1", email=world.member.email, email_verified=True)
    back(client, provider.authorize(start(client, "google"), "g1"))
    assert "geen bevestigd e-mailadres" in _refusal(client)
    assert _signed_in(client) is None


def test_switched_off_account_is_refused(client: Client, world: World, provider: Provider) -> None:
    User.objects.filter(pk=world.member.pk).update(is_active=False)
    provider.person("m1", email=world.member.email, email_verified=True)
    back(client, provider.authorize(start(client), "m1"))
    assert "kennen we hier nog niet" in _refusal(client)


def test_return_with_another_state_is_refused(
    client: Client, world: World, provider: Provider
) -> None:
    provider.person("m1", email=world.member.email, email_verified=True)
    redirect = provider.authorize(start(client), "m1")
    back(client, redirect.replace("state=", "state=ander"))
    assert "verlopen of werd al gebruikt" in _refusal(client)
    assert _signed_in(client) is None


def test_return_replayed_in_another_browser_is_refused(
    client: Client, world: World, provider: Provider
) -> None:
    provider.person("m1", email=world.member.email, email_verified=True)
    redirect = provider.authorize(start(client), "m1")
    back(client, redirect)
    other = Client()
    back(other, redirect)
    assert "verlopen of werd al gebruikt" in _refusal(other)
    assert _signed_in(other) is None


def test_return_used_twice_in_one_browser_is_refused(
    client: Client, world: World, provider: Provider
) -> None:
    provider.person("m1", email=world.member.email, email_verified=True)
    redirect = provider.authorize(start(client), "m1")
    back(client, redirect)
    client.post(reverse("logout"))
    back(client, redirect)
    assert "verlopen of werd al gebruikt" in _refusal(client)
    assert _signed_in(client) is None


def test_id_token_of_another_issuer_is_refused(
    client: Client, world: World, provider: Provider
) -> None:
    provider.person("m1", email=world.member.email, email_verified=True)
    location = start(client)
    key = f"oidc-discovery:{provider.url}"
    cache.set(key, {**cache.get(key), "issuer": "https://login.elders.example"})
    back(client, provider.authorize(location, "m1"))
    assert "lukte niet" in _refusal(client)
    assert _signed_in(client) is None


def test_denied_at_the_provider_says_so(client: Client, world: World, provider: Provider) -> None:
    import requests

    response = requests.post(
        start(client), data={"action": "deny"}, allow_redirects=False, timeout=5
    )
    back(client, response.headers["Location"])
    assert "werd afgebroken" in _refusal(client)


def test_unreachable_provider_is_a_clear_refusal(
    client: Client, world: World, settings: Any
) -> None:
    settings.SCHOOL_ACCOUNTS = {
        "microsoft": {"issuer": f"http://127.0.0.1:{free_port()}", "client_id": "plg"}
    }
    response = client.get(reverse("school_aanmelden", args=["microsoft"]))
    assert response["Location"] == reverse("login")
    assert "lukte niet" in _refusal(client)


def test_refused_school_logins_do_not_lock_the_email_login(
    client: Client, world: World, provider: Provider
) -> None:
    provider.person("x", email="nieuw@regenboog.example", email_verified=True)
    for _ in range(6):
        back(client, provider.authorize(start(client), "x"))
    response = client.post(reverse("login"), {"username": world.member.email, "password": PASSWORD})
    assert response["Location"] == reverse("home")


def test_login_page_shows_a_button_per_configured_provider(
    client: Client, provider: Provider, settings: Any
) -> None:
    settings.SCHOOL_ACCOUNTS = {"microsoft": provider.config(), "google": provider.config()}
    page = client.get(reverse("login")).content.decode()
    assert "Aanmelden met je Microsoft-schoolaccount" in page
    assert "Aanmelden met je Google-schoolaccount" in page


def test_without_providers_the_login_page_has_no_button(client: Client, settings: Any) -> None:
    settings.SCHOOL_ACCOUNTS = {}
    assert "schoolaccount" not in client.get(reverse("login")).content.decode()


def test_a_provider_not_set_up_is_not_found(client: Client, settings: Any) -> None:
    settings.SCHOOL_ACCOUNTS = {}
    assert client.get(reverse("school_aanmelden", args=["google"])).status_code == 404


def test_refusal_is_said_once(client: Client, world: World, provider: Provider) -> None:
    provider.person("x", email="nieuw@regenboog.example", email_verified=True)
    back(client, provider.authorize(start(client), "x"))
    _refusal(client)
    assert "kennen we hier nog niet" not in _refusal(client)


def test_the_code_of_a_school_sign_in_never_reaches_a_log_line() -> None:
    line = '"GET /aanmelden/school/terug/?code=abc123&state=xyz HTTP/1.1" 302'
    assert "abc123" not in redact(line) and "xyz" not in redact(line)


def test_odd_return_parameters_sign_nobody_in(client: Client, world: World) -> None:
    for query in ("state=%00", "code=' OR 1=1&state=x", "error=<script>", "state=" + "x" * 5000):
        response = client.get(f"/aanmelden/school/terug/?{query}")
        assert response.status_code in {302, 400}
        assert _signed_in(client) is None


def test_entra_needs_the_schools_own_tenant(monkeypatch: pytest.MonkeyPatch) -> None:
    """With ``common`` any Microsoft account in the world would pass the issuer check."""
    from plg.settings.base import school_accounts

    monkeypatch.setenv("ENTRA_CLIENT_ID", "plg")
    monkeypatch.setenv("ENTRA_TENANT_ID", "common")
    with pytest.raises(ValueError, match="ENTRA_TENANT_ID"):
        school_accounts()


def test_providers_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from plg.settings.base import school_accounts

    monkeypatch.setenv("ENTRA_CLIENT_ID", "plg")
    monkeypatch.setenv("ENTRA_TENANT_ID", "0a1b2c3d-school")
    monkeypatch.setenv("GOOGLE_CLIENT_ID", "plg.apps.googleusercontent.com")
    monkeypatch.setenv("GOOGLE_DOMAINS", "regenboog.be,sintjozef.be")
    found = school_accounts()
    assert found["microsoft"]["issuer"] == "https://login.microsoftonline.com/0a1b2c3d-school/v2.0"
    assert found["google"]["domains"] == ["regenboog.be", "sintjozef.be"]


def _queries_to_sign_in(client: Client, provider: Provider, email: str) -> int:
    provider.person("q", email=email, email_verified=True)
    redirect = provider.authorize(start(client), "q")
    with CaptureQueriesContext(connection) as queries:
        back(client, redirect)
    assert _signed_in(client) is not None
    return len(queries)


def test_signing_in_does_not_grow_with_the_staff(world: World, provider: Provider) -> None:
    few = _queries_to_sign_in(Client(), provider, world.member.email)
    UserFactory.create_batch(40)
    assert _queries_to_sign_in(Client(), provider, world.colleague.email) == few


@pytest.mark.parametrize(
    "claims",
    [
        {"aud": "een-andere-app"},
        {"aud": ["een-andere-app", CLIENT_ID], "azp": "een-andere-app"},
        {"aud": CLIENT_ID, "iss": "https://login.elders.example"},
    ],
)
def test_id_token_meant_for_another_client_is_refused(
    monkeypatch: pytest.MonkeyPatch, claims: dict[str, Any]
) -> None:
    """The library checks the signature and nonce; audience and issuer are checked on top."""
    token = {"iss": "https://idp.example", **claims}
    monkeypatch.setattr(OIDCAuthenticationBackend, "verify_token", lambda self, t, **k: token)
    account = SchoolAccount(
        slug="microsoft", issuer="https://idp.example", client_id=CLIENT_ID, client_secret=""
    )
    endpoints = {"issuer": "https://idp.example", "token_endpoint": "", "jwks_uri": ""}
    with pytest.raises(SuspiciousOperation):
        SchoolAccountBackend(account, endpoints).verify_token("token")
