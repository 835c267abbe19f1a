"""Who may submit, follow, route and decide support requests, rate the support, and read the roster.

- Any signed-in user with a membership may submit a request: in practice a Resident Coordinator's office
  (the DCO entity in the reference data) on behalf of its UN Country Team.
- The requester follows their own requests. Requests are not shared by entity: every Resident
  Coordinator's office belongs to the same entity (DCO), so sharing by entity would show each office
  the requests of all the others.
- The secretariat of the coalition addressed sees and decides the coalition's requests.
- The platform secretariat sees every request, routes those addressed to no coalition (or re-routes
  one not yet decided), and may decide any.
- Four eyes: nobody accepts or declines a request they made or that their entity made (the entity
  asking, or the requester's own where none is named); another reviewer must. The platform
  secretariat is not exempt.
- Nobody else sees a request: missing and forbidden answer alike.
- The expertise roster and the turnaround figures are for signed-in members; never public.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from rcphub.accounts.models import Membership, Role
from rcphub.accounts.permissions import (
    coalition_ids_with_role,
    entity_ids_of,
    grants_of,
    is_platform_secretariat,
)
from rcphub.coalitions.permissions import is_coalition_secretariat
from rcphub.core.rules import q_matches
from rcphub.support.models import REQUEST_TRANSITIONS, RequestState, SupportRequest

# States in which a request may still be sent to another coalition: before any decision.
ROUTABLE_STATES = (RequestState.SUBMITTED, RequestState.UNDER_REVIEW)
# The steps that decide on a request: never by whoever (or whose entity) made it.
DECISION_STEPS = frozenset({RequestState.ACCEPTED, RequestState.DECLINED})


def is_member(user: Any) -> bool:
    """Return True if the user is signed in and holds a membership (or acts for the platform)."""
    return bool(grants_of(user)) or is_platform_secretariat(user)


def can_submit_request(*, user: Any) -> bool:
    """Return True if the user may ask for support on behalf of a UN Country Team."""
    return is_member(user)


def support_request_visibility_q(user: Any, prefix: str = "") -> Q:
    """Return the filter of requests the user may see, on a path ending at a request.

    Their own, those addressed to the coalitions whose secretariat they serve, every one for the
    platform secretariat; nothing for visitors and inactive accounts.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Q(pk__in=[])
    if is_platform_secretariat(user):
        return Q()
    q = Q(**{f"{prefix}requester_id": user.pk})
    coalitions = coalition_ids_with_role(user, Role.COALITION_SECRETARIAT)
    if coalitions:
        q |= Q(**{f"{prefix}coalition_id__in": coalitions})
    return q


def can_view_request(*, user: Any, support_request: SupportRequest) -> bool:
    """Return True if the user may see the request: `support_request_visibility_q` decided on it."""
    return q_matches(support_request_visibility_q(user), support_request)


def can_decide_request(*, user: Any, support_request: SupportRequest) -> bool:
    """Return True if the user may take decisions on the request: the coalition addressed, or the platform.

    A request addressed to no coalition is the platform secretariat's alone.
    """
    if support_request.coalition_id is None:
        return is_platform_secretariat(user)
    return is_coalition_secretariat(user=user, coalition_id=support_request.coalition_id)


def is_own_request(*, user: Any, support_request: SupportRequest) -> bool:
    """Return True if the user or their entity made the request: the requester, or one working for
    the entity asking (the requester's own entities where the request names none)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if support_request.requester_id == user.pk:
        return True
    mine = entity_ids_of(user)
    if support_request.requesting_entity_id is not None:
        return support_request.requesting_entity_id in mine
    return (
        bool(mine)
        and Membership.objects.filter(user_id=support_request.requester_id, entity_id__in=mine).exists()
    )


def must_leave_decision_to_another(*, user: Any, support_request: SupportRequest, to_state: str) -> bool:
    """Return True if the step is a decision and the user or their entity made the request (four eyes)."""
    return to_state in DECISION_STEPS and is_own_request(user=user, support_request=support_request)


def can_transition_request(*, user: Any, support_request: SupportRequest, to_state: str) -> bool:
    """Return True if the user may move the request to `to_state` now (state rules and four eyes included)."""
    return (
        to_state in REQUEST_TRANSITIONS.get(support_request.state, frozenset())
        and can_decide_request(user=user, support_request=support_request)
        and not must_leave_decision_to_another(user=user, support_request=support_request, to_state=to_state)
    )


def can_route_request(*, user: Any, support_request: SupportRequest) -> bool:
    """Return True if the user may send the request to a coalition: the platform, before any decision."""
    return support_request.state in ROUTABLE_STATES and is_platform_secretariat(user)


def can_rate_request(*, user: Any, support_request: SupportRequest) -> bool:
    """Return True if the user may rate the support: the requester, once, after delivery."""
    return (
        getattr(user, "is_authenticated", False)
        and support_request.requester_id == user.pk
        and support_request.state == RequestState.DELIVERED
        and support_request.rating is None
    )


def can_view_roster(*, user: Any) -> bool:
    """Return True if the user may search the expertise roster (members only)."""
    return is_member(user)


def can_view_turnaround(*, user: Any) -> bool:
    """Return True if the user may read the turnaround figures per coalition (members only)."""
    return is_member(user)
