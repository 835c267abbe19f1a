"""Who may see and change work plans, activities and their progress.

Visitors see the public activities of endorsed (and closed) work plans of public coalitions;
members of a coalition also see its drafts and internal activities; focal points edit the
activities their entity leads; the coalition secretariat manages the whole work plan; the platform
secretariat everything. A closed work plan is read-only.
"""

from __future__ import annotations

from typing import Any

from rcphub.accounts.permissions import focal_point_entities, is_platform_secretariat
from rcphub.coalitions.permissions import can_view_coalition, has_internal_access, is_coalition_secretariat
from rcphub.core.models import Visibility
from rcphub.workplans.models import PUBLISHED_STATES, Activity, WorkPlan, WorkPlanState


def can_view_workplan(*, user: Any, work_plan: WorkPlan) -> bool:
    """Return True if the user may see the work plan."""
    coalition = work_plan.coalition
    if not can_view_coalition(user=user, coalition=coalition):
        return False
    return work_plan.state in PUBLISHED_STATES or has_internal_access(user=user, coalition_id=coalition.pk)


def can_view_activity(*, user: Any, activity: Activity, work_plan: WorkPlan) -> bool:
    """Return True if the user may see the activity of the work plan."""
    if not can_view_workplan(user=user, work_plan=work_plan):
        return False
    return activity.visibility == Visibility.PUBLIC or has_internal_access(
        user=user, coalition_id=work_plan.coalition_id
    )


def can_manage_workplan(*, user: Any, work_plan: WorkPlan) -> bool:
    """Return True if the user may change the work plan's structure and any of its activities."""
    return work_plan.state != WorkPlanState.CLOSED and is_coalition_secretariat(
        user=user, coalition_id=work_plan.coalition_id
    )


def _leads(user: Any, activity: Activity, work_plan: WorkPlan) -> bool:
    mine = focal_point_entities(user, coalition_id=work_plan.coalition_id)
    if not mine:
        return False
    # Uses the prefetched lead entities when the caller has them.
    return any(entity.pk in mine for entity in activity.lead_entities.all())


def can_edit_activity(*, user: Any, activity: Activity, work_plan: WorkPlan) -> bool:
    """Return True if the user may edit the activity: the secretariat, or a focal point of a lead entity."""
    if work_plan.state == WorkPlanState.CLOSED:
        return False
    return can_manage_workplan(user=user, work_plan=work_plan) or _leads(user, activity, work_plan)


def can_record_status(*, user: Any, activity: Activity, work_plan: WorkPlan) -> bool:
    """Return True if the user may report the activity's progress; only endorsed plans take reports."""
    return work_plan.state == WorkPlanState.ENDORSED and can_edit_activity(
        user=user, activity=activity, work_plan=work_plan
    )


def can_transition_workplan(*, user: Any, work_plan: WorkPlan, to_state: str) -> bool:
    """Return True if the user may move the work plan to `to_state`.

    Re-opening a closed work plan is for the platform secretariat alone.
    """
    if work_plan.state == WorkPlanState.CLOSED:
        return is_platform_secretariat(user)
    return is_coalition_secretariat(user=user, coalition_id=work_plan.coalition_id)
