"""Meetings built through the services, so that each has its review as in real use."""

from datetime import date
from typing import Any

from rcphub.coalitions.tests.factories import PlatformFactory
from rcphub.meetings.models import Decision, Meeting
from rcphub.meetings.services import decision_create, meeting_create
from rcphub.reference.models import Entity


def hold_meeting(
    *,
    by: Any,
    coalition: Any = None,
    platform: Any = None,
    held_on: date = date(2026, 1, 15),
    title: str = "Coalition meeting, January 2026",
    visibility: str = "public",
    **fields: Any,
) -> Meeting:
    """Hold a meeting of the coalition (or, with no coalition, of the platform), chaired by WHO."""
    if coalition is None and platform is None:
        platform = PlatformFactory()
    values = {
        "kind": "coalition" if coalition else "rum",
        "place": "Geneva",
        "minutes": "The meeting reviewed the joint work plan.",
    }
    values.update(fields)
    return meeting_create(
        platform=platform,
        coalition=coalition,
        title=title,
        held_on=held_on,
        visibility=visibility,
        chairs=[Entity.objects.get(acronym="WHO")],
        participants=Entity.objects.filter(acronym__in=["UNDP", "UNICEF", "UNFPA"]),
        by=by,
        **values,
    )


def add_decisions(meeting: Meeting, *, by: Any, count: int, due_on: date | None = None) -> list[Decision]:
    """Add `count` decisions numbered 1…count, UNDP responsible."""
    undp = Entity.objects.get(acronym="UNDP")
    return [
        decision_create(
            meeting=meeting,
            number=str(n),
            text=f"Decision {n}: prepare the joint brief on topic {n}.",
            responsible_entities=[undp],
            responsible_text="UNDP IRH",
            due_on=due_on,
            due_text="",
            by=by,
        )
        for n in range(1, count + 1)
    ]
