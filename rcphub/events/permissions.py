"""Who may see and manage the events of the shared calendar.

Public events are seen by everyone: a coalition's public event only where the coalition itself is
visible to the reader. A coalition's internal events are seen by the coalition's members (and the
platform secretariat). A platform-wide internal event (no coalition) is for the UN staff of the
platform: the platform secretariat and anyone signed in with a membership of an entity; visitors and
signed-in people with no membership do not see it.

A coalition's secretariat creates, changes and deletes its coalition's events; the platform
secretariat does so for every event, platform-wide ones included.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from rcphub.accounts.models import Role
from rcphub.accounts.permissions import coalition_ids_with_role, grants_of, is_platform_secretariat
from rcphub.coalitions.permissions import coalition_item_visibility_q, is_coalition_secretariat
from rcphub.core.rules import q_matches
from rcphub.events.models import Event


def event_visibility_q(user: Any, prefix: str = "") -> Q:
    """Return the filter of events the user may see, on a path ending at an event.

    What `coalition_item_visibility_q` allows (public events of the platform and of the coalitions
    the user may see, every event of the user's coalitions), and the platform-wide internal events
    for anyone with a membership.
    """
    if is_platform_secretariat(user):
        return Q()
    q = coalition_item_visibility_q(user, prefix)
    if grants_of(user):
        q |= Q(**{f"{prefix}coalition__isnull": True})
    return q


def can_view_event(*, user: Any, event: Event) -> bool:
    """Return True if the user may see the event: `event_visibility_q` decided on it."""
    return q_matches(event_visibility_q(user), event)


def can_create_event(*, user: Any, coalition_id: int | None) -> bool:
    """Return True if the user may put an event of the coalition (or, with none, a platform-wide one) on the calendar."""
    if coalition_id is not None:
        return is_coalition_secretariat(user=user, coalition_id=coalition_id)
    return is_platform_secretariat(user)


def can_create_any_event(*, user: Any) -> bool:
    """Return True if the user manages the events of the platform or of at least one coalition."""
    return is_platform_secretariat(user) or bool(coalition_ids_with_role(user, Role.COALITION_SECRETARIAT))


def can_manage_event(*, user: Any, event: Event) -> bool:
    """Return True if the user may change or delete the event."""
    return can_create_event(user=user, coalition_id=event.coalition_id)
