"""API on work plans: lists, the nested tree as at a date, activities with filters, and status reports;
create, change and delete work plans, results, outputs and activities.

Handlers translate HTTP only: visibility, permissions and rules live in the selectors and services,
the same ones the pages use. What the reader may not see or change answers 404 like a missing one; a
write without signing in answers 401; bad input 422 naming the field; a stale `version` 409.
"""

from datetime import date, datetime
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from rcphub.api.errors import api_field_names
from rcphub.api.pagination import Pagination
from rcphub.api.schemas import BodyDate, BodyIn
from rcphub.coalitions.permissions import has_internal_access
from rcphub.core.dates import QueryDate, today
from rcphub.core.models import ProgressStatus, Visibility
from rcphub.workplans import selectors, services
from rcphub.workplans.models import Activity, Output, Result, StatusReport, WorkPlan, WorkPlanState
from rcphub.workplans.selectors import ActivityFilters, ActivityNode, WorkPlanTree

router = Router(tags=["work plans"])

AS_AT = "The date the statuses describe (YYYY-MM-DD); today if left out."
MAX_ID = 2**63 - 1
VERSION = "The version you read; 409 if someone saved it since."
FOOTNOTES = "The footnotes as written in the plan, one a line."

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
    footnotes: str = Field(description=FOOTNOTES)
    demand_driven: bool = Field(description="Added at the request of a UN Country Team.")
    version: int = Field(description="Send it back when you change the activity.")
    status: ProgressStatus | None = Field(
        None, alias="status_as_at", description="The status as at the date asked; null if no report yet."
    )
    status_text: str | None = Field(
        None, alias="status_text_as_at", description="That report's status in its own words, if it gave them."
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
    footnotes: str = Field(alias="activity.footnotes", description=FOOTNOTES)
    demand_driven: bool = Field(
        alias="activity.demand_driven", description="Added at the request of a UN Country Team."
    )
    version: int = Field(alias="activity.version", description="Send it back when you change the activity.")
    status: ProgressStatus | None = Field(
        description="The status as at the tree's date; null if no report yet."
    )
    status_text: str = Field(description="That report's status in its own words; empty if it gave none.")
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
    footnotes: str = Field(alias="output.footnotes", description=FOOTNOTES)
    version: int = Field(alias="output.version", description="Send it back when you change the output.")
    activities: list[ActivityNodeOut] = Field(description="The activities you may see; may be empty.")


class ResultNodeOut(Schema):
    id: int = Field(alias="result.id")
    code: str = Field(alias="result.code")
    title: str = Field(alias="result.title")
    description: str = Field(alias="result.description")
    footnotes: str = Field(alias="result.footnotes", description=FOOTNOTES)
    version: int = Field(alias="result.version", description="Send it back when you change the result.")
    outputs: list[OutputNodeOut] = Field(description="Every output of the result; may be empty.")


class WorkPlanOut(Schema):
    id: int
    title: str
    coalition: str = Field(alias="coalition.slug", description="The coalition's slug.")
    period_start: date
    period_end: date
    period_label: str
    state: WorkPlanState
    endorsed_on: date | None = Field(description="The date the coalition endorsed the plan.")
    notes: str
    version: int = Field(description="Send it back when you change the work plan.")


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
    status_text: str = Field(description="The status in the report's own words; empty if it gave none.")
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


class StatusReportIn(BodyIn):
    status: ProgressStatus
    status_text: str = Field(
        "", max_length=500, description="The status in the document's own words, e.g. “Completed/ongoing”."
    )
    as_at: BodyDate | None = Field(
        None, description="The date the status describes; the round's date or today if left out."
    )
    round_id: int | None = Field(None, description="A reporting round of the activity's work plan.")
    comment: str = Field("", max_length=5000)


class WorkPlanTransitionIn(BodyIn):
    to_state: WorkPlanState
    endorsed_on: BodyDate | None = Field(
        None,
        description="When endorsing a draft: the date the coalition endorsed it (not in the future); today if left out.",
    )
    version: int = Field(ge=1, le=MAX_ID, description=VERSION)


class WorkPlanIn(BodyIn):
    """A work plan's own fields."""

    title: str = Field(
        min_length=1, max_length=200, description="Unique in the coalition, e.g. “Work plan 2027”."
    )
    period_start: BodyDate
    period_end: BodyDate = Field(description="Not before `period_start`.")
    notes: str = Field("", max_length=10000)


class WorkPlanCreateIn(WorkPlanIn):
    coalition: str = Field(
        min_length=1, max_length=100, description="The slug of a coalition whose secretariat you are."
    )


class WorkPlanUpdateIn(WorkPlanIn):
    endorsed_on: date | None = Field(
        None,
        description="Correct the date the coalition endorsed the plan (endorsed plans only); left out: kept.",
    )
    version: int = Field(ge=1, le=MAX_ID, description=VERSION)


class PartIn(BodyIn):
    """A result's or an output's fields."""

    code: str = Field(min_length=1, max_length=40, description="As written in the plan: “1”, “1.1”.")
    title: str = Field(min_length=1, max_length=5000)
    description: str = Field("", max_length=10000)
    footnotes: str = Field("", max_length=10000, description=FOOTNOTES)


class PartUpdateIn(PartIn):
    version: int = Field(ge=1, le=MAX_ID, description=VERSION)


class ResultOut(Schema):
    id: int
    work_plan: int = Field(alias="work_plan_id", description="The work plan's id.")
    code: str
    order: int
    title: str
    description: str
    footnotes: str = Field(description=FOOTNOTES)
    version: int


class OutputOut(Schema):
    id: int
    result: int = Field(alias="result_id", description="The result's id.")
    work_plan: int = Field(alias="result.work_plan_id", description="The work plan's id.")
    code: str
    order: int
    title: str
    description: str
    footnotes: str = Field(description=FOOTNOTES)
    version: int


class ActivityIn(BodyIn):
    """An activity's fields; lists name their items by code. Only the secretariat changes `code`,
    `lead_entities` and `visibility`: a focal point sends them as they are."""

    code: str = Field(min_length=1, max_length=40, description="As written in the plan: “i”, “ii”.")
    title: str = Field(min_length=1, max_length=5000)
    description: str = Field("", max_length=10000)
    lead_entities: list[str] = Field(default_factory=list, max_length=50, description="Acronyms.")
    partner_entities: list[str] = Field(default_factory=list, max_length=100, description="Acronyms.")
    countries: list[str] = Field(
        default_factory=list, max_length=300, description="ISO alpha-2 or alpha-3 codes."
    )
    start_on: BodyDate | None = None
    end_on: BodyDate | None = Field(None, description="Not before `start_on`.")
    due_text: str = Field("", max_length=200, description="The timing as written, e.g. “Q3 2026”.")
    sdg_targets: list[str] = Field(
        default_factory=list, max_length=169, description="SDG target codes, e.g. 3.8."
    )
    gcm_objectives: list[int] = Field(
        default_factory=list, max_length=23, description="GCM objective numbers."
    )
    collaborating_coalitions: list[str] = Field(
        default_factory=list, max_length=100, description="Slugs of other coalitions taking part."
    )
    visibility: Visibility = Visibility.PUBLIC
    footnotes: str = Field("", max_length=10000, description=FOOTNOTES)


class ActivityUpdateIn(ActivityIn):
    version: int = Field(ge=1, le=MAX_ID, description=VERSION)


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
    as_at: QueryDate | None = Field(None, description=AS_AT)

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
    as_at: QueryDate | None = Field(None, description=AS_AT)


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


@router.post("/workplans", response={201: WorkPlanOut})
def create_workplan(request: HttpRequest, payload: WorkPlanCreateIn) -> WorkPlan:
    """Start a draft work plan for a coalition whose secretariat you are."""
    coalition = selectors.workplan_coalition_for_create(slug=payload.coalition.strip(), user=request.user)
    return services.workplan_create(
        coalition=coalition,
        title=payload.title,
        period_start=payload.period_start,
        period_end=payload.period_end,
        notes=payload.notes,
        by=request.user,
    )


@router.put("/workplans/{work_plan_id}", response=WorkPlanOut)
def update_workplan(request: HttpRequest, work_plan_id: int, payload: WorkPlanUpdateIn) -> WorkPlan:
    """Change a work plan's title, period, notes or endorsement date, if you manage it; 409 on a stale `version`."""
    work_plan = selectors.workplan_get_for_manage(work_plan_id=work_plan_id, user=request.user)
    return services.workplan_update(
        work_plan=work_plan,
        by=request.user,
        expected_version=payload.version,
        **payload.dict(exclude={"version"}),
    )


@router.delete("/workplans/{work_plan_id}", response={204: None})
def delete_workplan(request: HttpRequest, work_plan_id: int) -> None:
    """Delete a draft work plan that holds no results, if you manage it."""
    work_plan = selectors.workplan_get_for_manage(work_plan_id=work_plan_id, user=request.user)
    services.workplan_delete(work_plan=work_plan, by=request.user)


@router.post("/workplans/{work_plan_id}/transition", response=WorkPlanOut)
def transition_workplan(request: HttpRequest, work_plan_id: int, payload: WorkPlanTransitionIn) -> WorkPlan:
    """Move the work plan to another state (endorse, close, re-open), if your role allows it.

    Endorsing a draft records the date the coalition endorsed it: `endorsed_on`, or today."""
    work_plan = selectors.workplan_get(work_plan_id=work_plan_id, user=request.user)
    with api_field_names(state="to_state"):
        return services.workplan_transition(
            work_plan=work_plan,
            to_state=payload.to_state.value,
            by=request.user,
            on=payload.endorsed_on,
            expected_version=payload.version,
        )


# ---------------------------------------------------------------------------------------------
# Results and outputs


@router.post("/workplans/{work_plan_id}/results", response={201: ResultOut})
def create_result(request: HttpRequest, work_plan_id: int, payload: PartIn) -> Result:
    """Add a result to a work plan you manage."""
    work_plan = selectors.workplan_get_for_manage(work_plan_id=work_plan_id, user=request.user)
    return services.result_save(work_plan=work_plan, by=request.user, **payload.dict())


@router.put("/results/{result_id}", response=ResultOut)
def update_result(request: HttpRequest, result_id: int, payload: PartUpdateIn) -> Result:
    """Change a result of a work plan you manage; 409 on a stale `version`."""
    result = selectors.result_get_for_manage(result_id=result_id, user=request.user)
    return services.result_save(
        work_plan=result.work_plan,
        result=result,
        by=request.user,
        expected_version=payload.version,
        **payload.dict(exclude={"version"}),
    )


@router.delete("/results/{result_id}", response={204: None})
def delete_result(request: HttpRequest, result_id: int) -> None:
    """Delete a result of a draft work plan you manage, once it has no outputs."""
    result = selectors.result_get_for_manage(result_id=result_id, user=request.user)
    services.result_delete(result=result, by=request.user)


@router.post("/results/{result_id}/outputs", response={201: OutputOut})
def create_output(request: HttpRequest, result_id: int, payload: PartIn) -> Output:
    """Add an output under a result of a work plan you manage."""
    result = selectors.result_get_for_manage(result_id=result_id, user=request.user)
    return services.output_save(result=result, by=request.user, **payload.dict())


@router.put("/outputs/{output_id}", response=OutputOut)
def update_output(request: HttpRequest, output_id: int, payload: PartUpdateIn) -> Output:
    """Change an output of a work plan you manage; 409 on a stale `version`."""
    output = selectors.output_get_for_manage(output_id=output_id, user=request.user)
    return services.output_save(
        result=output.result,
        output=output,
        by=request.user,
        expected_version=payload.version,
        **payload.dict(exclude={"version"}),
    )


@router.delete("/outputs/{output_id}", response={204: None})
def delete_output(request: HttpRequest, output_id: int) -> None:
    """Delete an output of a draft work plan you manage, once it has no activities."""
    output = selectors.output_get_for_manage(output_id=output_id, user=request.user)
    services.output_delete(output=output, by=request.user)


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


def _activity_fields(request: HttpRequest, payload: ActivityIn) -> dict[str, Any]:
    """Return what `activity_create` and `activity_update` take, the lists found by their codes."""
    values = payload.dict(exclude={"version"})
    names = {name: values.pop(name) for name in services.ACTIVITY_M2M}
    references = selectors.activity_references_resolve(user=request.user, names=names)
    values["visibility"] = payload.visibility.value
    return {**values, **references.fields}


@router.post("/outputs/{output_id}/activities", response={201: ActivityOut})
def create_activity(request: HttpRequest, output_id: int, payload: ActivityIn) -> Activity:
    """Add an activity under an output of a work plan you manage."""
    output = selectors.output_get_for_manage(output_id=output_id, user=request.user)
    activity = services.activity_create(output=output, by=request.user, **_activity_fields(request, payload))
    return selectors.activity_get_with_status(activity_id=activity.pk, user=request.user, as_at=today())


@router.put("/activities/{activity_id}", response=ActivityOut)
def update_activity(request: HttpRequest, activity_id: int, payload: ActivityUpdateIn) -> Activity:
    """Replace an activity's fields, if you manage its plan or are a focal point of a lead entity;
    409 on a stale `version`."""
    activity = selectors.activity_get_for_edit(activity_id=activity_id, user=request.user)
    services.activity_update(
        activity=activity,
        by=request.user,
        expected_version=payload.version,
        **_activity_fields(request, payload),
    )
    return selectors.activity_get_with_status(activity_id=activity.pk, user=request.user, as_at=today())


@router.delete("/activities/{activity_id}", response={204: None})
def delete_activity(request: HttpRequest, activity_id: int) -> None:
    """Delete an activity of a draft work plan you manage; one with reported progress stays."""
    activity = selectors.activity_get_for_edit(activity_id=activity_id, user=request.user)
    services.activity_delete(activity=activity, by=request.user)


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
            status_text=payload.status_text,
            as_at=payload.as_at,
            comment=payload.comment,
            round=round_,
            by=request.user,
        )
    report.author_shown = True  # type: ignore[attr-defined]
    return report
