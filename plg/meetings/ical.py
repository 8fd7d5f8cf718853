"""Calendar files: one event per bijeenkomst, the file an invitation carries, and the parts the
personal feed (``planning/feeds.py``) builds on. Their text is in the active language: the
callers choose the recipient's (``plg.post.taal``).

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

from plg.meetings.models import Bijeenkomst
from plg.post.koppen import enkele_regel


def new_calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//PLG-werkplaats//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", enkele_regel(name))  # not escaped by icalendar: one line
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def local(moment: datetime) -> datetime:
    """Brussels wall-clock time, so the file carries TZID=Europe/Brussels rather than UTC."""
    return timezone.localtime(moment, timezone.get_default_timezone())


def bijeenkomst_event(bijeenkomst: Bijeenkomst) -> Event:
    event = Event()
    event.add("uid", f"bijeenkomst-{bijeenkomst.pk}@plg-werkplaats")
    event.add("summary", _("PLG %(plg)s") % {"plg": bijeenkomst.plg.name})
    event.add("dtstart", local(bijeenkomst.starts_at))
    event.add(
        "dtend", local(bijeenkomst.starts_at + timedelta(minutes=bijeenkomst.duration_minutes))
    )
    event.add("dtstamp", bijeenkomst.created_at)
    if bijeenkomst.place:
        event.add("location", bijeenkomst.place)
    link = settings.SITE_URL + reverse("bijeenkomst_detail", args=[bijeenkomst.pk])
    event.add(
        "description",
        _("Bijeenkomst van de PLG %(plg)s. De agenda en wat je voorbereidt: %(link)s")
        % {"plg": bijeenkomst.plg.name, "link": link},
    )
    event.add("url", link)
    return event


def serialise(calendar: Calendar, events: Iterable[Event]) -> bytes:
    for event in events:
        calendar.add_component(event)
    calendar.add_missing_timezones()
    ical: bytes = calendar.to_ical()
    return ical


def uitnodiging(bijeenkomst: Bijeenkomst) -> bytes:
    calendar = new_calendar(bijeenkomst.plg.name)
    calendar.add("method", "PUBLISH")
    return serialise(calendar, [bijeenkomst_event(bijeenkomst)])
