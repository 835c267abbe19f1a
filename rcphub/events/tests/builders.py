"""Builders shared by the calendar's tests (no tests here)."""

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from rcphub.accounts.models import User
from rcphub.events.models import Event
from rcphub.reference.models import Country, Entity
from rcphub.support.models import SupportRequest

GENEVA = ZoneInfo("Europe/Zurich")


def at(year: int, month: int, day: int, hour: int = 9, minute: int = 0, zone: Any = GENEVA) -> datetime:
    """Return a moment in Geneva time (the site's time zone in the tests)."""
    return datetime(year, month, day, hour, minute, tzinfo=zone)


def make_event(
    *,
    coalition: Any = None,
    title: str = "Training on disability-inclusive Cooperation Frameworks",
    kind: str = "training",
    starts_at: datetime | None = None,
    ends_at: datetime | None = None,
    place: str = "Tbilisi, UN House",
    online: bool = False,
    visibility: str = "public",
    countries: tuple[str, ...] = (),
    unct_countries: tuple[str, ...] = (),
    organisers: tuple[str, ...] = (),
    **fields: Any,
) -> Event:
    """Create an event straight in the database (the services are tested on their own)."""
    starts_at = starts_at or at(2026, 5, 12, 9)
    event = Event.objects.create(
        coalition=coalition,
        title=title,
        kind=kind,
        starts_at=starts_at,
        ends_at=ends_at or starts_at + timedelta(hours=8),  # 9:00 to 17:00; never before the start
        place=place,
        online=online,
        visibility=visibility,
        **fields,
    )
    if countries:
        event.countries.set(Country.objects.filter(iso3__in=countries))
    if unct_countries:
        event.unct_countries.set(Country.objects.filter(iso3__in=unct_countries))
    if organisers:
        event.organisers.set(Entity.objects.filter(acronym__in=organisers))
    return event


def make_request(
    *, coalition: Any, requester: User, title: str = "Support with the CCA update"
) -> SupportRequest:
    """Create a support request from Georgia's RC office, addressed to the coalition."""
    return SupportRequest.objects.create(
        country=Country.objects.get(iso3="GEO"),
        requester=requester,
        coalition=coalition,
        kind="country_analysis",
        title=title,
        description="The UNCT asks for a review of the health chapter of its Common Country Analysis.",
        submitted_on=date(2026, 3, 2),
    )
