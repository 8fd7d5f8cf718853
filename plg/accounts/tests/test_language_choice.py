"""Pages are Dutch unless English is chosen in the menu, whatever the browser asks for."""

from __future__ import annotations

from django.conf import settings
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, World
from plg.accounts.models import User


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


def test_choosing_english_in_the_menu_is_kept_with_my_account(client: Client, world: World) -> None:
    client.login(username=world.member.email, password=PASSWORD)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    world.member.refresh_from_db()
    assert world.member.language == "en"


def test_a_language_the_product_does_not_speak_is_not_kept(client: Client, world: World) -> None:
    client.login(username=world.member.email, password=PASSWORD)
    client.post(reverse("set_language"), {"language": "xx", "next": "/"})
    world.member.refresh_from_db()
    assert world.member.language == ""


def test_signing_in_on_another_device_brings_back_my_language(client: Client, world: World) -> None:
    User.objects.filter(pk=world.member.pk).update(language="en")
    client.post(reverse("login"), {"username": world.member.email, "password": PASSWORD})
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert 'lang="en"' in client.get(reverse("home")).content.decode()


def test_signing_in_without_a_choice_keeps_the_menus_language(client: Client, world: World) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.post(reverse("login"), {"username": world.member.email, "password": PASSWORD})
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
