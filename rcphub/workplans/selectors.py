"""Reads on work plans, with the visibility filter; a constant number of queries per call."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q, QuerySet, prefetch_related_objects
from django.utils.translation import gettext as _

from rcphub.accounts.permissions import is_platform_secretariat
from rcphub.coalitions.permissions import has_internal_access, member_coalition_ids
from rcphub.coalitions.selectors import coalition_visibility_q
from rcphub.core.errors import NotFound
from rcphub.core.history import HistoryEntry, change_history
from rcphub.core.models import ProgressStatus, Visibility
from rcphub.core.status import latest_report_subquery
from rcphub.reference.models import Country, Entity, GcmObjective, SdgTarget
from rcphub.workplans.models import (
    PUBLISHED_STATES,
    Activity,
    Output,
    ReportingRound,
    Result,
    StatusReport,
    WorkPlan,
)
from rcphub.workplans.permissions import (
    can_edit_activity,
    can_manage_workplan,
    can_record_status,
    can_view_activity,
    can_view_workplan,
)

# ---------------------------------------------------------------------------------------------
# Visibility


def workplan_visibility_q(user: Any, prefix: str = "") -> Q:
    """Return the filter of work plans the user may see, on a path ending at a work plan."""
    if is_platform_secretariat(user):
        return Q()
    q = Q(**{f"{prefix}state__in": PUBLISHED_STATES})
    mine = member_coalition_ids(user)
    if mine:
        q |= Q(**{f"{prefix}coalition_id__in": mine})
    return q & coalition_visibility_q(user, prefix=f"{prefix}coalition__")


def activity_visibility_q(user: Any) -> Q:
    """Return the filter of activities the user may see."""
    if is_platform_secretariat(user):
        return Q()
    work_plan = "output__result__work_plan__"
    q = Q(visibility=Visibility.PUBLIC)
    mine = member_coalition_ids(user)
    if mine:
        q |= Q(**{f"{work_plan}coalition_id__in": mine})
    return q & workplan_visibility_q(user, prefix=work_plan)


# ---------------------------------------------------------------------------------------------
# Work plans


def workplan_list(*, user: Any, coalition_id: int | None = None) -> QuerySet[WorkPlan]:
    """Return the work plans the user may see, newest period first."""
    qs = WorkPlan.objects.filter(workplan_visibility_q(user)).select_related("coalition")
    if coalition_id is not None:
        qs = qs.filter(coalition_id=coalition_id)
    return qs.order_by("coalition__name", "-period_start")


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


# ---------------------------------------------------------------------------------------------
# Activities


ACTIVITY_PREFETCH = (
    Prefetch("lead_entities", queryset=Entity.objects.only("id", "acronym", "name", "kind")),
    Prefetch("partner_entities", queryset=Entity.objects.only("id", "acronym", "name", "kind")),
    Prefetch(
        "countries", queryset=Country.objects.only("id", "iso2", "iso3", "name_en", "name_fr", "name_ru")
    ),
    Prefetch("sdg_targets", queryset=SdgTarget.objects.only("id", "code", "goal_id", "order")),
    Prefetch("gcm_objectives", queryset=GcmObjective.objects.only("id", "number", "code", "short_title")),
    # All of them: whoever shows them filters by the reader (an internal coalition is not named to all).
    "collaborating_coalitions",
)


def _prefetch_origins(activities: list[Activity]) -> None:
    """Fetch the support requests behind the demand-driven activities, in one query if there are any.

    The tree links them for those who may see them (support/_activity_origin.html).
    """
    prefetch_related_objects([a for a in activities if a.demand_driven], "support_requests")


def with_status_as_at(qs: QuerySet[Activity], as_at: date) -> QuerySet[Activity]:
    """Annotate activities with the status, the date and the comment of their latest report on or before `as_at`."""
    return qs.annotate(
        status_as_at=latest_report_subquery(StatusReport, subject_field="activity", as_at=as_at),
        status_reported_on=latest_report_subquery(
            StatusReport, subject_field="activity", as_at=as_at, column="as_at"
        ),
        status_comment=latest_report_subquery(
            StatusReport, subject_field="activity", as_at=as_at, column="comment"
        ),
    )


@dataclass(frozen=True)
class ActivityFilters:
    """Filters of the activity list; each is optional."""

    coalition: str | None = None  # slug
    work_plan_id: int | None = None
    country: str | None = None  # ISO alpha-2 or alpha-3
    sdg_target: str | None = None  # code, e.g. "5.2"
    gcm_objective: int | None = None  # number 1–23
    lead_entity: str | None = None  # acronym
    status: str | None = None  # status as at `as_at`; "none" for no report yet
    as_at: date | None = None


def activity_list(*, user: Any, filters: ActivityFilters, as_at: date) -> QuerySet[Activity]:
    """Return the activities the user may see, filtered, with their status as at `as_at`."""
    qs = Activity.objects.filter(activity_visibility_q(user))
    if filters.coalition:
        qs = qs.filter(output__result__work_plan__coalition__slug=filters.coalition)
    if filters.work_plan_id is not None:
        qs = qs.filter(output__result__work_plan_id=filters.work_plan_id)
    if filters.country:
        code = filters.country.upper()
        qs = qs.filter(Q(countries__iso2=code) | Q(countries__iso3=code))
    if filters.sdg_target:
        qs = qs.filter(sdg_targets__code=filters.sdg_target)
    if filters.gcm_objective is not None:
        qs = qs.filter(gcm_objectives__number=filters.gcm_objective)
    if filters.lead_entity:
        qs = qs.filter(lead_entities__acronym__iexact=filters.lead_entity)
    qs = with_status_as_at(qs.distinct(), as_at)
    if filters.status == "none":
        qs = qs.filter(status_as_at__isnull=True)  # type: ignore[misc]
    elif filters.status:
        qs = qs.filter(status_as_at=filters.status)  # type: ignore[misc]
    return (
        qs.select_related("output__result__work_plan__coalition")
        .prefetch_related(*ACTIVITY_PREFETCH)
        .order_by("output__result__work_plan_id", "output__result__order", "output__order", "order", "id")
    )


def activity_get(*, activity_id: int, user: Any) -> Activity:
    """Return the activity the user may see, or raise NotFound."""
    activity = (
        Activity.objects.select_related("output__result__work_plan__coalition__platform")
        .prefetch_related(*ACTIVITY_PREFETCH)
        .filter(pk=activity_id)
        .first()
    )
    if activity is None or not can_view_activity(
        user=user, activity=activity, work_plan=activity.output.result.work_plan
    ):
        raise NotFound
    return activity


def activity_get_for_edit(*, activity_id: int, user: Any) -> Activity:
    """Return the activity if the user may edit it; missing and forbidden answer alike."""
    activity = activity_get(activity_id=activity_id, user=user)
    if not can_edit_activity(user=user, activity=activity, work_plan=activity.output.result.work_plan):
        raise NotFound
    return activity


def activity_get_for_status(*, activity_id: int, user: Any) -> Activity:
    """Return the activity if the user may report its status; missing and forbidden answer alike."""
    activity = activity_get(activity_id=activity_id, user=user)
    if not can_record_status(user=user, activity=activity, work_plan=activity.output.result.work_plan):
        raise NotFound
    return activity


def activity_status_as_at(*, activity: Activity, as_at: date) -> StatusReport | None:
    """Return the activity's latest report dated on or before `as_at`, or None."""
    return activity.status_reports.filter(as_at__lte=as_at).order_by("-as_at", "-id").first()


def activity_status_history(*, activity: Activity) -> QuerySet[StatusReport]:
    """Return every status report of the activity, latest first."""
    return activity.status_reports.select_related("author", "round").order_by("-as_at", "-id")


# ---------------------------------------------------------------------------------------------
# The tree, as at a date


@dataclass
class ActivityNode:
    activity: Activity
    status: str | None
    status_label: str
    reported_on: date | None
    comment: str
    can_edit: bool
    can_record_status: bool


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
        can_edit=can_edit_activity(user=user, activity=activity, work_plan=work_plan),
        can_record_status=can_record_status(user=user, activity=activity, work_plan=work_plan),
    )


def workplan_tree(*, work_plan: WorkPlan, user: Any, as_at: date) -> WorkPlanTree:
    """Return the work plan as the nested tree people know, with each activity's status as at `as_at`.

    Outputs with no activity the user may see are left out, except for those who manage the plan.
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
        if nodes or can_manage:
            output_nodes.setdefault(output.result_id, []).append(OutputNode(output=output, activities=nodes))
    result_nodes = [
        ResultNode(result=result, outputs=output_nodes.get(result.pk, []))
        for result in results
        if output_nodes.get(result.pk) or can_manage
    ]
    rounds = list(work_plan.rounds.order_by("as_at"))
    return WorkPlanTree(
        work_plan=work_plan,
        as_at=as_at,
        results=result_nodes,
        rounds=rounds,
        status_counts=counts,
        can_manage=can_manage,
    )


# ---------------------------------------------------------------------------------------------
# What changed between two dates


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


# ---------------------------------------------------------------------------------------------
# Pages: access to the parts of a work plan, one activity as the tree shows it


def result_get_for_manage(*, result_id: int, user: Any) -> Result:
    """Return the result if the user may manage its work plan; missing and forbidden answer alike."""
    result = Result.objects.select_related("work_plan__coalition").filter(pk=result_id).first()
    if result is None:
        raise NotFound
    work_plan = result.work_plan
    if not can_view_workplan(user=user, work_plan=work_plan) or not can_manage_workplan(
        user=user, work_plan=work_plan
    ):
        raise NotFound
    return result


def output_get_for_manage(*, output_id: int, user: Any) -> Output:
    """Return the output if the user may manage its work plan; missing and forbidden answer alike."""
    output = Output.objects.select_related("result__work_plan__coalition").filter(pk=output_id).first()
    if output is None:
        raise NotFound
    work_plan = output.result.work_plan
    if not can_view_workplan(user=user, work_plan=work_plan) or not can_manage_workplan(
        user=user, work_plan=work_plan
    ):
        raise NotFound
    return output


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


def activity_change_history(*, activity: Activity, user: Any) -> list[HistoryEntry]:
    """Return who changed what on the activity and when, latest first, with the values before.

    Related items are named as people read them (UNDP, Serbia, 3.8). Readers without internal access
    see neither what the activity said while it was internal nor collaborating coalitions they may
    not see.
    """
    records = list(activity.history.select_related("history_user").order_by("-history_date", "-history_id"))
    if not has_internal_access(user=user, coalition_id=activity.output.result.work_plan.coalition_id):
        records = [record for record in records if record.visibility == Visibility.PUBLIC]
    return change_history(
        activity,
        excluded=("output",),
        records=records,
        m2m_filters={
            "collaborating_coalitions": lambda rows, target: rows.filter(
                coalition_visibility_q(user, prefix=f"{target}__")
            )
        },
    )


# ---------------------------------------------------------------------------------------------
# Lookups for the API: filtered lists, an activity with its status, filter and round checks


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


def activity_get_with_status(*, activity_id: int, user: Any, as_at: date) -> Activity:
    """Return the activity the user may see, with its status as at `as_at`, or raise NotFound."""
    activity = (
        with_status_as_at(Activity.objects.filter(pk=activity_id), as_at)
        .select_related("output__result__work_plan__coalition__platform")
        .prefetch_related(*ACTIVITY_PREFETCH)
        .first()
    )
    if activity is None or not can_view_activity(
        user=user, activity=activity, work_plan=activity.output.result.work_plan
    ):
        raise NotFound
    return activity


ACTIVITY_STATUS_FILTERS = (*ProgressStatus.values, "none")


def activity_filters_check(*, filters: ActivityFilters) -> None:
    """Refuse filters naming a country, SDG target, GCM objective, lead entity or status that does not exist.

    Each given value costs one small query on reference data; the error names every unknown filter.
    """
    messages: dict[str, str] = {}
    if filters.country:
        code = filters.country.strip().upper()
        if not Country.objects.filter(Q(iso2=code) | Q(iso3=code)).exists():
            messages["country"] = _("Unknown country “%(value)s”: use an ISO alpha-2 or alpha-3 code.") % {
                "value": filters.country[:40]
            }
    if filters.sdg_target and not SdgTarget.objects.filter(code=filters.sdg_target).exists():
        messages["sdg_target"] = _("Unknown SDG target “%(value)s”.") % {"value": filters.sdg_target[:40]}
    if (
        filters.gcm_objective is not None
        and not GcmObjective.objects.filter(number=filters.gcm_objective).exists()
    ):
        messages["gcm_objective"] = _("Unknown GCM objective “%(value)s”: use a number from 1 to 23.") % {
            "value": filters.gcm_objective
        }
    if filters.lead_entity and not Entity.objects.filter(acronym__iexact=filters.lead_entity).exists():
        messages["lead_entity"] = _("Unknown lead entity “%(value)s”.") % {"value": filters.lead_entity[:40]}
    if filters.status and filters.status not in ACTIVITY_STATUS_FILTERS:
        messages["status"] = _("Unknown status “%(value)s”: use one of %(choices)s.") % {
            "value": filters.status[:40],
            "choices": ", ".join(ACTIVITY_STATUS_FILTERS),
        }
    if messages:
        raise ValidationError(
            {name: ValidationError(message, code="unknown") for name, message in messages.items()}
        )


def reporting_round_get_for_report(*, work_plan: WorkPlan, round_id: int) -> ReportingRound:
    """Return the work plan's reporting round, or raise ValidationError on `round` if it has none with that id."""
    round_ = ReportingRound.objects.filter(pk=round_id, work_plan=work_plan).first()
    if round_ is None:
        message = _("Unknown reporting round “%(value)s” for this work plan.") % {"value": round_id}
        raise ValidationError({"round": ValidationError(message, code="unknown")})
    return round_
