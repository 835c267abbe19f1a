"""Role predicates on users. Coalition-specific predicates live in `coalitions.permissions`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rcphub.accounts.models import COALITION_ROLES, PLATFORM_WIDE_ROLES, Invitation, Membership, Role


@dataclass(frozen=True)
class Grant:
    """One membership, reduced to what permission checks need."""

    role: str
    entity_id: int
    coalition_id: int | None


def grants_of(user: Any) -> tuple[Grant, ...]:
    """Return the user's memberships, read once per user object (so once per request)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return ()
    cached: tuple[Grant, ...] | None = getattr(user, "_rcphub_grants", None)
    if cached is None:
        cached = tuple(
            Grant(role=role, entity_id=entity_id, coalition_id=coalition_id)
            for role, entity_id, coalition_id in Membership.objects.filter(user=user).values_list(
                "role", "entity_id", "coalition_id"
            )
        )
        user._rcphub_grants = cached
    return cached


def forget_grants(user: Any) -> None:
    """Drop the cached memberships, after they changed."""
    if hasattr(user, "_rcphub_grants"):
        del user._rcphub_grants


def is_platform_secretariat(user: Any) -> bool:
    """Return True if the user may act on everything across the platform."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return True
    return any(g.role == Role.PLATFORM_SECRETARIAT for g in grants_of(user))


def entity_ids_of(user: Any) -> frozenset[int]:
    """Return the entities the user works for."""
    return frozenset(g.entity_id for g in grants_of(user))


def coalition_ids_with_role(user: Any, *roles: str) -> frozenset[int]:
    """Return the coalitions in which the user holds one of `roles`."""
    return frozenset(
        g.coalition_id for g in grants_of(user) if g.role in roles and g.coalition_id is not None
    )


def focal_point_entities(user: Any, *, coalition_id: int) -> frozenset[int]:
    """Return the entities for which the user is focal point in the coalition."""
    return frozenset(
        g.entity_id for g in grants_of(user) if g.role == Role.FOCAL_POINT and g.coalition_id == coalition_id
    )


def invitable_roles(user: Any, *, coalition_id: int | None) -> frozenset[str]:
    """Return the roles the user may invite a person to, in the coalition or (None) the platform.

    The platform secretariat invites to any coalition and to the platform's roles (the
    administrator's only if it is one itself); a coalition's secretariat invites to the roles of its
    own coalition, never to the platform's, and never beyond its own powers.
    """
    if is_platform_secretariat(user):
        roles = set(Role.values)
        if not getattr(user, "is_superuser", False):
            roles.discard(Role.ADMINISTRATOR)
        if coalition_id is None:
            return frozenset(roles - COALITION_ROLES)
        return frozenset(roles - PLATFORM_WIDE_ROLES)
    if coalition_id is not None and coalition_id in coalition_ids_with_role(user, Role.COALITION_SECRETARIAT):
        return frozenset({Role.MEMBER, Role.FOCAL_POINT, Role.COALITION_SECRETARIAT})
    return frozenset()


def can_invite(user: Any) -> bool:
    """Return True if the user may invite people anywhere (the invitation pages answer 404 otherwise)."""
    return is_platform_secretariat(user) or bool(coalition_ids_with_role(user, Role.COALITION_SECRETARIAT))


def can_manage_invitation(*, user: Any, invitation: Invitation) -> bool:
    """Return True if the user may see and revoke the invitation: whoever may send it."""
    return invitation.role in invitable_roles(user, coalition_id=invitation.coalition_id)
