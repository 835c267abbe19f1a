"""Reads of the follow-up API (and status reports recorded): reviews with their status of implementation as at a date, commitments
with filters, reporting rounds and status reports.

Handlers translate HTTP only: visibility, permissions and rules live in the selectors and services.
"""

from datetime import date, datetime

from django.core.exceptions import NON_FIELD_ERRORS
from django.db.models import DateField, QuerySet, Value
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from rcphub.api.errors import api_field_names
from rcphub.api.pagination import Pagination
from rcphub.api.schemas import BodyDate, BodyIn
from rcphub.core.dates import QueryDate, today
from rcphub.followup import selectors, services
from rcphub.followup.models import (
    Commitment,
    DatePrecision,
    FollowUpReport,
    FollowUpStatus,
    ManagementResponse,
    ReportingRound,
    Review,
    ReviewKind,
)
from rcphub.followup.permissions import can_report_on_commitment
from rcphub.followup.selectors import (
    CommitmentFilters,
    CommitmentRow,
    FollowUpState,
    ReviewFilters,
    ReviewLedger,
)

router = Router(tags=["follow-up"])

AS_AT = "The date the statuses describe (YYYY-MM-DD); today if left out."
MAX_ID = 2**63 - 1

# ---------------------------------------------------------------------------------------------
# Schemas


class ReviewOut(Schema):
    id: int
    kind: ReviewKind
    title: str
    organisation: str | None = Field(
        None, alias="organisation.acronym", description="The acronym of the organisation that follows up."
    )
    coalition: str | None = Field(
        None, alias="coalition.slug", description="The slug of the coalition that follows up, if any."
    )
    issued_on: date = Field(description="For a review dated by month or year, the first day of it.")
    issued_precision: DatePrecision = Field(description="How the review is dated: day, month or year.")
    issued_label: str = Field(description="The date as the review gives it: “November 2017”.")
    description: str
    url: str = Field(description="A link to the report, if any.")
    visibility: str
    version: int = Field(description="Send it back to change or delete the review: a stale one answers 409.")


class FollowUpRoundOut(Schema):
    id: int
    as_at: date
    title: str


class ReportingRoundIn(BodyIn):
    as_at: BodyDate = Field(description="The date the round's reports describe; not in the future.")
    title: str = Field(max_length=200, description="E.g. “Progress report as at 31 December 2025”.")


class StateOut(Schema):
    """The derived state of a commitment or key action as at a date; never stored."""

    status: FollowUpStatus | None = Field(
        description="The status of the latest report on or before the date that gives one; null if none does."
    )
    status_label: str = Field(description="“No report yet”, or “No status given” where reports give none.")
    status_text: str = Field(description="The status as the document writes it, if recorded.")
    reported_on: date | None = Field(description="The date of the report that gives the status.")
    comment: str = Field(description="The comment of the latest report, with or without a status.")
    commented_on: date | None = Field(description="The date of the latest report, with or without a status.")
    overdue: bool = Field(description="Due before the date and neither completed nor no longer applicable.")
    stale: bool = Field(description="Open, and no report for longer than the configured period.")
    light: str = Field(
        description="green (closed), red (overdue), amber (stale), grey (no report), on_track."
    )


class KeyActionRowOut(Schema):
    id: int = Field(alias="key_action.id")
    text: str = Field(alias="key_action.text")
    responsible_text: str = Field(alias="key_action.responsible_text")
    due_on: date | None = Field(alias="key_action.due_on")
    due_text: str = Field(alias="key_action.due_text")
    version: int = Field(alias="key_action.version")
    state: StateOut


class CommitmentFieldsOut(Schema):
    """What a commitment says, read from a row built around it."""

    id: int = Field(alias="commitment.id")
    review: int = Field(alias="commitment.review_id", description="The review's id.")
    number: str = Field(alias="commitment.number", description="The number as written: 1, 2.3, R4.")
    group: str | None = Field(None, description="The code of the group it sits in, if any.")
    text: str = Field(alias="commitment.text")
    response: ManagementResponse | None = Field(None, description="The management response; null if none.")
    response_text: str = Field(alias="commitment.response_text")
    responsible_entities: list[str] = Field(description="Acronyms of the responsible entities.")
    responsible_text: str = Field(alias="commitment.responsible_text", description="As written: “OES (CdC)”.")
    due_on: date | None = Field(alias="commitment.due_on")
    due_text: str = Field(alias="commitment.due_text", description="As written: “By end 2019”.")
    version: int = Field(alias="commitment.version", description="Send it back to change the commitment.")

    @staticmethod
    def resolve_group(row: CommitmentRow) -> str | None:
        return row.commitment.group.code if row.commitment.group is not None else None

    @staticmethod
    def resolve_response(row: CommitmentRow) -> str | None:
        return row.commitment.response or None

    @staticmethod
    def resolve_responsible_entities(row: CommitmentRow) -> list[str]:
        return [entity.acronym for entity in row.commitment.responsible_entities.all()]


class CommitmentRowOut(CommitmentFieldsOut):
    state: StateOut
    can_report: bool = Field(description="Whether you may report this commitment's status.")
    key_actions: list[KeyActionRowOut]


class ReviewLedgerOut(Schema):
    review: ReviewOut
    as_at: date
    can_manage: bool = Field(description="Whether you may change the review, its commitments and rounds.")
    counts_by_status: dict[str, int] = Field(
        description="Commitments by status as at the date; `none`: no report."
    )
    counts_by_response: dict[str, int] = Field(
        description="Commitments by management response; `none`: none."
    )
    counts_by_light: dict[str, int] = Field(description="Commitments by traffic light as at the date.")
    rounds: list[FollowUpRoundOut]
    commitments: list[CommitmentRowOut] = Field(alias="rows")


class CommitmentOut(Schema):
    """A commitment in a list, with its state as at the date asked (annotated by the selector)."""

    id: int
    review: int = Field(alias="review_id", description="The review's id.")
    review_title: str = Field(alias="review.title")
    kind: ReviewKind = Field(alias="review.kind", description="The review's kind.")
    organisation: str | None = Field(None, description="The acronym of the review's organisation.")
    number: str
    group: str | None = Field(None, description="The code of the group it sits in, if any.")
    text: str
    response: ManagementResponse | None = Field(None, description="The management response; null if none.")
    response_text: str
    responsible_entities: list[str] = Field(description="Acronyms of the responsible entities.")
    responsible_text: str
    due_on: date | None
    due_text: str
    version: int
    state: StateOut

    @staticmethod
    def resolve_organisation(commitment: Commitment) -> str | None:
        organisation = commitment.review.organisation
        return organisation.acronym if organisation is not None else None

    @staticmethod
    def resolve_group(commitment: Commitment) -> str | None:
        return commitment.group.code if commitment.group is not None else None

    @staticmethod
    def resolve_response(commitment: Commitment) -> str | None:
        return commitment.response or None

    @staticmethod
    def resolve_responsible_entities(commitment: Commitment) -> list[str]:
        return [entity.acronym for entity in commitment.responsible_entities.all()]

    @staticmethod
    def resolve_state(commitment: Commitment) -> FollowUpState:
        # The list's handler annotates the date asked, so that each row derives its state as at it.
        return selectors.state_of(
            commitment,
            issued_on=commitment.review.issued_on,
            as_at=commitment.state_as_at,  # type: ignore[attr-defined]
        )


class FollowUpReportOut(Schema):
    id: int
    commitment: int = Field(description="The commitment's id (also for a report on one of its key actions).")
    key_action: int | None = Field(None, alias="key_action_id", description="The key action's id, if on one.")
    status: FollowUpStatus | None = Field(description="Null where the report gives a comment and no status.")
    status_text: str = Field(description="The status as the document writes it, if recorded.")
    as_at: date
    comment: str
    round: int | None = Field(alias="round_id", description="The reporting round's id, if reported in one.")
    author: str | None = Field(
        description="The name of the person who reported it; given to those who may manage or report on it."
    )
    created_at: datetime

    @staticmethod
    def resolve_status(report: FollowUpReport) -> str | None:
        return report.status or None

    @staticmethod
    def resolve_commitment(report: FollowUpReport) -> int:
        if report.commitment_id is not None:
            return report.commitment_id
        assert report.key_action is not None  # a report is on a commitment or on a key action
        return report.key_action.commitment_id

    @staticmethod
    def resolve_author(report: FollowUpReport) -> str | None:
        # Handlers mark the reports whose reader may know who wrote them; unmarked ones stay anonymous.
        if not getattr(report, "author_shown", False) or report.author is None:
            return None
        return report.author.get_full_name() or None


class FollowUpReportIn(BodyIn):
    status: FollowUpStatus | None = Field(
        None, description="Null or left out where the document gives a comment and no status."
    )
    status_text: str = Field(
        "", max_length=300, description="The status in the document's own words: “Completed/ongoing”."
    )
    as_at: BodyDate | None = Field(
        None, description="The date the status describes; the round's date or today if left out."
    )
    round_id: int | None = Field(None, ge=1, le=MAX_ID, description="A reporting round of the review.")
    key_action_id: int | None = Field(
        None, ge=1, le=MAX_ID, description="A key action of the commitment, to report on it instead."
    )
    comment: str = Field("", max_length=5000)


class ReviewQuery(Schema):
    organisation: str | None = Field(None, max_length=40, description="The organisation's acronym.")
    kind: ReviewKind | None = None
    coalition: str | None = Field(None, max_length=100, description="The coalition's slug.")

    def to_filters(self) -> ReviewFilters:
        """Return the selector's filters, with blank values left out."""
        return ReviewFilters(
            organisation=_clean(self.organisation),
            kind=self.kind.value if self.kind else None,
            coalition=_clean(self.coalition),
        )


class CommitmentQuery(Schema):
    organisation: str | None = Field(None, max_length=40, description="The review's organisation (acronym).")
    kind: ReviewKind | None = Field(None, description="The review's kind.")
    review: int | None = Field(None, ge=1, le=MAX_ID, description="The review's id.")
    responsible_entity: str | None = Field(None, max_length=40, description="A responsible entity's acronym.")
    status: str | None = Field(
        None,
        max_length=30,
        description="The status as at `as_at`: one of the statuses, or `none` for no report yet.",
    )
    overdue: bool | None = Field(
        None, description="Only the overdue commitments (true) or the others (false)."
    )
    as_at: QueryDate | None = Field(None, description=AS_AT)

    def to_filters(self) -> CommitmentFilters:
        """Return the selector's filters, with blank values left out."""
        return CommitmentFilters(
            organisation=_clean(self.organisation),
            kind=self.kind.value if self.kind else None,
            review_id=self.review,
            responsible_entity=_clean(self.responsible_entity),
            status=_clean(self.status),
            overdue=self.overdue,
        )


class AsAtQuery(Schema):
    as_at: QueryDate | None = Field(None, description=AS_AT)


def _clean(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


# ---------------------------------------------------------------------------------------------
# Reviews and their rounds


@router.get("/reviews", response=list[ReviewOut])
@paginate(Pagination)
def list_reviews(request: HttpRequest, filters: Query[ReviewQuery]) -> QuerySet[Review]:
    """List the reviews you may see, by organisation, kind and coalition; latest issued first."""
    review_filters = filters.to_filters()
    # The same check as the commitments' filters: an unknown organisation answers 422 naming it.
    selectors.commitment_filters_check(filters=CommitmentFilters(organisation=review_filters.organisation))
    return selectors.review_list(user=request.user, filters=review_filters)


@router.get("/reviews/{review_id}", response=ReviewLedgerOut)
def get_review(request: HttpRequest, review_id: int, query: Query[AsAtQuery]) -> ReviewLedger:
    """Show the review's status of implementation as at a date: each commitment and key action with its
    status, overdue, stale and traffic light, and the counts by status, response and light."""
    review = selectors.review_get(review_id=review_id, user=request.user)
    return selectors.review_ledger(review=review, user=request.user, as_at=query.as_at or today())


@router.get("/reviews/{review_id}/rounds", response=list[FollowUpRoundOut])
def list_rounds(request: HttpRequest, review_id: int) -> QuerySet[ReportingRound]:
    """List the review's reporting rounds, earliest first."""
    review = selectors.review_get(review_id=review_id, user=request.user)
    return review.rounds.order_by("as_at")


@router.post("/reviews/{review_id}/rounds", response={201: FollowUpRoundOut})
def create_round(request: HttpRequest, review_id: int, payload: ReportingRoundIn) -> ReportingRound:
    """Open a dated reporting round on the review, if you manage it."""
    review = selectors.review_get_for_manage(review_id=review_id, user=request.user)
    # The only check on the round as a whole is its date being new in the review.
    with api_field_names(**{NON_FIELD_ERRORS: "as_at"}):
        return services.reporting_round_create(
            review=review, as_at=payload.as_at, title=payload.title, by=request.user
        )


# ---------------------------------------------------------------------------------------------
# Commitments and their progress


@router.get("/commitments", response=list[CommitmentOut])
@paginate(Pagination)
def list_commitments(request: HttpRequest, filters: Query[CommitmentQuery]) -> QuerySet[Commitment]:
    """List the commitments of the reviews you may see, filtered, with their state as at a date."""
    commitment_filters = filters.to_filters()
    selectors.commitment_filters_check(filters=commitment_filters)
    as_at = filters.as_at or today()
    return selectors.commitment_list(user=request.user, filters=commitment_filters, as_at=as_at).annotate(
        state_as_at=Value(as_at, output_field=DateField())
    )


@router.get("/commitments/{commitment_id}", response=CommitmentRowOut)
def get_commitment(request: HttpRequest, commitment_id: int, query: Query[AsAtQuery]) -> CommitmentRow:
    """Show a commitment and its key actions, each with its state as at a date."""
    commitment = selectors.commitment_get(commitment_id=commitment_id, user=request.user)
    return selectors.commitment_ledger_row(
        commitment=commitment, user=request.user, as_at=query.as_at or today()
    )


@router.get("/commitments/{commitment_id}/status-reports", response=list[FollowUpReportOut])
def list_status_reports(request: HttpRequest, commitment_id: int) -> list[FollowUpReport]:
    """List every status report of the commitment and its key actions, latest first."""
    commitment = selectors.commitment_get(commitment_id=commitment_id, user=request.user)
    shown = can_report_on_commitment(user=request.user, commitment=commitment)
    reports = list(selectors.commitment_status_history(commitment=commitment))
    for report in reports:
        report.author_shown = shown  # type: ignore[attr-defined]
    return reports


@router.post("/commitments/{commitment_id}/status-reports", response={201: FollowUpReportOut})
def create_status_report(
    request: HttpRequest, commitment_id: int, payload: FollowUpReportIn
) -> FollowUpReport:
    """Report the status of the commitment (or of one of its key actions) as at a date, if your entity
    is responsible for it or you manage its review."""
    commitment = selectors.commitment_get_for_report(commitment_id=commitment_id, user=request.user)
    with api_field_names(round="round_id", key_action="key_action_id"):
        round_ = (
            selectors.reporting_round_get_for_report(review=commitment.review, round_id=payload.round_id)
            if payload.round_id is not None
            else None
        )
        key_action = (
            selectors.key_action_get_for_commitment(
                commitment=commitment, key_action_id=payload.key_action_id
            )
            if payload.key_action_id is not None
            else None
        )
        report = services.followup_report_record(
            commitment=commitment,
            key_action=key_action,
            status=payload.status.value if payload.status else "",
            status_text=payload.status_text,
            as_at=payload.as_at,
            comment=payload.comment,
            round=round_,
            by=request.user,
        )
    report.author_shown = True  # type: ignore[attr-defined]
    return report
