"""Whoever sent mail sees how it went; a failed send can be tried again by its sender."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from conftest import PASSWORD
from plg.post.tests.test_resumable import TEACHERS, open_wave

pytestmark = pytest.mark.django_db


def retry_form(html: str) -> dict[str, Any]:
    form = re.search(
        r'<form method="post" action="([^"]+)" class="post-opnieuw">(.*?)</form>', html, re.S
    )
    assert form, "no retry button"
    fields: dict[str, Any] = {"bericht": re.findall(r'name="bericht" value="(\d+)"', form.group(2))}
    nxt = re.search(r'name="next" value="([^"]*)"', form.group(2))
    if nxt:
        fields["next"] = nxt.group(1)
    return {"path": form.group(1), "data": fields}


def counts(html: str, label: str) -> tuple[int, int, int]:
    row = re.search(
        rf"<th[^>]*>{label}</th>\s*<td>(\d+)</td>\s*<td>(\d+)</td>\s*<td>(\d+)</td>", html
    )
    assert row, f"no row {label}"
    return int(row.group(1)), int(row.group(2)), int(row.group(3))


def invite_colleague(client: Any, world: Any, capture: Any) -> None:
    client.login(username=world.coach.email, password=PASSWORD)
    with capture(execute=True):
        response = client.post(
            reverse("plg_leden", args=[world.plg.pk]),
            {"email": world.colleague.email, "school": world.school.pk},
        )
    assert response.status_code == 302


def test_an_invitation_the_server_refused_is_shown_to_the_coach_who_sent_it(
    world, client, refusing_mail, django_capture_on_commit_callbacks
):
    refusing_mail(refused={world.colleague.email})
    invite_colleague(client, world, django_capture_on_commit_callbacks)
    html = client.get(reverse("plg_leden", args=[world.plg.pk])).content.decode()
    assert "De mail kon niet vertrekken" in html
    assert retry_form(html)["data"]["bericht"]


def test_a_failed_invitation_shows_a_calm_cause_never_the_servers_own_words(
    world, client, refusing_mail, django_capture_on_commit_callbacks
):
    """The server's text may name the address, the mail server or its software."""
    from plg.post.models import Bericht

    refusing_mail(refused={world.colleague.email})
    invite_colleague(client, world, django_capture_on_commit_callbacks)
    html = client.get(reverse("plg_leden", args=[world.plg.pk])).content.decode()
    assert "de mailserver weigerde het adres" in html
    assert "unknown user" not in html and "SMTP" not in html and "550" not in html
    assert "unknown user" in Bericht.objects.get().laatste_fout  # kept on the row only


def test_the_coach_who_sent_a_failed_invitation_tries_again_and_it_leaves(
    world, client, refusing_mail, mailoutbox, django_capture_on_commit_callbacks
):
    refusing_mail(refused={world.colleague.email})
    invite_colleague(client, world, django_capture_on_commit_callbacks)
    form = retry_form(client.get(reverse("plg_leden", args=[world.plg.pk])).content.decode())
    refusing_mail()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(form["path"], form["data"])
    assert response.status_code == 302
    assert response["Location"] == reverse("plg_leden", args=[world.plg.pk])
    assert [m.to for m in mailoutbox] == [[world.colleague.email]]
    html = client.get(reverse("plg_leden", args=[world.plg.pk])).content.decode()
    assert "De mail is verstuurd" in html
    assert "post-opnieuw" not in html


def test_a_mail_waiting_for_the_server_says_so_to_the_coach(
    world, client, refusing_mail, django_capture_on_commit_callbacks
):
    refusing_mail(down=True)
    invite_colleague(client, world, django_capture_on_commit_callbacks)
    html = client.get(reverse("plg_leden", args=[world.plg.pk])).content.decode()
    assert "De mail wacht om te vertrekken" in html
    assert "post-opnieuw" not in html


def test_another_coach_sees_the_failure_but_only_its_sender_can_retry_it(
    world, client, refusing_mail, django_capture_on_commit_callbacks
):
    from plg.communities.models import Lidmaatschap, Rol

    refusing_mail(refused={world.colleague.email})
    invite_colleague(client, world, django_capture_on_commit_callbacks)
    form = retry_form(client.get(reverse("plg_leden", args=[world.plg.pk])).content.decode())
    Lidmaatschap.objects.filter(user=world.member).update(rol=Rol.PROCESCOACH)
    client.login(username=world.member.email, password=PASSWORD)
    html = client.get(reverse("plg_leden", args=[world.plg.pk])).content.decode()
    assert "De mail kon niet vertrekken" in html
    assert "post-opnieuw" not in html
    assert client.post(form["path"], form["data"]).status_code == 404


def test_the_wave_page_counts_invitations_sent_and_failed_and_names_nobody(
    world, client, refusing_mail, django_capture_on_commit_callbacks
):
    refusing_mail(refused={TEACHERS[3]})
    with django_capture_on_commit_callbacks(execute=True):
        afname = open_wave(world)
    client.login(username=world.leader.email, password=PASSWORD)
    html = client.get(reverse("scan_afname", args=[afname.pk])).content.decode()
    assert counts(html, "Uitnodigingen") == (0, 16, 1)
    assert not any(teacher in html for teacher in TEACHERS)
    assert "unknown user" not in html


def test_the_opener_retries_the_waves_failed_invitations_from_the_wave_page(
    world, client, refusing_mail, mailoutbox, django_capture_on_commit_callbacks
):
    refusing_mail(refused={TEACHERS[3], TEACHERS[5]})
    with django_capture_on_commit_callbacks(execute=True):
        afname = open_wave(world)
    client.login(username=world.leader.email, password=PASSWORD)
    form = retry_form(client.get(reverse("scan_afname", args=[afname.pk])).content.decode())
    assert len(form["data"]["bericht"]) == 2
    refusing_mail()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(form["path"], form["data"])
    assert sorted(m.to[0] for m in mailoutbox) == sorted(TEACHERS)
    html = client.get(reverse("scan_afname", args=[afname.pk])).content.decode()
    assert counts(html, "Uitnodigingen") == (0, 17, 0)


def test_scan_reminders_are_counted_apart_from_invitations(
    world, client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        afname = open_wave(world)
    client.login(username=world.leader.email, password=PASSWORD)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("scan_herinneren", args=[afname.pk]))
    html = client.get(reverse("scan_afname", args=[afname.pk])).content.decode()
    assert counts(html, "Uitnodigingen") == (0, 17, 0)
    assert counts(html, "Herinneringen") == (0, 17, 0)


def test_trying_again_never_sends_you_off_site(
    world, client, refusing_mail, django_capture_on_commit_callbacks
):
    refusing_mail(refused={world.colleague.email})
    invite_colleague(client, world, django_capture_on_commit_callbacks)
    form = retry_form(client.get(reverse("plg_leden", args=[world.plg.pk])).content.decode())
    response = client.post(form["path"], {**form["data"], "next": "https://evil.example/"})
    assert response.status_code == 302
    assert response["Location"] == reverse("home")


def test_a_resume_link_that_cannot_be_mailed_is_reported_to_the_respondent(
    world, ask_resume_link, refusing_mail
):
    from plg.scans import services as scan_services

    refusing_mail(down=True)
    afname = scan_services.open_afname(opened_by=world.leader, title="Scan", schools=[world.school])
    response = ask_resume_link(afname.toegangen.get(email=world.member.email), "mij@thuis.example")
    assert response.status_code == 200
    assert "De mail kon niet vertrekken" in response.content.decode()


def test_a_bijeenkomst_invitation_the_server_refused_is_shown_to_the_coach_who_planned_it(
    world, client, refusing_mail, mailoutbox, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.utils import timezone

    from plg.meetings.models import Bijeenkomst

    refusing_mail(refused={world.member.email})
    client.login(username=world.coach.email, password=PASSWORD)
    starts = timezone.localtime(timezone.now() + timedelta(days=7))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("bijeenkomst_nieuw", args=[world.plg.pk]),
            {"starts_at": f"{starts:%Y-%m-%dT%H:%M}", "place": "Zaal", "duration_minutes": 90},
        )
    bijeenkomst = Bijeenkomst.objects.get()
    html = client.get(reverse("bijeenkomst_detail", args=[bijeenkomst.pk])).content.decode()
    assert counts(html, "Uitnodigingen voor de bijeenkomst") == (0, 1, 1)
    form = retry_form(html)
    refusing_mail()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(form["path"], form["data"])
    assert sorted(m.to[0] for m in mailoutbox) == sorted([world.coach.email, world.member.email])


def test_members_do_not_see_the_mail_state_of_a_bijeenkomst(
    world, client, mailoutbox, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.utils import timezone

    from plg.meetings.services import plan_and_announce_bijeenkomst

    with django_capture_on_commit_callbacks(execute=True):
        bijeenkomst = plan_and_announce_bijeenkomst(
            plg=world.plg,
            starts_at=timezone.now() + timedelta(days=3),
            place="",
            duration_minutes=90,
            door=world.coach,
        )
    client.login(username=world.member.email, password=PASSWORD)
    html = client.get(reverse("bijeenkomst_detail", args=[bijeenkomst.pk])).content.decode()
    assert "post-stand" not in html
