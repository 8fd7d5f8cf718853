"""Mails with a calendar file, and the calendar feed, speak the language their reader chose."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Component

from conftest import World
from plg.accounts.models import User
from plg.bezoeken import mails as bezoek_mails
from plg.bezoeken import services as bezoeken
from plg.bezoeken.models import Klasbezoek
from plg.meetings import mails as meeting_mails
from plg.meetings.models import Herinnering
from plg.meetings.services import plan_bijeenkomst, plan_herinneringen
from plg.planning.models import Kalenderfeed
from plg.post.models import Bericht, Soort, Status


def _english(user: User) -> None:
    user.language = "en"
    user.save(update_fields=["language"])


def _event(bericht: Bericht) -> Component:
    calendar = Calendar.from_ical(bericht.bijlagen[0]["inhoud"])
    event: Component = calendar.walk("VEVENT")[0]
    return event


def test_each_member_gets_the_bijeenkomst_calendar_file_in_their_language(world: World) -> None:
    _english(world.member)
    bijeenkomst = plan_bijeenkomst(
        plg=world.plg, starts_at=timezone.now() + timedelta(days=3), place="", duration_minutes=90
    )
    berichten = {b.aan: b for b in meeting_mails.uitnodigingen(bijeenkomst, door=None)}
    english = _event(berichten[world.member.email])
    dutch = _event(berichten[world.coach.email])
    assert "agenda and what to prepare" in str(english["description"])
    assert "agenda en wat je voorbereidt" in str(dutch["description"])
    assert "meeting on" in berichten[world.member.email].onderwerp


def _invited(world: World) -> Klasbezoek:
    return bezoeken.invite_bezoeker(
        geobserveerde=world.member,
        bezoeker=world.colleague,
        school=world.school,
        begin=timezone.now() + timedelta(days=3),
        einde=timezone.now() + timedelta(days=3, minutes=50),
    )


def test_a_class_visit_invitation_follows_the_visitors_language(world: World) -> None:
    _english(world.colleague)
    _invited(world)
    event = _event(Bericht.objects.get(soort=Soort.KLASBEZOEK))
    assert str(event["summary"]) == "Class visit"
    assert "The class visit in PLG-werkplaats" in str(event["description"])


def test_the_cancellation_follows_the_visitors_language(world: World) -> None:
    _english(world.colleague)
    bezoek = _invited(world)
    Bericht.objects.filter(soort=Soort.KLASBEZOEK).update(status=Status.VERSTUURD)
    bezoeken.cancel_bezoek(bezoek=bezoek)
    event = _event(Bericht.objects.get(soort=Soort.KLASBEZOEK_AF))
    assert str(event["summary"]) == "Cancelled: class visit"
    assert str(event["description"]) == "This class visit is not going ahead."


def test_the_cancellation_is_dutch_for_who_chose_nothing(world: World) -> None:
    bezoek = _invited(world)
    Bericht.objects.filter(soort=Soort.KLASBEZOEK).update(status=Status.VERSTUURD)
    bezoeken.cancel_bezoek(bezoek=bezoek)
    event = _event(Bericht.objects.get(soort=Soort.KLASBEZOEK_AF))
    assert str(event["summary"]) == "Gaat niet door: klasbezoek"


@pytest.mark.parametrize(("language", "words"), [("en", "PLG meeting"), ("", "Bijeenkomst")])
def test_my_calendar_feed_follows_my_language_without_a_cookie(
    client: Client, world: World, language: str, words: str
) -> None:
    User.objects.filter(pk=world.member.pk).update(language=language)
    plan_bijeenkomst(
        plg=world.plg, starts_at=timezone.now() + timedelta(days=3), place="", duration_minutes=90
    )
    feed = Kalenderfeed.objects.create(user=User.objects.get(pk=world.member.pk))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl-be" if language else "en"
    response = client.get(reverse("agenda_feed", args=[feed.token]))
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["description"]).startswith(words)


def test_the_reminder_before_a_bijeenkomst_follows_each_members_language(world: World) -> None:
    _english(world.member)
    bijeenkomst = plan_bijeenkomst(
        plg=world.plg, starts_at=timezone.now() + timedelta(days=3), place="", duration_minutes=90
    )
    plan_herinneringen(bijeenkomst)
    herinnering = Herinnering.objects.get(bijeenkomst=bijeenkomst, soort="vooraf")
    subjects = {b.aan: b.onderwerp for b in meeting_mails.herinneringen(herinnering)}
    assert subjects[world.member.email].startswith("Tomorrow: PLG")
    assert subjects[world.coach.email].startswith("Morgen: PLG")


def test_the_class_visit_reminder_follows_each_ones_language(world: World) -> None:
    _english(world.colleague)
    bezoek = _invited(world)
    subjects = {b.aan: b.onderwerp for b in bezoek_mails.herinneringen(bezoek)}
    assert subjects[world.colleague.email].startswith("Tomorrow: class visit")
    assert subjects[world.member.email].startswith("Morgen: klasbezoek")
