"""The calendar file of a class visit: an invitation (REQUEST) and its withdrawal (CANCEL).

The text is neutral on purpose: a calendar is often shared or shown on a screen, so it says
"klasbezoek", who invites whom, and a link; never the focus, the notes or what the visitor
looks at. The text is in the active language: the mails choose the recipient's.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Event, vCalAddress, vText

from plg.bezoeken.models import Klasbezoek
from plg.meetings.ical import local, new_calendar, serialise
from plg.post.koppen import enkele_regel


def bezoek_event(bezoek: Klasbezoek, *, sequence: int = 0) -> Event:
    event = Event()
    event.add("uid", f"klasbezoek-{bezoek.pk}@plg-werkplaats")
    event.add("summary", _("Klasbezoek"))
    event.add("dtstart", local(bezoek.begin))
    event.add("dtend", local(bezoek.einde))
    event.add("dtstamp", bezoek.created_at)
    event.add("sequence", sequence)
    link = settings.SITE_URL + bezoek.get_absolute_url()
    event.add("description", _("Het klasbezoek in de PLG-werkplaats: %(link)s") % {"link": link})
    event.add("url", link)
    # A REQUEST and its CANCEL name who invites and who is invited (iTIP): the two people the
    # file goes between, nothing about what the visit is about.
    organizer = vCalAddress(f"mailto:{bezoek.geobserveerde.email}")
    organizer.params["cn"] = vText(enkele_regel(bezoek.geobserveerde.display_name))
    event.add("organizer", organizer)
    attendee = vCalAddress(f"mailto:{bezoek.bezoeker.email}")
    attendee.params["cn"] = vText(enkele_regel(bezoek.bezoeker.display_name))
    attendee.params["role"] = vText("REQ-PARTICIPANT")
    event.add("attendee", attendee)
    return event


def uitnodiging(bezoek: Klasbezoek) -> bytes:
    calendar = new_calendar(_("Klasbezoek"))
    calendar.add("method", "REQUEST")
    return serialise(calendar, [bezoek_event(bezoek)])


def annulering(bezoek: Klasbezoek) -> bytes:
    """The same event (same UID, a later SEQUENCE), cancelled: calendars remove it."""
    calendar = new_calendar(_("Klasbezoek"))
    calendar.add("method", "CANCEL")
    event = bezoek_event(bezoek, sequence=1)
    event["summary"] = vText(_("Gaat niet door: klasbezoek"))
    event["description"] = vText(_("Dit klasbezoek gaat niet door."))
    event.add("status", "CANCELLED")
    return serialise(calendar, [event])
