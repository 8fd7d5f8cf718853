"""Calendar files: a private feed per person and one event per invitation.

Times carry their Europe/Brussels zone (with its VTIMEZONE), so a calendar shows 14:00 on both
sides of the clock changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from plg.accounts.models import User
from plg.meetings.models import Bijeenkomst
from plg.planning.models import Kalenderfeed, Vervangbeurt
from plg.post.koppen import enkele_regel

FEED_PAST_DAYS = 60
FEED_FUTURE_DAYS = 400


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//PLG-werkplaats//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", enkele_regel(name))  # not escaped by icalendar: one line
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def _local(moment: datetime) -> datetime:
    """Brussels wall-clock time, so the file carries TZID=Europe/Brussels rather than UTC."""
    return timezone.localtime(moment, timezone.get_default_timezone())


def _bijeenkomst_event(bijeenkomst: Bijeenkomst) -> Event:
    event = Event()
    event.add("uid", f"bijeenkomst-{bijeenkomst.pk}@plg-werkplaats")
    event.add("summary", _("PLG %(plg)s") % {"plg": bijeenkomst.plg.name})
    event.add("dtstart", _local(bijeenkomst.starts_at))
    event.add(
        "dtend", _local(bijeenkomst.starts_at + timedelta(minutes=bijeenkomst.duration_minutes))
    )
    event.add("dtstamp", bijeenkomst.created_at)
    if bijeenkomst.place:
        event.add("location", bijeenkomst.place)
    event.add("url", settings.SITE_URL + reverse("bijeenkomst_detail", args=[bijeenkomst.pk]))
    return event


def _vervangbeurt_event(beurt: Vervangbeurt) -> Event:
    event = Event()
    event.add("uid", f"vervanging-{beurt.pk}@plg-werkplaats")
    event.add("summary", beurt.titel)
    event.add("dtstart", _local(beurt.begin))
    event.add("dtend", _local(beurt.einde))
    event.add("dtstamp", beurt.begin)
    event.add("description", beurt.uitleg)
    return event


def _serialise(calendar: Calendar, events: Iterable[Event]) -> bytes:
    for event in events:
        calendar.add_component(event)
    calendar.add_missing_timezones()
    ical: bytes = calendar.to_ical()
    return ical


def agenda(user: User) -> bytes:
    """A person's bijeenkomsten and substitution duties, a while back and a year ahead."""
    now = timezone.now()
    since, until = now - timedelta(days=FEED_PAST_DAYS), now + timedelta(days=FEED_FUTURE_DAYS)
    bijeenkomsten = Bijeenkomst.objects.filter(
        plg__lidmaatschappen__user=user, starts_at__gte=since, starts_at__lte=until
    ).select_related("plg")
    beurten = Vervangbeurt.objects.filter(
        vervanger=user, begin__gte=since, begin__lte=until
    ).select_related("afwezige")
    return _serialise(
        _calendar(_("PLG-werkplaats")),
        [*map(_bijeenkomst_event, bijeenkomsten), *map(_vervangbeurt_event, beurten)],
    )


def uitnodiging(bijeenkomst: Bijeenkomst) -> bytes:
    calendar = _calendar(bijeenkomst.plg.name)
    calendar.add("method", "PUBLISH")
    return _serialise(calendar, [_bijeenkomst_event(bijeenkomst)])


def active_feed(user: User) -> Kalenderfeed | None:
    return Kalenderfeed.objects.filter(user=user, revoked_at__isnull=True).first()


def feed_url(feed: Kalenderfeed) -> str:
    return settings.SITE_URL + reverse("agenda_feed", args=[feed.token])
