"""Reads on coalitions, with the visibility filter."""

from __future__ import annotations

from typing import Any

from django.db.models import Case, F, Prefetch, QuerySet, When

from rcphub.accounts.permissions import is_platform_secretariat
from rcphub.coalitions.models import (
    Coalition,
    CoalitionMember,
    CoalitionRole,
    CountryNetwork,
    current_membership_q,
)
from rcphub.coalitions.permissions import can_edit_coalition, coalition_visibility_q
from rcphub.core.dates import today
from rcphub.core.errors import NotFound


def visible_parent_slug(user: Any) -> Case | F:
    """Return an expression of the parent coalition's slug where the user may see the parent, else null."""
    if is_platform_secretariat(user):
        return F("parent__slug")
    return Case(When(coalition_visibility_q(user, prefix="parent__"), then=F("parent__slug")), default=None)


def coalition_list(*, user: Any) -> QuerySet[Coalition]:
    """Return the coalitions the user may see, co-chairs prefetched, with `parent_slug` where the user may see it."""
    current = current_membership_q(today())
    return (
        Coalition.objects.filter(coalition_visibility_q(user))
        .annotate(parent_slug=visible_parent_slug(user))
        .select_related("platform", "parent")
        .prefetch_related(
            Prefetch(
                "members",
                queryset=CoalitionMember.objects.filter(current, role=CoalitionRole.CO_CHAIR).select_related(
                    "entity"
                ),
                to_attr="current_co_chairs",
            )
        )
        .order_by("-active", "name")
    )


def coalition_get(*, slug: str, user: Any) -> Coalition:
    """Return the coalition the user may see, or raise NotFound."""
    coalition = (
        Coalition.objects.filter(coalition_visibility_q(user), slug=slug)
        .select_related("platform", "parent")
        .first()
    )
    if coalition is None:
        raise NotFound
    return coalition


def coalition_get_for_edit(*, slug: str, user: Any) -> Coalition:
    """Return the coalition if the user may edit it; missing and forbidden answer alike."""
    coalition = coalition_get(slug=slug, user=user)
    if not can_edit_coalition(user=user, coalition=coalition):
        raise NotFound
    return coalition


def coalition_members(*, coalition: Coalition, include_past: bool = False) -> QuerySet[CoalitionMember]:
    """Return the coalition's members, current ones unless `include_past`."""
    qs = coalition.members.select_related("entity")
    if not include_past:
        qs = qs.filter(current_membership_q(today()))
    return qs.order_by("role", "entity__acronym")


def coalition_networks(*, coalition: Coalition) -> QuerySet[CountryNetwork]:
    """Return the coalition's country networks."""
    return coalition.networks.select_related("country").order_by("country__name_en")


def coalition_get_with_members(*, slug: str, user: Any) -> Coalition:
    """Return the coalition the user may see, with its current co-chairs, members and networks, or raise NotFound.

    The members are on `current_members` and the networks on `network_list`; one query each.
    """
    current = current_membership_q(today())
    coalition = (
        coalition_list(user=user)
        .filter(slug=slug)
        .prefetch_related(
            Prefetch(
                "members",
                queryset=CoalitionMember.objects.filter(current)
                .select_related("entity")
                .order_by("role", "entity__acronym"),
                to_attr="current_members",
            ),
            Prefetch(
                "networks",
                queryset=CountryNetwork.objects.select_related("country").order_by("country__name_en"),
                to_attr="network_list",
            ),
        )
        .first()
    )
    if coalition is None:
        raise NotFound
    return coalition
