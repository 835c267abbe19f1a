"""Each visibility rule is written once: the list filter and the single-object check agree."""

import pytest

from rcphub.coalitions.models import Coalition
from rcphub.coalitions.permissions import can_view_coalition, coalition_visibility_q
from rcphub.workplans.models import Activity, WorkPlan
from rcphub.workplans.permissions import (
    activity_visibility_q,
    can_view_activity,
    can_view_workplan,
    workplan_visibility_q,
)
from rcphub.workplans.tests.factories import build_work_plan

pytestmark = pytest.mark.django_db

ROLES = ("visitor", "outsider", "member", "focal_point", "coalition_secretariat", "platform_secretariat")


@pytest.mark.parametrize("coalition_visibility", ["public", "internal"])
@pytest.mark.parametrize("role", ROLES)
def test_list_and_object_agree_on_coalitions_work_plans_and_activities(
    request, coalition, role, coalition_visibility
):
    coalition.visibility = coalition_visibility
    coalition.save()
    for state in ("draft", "endorsed", "closed"):
        WorkPlan.objects.filter(pk=build_work_plan(coalition=coalition, state=state).pk).update(title=state)
    user = request.getfixturevalue(role)
    listed = set(Coalition.objects.filter(coalition_visibility_q(user)).values_list("pk", flat=True))
    for each in Coalition.objects.all():
        assert can_view_coalition(user=user, coalition=each) is (each.pk in listed), each
    listed = set(WorkPlan.objects.filter(workplan_visibility_q(user)).values_list("pk", flat=True))
    for plan in WorkPlan.objects.select_related("coalition"):
        assert can_view_workplan(user=user, work_plan=plan) is (plan.pk in listed), plan.state
    listed = set(Activity.objects.filter(activity_visibility_q(user)).values_list("pk", flat=True))
    for activity in Activity.objects.select_related("output__result__work_plan__coalition"):
        work_plan = activity.output.result.work_plan
        expected = activity.pk in listed
        assert can_view_activity(user=user, activity=activity, work_plan=work_plan) is expected, activity
