from datetime import date

import pytest

from rcphub.workplans.selectors import workplan_tree
from rcphub.workplans.tests.factories import StatusReportFactory

pytestmark = pytest.mark.django_db


def test_status_as_at_ignores_later_reports(work_plan, platform_secretariat):
    activity = work_plan.results.get().outputs.get().activities.get(code="i")
    StatusReportFactory(activity=activity, status="starting", as_at=date(2026, 3, 31), author=platform_secretariat)
    StatusReportFactory(activity=activity, status="completed", as_at=date(2026, 9, 30), author=platform_secretariat)
    tree = workplan_tree(work_plan=work_plan, user=platform_secretariat, as_at=date(2026, 6, 30))
    node = next(a for a in tree.activities() if a.activity.pk == activity.pk)
    assert node.status == "starting"
    tree = workplan_tree(work_plan=work_plan, user=platform_secretariat, as_at=date(2026, 3, 30))
    assert next(a for a in tree.activities() if a.activity.pk == activity.pk).status is None
