"""Reads on accounts: invitations."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.utils.crypto import constant_time_compare

from rcphub.accounts.models import PLATFORM_WIDE_ROLES, Invitation, InvitationQuerySet, Role
from rcphub.accounts.permissions import coalition_ids_with_role, is_platform_secretariat


def invitation_list(*, user: Any) -> InvitationQuerySet:
    """Return the invitations the user may see and revoke (none for those who may not invite)."""
    qs = Invitation.objects.select_related("entity", "coalition", "invited_by")
    if is_platform_secretariat(user):
        if not getattr(user, "is_superuser", False):
            qs = qs.exclude(role=Role.ADMINISTRATOR)
        return qs
    coalitions = coalition_ids_with_role(user, Role.COALITION_SECRETARIAT)
    if not coalitions:
        return qs.none()
    return qs.filter(Q(coalition_id__in=coalitions) & ~Q(role__in=PLATFORM_WIDE_ROLES))


def invitation_get_by_token(*, raw: str) -> Invitation | None:
    """Return the invitation whose token is `raw`, whatever its state, or None."""
    if not raw or len(raw) > 100:
        return None
    digest = Invitation.digest_of(raw)
    invitation = (
        Invitation.objects.select_related("entity", "coalition", "invited_by")
        .filter(token_hash=digest)
        .first()
    )
    if invitation is None or not constant_time_compare(invitation.token_hash, digest):
        return None
    return invitation
