"""Who may see and manage coalitions, and who may read a coalition's internal items.

A coalition marked public is seen by everyone; an internal one by its members and the platform
secretariat. The members of a coalition (and the platform secretariat) also read its internal items:
drafts, internal activities, internal meetings and reviews.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from rcphub.accounts.models import Role
from rcphub.accounts.permissions import (
    coalition_ids_with_role,
    entity_ids_of,
    grants_of,
    is_platform_secretariat,
)
from rcphub.coalitions.models import Coalition, CoalitionMember, current_membership_q
from rcphub.core.dates import today
from rcphub.core.models import Visibility
from rcphub.core.rules import q_matches


def member_coalition_ids(user: Any) -> frozenset[int]:
    """Return the coalitions whose internal items the user may read.

    They are the coalitions in which the user holds a role, and those their entity currently
    belongs to. Read once per user object.
    """
    cached: frozenset[int] | None = getattr(user, "_rcphub_member_coalitions", None)
    if cached is not None:
        return cached
    ids = {g.coalition_id for g in grants_of(user) if g.coalition_id is not None}
    entities = entity_ids_of(user)
    if entities:
        current = current_membership_q(today())
        ids.update(
            CoalitionMember.objects.filter(current, entity_id__in=entities).values_list(
                "coalition_id", flat=True
            )
        )
    result = frozenset(ids)
    if getattr(user, "is_authenticated", False):
        user._rcphub_member_coalitions = result
    return result


def has_internal_access(*, user: Any, coalition_id: int) -> bool:
    """Return True if the user may read the coalition's internal items."""
    return is_platform_secretariat(user) or coalition_id in member_coalition_ids(user)


def is_coalition_secretariat(*, user: Any, coalition_id: int) -> bool:
    """Return True if the user serves the coalition's secretariat (or the platform's)."""
    return is_platform_secretariat(user) or coalition_id in coalition_ids_with_role(
        user, Role.COALITION_SECRETARIAT
    )


def coalition_visibility_q(user: Any, prefix: str = "") -> Q:
    """Return the filter of coalitions the user may see, on a path ending at a coalition.

    Public coalitions, and the internal ones whose internal items the user may read.
    """
    if is_platform_secretariat(user):
        return Q()
    q = Q(**{f"{prefix}visibility": Visibility.PUBLIC})
    mine = member_coalition_ids(user)
    if mine:
        q |= Q(**{f"{prefix}id__in": mine})
    return q


def coalition_item_visibility_q(user: Any, prefix: str = "") -> Q:
    """Return the filter of the items of the platform or of a coalition (meetings, events) the user may see.

    Public items of the platform (no coalition) and of the coalitions the user may see, and every
    item of the coalitions the user belongs to; the path ends at an item with `visibility` and
    `coalition`.
    """
    if is_platform_secretariat(user):
        return Q()
    q = Q(**{f"{prefix}visibility": Visibility.PUBLIC}) & (
        Q(**{f"{prefix}coalition__isnull": True})
        | coalition_visibility_q(user, prefix=f"{prefix}coalition__")
    )
    mine = member_coalition_ids(user)
    if mine:
        q |= Q(**{f"{prefix}coalition_id__in": mine})
    return q


def can_view_coalition(*, user: Any, coalition: Coalition) -> bool:
    """Return True if the user may see the coalition at all: `coalition_visibility_q` decided on it."""
    return q_matches(coalition_visibility_q(user), coalition)


def can_edit_coalition(*, user: Any, coalition: Coalition) -> bool:
    """Return True if the user may edit the coalition's page, members and networks."""
    return is_coalition_secretariat(user=user, coalition_id=coalition.pk)
