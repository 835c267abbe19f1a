"""Writes on the shared calendar. Each service is the one write path for its change, in one transaction."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rcphub.coalitions.models import Coalition
from rcphub.events.models import Event
from rcphub.events.permissions import can_create_event, can_manage_event
from rcphub.reference.models import Country, Entity
from rcphub.support.models import SupportRequest

EVENT_FIELDS = (
    "title",
    "kind",
    "description",
    "starts_at",
    "ends_at",
    "online",
    "place",
    "link",
    "facilitators",
    "visibility",
)


def _set(event: Event, fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(EVENT_FIELDS)
    if unknown:
        raise ValueError(f"Not a field here: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        if isinstance(value, str):
            value = value.strip()
        elif isinstance(value, datetime) and timezone.is_naive(value):
            # A time given without its zone is the site's time, as the forms show it.
            value = timezone.make_aware(value)
        setattr(event, name, value)


def _check(event: Event) -> None:
    """Refuse an event that ends before it starts, has no place and is not online, or answers another
    coalition's request; every broken rule is named at once, then the model's own checks run."""
    errors: dict[str, str] = {}
    if event.starts_at and event.ends_at and event.ends_at < event.starts_at:
        errors["ends_at"] = _("The event ends before it starts.")
    if not event.online and not (event.place or "").strip():
        errors["place"] = _("Give the place, or mark the event as online.")
    request = event.support_request
    if request is not None and request.coalition_id != event.coalition_id:
        errors["support_request"] = _(
            "This support request is addressed to another coalition: link only a request of the event's own."
        )
    if errors:
        raise ValidationError(
            {name: ValidationError(message, code="invalid") for name, message in errors.items()}
        )
    event.full_clean()


@transaction.atomic
def event_create(
    *,
    coalition: Coalition | None,
    by: Any,
    countries: Iterable[Country] = (),
    unct_countries: Iterable[Country] = (),
    organisers: Iterable[Entity] = (),
    support_request: SupportRequest | None = None,
    **fields: Any,
) -> Event:
    """Put an event of the coalition (or, with none, a platform-wide event) on the calendar.

    The coalition's secretariat may, and the platform secretariat for any event.
    """
    if not can_create_event(user=by, coalition_id=coalition.pk if coalition else None):
        raise PermissionDenied
    event = Event(coalition=coalition, support_request=support_request)
    _set(event, fields)
    _check(event)
    event._history_user = by  # type: ignore[attr-defined]
    event.save()
    event.countries.set(list(countries))
    event.unct_countries.set(list(unct_countries))
    event.organisers.set(list(organisers))
    return event


_KEEP: Any = object()


@transaction.atomic
def event_update(
    *,
    event: Event,
    by: Any,
    expected_version: int | None,
    coalition: Coalition | None = _KEEP,
    countries: Iterable[Country] | None = None,
    unct_countries: Iterable[Country] | None = None,
    organisers: Iterable[Entity] | None = None,
    support_request: SupportRequest | None = _KEEP,
    **fields: Any,
) -> Event:
    """Change the event; moving it to another coalition needs the right to create events there too.

    Refuse with ConflictError if someone else saved the event since `expected_version` was read.
    """
    if not can_manage_event(user=by, event=event):
        raise PermissionDenied
    if coalition is not _KEEP:
        if not can_create_event(user=by, coalition_id=coalition.pk if coalition else None):
            raise PermissionDenied
        event.coalition = coalition
    if support_request is not _KEEP:
        event.support_request = support_request
    _set(event, fields)
    _check(event)
    event._history_user = by  # type: ignore[attr-defined]
    event.save_versioned(expected_version=expected_version)
    if countries is not None:
        event.countries.set(list(countries))
    if unct_countries is not None:
        event.unct_countries.set(list(unct_countries))
    if organisers is not None:
        event.organisers.set(list(organisers))
    return event


@transaction.atomic
def event_delete(*, event: Event, by: Any) -> None:
    """Take the event off the calendar; its history keeps it."""
    if not can_manage_event(user=by, event=event):
        raise PermissionDenied
    event._history_user = by  # type: ignore[attr-defined]
    event.delete()
