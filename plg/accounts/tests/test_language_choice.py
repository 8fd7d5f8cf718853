"""Pages are Dutch unless English is chosen in the menu, whatever the browser asks for."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse


def test_pages_are_dutch_by_default(client: Client, db: None) -> None:
    html = client.get(reverse("login")).content.decode()
    assert 'lang="nl-be"' in html


def test_browser_language_does_not_override_dutch(client: Client, db: None) -> None:
    html = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Aanmelden" in html


def test_english_when_chosen_in_the_menu(client: Client, db: None) -> None:
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("login")).content.decode()
    assert 'lang="en"' in html and "Log in" in html
