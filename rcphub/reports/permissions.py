"""Who may read a brief: a public one is for everyone; a members' one for the platform's people (a
coalition's, for its members)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q

from rcphub.accounts.permissions import grants_of, is_platform_secretariat
from rcphub.coalitions.permissions import member_coalition_ids
from rcphub.core.rules import q_matches

if TYPE_CHECKING:
    from rcphub.reports.models import Brief


def brief_visibility_q(user: Any, prefix: str = "") -> Q:
    """Return the filter of the briefs the user may read: public ones; members' ones for the platform
    secretariat, a platform-wide members' brief for every user who holds a membership, and a
    coalition's members' brief for those who read its internal items (its members)."""
    if is_platform_secretariat(user):
        return Q()
    public = Q(**{f"{prefix}audience": "public"})
    if not grants_of(user):
        return public
    return (
        public
        | Q(**{f"{prefix}coalition__isnull": True})
        | Q(**{f"{prefix}coalition_id__in": member_coalition_ids(user)})
    )


def can_view_brief(*, user: Any, brief: Brief) -> bool:
    """Return True if the user may read the brief and its figures."""
    return q_matches(brief_visibility_q(user), brief)


def can_edit_editions(*, user: Any) -> bool:
    """Return True if the user may draft, edit and publish a brief's editions: the platform secretariat."""
    return is_platform_secretariat(user)


def edition_visibility_q(user: Any) -> Q:
    """Return the filter of the editions the user may read: published editions of a brief they may read;
    drafts only for those who edit editions."""
    if can_edit_editions(user=user):
        return Q()
    return Q(state="published") & brief_visibility_q(user, prefix="brief__")
