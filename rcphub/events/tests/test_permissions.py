"""One table over role × action × event (coalition or platform-wide, public or internal).

The selector (what pages and the API show) and the predicate (what templates and services ask)
must agree on every cell.
"""

import pytest

from rcphub.accounts.tests.factories import UserFactory
from rcphub.core.errors import NotFound
from rcphub.events.permissions import can_manage_event, can_view_event
from rcphub.events.selectors import event_get, event_get_for_manage
from rcphub.events.tests.builders import make_event

pytestmark = pytest.mark.django_db

T, F = True, False
ROLES = (
    "visitor",
    "nobody",
    "outsider",
    "member",
    "focal_point",
    "coalition_secretariat",
    "platform_secretariat",
)
EVENTS = (
    "coalition_public",
    "coalition_internal",
    "platform_public",
    "platform_internal",
    "hidden_coalition_public",
)

# action -> role -> expected per event in EVENTS. `nobody`: signed in, with no membership.
# `hidden_coalition_public`: a public event of an internal coalition (`coalition` made internal).
TABLE = {
    "view": {
        "visitor": (T, F, T, F, F),
        "nobody": (T, F, T, F, F),
        "outsider": (T, F, T, T, F),  # UN staff of the platform see its internal events
        "member": (T, T, T, T, T),  # UNFPA belongs to the coalition
        "focal_point": (T, T, T, T, T),
        "coalition_secretariat": (T, T, T, T, T),
        "platform_secretariat": (T, T, T, T, T),
    },
    "manage": {
        "visitor": (F, F, F, F, F),
        "nobody": (F, F, F, F, F),
        "outsider": (F, F, F, F, F),
        "member": (F, F, F, F, F),
        "focal_point": (F, F, F, F, F),
        "coalition_secretariat": (T, T, F, F, T),
        "platform_secretariat": (T, T, T, T, T),
    },
}


@pytest.fixture
def nobody(db):
    return UserFactory(email="nobody@example.org")


def _build(which, coalition):
    if which == "hidden_coalition_public":
        coalition.visibility = "internal"
        coalition.save()
    return make_event(
        coalition=coalition if which.startswith(("coalition", "hidden")) else None,
        visibility="internal" if which.endswith("internal") else "public",
    )


def _reaches(getter, user, event):
    try:
        getter(event_id=event.pk, user=user)
    except NotFound:
        return False
    return True


@pytest.mark.parametrize("which", EVENTS)
@pytest.mark.parametrize(("action", "role"), [(a, r) for a in TABLE for r in ROLES])
def test_permission_table(request, coalition, action, role, which):
    user = request.getfixturevalue(role)
    event = _build(which, coalition)
    expected = TABLE[action][role][EVENTS.index(which)]
    if action == "view":
        assert _reaches(event_get, user, event) is expected
        assert can_view_event(user=user, event=event) is expected
    else:
        assert _reaches(event_get_for_manage, user, event) is expected
        assert can_manage_event(user=user, event=event) is expected


def test_missing_and_forbidden_answer_alike(coalition, visitor):
    hidden = make_event(coalition=coalition, visibility="internal")
    with pytest.raises(NotFound) as forbidden:
        event_get(event_id=hidden.pk, user=visitor)
    with pytest.raises(NotFound) as missing:
        event_get(event_id=hidden.pk + 1000, user=visitor)
    assert str(forbidden.value) == str(missing.value)
