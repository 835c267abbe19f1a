"""The work plan as the nested tree people know, with each activity's status as at a date."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import prefetch_related_objects
from django.utils.translation import gettext as _

from rcphub.core.errors import NotFound
from rcphub.core.models import ProgressStatus
from rcphub.workplans.models import Activity, Output, ReportingRound, Result, WorkPlan
from rcphub.workplans.permissions import (
    activity_visibility_q,
    can_edit_activity,
    can_manage_workplan,
    can_record_status,
)
from rcphub.workplans.selectors.activities import ACTIVITY_PREFETCH, with_status_as_at


def _prefetch_origins(activities: list[Activity]) -> None:
    """Fetch the support requests behind the demand-driven activities, in one query if there are any.

    The tree links them for those who may see them (support/_activity_origin.html).
    """
    prefetch_related_objects([a for a in activities if a.demand_driven], "support_requests")


@dataclass
class ActivityNode:
    activity: Activity
    status: str | None
    status_label: str
    reported_on: date | None
    comment: str
    can_edit: bool
    can_record_status: bool
    # The status in the report's own words, beside the normalised one ("Completed/ongoing").
    status_text: str = ""


@dataclass
class OutputNode:
    output: Output
    activities: list[ActivityNode] = field(default_factory=list)


@dataclass
class ResultNode:
    result: Result
    outputs: list[OutputNode] = field(default_factory=list)


@dataclass
class WorkPlanTree:
    work_plan: WorkPlan
    as_at: date
    results: list[ResultNode]
    rounds: list[ReportingRound]
    status_counts: dict[str, int]
    can_manage: bool

    @property
    def activity_count(self) -> int:
        return sum(len(o.activities) for r in self.results for o in r.outputs)

    def activities(self) -> list[ActivityNode]:
        return [a for r in self.results for o in r.outputs for a in o.activities]


STATUS_LABELS = dict(ProgressStatus.choices)


def status_label(status: str | None) -> str:
    """Return the status as people read it; "No report yet" where there is none."""
    return str(STATUS_LABELS.get(status, status)) if status else str(_("No report yet"))


def _activity_node(activity: Activity, *, user: Any, work_plan: WorkPlan) -> ActivityNode:
    """Return the activity's row, from an activity annotated by `with_status_as_at`."""
    status = activity.status_as_at  # type: ignore[attr-defined]
    return ActivityNode(
        activity=activity,
        status=status,
        status_label=status_label(status),
        reported_on=activity.status_reported_on,  # type: ignore[attr-defined]
        comment=activity.status_comment or "",  # type: ignore[attr-defined]
        status_text=activity.status_text_as_at or "",  # type: ignore[attr-defined]
        can_edit=can_edit_activity(user=user, activity=activity, work_plan=work_plan),
        can_record_status=can_record_status(user=user, activity=activity, work_plan=work_plan),
    )


def workplan_tree(*, work_plan: WorkPlan, user: Any, as_at: date) -> WorkPlanTree:
    """Return the work plan as the nested tree people know, with each activity's status as at `as_at`.

    Every result and output of the plan is part of it, with or without activities: whoever may see
    the plan sees its structure. Only the activities are filtered, by `activity_visibility_q`.
    """
    can_manage = can_manage_workplan(user=user, work_plan=work_plan)
    results = list(Result.objects.filter(work_plan=work_plan).order_by("order", "id"))
    outputs = list(Output.objects.filter(result__work_plan=work_plan).order_by("order", "id"))
    activities = list(
        with_status_as_at(
            Activity.objects.filter(activity_visibility_q(user), output__result__work_plan=work_plan),
            as_at,
        )
        .prefetch_related(*ACTIVITY_PREFETCH)
        .order_by("order", "id")
    )
    _prefetch_origins(activities)
    by_output: dict[int, list[ActivityNode]] = {}
    counts: dict[str, int] = dict.fromkeys(STATUS_LABELS, 0)
    counts["none"] = 0
    for activity in activities:
        node = _activity_node(activity, user=user, work_plan=work_plan)
        counts[node.status or "none"] = counts.get(node.status or "none", 0) + 1
        by_output.setdefault(activity.output_id, []).append(node)
    output_nodes: dict[int, list[OutputNode]] = {}
    for output in outputs:
        nodes = by_output.get(output.pk, [])
        output_nodes.setdefault(output.result_id, []).append(OutputNode(output=output, activities=nodes))
    result_nodes = [ResultNode(result=result, outputs=output_nodes.get(result.pk, [])) for result in results]
    rounds = list(work_plan.rounds.order_by("as_at"))
    return WorkPlanTree(
        work_plan=work_plan,
        as_at=as_at,
        results=result_nodes,
        rounds=rounds,
        status_counts=counts,
        can_manage=can_manage,
    )


def workplan_activity_node(*, activity_id: int, user: Any, as_at: date) -> ActivityNode:
    """Return one activity as `workplan_tree` shows it, with its status as at `as_at`, or raise NotFound."""
    activity = (
        with_status_as_at(Activity.objects.filter(activity_visibility_q(user), pk=activity_id), as_at)
        .select_related("output__result__work_plan__coalition")
        .prefetch_related(*ACTIVITY_PREFETCH)
        .first()
    )
    if activity is None:
        raise NotFound
    _prefetch_origins([activity])
    work_plan = activity.output.result.work_plan
    return _activity_node(activity, user=user, work_plan=work_plan)
