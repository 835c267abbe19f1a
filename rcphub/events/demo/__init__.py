"""Demo calendar: thirty trainings, workshops, briefings, consultations and meetings over 2026, read
from events.yaml beside this module.

Written for the demo. Seeded by `manage.py seed_demo` after the work-plan demo (coalitions, entities
and demo users must exist). Idempotent: an event is matched by its title and its start; one seeded
before events named the UN Country Teams they served gains them.
Times are the local times of the place (Geneva time for online events).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction

from rcphub.accounts.models import User
from rcphub.coalitions.models import Coalition
from rcphub.core.demodata import demo_content
from rcphub.events.models import Event
from rcphub.events.services import event_create, event_update
from rcphub.reference.models import Country, Entity
from rcphub.workplans.demo import PLATFORM_USER

# The zone of an event whose place names no city of events.yaml's `zones`, and of online events.
DEFAULT_ZONE = "Europe/Zurich"


@dataclass(frozen=True)
class EventSpec:
    title: str
    kind: str
    coalition: str | None  # slug; None for a platform-wide event
    day: date
    start: time
    end: time
    zone: ZoneInfo
    place: str = ""  # city first, as in the zones; empty for online only
    online: bool = False
    days: int = 1
    countries: tuple[str, ...] = ()  # ISO alpha-3
    unct_countries: tuple[str, ...] = ()  # ISO alpha-3: the UN Country Teams the event served
    organisers: tuple[str, ...] = ()
    facilitators: str = ""
    description: str = ""
    internal: bool = False

    def starts_at(self) -> datetime:
        return datetime.combine(self.day, self.start, tzinfo=self.zone)

    def ends_at(self) -> datetime:
        return datetime.combine(self.day + timedelta(days=self.days - 1), self.end, tzinfo=self.zone)


def _spec(row: dict[str, Any], zones: dict[str, str]) -> EventSpec:
    """Return the event as events.yaml writes it: times as "HH:MM", lists of codes."""
    city = str(row.get("place", "")).split(",")[0].strip()
    values = {
        **row,
        "start": time.fromisoformat(row["start"]),
        "end": time.fromisoformat(row["end"]),
        "zone": ZoneInfo(zones.get(city, DEFAULT_ZONE)),
        "countries": tuple(row.get("countries", ())),
        "unct_countries": tuple(row.get("unct_countries", ())),
        "organisers": tuple(row.get("organisers", ())),
    }
    return EventSpec(**values)


@cache
def event_specs() -> tuple[EventSpec, ...]:
    """Return the demo events of events.yaml, earliest first."""
    content = demo_content(__name__, "events")
    return tuple(_spec(row, content["zones"]) for row in content["events"])


def events_demo_seed(*, progress: Callable[[str], None] = lambda line: None) -> dict[str, int]:
    """Create the demo events that are missing; return how many were created."""
    created = {"events": 0}
    by = User.objects.get(email=PLATFORM_USER)
    coalitions = {c.slug: c for c in Coalition.objects.all()}
    entities = {e.acronym: e for e in Entity.objects.all()}
    countries = {c.iso3: c for c in Country.objects.all()}
    with transaction.atomic():
        for spec in event_specs():
            existing = Event.objects.filter(title=spec.title, starts_at=spec.starts_at()).first()
            if existing is not None:
                if spec.unct_countries and not existing.unct_countries.exists():
                    # Seeded before events named the UN Country Teams they served: name them, once.
                    event_update(
                        event=existing,
                        by=by,
                        expected_version=existing.version,
                        unct_countries=[countries[code] for code in spec.unct_countries],
                    )
                continue
            if spec.coalition is not None and spec.coalition not in coalitions:
                progress(f"events: skipped “{spec.title}”, no coalition {spec.coalition}")
                continue
            event_create(
                coalition=coalitions[spec.coalition] if spec.coalition else None,
                countries=[countries[code] for code in spec.countries],
                unct_countries=[countries[code] for code in spec.unct_countries],
                organisers=[entities[acronym] for acronym in spec.organisers if acronym in entities],
                by=by,
                title=spec.title,
                kind=spec.kind,
                description=spec.description,
                starts_at=spec.starts_at(),
                ends_at=spec.ends_at(),
                online=spec.online,
                place=spec.place,
                link="",
                facilitators=spec.facilitators,
                visibility="internal" if spec.internal else "public",
            )
            created["events"] += 1
        progress(f"events: {created['events']} created")
    return created
