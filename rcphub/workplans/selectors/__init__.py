"""Reads on work plans, with the visibility filter; a constant number of queries per call.

One module per sub-domain: `workplans` (lists, access to a plan and its parts), `activities` (the
filtered list, access to one, status and history), `tree` (the plan as at a date), `changes` (what
changed between two dates). The visibility rules live in `rcphub.workplans.permissions`.
"""

from rcphub.workplans.permissions import activity_visibility_q, workplan_visibility_q
from rcphub.workplans.selectors.activities import (
    ACTIVITY_PREFETCH,
    ACTIVITY_STATUS_FILTERS,
    ActivityFilters,
    ActivityReferences,
    activities_in_force,
    activity_change_history,
    activity_filters_check,
    activity_get,
    activity_get_for_edit,
    activity_get_for_status,
    activity_get_with_status,
    activity_list,
    activity_references_resolve,
    activity_status_as_at,
    activity_status_counts,
    activity_status_history,
    with_status_as_at,
)
from rcphub.workplans.selectors.changes import StatusMove, WorkPlanChanges, workplan_changes
from rcphub.workplans.selectors.tree import (
    STATUS_LABELS,
    ActivityNode,
    OutputNode,
    ResultNode,
    WorkPlanTree,
    status_label,
    workplan_activity_node,
    workplan_tree,
)
from rcphub.workplans.selectors.workplans import (
    output_get_for_manage,
    reporting_round_get_for_report,
    result_get_for_manage,
    workplan_coalition_for_create,
    workplan_get,
    workplan_get_for_manage,
    workplan_list,
    workplan_list_filtered,
)

__all__ = [
    "ACTIVITY_PREFETCH",
    "ACTIVITY_STATUS_FILTERS",
    "STATUS_LABELS",
    "ActivityFilters",
    "ActivityNode",
    "ActivityReferences",
    "OutputNode",
    "ResultNode",
    "StatusMove",
    "WorkPlanChanges",
    "WorkPlanTree",
    "activities_in_force",
    "activity_change_history",
    "activity_filters_check",
    "activity_get",
    "activity_get_for_edit",
    "activity_get_for_status",
    "activity_get_with_status",
    "activity_list",
    "activity_references_resolve",
    "activity_status_as_at",
    "activity_status_counts",
    "activity_status_history",
    "activity_visibility_q",
    "output_get_for_manage",
    "reporting_round_get_for_report",
    "result_get_for_manage",
    "status_label",
    "with_status_as_at",
    "workplan_activity_node",
    "workplan_changes",
    "workplan_coalition_for_create",
    "workplan_get",
    "workplan_get_for_manage",
    "workplan_list",
    "workplan_list_filtered",
    "workplan_tree",
    "workplan_visibility_q",
]
