"""iCalendar (RFC 5545) feeds of the shared calendar, written with the `icalendar` package.

Each event is one VEVENT whose UID (`event-<id>@rcphub`) stays the same across edits, so calendar
clients update it in place; SEQUENCE follows the event's version. Times are given in UTC.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime

import icalendar
from django.utils.translation import gettext as _

from rcphub.events.models import Event

PRODID = "-//United Nations RCP Europe and Central Asia//rcphub//EN"
UID_DOMAIN = "rcphub"


def event_uid(event: Event) -> str:
    """Return the event's UID, the same for the life of the event."""
    return f"event-{event.pk}@{UID_DOMAIN}"


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def event_component(event: Event, *, url: str) -> icalendar.Event:
    """Return the event as a VEVENT, with `url` the absolute link to its page."""
    component = icalendar.Event()
    component.add("uid", event_uid(event))
    # A published calendar's DTSTAMP is when the information last changed, so feeds stay cacheable.
    component.add("dtstamp", _utc(event.updated_at))
    component.add("created", _utc(event.created_at))
    component.add("last-modified", _utc(event.updated_at))
    component.add("sequence", max(event.version - 1, 0))
    component.add("dtstart", _utc(event.starts_at))
    component.add("dtend", _utc(event.ends_at))
    component.add("summary", event.title)
    description = event.description
    if event.facilitators:
        description = "\n\n".join(
            part
            for part in (description, _("Facilitators: %(names)s") % {"names": event.facilitators})
            if part
        )
    if event.link:
        description = "\n\n".join(part for part in (description, event.link) if part)
    if description:
        component.add("description", description)
    component.add("location", event.place or _("Online"))
    component.add("url", url)
    component.add("categories", [event.get_kind_display()])
    component.add("class", "PUBLIC")
    return component


def calendar_ics(*, name: str, events: Iterable[Event], url_of: Callable[[Event], str]) -> bytes:
    """Return the events as an iCalendar document named `name`; `url_of` gives each event's absolute link."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(event_component(event, url=url_of(event)))
    data: bytes = calendar.to_ical()
    return data
