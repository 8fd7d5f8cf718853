from __future__ import annotations

import re

from django.core import mail
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, World


def test_login_with_email_address(client: Client, world: World) -> None:
    response = client.post(
        reverse("login"), {"username": "COACH@regenboog.example", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("home")


def test_wrong_password_says_so_in_dutch(client: Client, world: World) -> None:
    response = client.post(reverse("login"), {"username": world.coach.email, "password": "fout"})
    assert "horen niet bij elkaar" in response.content.decode() and response.status_code == 200


def test_logout_needs_post(client: Client, world: World) -> None:
    client.login(username=world.coach.email, password=PASSWORD)
    client.post(reverse("logout"))
    assert client.get(reverse("home")).status_code == 302


def test_password_reset_by_email(client: Client, world: World) -> None:
    client.post(reverse("password_reset"), {"email": world.member.email})
    assert len(mail.outbox) == 1
    link = re.search(r"/wachtwoord/nieuw/\S+/\S+/", str(mail.outbox[0].body))
    assert link
    response = client.get(link.group(0), follow=True)
    form_url = response.redirect_chain[-1][0]
    client.post(
        form_url, {"new_password1": "nieuw-wachtwoord-77", "new_password2": "nieuw-wachtwoord-77"}
    )
    assert client.login(username=world.member.email, password="nieuw-wachtwoord-77")


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


def test_stylesheet_is_found_by_static_files() -> None:
    from django.contrib.staticfiles import finders

    assert finders.find("css/plg.css")
