"""API on work plans: lists, the nested tree as at a date, activities with filters, and status reports.

Handlers translate HTTP only: visibility, permissions and rules live in the selectors and services.
"""

from datetime import date, datetime

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from rcphub.api.errors import api_field_names
from rcphub.api.pagination import Pagination
from rcphub.coalitions.permissions import has_internal_access
from rcphub.core.dates import today
from rcphub.core.models import ProgressStatus
from rcphub.workplans import selectors, services
from rcphub.workplans.models import Activity, StatusReport, WorkPlan, WorkPlanState
from rcphub.workplans.selectors import ActivityFilters, ActivityNode, WorkPlanTree

router = Router(tags=["work plans"])

AS_AT = "The date the statuses describe (YYYY-MM-DD); today if left out."

# ---------------------------------------------------------------------------------------------
# Schemas


def _activity_of(obj: Activity | ActivityNode) -> Activity:
    return obj.activity if isinstance(obj, ActivityNode) else obj


class ActivityLinksOut(Schema):
    """The lists every view of an activity shows, read from prefetched rows."""

    lead_entities: list[str] = Field(description="Acronyms of the lead entities.")
    partner_entities: list[str] = Field(description="Acronyms of the partner entities.")
    countries: list[str] = Field(description="ISO alpha-3 codes.")
    sdg_targets: list[str] = Field(description="SDG target codes, e.g. 3.8.")
    gcm_objectives: list[int] = Field(description="GCM objective numbers, 1–23.")

    @staticmethod
    def resolve_lead_entities(obj: Activity | ActivityNode) -> list[str]:
        return [entity.acronym for entity in _activity_of(obj).lead_entities.all()]

    @staticmethod
    def resolve_partner_entities(obj: Activity | ActivityNode) -> list[str]:
        return [entity.acronym for entity in _activity_of(obj).partner_entities.all()]

    @staticmethod
    def resolve_countries(obj: Activity | ActivityNode) -> list[str]:
        return [country.iso3 for country in _activity_of(obj).countries.all()]

    @staticmethod
    def resolve_sdg_targets(obj: Activity | ActivityNode) -> list[str]:
        return [target.code for target in _activity_of(obj).sdg_targets.all()]

    @staticmethod
    def resolve_gcm_objectives(obj: Activity | ActivityNode) -> list[int]:
        return [objective.number for objective in _activity_of(obj).gcm_objectives.all()]


class ActivityOut(ActivityLinksOut):
    id: int
    code: str
    title: str
    description: str
    work_plan: int = Field(alias="output.result.work_plan_id", description="The work plan's id.")
    coalition: str = Field(
        alias="output.result.work_plan.coalition.slug", description="The coalition's slug."
    )
    result: str = Field(alias="output.result.code", description="The result's code.")
    output: str = Field(alias="output.code", description="The output's code.")
    start_on: date | None
    end_on: date | None
    due_text: str = Field(description="The timing as written in the plan, e.g. “Q3 2026”.")
    visibility: str
    demand_driven: bool = Field(description="Added at the request of a UN Country Team.")
    status: ProgressStatus | None = Field(
        None, alias="status_as_at", description="The status as at the date asked; null if no report yet."
    )
    status_as_at_date: date | None = Field(
        None, alias="status_reported_on", description="The date of the report that gives the status."
    )


class ActivityNodeOut(ActivityLinksOut):
    id: int = Field(alias="activity.id")
    code: str = Field(alias="activity.code")
    title: str = Field(alias="activity.title")
    description: str = Field(alias="activity.description")
    start_on: date | None = Field(alias="activity.start_on")
    end_on: date | None = Field(alias="activity.end_on")
    due_text: str = Field(alias="activity.due_text")
    visibility: str = Field(alias="activity.visibility")
    demand_driven: bool = Field(
        alias="activity.demand_driven", description="Added at the request of a UN Country Team."
    )
    status: ProgressStatus | None = Field(
        description="The status as at the tree's date; null if no report yet."
    )
    status_label: str
    status_as_at_date: date | None = Field(
        alias="reported_on", description="The date of the report that gives it."
    )
    status_comment: str = Field(alias="comment")
    can_record_status: bool = Field(description="Whether you may report this activity's progress.")


class OutputNodeOut(Schema):
    id: int = Field(alias="output.id")
    code: str = Field(alias="output.code")
    title: str = Field(alias="output.title")
    description: str = Field(alias="output.description")
    activities: list[ActivityNodeOut]


class ResultNodeOut(Schema):
    id: int = Field(alias="result.id")
    code: str = Field(alias="result.code")
    title: str = Field(alias="result.title")
    description: str = Field(alias="result.description")
    outputs: list[OutputNodeOut]


class WorkPlanOut(Schema):
    id: int
    title: str
    coalition: str = Field(alias="coalition.slug", description="The coalition's slug.")
    period_start: date
    period_end: date
    period_label: str
    state: WorkPlanState
    endorsed_on: date | None
    version: int


class ReportingRoundOut(Schema):
    id: int
    as_at: date
    title: str


class WorkPlanTreeOut(Schema):
    work_plan: WorkPlanOut
    as_at: date
    can_manage: bool = Field(description="Whether you may change the work plan's structure and activities.")
    status_counts: dict[str, int] = Field(
        description="Activities shown, by status as at the date; `none`: no report."
    )
    rounds: list[ReportingRoundOut]
    results: list[ResultNodeOut]


class StatusReportOut(Schema):
    id: int
    activity: int = Field(alias="activity_id")
    status: ProgressStatus
    as_at: date
    comment: str
    round: int | None = Field(alias="round_id", description="The reporting round's id, if reported in one.")
    author: str | None = Field(
        description="The name of the person who reported it; given to the coalition's members only."
    )
    created_at: datetime

    @staticmethod
    def resolve_author(report: StatusReport) -> str | None:
        # Handlers mark the reports whose reader may know who wrote them; unmarked ones stay anonymous.
        return report.author.get_full_name() if getattr(report, "author_shown", False) else None


class StatusReportIn(Schema):
    status: ProgressStatus
    as_at: date | None = Field(
        None, description="The date the status describes; the round's date or today if left out."
    )
    round_id: int | None = Field(None, description="A reporting round of the activity's work plan.")
    comment: str = Field("", max_length=5000)


class TransitionIn(Schema):
    to_state: WorkPlanState


class WorkPlanQuery(Schema):
    coalition: str | None = Field(None, description="The coalition's slug.")
    state: WorkPlanState | None = None


class ActivityQuery(Schema):
    coalition: str | None = Field(None, description="The coalition's slug.")
    work_plan: int | None = Field(None, ge=1, le=2**63 - 1, description="The work plan's id.")
    country: str | None = Field(None, max_length=3, description="ISO alpha-2 or alpha-3 code.")
    sdg_target: str | None = Field(None, max_length=10, description="SDG target code, e.g. 3.8.")
    gcm_objective: int | None = Field(None, ge=1, le=2**15, description="GCM objective number, 1–23.")
    lead_entity: str | None = Field(None, max_length=40, description="The lead entity's acronym.")
    status: str | None = Field(
        None,
        max_length=20,
        description="The status as at `as_at`: one of the statuses, or `none` for no report yet.",
    )
    as_at: date | None = Field(None, description=AS_AT)

    def to_filters(self) -> ActivityFilters:
        """Return the selector's filters, with blank values left out."""

        def clean(value: str | None) -> str | None:
            return value.strip() or None if value is not None else None

        return ActivityFilters(
            coalition=clean(self.coalition),
            work_plan_id=self.work_plan,
            country=clean(self.country),
            sdg_target=clean(self.sdg_target),
            gcm_objective=self.gcm_objective,
            lead_entity=clean(self.lead_entity),
            status=clean(self.status),
            as_at=self.as_at,
        )


class AsAtQuery(Schema):
    as_at: date | None = Field(None, description=AS_AT)


# ---------------------------------------------------------------------------------------------
# Work plans


@router.get("/workplans", response=list[WorkPlanOut])
@paginate(Pagination)
def list_workplans(request: HttpRequest, filters: Query[WorkPlanQuery]) -> QuerySet[WorkPlan]:
    """List the work plans you may see, by coalition and state."""
    return selectors.workplan_list_filtered(
        user=request.user, coalition=filters.coalition, state=filters.state.value if filters.state else None
    )


@router.get("/workplans/{work_plan_id}", response=WorkPlanTreeOut)
def get_workplan(request: HttpRequest, work_plan_id: int, query: Query[AsAtQuery]) -> WorkPlanTree:
    """Show the work plan as its tree of results, outputs and activities, with each status as at a date."""
    work_plan = selectors.workplan_get(work_plan_id=work_plan_id, user=request.user)
    return selectors.workplan_tree(work_plan=work_plan, user=request.user, as_at=query.as_at or today())


@router.post("/workplans/{work_plan_id}/transition", response=WorkPlanOut)
def transition_workplan(request: HttpRequest, work_plan_id: int, payload: TransitionIn) -> WorkPlan:
    """Move the work plan to another state (endorse, close, re-open), if your role allows it."""
    work_plan = selectors.workplan_get(work_plan_id=work_plan_id, user=request.user)
    with api_field_names(state="to_state"):
        return services.workplan_transition(
            work_plan=work_plan, to_state=payload.to_state.value, by=request.user
        )


# ---------------------------------------------------------------------------------------------
# Activities and their progress


@router.get("/activities", response=list[ActivityOut])
@paginate(Pagination)
def list_activities(request: HttpRequest, filters: Query[ActivityQuery]) -> QuerySet[Activity]:
    """List the activities you may see, filtered, with their status as at a date."""
    activity_filters = filters.to_filters()
    selectors.activity_filters_check(filters=activity_filters)
    return selectors.activity_list(
        user=request.user, filters=activity_filters, as_at=filters.as_at or today()
    )


@router.get("/activities/{activity_id}", response=ActivityOut)
def get_activity(request: HttpRequest, activity_id: int, query: Query[AsAtQuery]) -> Activity:
    """Show an activity with its status as at a date."""
    return selectors.activity_get_with_status(
        activity_id=activity_id, user=request.user, as_at=query.as_at or today()
    )


@router.get("/activities/{activity_id}/status-reports", response=list[StatusReportOut])
def list_status_reports(request: HttpRequest, activity_id: int) -> list[StatusReport]:
    """List every status report of the activity, latest first."""
    activity = selectors.activity_get(activity_id=activity_id, user=request.user)
    shown = has_internal_access(user=request.user, coalition_id=activity.output.result.work_plan.coalition_id)
    reports = list(selectors.activity_status_history(activity=activity))
    for report in reports:
        report.author_shown = shown  # type: ignore[attr-defined]
    return reports


@router.post("/activities/{activity_id}/status-reports", response={201: StatusReportOut})
def create_status_report(request: HttpRequest, activity_id: int, payload: StatusReportIn) -> StatusReport:
    """Report the activity's status as at a date, if you lead it (focal point) or manage its work plan."""
    activity = selectors.activity_get_for_status(activity_id=activity_id, user=request.user)
    with api_field_names(round="round_id"):
        round_ = (
            selectors.reporting_round_get_for_report(
                work_plan=activity.output.result.work_plan, round_id=payload.round_id
            )
            if payload.round_id is not None
            else None
        )
        report = services.status_report_record(
            activity=activity,
            status=payload.status.value,
            as_at=payload.as_at,
            comment=payload.comment,
            round=round_,
            by=request.user,
        )
    report.author_shown = True  # type: ignore[attr-defined]
    return report
