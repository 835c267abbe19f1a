"""One table over role × action on a request addressed to the health coalition (and one not routed)."""

# ruff: noqa: F811  (pytest fixtures imported from request_fixtures are redefined as arguments)

import pytest

from rcphub.core.errors import NotFound
from rcphub.support.models import RequestState
from rcphub.support.permissions import (
    can_rate_request,
    can_route_request,
    can_submit_request,
    can_transition_request,
    can_view_roster,
    can_view_turnaround,
)
from rcphub.support.selectors import support_request_get, support_request_list
from rcphub.support.tests.request_fixtures import make_request, other_rco, other_secretariat, rco  # noqa: F401

pytestmark = pytest.mark.django_db

T, F = True, False
ROLES = (
    "visitor",
    "outsider",
    "member",
    "focal_point",
    "rco",
    "other_rco",
    "coalition_secretariat",
    "other_secretariat",
    "platform_secretariat",
)

# action -> expected per role, in the order of ROLES. `rco` asked for the request; `other_rco` is another
# Resident Coordinator's office (same entity, DCO).
TABLE = {
    "view": (F, F, F, F, T, F, T, F, T),
    "view_unrouted": (F, F, F, F, T, F, F, F, T),
    "submit": (F, T, T, T, T, T, T, T, T),
    "decide": (F, F, F, F, F, F, T, F, T),
    "decide_unrouted": (F, F, F, F, F, F, F, F, T),
    "route": (F, F, F, F, F, F, F, F, T),
    "rate_delivered": (F, F, F, F, T, F, F, F, F),
    "read_roster": (F, T, T, T, T, T, T, T, T),
    "read_turnaround": (F, T, T, T, T, T, T, T, T),
}


def _visible(user, request):
    try:
        support_request_get(request_id=request.pk, user=user)
    except NotFound:
        return False
    assert request in support_request_list(user=user)
    return True


@pytest.mark.parametrize("action", TABLE)
def test_permission_table(action, request, coalition, rco):
    routed = make_request(requester=rco, coalition=coalition)
    unrouted = make_request(requester=rco, title="Not sure who can help")
    delivered = make_request(requester=rco, coalition=coalition, state=RequestState.DELIVERED)
    checks = {
        "view": lambda user: _visible(user, routed),
        "view_unrouted": lambda user: _visible(user, unrouted),
        "submit": lambda user: can_submit_request(user=user),
        "decide": lambda user: can_transition_request(
            user=user, support_request=routed, to_state=RequestState.UNDER_REVIEW
        ),
        "decide_unrouted": lambda user: can_transition_request(
            user=user, support_request=unrouted, to_state=RequestState.DECLINED
        ),
        "route": lambda user: can_route_request(user=user, support_request=unrouted),
        "rate_delivered": lambda user: can_rate_request(user=user, support_request=delivered),
        "read_roster": lambda user: can_view_roster(user=user),
        "read_turnaround": lambda user: can_view_turnaround(user=user),
    }
    got = tuple(checks[action](request.getfixturevalue(role)) for role in ROLES)
    assert got == TABLE[action], dict(zip(ROLES, got, strict=True))


def test_no_step_is_allowed_that_the_state_does_not_allow(rco, coalition, platform_secretariat):
    delivered = make_request(requester=rco, coalition=coalition, state=RequestState.DELIVERED)
    for to_state in RequestState.values:
        assert not can_transition_request(
            user=platform_secretariat, support_request=delivered, to_state=to_state
        )
