"""A real OpenID Connect provider (oidc-provider-mock) on 127.0.0.1, and a person's way
through it: the tests sign in against it as Entra ID or Google would be signed in against."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import requests
from django.test import Client

CLIENT_ID = "plg-werkplaats"


@dataclass(frozen=True)
class Provider:
    url: str

    def config(self, **extra: Any) -> dict[str, Any]:
        """This provider as one entry of ``settings.SCHOOL_ACCOUNTS``."""
        return {"issuer": self.url, "client_id": CLIENT_ID, "client_secret": "geheim", **extra}

    def person(self, sub: str, **claims: Any) -> None:
        """What the provider will say about this account (its ID token's claims)."""
        response = requests.put(f"{self.url}/users/{sub}", json=claims, timeout=5)
        response.raise_for_status()

    def authorize(self, location: str, sub: str) -> str:
        """The person signs in at the provider; its redirect back to us (with code, state)."""
        response = requests.post(location, data={"sub": sub}, allow_redirects=False, timeout=5)
        assert response.status_code == 302, response.text[:300]
        return str(response.headers["Location"])


def start(client: Client, account: str = "microsoft", next_url: str = "") -> str:
    """Click the button on the login page: where it sends the browser (the provider)."""
    query = f"?next={next_url}" if next_url else ""
    response = client.get(f"/aanmelden/school/{account}/{query}")
    assert response.status_code == 302
    return str(response["Location"])


def back(client: Client, redirect: str) -> Any:
    """Follow the provider's redirect back to us, as the browser would."""
    path = redirect.split("://", 1)[1].split("/", 1)[1]
    return client.get(f"/{path}")
