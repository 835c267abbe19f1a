"""What changed in a work plan between two dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from rcphub.core.status import latest_report_subquery
from rcphub.workplans.models import Activity, StatusReport, WorkPlan
from rcphub.workplans.permissions import activity_visibility_q
from rcphub.workplans.selectors.tree import status_label


@dataclass
class StatusMove:
    activity: Activity
    before: str | None
    after: str | None

    @property
    def before_label(self) -> str:
        return status_label(self.before)

    @property
    def after_label(self) -> str:
        return status_label(self.after)


@dataclass
class WorkPlanChanges:
    since: date
    until: date
    moves: list[StatusMove]
    reports: list[StatusReport]
    added: list[Activity]
    edited: list[Activity]


def workplan_changes(*, work_plan: WorkPlan, user: Any, since: date, until: date) -> WorkPlanChanges:
    """Return what changed in the work plan after `since` up to and including `until`.

    Status moves compare each activity's status as at the two dates; reports are those dated in
    the interval; added and edited activities come from the change history.
    """
    visible = Activity.objects.filter(activity_visibility_q(user), output__result__work_plan=work_plan)
    rows = visible.annotate(
        before=latest_report_subquery(StatusReport, subject_field="activity", as_at=since),
        after=latest_report_subquery(StatusReport, subject_field="activity", as_at=until),
    ).order_by("output__result__order", "output__order", "order", "id")
    moves = [StatusMove(activity=a, before=a.before, after=a.after) for a in rows if a.before != a.after]
    reports = list(
        StatusReport.objects.filter(activity__in=visible, as_at__gt=since, as_at__lte=until)
        .select_related("activity", "author", "round")
        .order_by("as_at", "id")
    )
    history = Activity.history.model.objects.filter(
        id__in=visible.values("id"), history_date__date__gt=since, history_date__date__lte=until
    ).values_list("id", "history_type")
    added_ids = {pk for pk, kind in history if kind == "+"}
    edited_ids = {pk for pk, kind in history if kind == "~"} - added_ids
    by_id = {a.pk: a for a in visible.filter(pk__in=added_ids | edited_ids)}
    return WorkPlanChanges(
        since=since,
        until=until,
        moves=moves,
        reports=reports,
        added=[by_id[i] for i in sorted(added_ids) if i in by_id],
        edited=[by_id[i] for i in sorted(edited_ids) if i in by_id],
    )
