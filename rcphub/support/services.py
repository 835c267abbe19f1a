"""Writes on support requests and the roster. Each service is the one write path for its change.

Accepting a request puts it in the addressed coalition's current work plan (the plan covering the
date of the decision that is not closed): either an activity the secretariat names, from that plan,
or a new one under the plan's output for demand-driven support — result "DD" ("Demand-driven support
to UN Country Teams"), output "DD.1", created on first need — with the request's title, description,
country and desired timing. Either way the activity is marked demand-driven and linked to the request.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from rcphub.coalitions.models import Coalition
from rcphub.core.dates import today
from rcphub.core.errors import TransitionError
from rcphub.core.models import Visibility
from rcphub.reference.models import Country, Entity
from rcphub.support.models import REQUEST_TRANSITIONS, RequestState, SupportRequest
from rcphub.support.permissions import (
    can_decide_request,
    can_rate_request,
    can_route_request,
    can_submit_request,
    must_leave_decision_to_another,
)
from rcphub.support.selectors import current_work_plan
from rcphub.workplans.models import Activity, Output, Result, WorkPlan
from rcphub.workplans.services import activity_create, output_save, result_save

DEMAND_RESULT_CODE = "DD"
DEMAND_OUTPUT_CODE = "DD.1"

# The states that record a decision, and the date each transition fills in.
DECISION_STATES = (RequestState.ACCEPTED, RequestState.DECLINED)
DATE_OF_STATE: dict[str, str] = {
    RequestState.ACCEPTED: "decided_on",
    RequestState.DECLINED: "decided_on",
    RequestState.IN_PROGRESS: "started_on",
    RequestState.DELIVERED: "delivered_on",
}
STATE_LABELS: dict[str, str] = {value: str(label) for value, label in RequestState.choices}


def own_request_message() -> str:
    """Return why one may not accept or decline a request one's entity made (four eyes)."""
    return _("You or your entity made this request: another reviewer must decide.")


@transaction.atomic
def support_request_submit(
    *,
    country: Country,
    kind: str,
    title: str,
    description: str,
    by: Any,
    coalition: Coalition | None = None,
    desired_timing: str = "",
    desired_by: date | None = None,
    requesting_entity: Entity | None = None,
    on: date | None = None,
) -> SupportRequest:
    """Submit a request for support on behalf of a UN Country Team, to a coalition or to be routed."""
    if not can_submit_request(user=by):
        raise PermissionDenied
    submitted_on = on or today()
    if submitted_on > today():
        raise ValidationError({"submitted_on": _("A request cannot be submitted in the future.")})
    if desired_by is not None and desired_by < submitted_on:
        raise ValidationError({"desired_by": _("The date wished for comes before the request.")})
    support_request = SupportRequest(
        country=country,
        requester=by,
        requesting_entity=requesting_entity,
        coalition=coalition,
        kind=kind,
        title=title.strip(),
        description=description.strip(),
        desired_timing=desired_timing.strip(),
        desired_by=desired_by,
        submitted_on=submitted_on,
    )
    support_request.full_clean()
    support_request._history_user = by  # type: ignore[attr-defined]
    support_request.save()
    return support_request


@transaction.atomic
def support_request_route(
    *, support_request: SupportRequest, coalition: Coalition, by: Any, expected_version: int | None = None
) -> SupportRequest:
    """Send the request to a coalition (the platform secretariat, before any decision)."""
    if not can_route_request(user=by, support_request=support_request):
        if support_request.state not in (RequestState.SUBMITTED, RequestState.UNDER_REVIEW):
            raise TransitionError(
                {
                    "coalition": _("A request that is “%(state)s” can no longer be routed.")
                    % {"state": support_request.get_state_display()}
                }
            )
        raise PermissionDenied
    support_request.coalition = coalition
    support_request.full_clean()
    support_request._history_user = by  # type: ignore[attr-defined]
    support_request.save_versioned(expected_version=expected_version)
    return support_request


def _check_date(support_request: SupportRequest, on: date) -> None:
    if on > today():
        raise ValidationError({"on": _("A decision cannot be dated in the future.")})
    earlier = [
        d
        for d in (
            support_request.submitted_on,
            support_request.decided_on,
            support_request.started_on,
        )
        if d is not None
    ]
    if earlier and on < max(earlier):
        raise ValidationError(
            {
                "on": _("The date comes before the request's last step (%(date)s).")
                % {"date": max(earlier).isoformat()}
            }
        )


def demand_driven_output(*, work_plan: WorkPlan, by: Any) -> Output:
    """Return the work plan's output for demand-driven support, creating it (and its result) if needed."""
    result = Result.objects.filter(work_plan=work_plan, code=DEMAND_RESULT_CODE).first()
    if result is None:
        result = result_save(
            work_plan=work_plan,
            code=DEMAND_RESULT_CODE,
            title=_("Demand-driven support to UN Country Teams"),
            description=_("Support given at the request of Resident Coordinators and UN Country Teams."),
            by=by,
        )
    output = Output.objects.filter(result=result, code=DEMAND_OUTPUT_CODE).first()
    if output is None:
        output = output_save(
            result=result,
            code=DEMAND_OUTPUT_CODE,
            title=_("Requests from UN Country Teams answered"),
            by=by,
        )
    return output


def _next_activity_code(output: Output) -> str:
    taken = set(Activity.objects.filter(output=output).values_list("code", flat=True))
    n = len(taken) + 1
    while f"{output.code}.{n}" in taken:
        n += 1
    return f"{output.code}.{n}"


def _link_activity(
    *,
    support_request: SupportRequest,
    activity: Activity | None,
    visibility: str,
    on: date,
    by: Any,
) -> Activity:
    """Return the demand-driven activity that answers the request in the coalition's current work plan."""
    coalition = support_request.coalition
    if coalition is None:
        raise ValidationError({"coalition": _("Route the request to a coalition before accepting it.")})
    work_plan = current_work_plan(coalition=coalition, on=on)
    if work_plan is None:
        raise ValidationError(
            {
                "coalition": _(
                    "%(coalition)s has no open work plan covering %(date)s: add one before accepting the request."
                )
                % {"coalition": coalition.name, "date": on.isoformat()}
            }
        )
    if activity is not None:
        # An activity the decider may not see is refused by `selectors.activity_for_link` as unknown.
        if activity.output.result.work_plan_id != work_plan.pk:
            raise ValidationError(
                {
                    "activity": _("Choose an activity of the current work plan, “%(plan)s”.")
                    % {"plan": work_plan.title}
                }
            )
    else:
        output = demand_driven_output(work_plan=work_plan, by=by)
        activity = activity_create(
            output=output,
            by=by,
            code=_next_activity_code(output),
            title=support_request.title,
            description=support_request.description,
            due_text=support_request.desired_timing,
            visibility=visibility,
            countries=[support_request.country],
        )
    if not activity.demand_driven:
        activity.demand_driven = True
        activity._history_user = by  # type: ignore[attr-defined]
        activity.save_versioned(expected_version=None)
    return activity


@transaction.atomic
def support_request_transition(
    *,
    support_request: SupportRequest,
    to_state: str,
    by: Any,
    reason: str = "",
    on: date | None = None,
    activity: Activity | None = None,
    visibility: str = Visibility.INTERNAL,
    expected_version: int | None = None,
) -> SupportRequest:
    """Move the request to `to_state` as REQUEST_TRANSITIONS allows, recording the date of the step.

    Accepting or declining records the decision date and who decided; declining needs a reason.
    Accepting creates or links a demand-driven activity (see the module's docstring); `visibility` is
    that of a new activity (internal unless the secretariat publishes it). Nothing is written on error.
    """
    if not can_decide_request(user=by, support_request=support_request):
        raise PermissionDenied
    if to_state not in RequestState.values:
        raise ValidationError({"state": _("Unknown state “%(value)s”.") % {"value": str(to_state)[:40]}})
    if to_state not in REQUEST_TRANSITIONS.get(support_request.state, frozenset()):
        raise TransitionError(
            {
                "state": _("A request that is “%(from)s” cannot be moved to “%(to)s”.")
                % {"from": support_request.get_state_display(), "to": STATE_LABELS[to_state]}
            }
        )
    if must_leave_decision_to_another(user=by, support_request=support_request, to_state=to_state):
        raise TransitionError({"state": own_request_message()}, code="own_request")
    on = on or today()
    _check_date(support_request, on)
    reason = reason.strip()
    if to_state == RequestState.DECLINED and not reason:
        raise ValidationError({"decision_reason": _("Give the reason for declining the request.")})
    if to_state == RequestState.ACCEPTED:
        support_request.activity = _link_activity(
            support_request=support_request, activity=activity, visibility=visibility, on=on, by=by
        )
    if to_state in DECISION_STATES:
        support_request.decided_by = by
        support_request.decision_reason = reason
    if to_state in DATE_OF_STATE:
        setattr(support_request, DATE_OF_STATE[to_state], on)
    support_request.state = to_state
    support_request.full_clean()
    support_request._history_user = by  # type: ignore[attr-defined]
    support_request.save_versioned(expected_version=expected_version)
    return support_request


@transaction.atomic
def support_request_rate(
    *, support_request: SupportRequest, rating: int, comment: str = "", by: Any, on: date | None = None
) -> SupportRequest:
    """Record the requester's rating of the support (1–5, with a comment), once, after delivery."""
    if support_request.requester_id != getattr(by, "pk", None):
        raise PermissionDenied
    if not can_rate_request(user=by, support_request=support_request):
        if support_request.rating is not None:
            raise ValidationError({"rating": _("The support was already rated.")})
        raise TransitionError(
            {
                "state": _("A request that is “%(state)s” cannot be rated: wait for the delivery.")
                % {"state": support_request.get_state_display()}
            }
        )
    if not isinstance(rating, int) or not 1 <= rating <= 5:
        raise ValidationError({"rating": _("Rate the support from 1 to 5.")})
    support_request.rating = rating
    support_request.rating_comment = comment.strip()
    support_request.rated_on = on or today()
    support_request.full_clean()
    support_request._history_user = by  # type: ignore[attr-defined]
    support_request.save_versioned(expected_version=None)
    return support_request
