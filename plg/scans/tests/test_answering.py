"""Answering a scan: personal links, leaving and coming back, one submit, nothing linked."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse

from plg.scans import services
from plg.scans.models import Antwoord, Antwoordset, Sectiescore, Toegang, ToegangSoort


def _link(message: Any) -> str:
    match = re.search(r"https?://[^/\s]+(/scan/[^\s]+/)", message.body)
    assert match
    return match.group(1)


def _start(client: Any, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 302
    return response["Location"]


def _all_answers(afname: Any, value: int = 4) -> dict[str, str]:
    data = {item.key: str(value) for item in afname.instrument.items()}
    data[services.BACKGROUND_FIELD] = "1"
    return data


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
    page = _start(client, path)
    client.post(page + "?deel=0", {"cv1": "5", "cv2": "4", "richting": "verder"})
    # an autosave of a single answer, as the page does while answering
    client.post(page + "bewaar/", {"rd1": "2"}, HTTP_HX_REQUEST="true")
    again = _start(client, path)
    assert again == page  # the browser's key: the same answers
    html = client.get(page + "?deel=0").content.decode()
    assert re.search(r'name="cv1" value="5" checked', html)
    assert Antwoord.objects.filter(item="rd1", value=2).exists()


def test_another_browser_with_the_same_link_starts_a_fresh_answer_set(
    world, wave, client, mailoutbox
):
    from django.test import Client

    path = _link(mailoutbox[0])
    first = _start(client, path)
    client.post(first + "bewaar/", {"cv1": "5"})
    second = _start(Client(), path)
    assert first != second


def test_resume_link_is_mailed_and_not_stored(world, wave, client, mailoutbox):
    from django_tasks_db.models import DBTaskResult

    page = _start(client, _link(mailoutbox[0]))
    mail.outbox.clear()
    client.post(page + "verder/", {"email": "mij@thuis.example", "deel": "2"})
    assert mail.outbox[0].to == ["mij@thuis.example"]
    assert page in mail.outbox[0].body
    assert not DBTaskResult.objects.filter(args_kwargs__icontains="thuis").exists()


def test_submit_is_idempotent_and_closes_the_personal_link(world, wave, client, mailoutbox):
    path = _link(mailoutbox[0])
    page = _start(client, path)
    client.post(page + "bewaar/", _all_answers(wave))
    for _ in range(2):  # a double click
        response = client.post(page + "indienen/")
        assert response.status_code == 302
    assert Antwoordset.objects.filter(submitted=True).count() == 1
    assert Sectiescore.objects.count() == len(wave.instrument.scored_sections())
    assert Toegang.objects.filter(responded=True).count() == 1
    # the same link, even in another browser, now only thanks
    from django.test import Client

    other = Client()
    assert other.get(path)["Location"].endswith("/bedankt/")
    second_page = _start(Client(), _link(mailoutbox[1]))
    assert "/bedankt/" not in second_page


def test_a_second_answer_set_cannot_be_submitted_with_a_used_link(world, wave, mailoutbox):
    toegang = wave.toegangen.filter(soort=ToegangSoort.PERSOONLIJK).first()
    first = services.antwoordset_for(toegang=toegang, key="a" * 40)
    second = services.antwoordset_for(toegang=toegang, key="b" * 40)
    for antwoordset in (first, second):
        services.save_answers(antwoordset=antwoordset, data=_all_answers(wave))
    assert services.submit(toegang=toegang, antwoordset=first) == []
    with pytest.raises(services.AlreadySubmitted):
        services.submit(toegang=toegang, antwoordset=second)
    assert Antwoordset.objects.filter(submitted=True).count() == 1


def test_incomplete_answers_are_not_submitted_and_the_sections_are_named(
    world, wave, client, mailoutbox
):
    page = _start(client, _link(mailoutbox[0]))
    client.post(page + "bewaar/", {"cv1": "3"})
    response = client.post(page + "indienen/")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Reflectieve dialoog" in html
    assert not Antwoordset.objects.filter(submitted=True).exists()


def test_an_answer_outside_the_scale_is_refused_with_the_item_named(
    world, wave, client, mailoutbox
):
    page = _start(client, _link(mailoutbox[0]))
    response = client.post(page + "?deel=0", {"cv1": "9", "cv2": "4", "richting": "verder"})
    assert response.status_code == 400
    assert "samen verantwoordelijk" in response.content.decode()
    assert Antwoord.objects.filter(item="cv2", value=4).exists()  # the valid one is kept
    assert not Antwoord.objects.filter(item="cv1").exists()


def test_the_zelfscan_requires_a_comment_per_pillar(world):
    afname = services.open_zelfscan(plg=world.plg, opened_by=world.coach, title="Start")
    toegang = services.toegang_for_member(afname=afname, user=world.member)
    antwoordset = services.antwoordset_for(toegang=toegang, key="c" * 40)
    services.save_answers(
        antwoordset=antwoordset, data={item.key: "3" for item in afname.instrument.items()}
    )
    gaps = services.submit(toegang=toegang, antwoordset=antwoordset)
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
    antwoordset = services.antwoordset_for(toegang=toegang, key="d" * 40)
    services.save_answers(antwoordset=antwoordset, data=_all_answers(wave))
    services.submit(toegang=toegang, antwoordset=antwoordset)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.remind(afname=wave, schools=[world.school]) == 3
    assert world.member.email not in {m.to[0] for m in mail.outbox}
    assert len(mail.outbox) == 3
