"""'Mail me my link' cannot be used to flood mailboxes."""

from __future__ import annotations

import re

from django.core import mail
from django.test import Client
from django.urls import reverse

from plg.scans import services
from plg.scans.models import Afname


def resume_form_url(client: Client, poster_token: str) -> str:
    """Answer one question (there is something to come back to), then find the action of the
    answering page's 'mail me the link' form, however its URL is built."""
    html = client.get(reverse("scan_start", args=[poster_token]), follow=True).content.decode()
    save = re.search(r'hx-post="([^"]+)"', html)
    radio = re.search(r'type="radio" name="([^"]+)" value="([^"]+)"', html)
    assert save and radio
    client.post(save.group(1), {radio.group(1): radio.group(2)})
    html = client.get(reverse("scan_start", args=[poster_token]), follow=True).content.decode()
    for action, body in re.findall(r'<form[^>]*action="([^"]+)"[^>]*>(.*?)</form>', html, re.S):
        if 'name="email"' in body:
            return str(action)
    raise AssertionError("no form asks for an e-mail address")


def test_mailing_the_link_is_limited_per_place(client: Client, wave: Afname) -> None:
    url = resume_form_url(client, services.poster(wave, wave.schools.get()).token)
    mail.outbox.clear()
    for n in range(20):
        client.post(url, {"email": f"iemand{n}@thuis.example"}, REMOTE_ADDR="198.51.100.4")
    assert 1 <= len(mail.outbox) <= 10


def test_mailing_the_link_is_limited_per_address(client: Client, wave: Afname) -> None:
    url = resume_form_url(client, services.poster(wave, wave.schools.get()).token)
    mail.outbox.clear()
    for n in range(10):
        client.post(url, {"email": "slachtoffer@thuis.example"}, REMOTE_ADDR=f"198.51.100.{n}")
    assert 1 <= len(mail.outbox) <= 3


def test_a_refused_link_mail_says_so_in_dutch(client: Client, wave: Afname) -> None:
    url = resume_form_url(client, services.poster(wave, wave.schools.get()).token)
    for _ in range(5):
        response = client.post(url, {"email": "mij@thuis.example"}, follow=True)
    assert "al enkele e-mails" in response.content.decode()
