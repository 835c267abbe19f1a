"""Reads on work plans and their parts: lists, and access for those who manage them."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from rcphub.coalitions.models import Coalition
from rcphub.coalitions.permissions import coalition_visibility_q, is_coalition_secretariat
from rcphub.core.errors import NotFound
from rcphub.workplans.models import Output, ReportingRound, Result, WorkPlan
from rcphub.workplans.permissions import can_manage_workplan, can_view_workplan, workplan_visibility_q


def workplan_list(*, user: Any, coalition_id: int | None = None) -> QuerySet[WorkPlan]:
    """Return the work plans the user may see, newest period first."""
    qs = WorkPlan.objects.filter(workplan_visibility_q(user)).select_related("coalition")
    if coalition_id is not None:
        qs = qs.filter(coalition_id=coalition_id)
    return qs.order_by("coalition__name", "-period_start")


def workplan_list_filtered(
    *, user: Any, coalition: str | None = None, state: str | None = None
) -> QuerySet[WorkPlan]:
    """Return the work plans the user may see, of the coalition with slug `coalition` and in `state` if given."""
    qs = workplan_list(user=user)
    if coalition:
        qs = qs.filter(coalition__slug=coalition)
    if state:
        qs = qs.filter(state=state)
    return qs


def workplan_coalition_for_create(*, slug: str, user: Any) -> Coalition:
    """Return the coalition with the slug if the user may start its work plans (its secretariat).

    Otherwise raise a ValidationError on `coalition`, the same whether it is missing or not the user's.
    """
    coalition = Coalition.objects.filter(coalition_visibility_q(user), slug=slug).first()
    if coalition is None or not is_coalition_secretariat(user=user, coalition_id=coalition.pk):
        message = _("Unknown coalition “%(value)s”, or not one whose secretariat you are.") % {
            "value": slug[:100]
        }
        raise ValidationError({"coalition": ValidationError(message, code="unknown")})
    return coalition


def workplan_get(*, work_plan_id: int, user: Any) -> WorkPlan:
    """Return the work plan the user may see, or raise NotFound."""
    work_plan = (
        WorkPlan.objects.select_related("coalition", "coalition__platform").filter(pk=work_plan_id).first()
    )
    if work_plan is None or not can_view_workplan(user=user, work_plan=work_plan):
        raise NotFound
    return work_plan


def workplan_get_for_manage(*, work_plan_id: int, user: Any) -> WorkPlan:
    """Return the work plan if the user may manage it; missing and forbidden answer alike."""
    work_plan = workplan_get(work_plan_id=work_plan_id, user=user)
    if not can_manage_workplan(user=user, work_plan=work_plan):
        raise NotFound
    return work_plan


def _check_manages(*, user: Any, work_plan: WorkPlan) -> None:
    """Raise NotFound unless the user may see and manage the work plan."""
    if not can_view_workplan(user=user, work_plan=work_plan) or not can_manage_workplan(
        user=user, work_plan=work_plan
    ):
        raise NotFound


def result_get_for_manage(*, result_id: int, user: Any) -> Result:
    """Return the result if the user may manage its work plan; missing and forbidden answer alike."""
    result = Result.objects.select_related("work_plan__coalition").filter(pk=result_id).first()
    if result is None:
        raise NotFound
    _check_manages(user=user, work_plan=result.work_plan)
    return result


def output_get_for_manage(*, output_id: int, user: Any) -> Output:
    """Return the output if the user may manage its work plan; missing and forbidden answer alike."""
    output = Output.objects.select_related("result__work_plan__coalition").filter(pk=output_id).first()
    if output is None:
        raise NotFound
    _check_manages(user=user, work_plan=output.result.work_plan)
    return output


def reporting_round_get_for_report(*, work_plan: WorkPlan, round_id: int) -> ReportingRound:
    """Return the work plan's reporting round, or raise ValidationError on `round` if it has none with that id."""
    round_ = ReportingRound.objects.filter(pk=round_id, work_plan=work_plan).first()
    if round_ is None:
        message = _("Unknown reporting round “%(value)s” for this work plan.") % {"value": round_id}
        raise ValidationError({"round": ValidationError(message, code="unknown")})
    return round_
