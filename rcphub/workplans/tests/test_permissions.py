"""One table over role × action × work-plan state."""

import pytest

from rcphub.workplans.permissions import (
    can_edit_activity,
    can_manage_workplan,
    can_record_status,
    can_transition_workplan,
    can_view_activity,
    can_view_workplan,
)
from rcphub.workplans.tests.factories import build_work_plan

pytestmark = pytest.mark.django_db

STATES = ("draft", "endorsed", "closed")
T, F = True, False

# action -> role -> expected in (draft, endorsed, closed).
# Activity "i" is public and led by UNDP (the focal point's entity); "ii" is internal and led by WHO.
TABLE = {
    "view_plan": {
        "visitor": (F, T, T),
        "outsider": (F, T, T),
        "member": (T, T, T),
        "focal_point": (T, T, T),
        "coalition_secretariat": (T, T, T),
        "platform_secretariat": (T, T, T),
    },
    "view_public_activity": {
        "visitor": (F, T, T),
        "outsider": (F, T, T),
        "member": (T, T, T),
        "focal_point": (T, T, T),
        "coalition_secretariat": (T, T, T),
        "platform_secretariat": (T, T, T),
    },
    "view_internal_activity": {
        "visitor": (F, F, F),
        "outsider": (F, F, F),
        "member": (T, T, T),
        "focal_point": (T, T, T),
        "coalition_secretariat": (T, T, T),
        "platform_secretariat": (T, T, T),
    },
    "edit_activity_led_by_own_entity": {
        "visitor": (F, F, F),
        "outsider": (F, F, F),
        "member": (F, F, F),
        "focal_point": (T, T, F),
        "coalition_secretariat": (T, T, F),
        "platform_secretariat": (T, T, F),
    },
    "edit_activity_led_by_another_entity": {
        "visitor": (F, F, F),
        "outsider": (F, F, F),
        "member": (F, F, F),
        "focal_point": (F, F, F),
        "coalition_secretariat": (T, T, F),
        "platform_secretariat": (T, T, F),
    },
    "record_status_on_own_activity": {
        "visitor": (F, F, F),
        "outsider": (F, F, F),
        "member": (F, F, F),
        "focal_point": (F, T, F),
        "coalition_secretariat": (F, T, F),
        "platform_secretariat": (F, T, F),
    },
    "manage_work_plan": {
        "visitor": (F, F, F),
        "outsider": (F, F, F),
        "member": (F, F, F),
        "focal_point": (F, F, F),
        "coalition_secretariat": (T, T, F),
        "platform_secretariat": (T, T, F),
    },
    "change_state": {
        "visitor": (F, F, F),
        "outsider": (F, F, F),
        "member": (F, F, F),
        "focal_point": (F, F, F),
        "coalition_secretariat": (T, T, F),
        "platform_secretariat": (T, T, T),
    },
}

NEXT_STATE = {"draft": "endorsed", "endorsed": "closed", "closed": "endorsed"}


def _decide(action, user, work_plan):
    own = work_plan.results.get().outputs.get().activities.get(code="i")
    other = work_plan.results.get().outputs.get().activities.get(code="ii")
    return {
        "view_plan": lambda: can_view_workplan(user=user, work_plan=work_plan),
        "view_public_activity": lambda: can_view_activity(user=user, activity=own, work_plan=work_plan),
        "view_internal_activity": lambda: can_view_activity(user=user, activity=other, work_plan=work_plan),
        "edit_activity_led_by_own_entity": lambda: can_edit_activity(
            user=user, activity=own, work_plan=work_plan
        ),
        "edit_activity_led_by_another_entity": lambda: can_edit_activity(
            user=user, activity=other, work_plan=work_plan
        ),
        "record_status_on_own_activity": lambda: can_record_status(
            user=user, activity=own, work_plan=work_plan
        ),
        "manage_work_plan": lambda: can_manage_workplan(user=user, work_plan=work_plan),
        "change_state": lambda: can_transition_workplan(
            user=user, work_plan=work_plan, to_state=NEXT_STATE[work_plan.state]
        ),
    }[action]()


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize(
    ("action", "role"), [(action, role) for action, roles in TABLE.items() for role in roles]
)
def test_permission_table(request, coalition, action, role, state):
    user = request.getfixturevalue(role)
    work_plan = build_work_plan(coalition=coalition, state=state)
    expected = TABLE[action][role][STATES.index(state)]
    assert _decide(action, user, work_plan) is expected, f"{role} {action} on a {state} work plan"


def test_internal_coalition_hides_its_published_work_plan_from_visitors(coalition, visitor, member):
    coalition.visibility = "internal"
    coalition.save()
    work_plan = build_work_plan(coalition=coalition, state="endorsed")
    assert can_view_workplan(user=visitor, work_plan=work_plan) is False
    assert can_view_workplan(user=member, work_plan=work_plan) is True


def test_former_member_entity_loses_internal_access(coalition, member):
    from datetime import date

    coalition.members.filter(entity__acronym="UNFPA").update(since=date(2020, 1, 1), until=date(2021, 12, 31))
    work_plan = build_work_plan(coalition=coalition, state="endorsed")
    internal = work_plan.results.get().outputs.get().activities.get(code="ii")
    assert can_view_activity(user=member, activity=internal, work_plan=work_plan) is False
