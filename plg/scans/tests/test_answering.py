"""Answering a scan: personal links, leaving and coming back, one submit, nothing linked."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from plg.scans import services
from plg.scans.models import Antwoord, Antwoordset, Sectiescore, Toegang, ToegangSoort


def _link(message: Any) -> str:
    match = re.search(r"https?://[^/\s]+(/scan/[^\s#]+/)", message.body)
    assert match
    return match.group(1)


def _open(client: Any, path: str) -> str:
    """Open a way in as a browser does (following redirects); returns the answering page's path."""
    response = client.get(path, follow=True)
    assert response.status_code == 200
    return response.request["PATH_INFO"]


def _urls(response: Any) -> list[str]:
    """Every URL a response sends the browser to: its redirect and the links and forms it shows."""
    urls = [response["Location"]] if response.has_header("Location") else []
    if response.get("Content-Type", "").startswith("text/html"):
        html = response.content.decode()
        urls += re.findall(r'(?:href|action|hx-post|hx-get|src)="([^"]*)"', html)
    return urls


def _form_url(page: str, html: str, attribute: str, contains: str) -> str:
    for url in re.findall(rf'{attribute}="([^"]*)"', html):
        if contains in url:
            return url if url.startswith("/") else page + url
    raise AssertionError(f"no {attribute} with {contains!r}")


def _keys(client: Any) -> set[str]:
    """The answer keys this browser holds in its signed cookies, read as the server reads them."""
    from django.http import HttpRequest

    request = HttpRequest()
    request.COOKIES = {name: morsel.value for name, morsel in client.cookies.items()}
    found = {request.get_signed_cookie(name, default="", salt="scan") for name in request.COOKIES}
    return {key for key in found if len(key) >= 32}


def _all_answers(afname: Any, value: int = 4) -> dict[str, str]:
    data = {item.key: str(value) for item in afname.instrument.items()}
    data[services.BACKGROUND_FIELD] = "1"
    return data


class RecordingClient(Client):
    """A test browser that keeps every response it received and every answer key it held."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.responses: list[Any] = []
        self.keys: set[str] = set()

    def request(self, **request: Any) -> Any:
        response = super().request(**request)
        self.responses.append(response)
        self.keys |= _keys(self)
        return response


def test_opening_a_wave_mails_every_team_member_a_personal_link(world, wave, mailoutbox):
    invited = sorted(m.to[0] for m in mailoutbox)
    # the team of De Regenboog, not its advisor, not the other school
    assert invited == sorted(
        u.email for u in [world.coach, world.member, world.colleague, world.leader]
    )
    tokens = {t.email: t.token for t in wave.toegangen.filter(soort=ToegangSoort.PERSOONLIJK)}
    for message in mailoutbox:
        assert tokens[message.to[0]] in message.body


def test_extra_addresses_are_all_or_nothing_and_name_the_line(world, client):
    from conftest import PASSWORD

    client.login(username=world.leader.email, password=PASSWORD)
    response = client.post(
        reverse("scan_nieuw"),
        {
            "title": "Scan",
            "schools": [world.school.pk],
            "team": "on",
            "extra": "goed@school.example\nniet-goed\n",
        },
    )
    assert response.status_code == 200
    assert "Regel 2" in response.content.decode()
    assert "niet-goed" in response.content.decode()  # what was typed stays in the form
    assert not wave_exists()


def wave_exists() -> bool:
    from plg.scans.models import Afname

    return Afname.objects.exists()


def test_leave_half_way_and_come_back_with_the_same_link(world, wave, client, mailoutbox):
    path = _link(mailoutbox[0])
    page = _open(client, path)
    client.post(page + "?deel=0", {"cv1": "5", "cv2": "4", "richting": "verder"})
    # an autosave of a single answer, as the page does while answering
    html = client.get(page + "?deel=1").content.decode()
    client.post(_form_url(page, html, "hx-post", "bewaar"), {"rd1": "2"}, HTTP_HX_REQUEST="true")
    assert _open(client, path) == page
    html = client.get(page + "?deel=0").content.decode()
    assert re.search(r'name="cv1" value="5" checked', html)
    assert Antwoord.objects.filter(item="rd1", value=2).exists()


def test_another_browser_with_the_same_link_starts_a_fresh_answer_set(
    world, wave, client, mailoutbox
):
    path = _link(mailoutbox[0])
    page = _open(client, path)
    client.post(page + "?deel=0", {"cv1": "5", "richting": "verder"})
    other = Client()
    second = _open(other, path)
    html = other.get(second + "?deel=0").content.decode()
    assert not re.search(r'name="cv1" value="5" checked', html)
    other.post(second + "?deel=0", {"cv1": "2", "richting": "verder"})
    assert Antwoordset.objects.count() == 2


def test_no_url_carries_both_the_token_and_the_key(world, wave, mailoutbox):
    """Access logs hold URLs: a person's link next to their answer key would name whose answers
    they are. Neither a redirect nor a link, form or autosave address of any page holds both."""
    browser = RecordingClient()
    path = _link(mailoutbox[0])
    page = _open(browser, path)
    browser.post(page + "?deel=0", {"cv1": "5", "richting": "verder"}, follow=True)
    html = browser.get(page + "?deel=1").content.decode()
    bewaar = _form_url(page, html, "hx-post", "bewaar")
    browser.post(bewaar, _all_answers(wave), HTTP_HX_REQUEST="true")
    browser.post(_form_url(page, html, "action", "verder"), {"email": "mij@thuis.example"})
    browser.get(path, follow=True)
    last = browser.get(page + f"?deel={len(wave.instrument.sections)}").content.decode()
    browser.post(_form_url(page, last, "action", "indienen"), follow=True)
    browser.get(path, follow=True)  # after submitting: thanks
    poster = services.poster(wave, world.school)
    browser.get(reverse("scan_start", args=[poster.token]), follow=True)

    tokens = set(Toegang.objects.values_list("token", flat=True))
    keys = browser.keys | set(re.findall(r"#([A-Za-z0-9_-]{32,})", mail.outbox[-1].body))
    assert keys
    urls = [url for response in browser.responses for url in _urls(response)]
    assert urls
    for url in urls:
        assert not (any(t in url for t in tokens) and any(k in url for k in keys)), url
    # stronger: no answer key is ever in an address the server hands out
    assert not [url for url in urls if any(key in url for key in keys)]
    assert Antwoordset.objects.filter(submitted=True).count() == 1


def test_the_resume_link_carries_the_key_and_no_token(world, wave, client, mailoutbox):
    path = _link(mailoutbox[0])
    page = _open(client, path)
    client.post(page + "?deel=0", {"cv1": "5", "richting": "verder"})
    mail.outbox.clear()
    client.post(page + "verder/", {"email": "mij@thuis.example", "deel": "1"})
    assert mail.outbox[0].to == ["mij@thuis.example"]
    body = mail.outbox[0].body
    (key,) = _keys(client)
    assert key in body
    assert not any(token in body for token in Toegang.objects.values_list("token", flat=True))


def test_the_resume_link_is_not_stored(world, wave, client, mailoutbox):
    from django_tasks_db.models import DBTaskResult

    page = _open(client, _link(mailoutbox[0]))
    client.post(page + "?deel=0", {"cv1": "5", "richting": "verder"})
    client.post(page + "verder/", {"email": "mij@thuis.example", "deel": "1"})
    assert not DBTaskResult.objects.filter(args_kwargs__icontains="thuis").exists()


def test_nothing_answered_yet_mails_no_resume_link(world, wave, client, mailoutbox):
    page = _open(client, _link(mailoutbox[0]))
    mail.outbox.clear()
    response = client.post(page + "verder/", {"email": "mij@thuis.example"}, follow=True)
    assert mail.outbox == []
    assert "nog niets ingevuld" in response.content.decode()


def test_a_closed_wave_mails_no_resume_link(world, wave, client, mailoutbox):
    page = _open(client, _link(mailoutbox[0]))
    client.post(page + "?deel=0", {"cv1": "5", "richting": "verder"})
    services.close_afname(afname=wave)
    mail.outbox.clear()
    response = client.post(page + "verder/", {"email": "mij@thuis.example", "deel": "1"})
    assert response.status_code == 410
    assert mail.outbox == []


def test_go_on_with_the_same_answers_on_another_device(world, wave, client, mailoutbox):
    """The resume link opens the answers on a new device; the person's own link (opened there
    next) carries on with them, and the answers are handed in once, through that link."""
    path = _link(mailoutbox[0])
    page = _open(client, path)
    client.post(page + "?deel=0", {"cv1": "5", "richting": "verder"})
    client.post(page + "verder/", {"email": "mij@thuis.example", "deel": "1"})
    (key,) = _keys(client)

    phone = Client()
    assert phone.get(reverse("scan_hervat")).status_code == 200
    response = phone.post(reverse("scan_hervat"), {"sleutel": key})
    assert response.status_code == 200
    assert "PLG-scan voorjaar" in response.content.decode()
    second = _open(phone, path)
    html = phone.get(second + "?deel=0").content.decode()
    assert re.search(r'name="cv1" value="5" checked', html)
    phone.post(second + "bewaar/", _all_answers(wave))
    phone.post(second + "indienen/")
    assert Antwoordset.objects.count() == 1
    assert Antwoordset.objects.get().submitted
    assert Toegang.objects.get(token=path.split("/")[2]).responded


def test_a_resume_link_without_answers_behind_it_says_so(world, wave, client):
    response = client.post(reverse("scan_hervat"), {"sleutel": "x" * 43})
    assert response.status_code == 404
    assert "geen antwoorden" in response.content.decode()


def test_opening_a_poster_link_fifty_times_stores_nothing(world, wave):
    poster = services.poster(wave, world.school)
    for _ in range(50):
        assert (
            Client().get(reverse("scan_start", args=[poster.token]), follow=True).status_code == 200
        )
    assert Antwoordset.objects.count() == 0


def test_the_first_answer_stores_the_answer_set(world, wave, client):
    poster = services.poster(wave, world.school)
    page = _open(client, reverse("scan_start", args=[poster.token]))
    client.post(page + "?deel=0", {"richting": "verder"})  # nothing answered yet
    assert Antwoordset.objects.count() == 0
    client.post(page + "bewaar/", {"cv1": "4"})
    assert Antwoordset.objects.count() == 1


def test_a_browser_without_cookies_is_told_its_answers_cannot_be_kept(world, wave):
    poster = services.poster(wave, world.school)
    browser = Client()
    page = _open(browser, reverse("scan_start", args=[poster.token]))
    browser.cookies.clear()
    response = browser.post(page + "bewaar/", {"cv1": "4"})
    assert "cookies" in response.content.decode()
    assert Antwoordset.objects.count() == 0


def _answer_through(client: Any, path: str, wave: Any) -> Any:
    page = _open(client, path)
    client.post(page + "bewaar/", _all_answers(wave))
    return client.post(page + "indienen/", follow=True)


def test_a_poster_cannot_be_submitted_twice_from_the_same_browser(world, wave, client):
    path = reverse("scan_start", args=[services.poster(wave, world.school).token])
    assert "Dank je wel" in _answer_through(client, path, wave).content.decode()
    again = client.get(path, follow=True)
    assert "Dank je wel" in again.content.decode()
    client.post(path + "bewaar/", _all_answers(wave))
    client.post(path + "indienen/")
    assert Antwoordset.objects.count() == 1


def test_a_personal_link_submitted_in_a_browser_closes_the_poster_there(
    world, wave, client, mailoutbox
):
    _answer_through(client, _link(mailoutbox[0]), wave)
    path = reverse("scan_start", args=[services.poster(wave, world.school).token])
    assert "Dank je wel" in client.get(path, follow=True).content.decode()


def test_the_poster_in_another_browser_takes_another_answer(world, wave, client):
    """What a poster cannot prevent, and the wave's opener is told so."""
    path = reverse("scan_start", args=[services.poster(wave, world.school).token])
    _answer_through(client, path, wave)
    _answer_through(Client(), path, wave)
    assert Antwoordset.objects.filter(submitted=True).count() == 2


def test_submit_is_idempotent_and_closes_the_personal_link(world, wave, client, mailoutbox):
    path = _link(mailoutbox[0])
    page = _open(client, path)
    client.post(page + "bewaar/", _all_answers(wave))
    for _ in range(2):  # a double click
        response = client.post(page + "indienen/")
        assert response.status_code == 302
    assert Antwoordset.objects.filter(submitted=True).count() == 1
    assert Sectiescore.objects.count() == len(wave.instrument.scored_sections())
    assert Toegang.objects.filter(responded=True).count() == 1
    # the same link, even in another browser, now only thanks
    other = Client()
    assert other.get(path)["Location"].endswith("/bedankt/")
    second_page = _open(Client(), _link(mailoutbox[1]))
    assert "/bedankt/" not in second_page


def test_a_second_answer_set_cannot_be_submitted_with_a_used_link(world, wave, mailoutbox):
    toegang = wave.toegangen.filter(soort=ToegangSoort.PERSOONLIJK).first()
    for key in ("a" * 40, "b" * 40):
        services.save_answers(toegang=toegang, key=key, data=_all_answers(wave))
    assert services.submit(toegang=toegang, key="a" * 40) == []
    with pytest.raises(services.AlreadySubmitted):
        services.submit(toegang=toegang, key="b" * 40)
    assert Antwoordset.objects.filter(submitted=True).count() == 1


def test_incomplete_answers_are_not_submitted_and_the_sections_are_named(
    world, wave, client, mailoutbox
):
    page = _open(client, _link(mailoutbox[0]))
    client.post(page + "bewaar/", {"cv1": "3"})
    response = client.post(page + "indienen/")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Reflectieve dialoog" in html
    assert not Antwoordset.objects.filter(submitted=True).exists()


def test_an_answer_outside_the_scale_is_refused_with_the_item_named(
    world, wave, client, mailoutbox
):
    page = _open(client, _link(mailoutbox[0]))
    response = client.post(page + "?deel=0", {"cv1": "9", "cv2": "4", "richting": "verder"})
    assert response.status_code == 400
    assert "samen verantwoordelijk" in response.content.decode()
    assert Antwoord.objects.filter(item="cv2", value=4).exists()  # the valid one is kept
    assert not Antwoord.objects.filter(item="cv1").exists()


def test_the_zelfscan_requires_a_comment_per_pillar(world):
    afname = services.open_zelfscan(plg=world.plg, opened_by=world.coach, title="Start")
    toegang = services.toegang_for_member(afname=afname, user=world.member)
    services.save_answers(
        toegang=toegang, key="c" * 40, data={item.key: "3" for item in afname.instrument.items()}
    )
    gaps = services.submit(toegang=toegang, key="c" * 40)
    assert gaps == [s for s in gaps] and "Focus op leren" in gaps


def test_answers_and_participation_share_no_key_and_no_time():
    """Anonymity by construction: nothing in the schema ties an answer set to a way in."""
    from django.db import models

    for model in (Antwoordset, Antwoord):
        for field in model._meta.get_fields():
            assert not isinstance(field, models.DateTimeField | models.DateField), field
            related = getattr(field, "related_model", None)
            assert related not in (Toegang,), field
    for field in Toegang._meta.get_fields():
        assert getattr(field, "related_model", None) not in (Antwoordset, Antwoord), field


def test_closing_drops_unfinished_answer_sets(world, wave, mailoutbox):
    from plg.scans.tests.conftest import answer

    answer(wave, world.school, 4)
    answer(wave, world.school, 4, submit=False)
    services.close_afname(afname=wave)
    assert Antwoordset.objects.count() == 1


def test_a_closed_wave_takes_no_more_answers(world, wave, client, mailoutbox):
    services.close_afname(afname=wave)
    response = client.get(_link(mailoutbox[0]))
    assert response.status_code == 410
    assert "afgesloten" in response.content.decode()


def test_reminders_go_only_to_those_who_did_not_submit(
    world, wave, mailoutbox, django_capture_on_commit_callbacks
):
    toegang = wave.toegangen.get(email=world.member.email)
    services.save_answers(toegang=toegang, key="d" * 40, data=_all_answers(wave))
    services.submit(toegang=toegang, key="d" * 40)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.remind(afname=wave, schools=[world.school]) == 3
    assert world.member.email not in {m.to[0] for m in mail.outbox}
    assert len(mail.outbox) == 3


def test_the_resume_link_leads_to_the_site_whatever_host_the_request_named(
    world, wave, client, mailoutbox, settings
):
    settings.SITE_URL = "https://plg.example"
    page = _open(client, _link(mailoutbox[0]))
    client.post(page + "?deel=0", {"cv1": "5", "richting": "verder"})
    mail.outbox.clear()
    client.post(
        page + "verder/", {"email": "mij@thuis.example", "deel": "1"}, HTTP_HOST="evil.example"
    )
    assert "https://plg.example/scan/hervat/#" in mail.outbox[0].body
    assert "evil.example" not in mail.outbox[0].body
