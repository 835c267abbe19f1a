"""Who may see and manage meetings.

Public meetings are seen by everyone (a coalition's public meeting only where the coalition itself
is visible); internal ones by the members of the coalition, and, for the platform's meetings, by the
platform secretariat. A coalition's secretariat manages its coalition's meetings; the platform
secretariat manages the platform's meetings, and everything else.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from rcphub.accounts.models import Role
from rcphub.accounts.permissions import coalition_ids_with_role, is_platform_secretariat
from rcphub.coalitions.permissions import coalition_item_visibility_q, is_coalition_secretariat
from rcphub.core.rules import q_matches
from rcphub.meetings.models import Meeting


def meeting_visibility_q(user: Any, prefix: str = "") -> Q:
    """Return the filter of meetings the user may see, on a path ending at a meeting.

    Public meetings of the platform, public meetings of coalitions the user may see, and every
    meeting of the coalitions the user belongs to (`coalition_item_visibility_q`).
    """
    return coalition_item_visibility_q(user, prefix)


def can_create_meeting(*, user: Any, platform_id: int | None, coalition_id: int | None) -> bool:
    """Return True if the user may hold a meeting for the platform (or the coalition)."""
    if coalition_id is not None:
        return is_coalition_secretariat(user=user, coalition_id=coalition_id)
    return is_platform_secretariat(user)


def can_create_any_meeting(*, user: Any) -> bool:
    """Return True if the user manages the meetings of the platform or of at least one coalition."""
    return is_platform_secretariat(user) or bool(coalition_ids_with_role(user, Role.COALITION_SECRETARIAT))


def can_manage_meeting(*, user: Any, meeting: Meeting) -> bool:
    """Return True if the user may change the meeting, its agenda and its decisions."""
    return can_create_meeting(user=user, platform_id=meeting.platform_id, coalition_id=meeting.coalition_id)


def can_view_meeting(*, user: Any, meeting: Meeting) -> bool:
    """Return True if the user may see the meeting: `meeting_visibility_q` decided on it."""
    return q_matches(meeting_visibility_q(user), meeting)
