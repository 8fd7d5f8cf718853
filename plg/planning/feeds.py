"""The private calendar feed of a person: their bijeenkomsten and substitution duties (the
events and the time zones come from ``meetings/ical.py``)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Event

from plg.accounts.models import User
from plg.meetings.ical import bijeenkomst_event, local, new_calendar, serialise
from plg.meetings.models import Bijeenkomst
from plg.planning.models import Kalenderfeed, Vervangbeurt
from plg.post.taal import in_language_of

FEED_PAST_DAYS = 60
FEED_FUTURE_DAYS = 400


def _vervangbeurt_event(beurt: Vervangbeurt) -> Event:
    event = Event()
    event.add("uid", f"vervanging-{beurt.pk}@plg-werkplaats")
    event.add("summary", beurt.titel)
    event.add("dtstart", local(beurt.begin))
    event.add("dtend", local(beurt.einde))
    event.add("dtstamp", beurt.begin)
    event.add("description", beurt.uitleg)
    return event


def agenda(user: User) -> bytes:
    """A person's bijeenkomsten and substitution duties, a while back and a year ahead, in the
    language they chose: their calendar app fetches the feed without the menu's cookie."""
    now = timezone.now()
    since, until = now - timedelta(days=FEED_PAST_DAYS), now + timedelta(days=FEED_FUTURE_DAYS)
    bijeenkomsten = Bijeenkomst.objects.filter(
        plg__lidmaatschappen__user=user, starts_at__gte=since, starts_at__lte=until
    ).select_related("plg")
    beurten = Vervangbeurt.objects.filter(
        vervanger=user, begin__gte=since, begin__lte=until
    ).select_related("afwezige")
    with in_language_of(user.language):
        return serialise(
            new_calendar(_("PLG-werkplaats")),
            [*map(bijeenkomst_event, bijeenkomsten), *map(_vervangbeurt_event, beurten)],
        )


def active_feed(user: User) -> Kalenderfeed | None:
    return Kalenderfeed.objects.filter(user=user, revoked_at__isnull=True).first()


def feed_url(feed: Kalenderfeed) -> str:
    return settings.SITE_URL + reverse("agenda_feed", args=[feed.token])
