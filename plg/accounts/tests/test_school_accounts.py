"""Signing in with the school's account (OpenID Connect) against a real provider on 127.0.0.1."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from conftest import World
from plg.accounts.tests.school_provider import Provider, back, provider, start

__all__ = ["provider"]


def test_known_person_with_verified_address_is_signed_in(
    client: Client, world: World, provider: Provider
) -> None:
    provider.person("m1", email="Member@Regenboog.example", email_verified=True)
    response = back(client, provider.authorize(start(client), "m1"))
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert client.session["_auth_user_id"] == str(world.member.pk)
