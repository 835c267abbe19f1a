"""Who may see and change work plans, activities and their progress.

Visitors see the public activities of endorsed (and closed) work plans of public coalitions;
members of a coalition also see its drafts and internal activities; focal points edit the
activities their entity leads; the coalition secretariat manages the whole work plan; the platform
secretariat everything. A closed work plan is read-only.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from rcphub.accounts.permissions import focal_point_entities, is_platform_secretariat
from rcphub.coalitions.permissions import (
    coalition_visibility_q,
    is_coalition_secretariat,
    member_coalition_ids,
)
from rcphub.core.models import Visibility
from rcphub.core.rules import q_matches
from rcphub.workplans.models import PUBLISHED_STATES, Activity, WorkPlan, WorkPlanState

# The path from an activity to its work plan.
ACTIVITY_WORK_PLAN = "output__result__work_plan"


def workplan_visibility_q(user: Any, prefix: str = "") -> Q:
    """Return the filter of work plans the user may see, on a path ending at a work plan.

    Endorsed and closed work plans of the coalitions the user may see; drafts too for the members.
    """
    if is_platform_secretariat(user):
        return Q()
    q = Q(**{f"{prefix}state__in": PUBLISHED_STATES})
    mine = member_coalition_ids(user)
    if mine:
        q |= Q(**{f"{prefix}coalition_id__in": mine})
    return q & coalition_visibility_q(user, prefix=f"{prefix}coalition__")


def activity_visibility_q(user: Any) -> Q:
    """Return the filter of activities the user may see, in the work plans the user may see.

    Public activities for all; internal ones for the members of the plan's coalition.
    """
    if is_platform_secretariat(user):
        return Q()
    work_plan = f"{ACTIVITY_WORK_PLAN}__"
    q = Q(visibility=Visibility.PUBLIC)
    mine = member_coalition_ids(user)
    if mine:
        q |= Q(**{f"{work_plan}coalition_id__in": mine})
    return q & workplan_visibility_q(user, prefix=work_plan)


def can_view_workplan(*, user: Any, work_plan: WorkPlan) -> bool:
    """Return True if the user may see the work plan: `workplan_visibility_q` decided on it."""
    return q_matches(workplan_visibility_q(user), work_plan)


def can_view_activity(*, user: Any, activity: Any, work_plan: WorkPlan) -> bool:
    """Return True if the user may see the activity (or a past version of it) of the work plan.

    `activity_visibility_q` decided on the activity, reading the work plan given.
    """
    return q_matches(activity_visibility_q(user), activity, at={ACTIVITY_WORK_PLAN: work_plan})


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
