"""The OpenID Connect code flow, from mozilla-django-oidc, for several school providers.

mozilla-django-oidc keeps state, nonce and PKCE in the session and checks the ID token's
signature against the provider's keys; here each provider's settings come from its discovery
document, and the ID token's issuer and audience are checked too. The return is handled
here rather than by ``auth.authenticate()``: a refused school account is not a wrong password,
so it must not count towards django-axes' lock-out of the e-mail login.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jwt
from django.conf import settings
from django.contrib import auth
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, resolve_url
from django.views.generic import View
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationRequestView
from requests import RequestException

from plg.accounts.models import User
from plg.accounts.school_accounts import (
    REFUSAL_KEY,
    Geweigerd,
    SchoolAccount,
    Weigering,
    known_person,
    school_accounts,
    verified_address,
)
from plg.accounts.views import remember_language

logger = logging.getLogger(__name__)
# Signed in through the school: later requests load the person as any other login does.
SESSION_BACKEND = "django.contrib.auth.backends.ModelBackend"


class SchoolAccountBackend(OIDCAuthenticationBackend):  # type: ignore[misc]  # no types shipped
    """Trades the code for tokens and finds the person; never creates one."""

    def __init__(self, account: SchoolAccount, endpoints: dict[str, Any]) -> None:
        self.account = account
        self.issuer = endpoints["issuer"]
        self.OIDC_OP_TOKEN_ENDPOINT = endpoints["token_endpoint"]
        self.OIDC_OP_USER_ENDPOINT = endpoints.get("userinfo_endpoint")
        self.OIDC_OP_JWKS_ENDPOINT = endpoints["jwks_uri"]
        self.OIDC_RP_CLIENT_ID = account.client_id
        self.OIDC_RP_CLIENT_SECRET = account.client_secret
        self.OIDC_RP_SIGN_ALGO = "RS256"
        self.OIDC_RP_IDP_SIGN_KEY = None
        self.UserModel = User

    def verify_token(self, token: str, **kwargs: Any) -> dict[str, Any]:
        """The library checks signature, expiry and nonce; the token must also be from this
        provider (issuer: for Entra ID the school's tenant) and meant for us (audience)."""
        payload: dict[str, Any] = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        for_us = self.OIDC_RP_CLIENT_ID in audiences and (
            len(audiences) == 1 or payload.get("azp") == self.OIDC_RP_CLIENT_ID
        )
        if payload.get("iss") != self.issuer or not for_us:
            raise SuspiciousOperation("ID token from another issuer or for another client")
        return payload

    def get_userinfo(
        self, access_token: str, id_token: str, payload: dict[str, Any]
    ) -> dict[str, Any]:
        """The signed ID token's claims: Entra ID puts ``xms_edov`` only there."""
        return payload

    def get_or_create_user(self, access_token: str, id_token: str, payload: dict[str, Any]) -> User:
        return known_person(verified_address(self.account, payload))


def _account(slug: str) -> SchoolAccount:
    account = school_accounts().get(slug)
    if account is None:
        raise Http404
    return account


def refuse(request: HttpRequest, reden: Weigering) -> HttpResponse:
    """Back to the login page, which says why; the e-mail login is right there."""
    request.session[REFUSAL_KEY] = reden.value
    return redirect("login")


class StartSchoolLogin(OIDCAuthenticationRequestView):  # type: ignore[misc]
    """A link on the login page (a GET, not a form: the page's CSP allows forms to post only
    to us, and a browser applies that to the redirect after a post too)."""

    def __init__(self, **kwargs: Any) -> None:
        View.__init__(self, **kwargs)

    def get(self, request: HttpRequest, account: str) -> HttpResponse:
        self.account = _account(account)
        try:
            endpoints = self.account.endpoints()
        except (RequestException, ValueError):
            logger.warning("school login: provider %s unreachable", self.account.slug)
            return refuse(request, Weigering.MISLUKT)
        self.OIDC_OP_AUTH_ENDPOINT = endpoints["authorization_endpoint"]
        self.OIDC_RP_CLIENT_ID = self.account.client_id
        response: HttpResponse = super().get(request)
        state = parse_qs(urlsplit(response["Location"]).query)["state"][0]
        request.session["oidc_states"][state]["account"] = self.account.slug
        request.session.modified = True
        return response

    def get_extra_params(self, request: HttpRequest) -> dict[str, str]:
        return self.account.extra_params


def school_login_return(request: HttpRequest) -> HttpResponse:
    """Where the provider sends the person back. A state is used once: a second visit with
    the same one (a replay, another browser) finds nothing and is refused."""
    states = request.session.get("oidc_states", {})
    flow = states.pop(request.GET.get("state", ""), None)
    request.session.modified = True
    if request.GET.get("error"):
        return refuse(request, Weigering.AFGEBROKEN)
    if flow is None or flow.get("account") not in school_accounts() or "code" not in request.GET:
        return refuse(request, Weigering.VERLOPEN)
    account = school_accounts()[flow["account"]]
    try:
        backend = SchoolAccountBackend(account, account.endpoints())
        user = backend.authenticate(
            request, nonce=flow["nonce"], code_verifier=flow.get("code_verifier")
        )
    except Geweigerd as refusal:
        return refuse(request, refusal.reden)
    except (SuspiciousOperation, RequestException, jwt.PyJWTError, KeyError, ValueError) as e:
        # The kind of failure only: a message may quote the provider's answer.
        logger.warning("school login via %s failed: %s", account.slug, type(e).__name__)
        return refuse(request, Weigering.MISLUKT)
    if user is None:
        return refuse(request, Weigering.MISLUKT)
    return _signed_in(request, user)


def _signed_in(request: HttpRequest, user: User) -> HttpResponse:
    next_url = request.session.pop("oidc_login_next", None)
    auth.login(request, user, backend=SESSION_BACKEND)
    response = HttpResponseRedirect(next_url or resolve_url(settings.LOGIN_REDIRECT_URL))
    remember_language(response, user)
    return response
