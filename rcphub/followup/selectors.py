"""Reads on the follow-up ledger, with the visibility filter; a constant number of queries per call."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rcphub.accounts.models import Role
from rcphub.accounts.permissions import entity_ids_of, grants_of, is_platform_secretariat
from rcphub.coalitions.permissions import member_coalition_ids
from rcphub.coalitions.selectors import coalition_visibility_q
from rcphub.core.errors import NotFound
from rcphub.core.history import HistoryEntry, change_history
from rcphub.core.models import Visibility
from rcphub.core.status import latest_report_subquery
from rcphub.followup.models import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    Commitment,
    FollowUpReport,
    FollowUpStatus,
    KeyAction,
    ManagementResponse,
    ReportingRound,
    Review,
    stale_after_days,
)
from rcphub.followup.permissions import can_manage_review, can_report_on_commitment
from rcphub.reference.models import Entity

# ---------------------------------------------------------------------------------------------
# Visibility


def review_visibility_q(user: Any, prefix: str = "") -> Q:
    """Return the filter of reviews the user may see, on a path ending at a review."""
    if is_platform_secretariat(user):
        return Q()
    # A public review of a coalition the reader may not see stays hidden with its coalition.
    q = Q(**{f"{prefix}visibility": Visibility.PUBLIC}) & (
        Q(**{f"{prefix}coalition__isnull": True})
        | coalition_visibility_q(user, prefix=f"{prefix}coalition__")
    )
    entities = entity_ids_of(user)
    if entities:
        responsible = Commitment.objects.filter(
            review_id=OuterRef(f"{prefix}pk" if prefix else "pk"), responsible_entities__in=entities
        )
        q |= Q(**{f"{prefix}organisation_id__in": entities}) | Q(Exists(responsible))
    coalitions = member_coalition_ids(user)
    if coalitions:
        q |= Q(**{f"{prefix}coalition_id__in": coalitions})
    return q


@dataclass(frozen=True)
class ReviewFilters:
    organisation: str | None = None  # acronym
    kind: str | None = None
    coalition: str | None = None  # slug


def review_list(*, user: Any, filters: ReviewFilters | None = None) -> QuerySet[Review]:
    """Return the reviews the user may see, latest issued first."""
    qs = Review.objects.filter(review_visibility_q(user)).select_related("organisation", "coalition")
    if filters is not None:
        if filters.organisation:
            qs = qs.filter(organisation__acronym__iexact=filters.organisation)
        if filters.kind:
            qs = qs.filter(kind=filters.kind)
        if filters.coalition:
            qs = qs.filter(coalition__slug=filters.coalition)
    return qs.order_by("-issued_on", "title")


def review_get(*, review_id: int, user: Any) -> Review:
    """Return the review the user may see, or raise NotFound."""
    review = (
        Review.objects.filter(review_visibility_q(user), pk=review_id)
        .select_related("organisation", "coalition")
        .first()
    )
    if review is None:
        raise NotFound
    return review


def review_get_for_manage(*, review_id: int, user: Any) -> Review:
    """Return the review if the user may manage it; missing and forbidden answer alike."""
    review = review_get(review_id=review_id, user=user)
    if not can_manage_review(user=user, review=review):
        raise NotFound
    return review


COMMITMENT_PREFETCH = (
    Prefetch("responsible_entities", queryset=Entity.objects.only("id", "acronym", "name", "kind")),
)


def commitment_get(*, commitment_id: int, user: Any) -> Commitment:
    """Return the commitment of a review the user may see, or raise NotFound."""
    commitment = (
        Commitment.objects.filter(review_visibility_q(user, prefix="review__"), pk=commitment_id)
        .select_related("review__organisation", "review__coalition", "group")
        .prefetch_related(*COMMITMENT_PREFETCH)
        .first()
    )
    if commitment is None:
        raise NotFound
    return commitment


def commitment_get_for_manage(*, commitment_id: int, user: Any) -> Commitment:
    """Return the commitment if the user may change it; missing and forbidden answer alike."""
    commitment = commitment_get(commitment_id=commitment_id, user=user)
    if not can_manage_review(user=user, review=commitment.review):
        raise NotFound
    return commitment


def commitment_get_for_report(*, commitment_id: int, user: Any) -> Commitment:
    """Return the commitment if the user may report its status; missing and forbidden answer alike."""
    commitment = commitment_get(commitment_id=commitment_id, user=user)
    if not can_report_on_commitment(user=user, commitment=commitment):
        raise NotFound
    return commitment


def key_action_get_for_report(*, key_action_id: int, user: Any) -> KeyAction:
    """Return the key action if the user may report on its commitment; missing and forbidden answer alike."""
    key_action = KeyAction.objects.filter(pk=key_action_id).only("id", "commitment_id").first()
    if key_action is None:
        raise NotFound
    commitment = commitment_get_for_report(commitment_id=key_action.commitment_id, user=user)
    key_action = commitment.key_actions.get(pk=key_action_id)
    key_action.commitment = commitment
    return key_action


# ---------------------------------------------------------------------------------------------
# Status as at a date, and what is derived from it


LIGHTS = {
    "green": gettext_lazy("Completed or closed"),
    "on_track": gettext_lazy("Under way"),
    "amber": gettext_lazy("No recent report"),
    "red": gettext_lazy("Overdue"),
    "grey": gettext_lazy("No report yet"),
}


@dataclass(frozen=True)
class FollowUpState:
    """The derived state of a commitment or key action as at a date."""

    status: str | None
    reported_on: date | None
    comment: str
    overdue: bool
    stale: bool

    @property
    def status_label(self) -> str:
        if not self.status:
            return str(_("No report yet"))
        return str(dict(FollowUpStatus.choices).get(self.status, self.status))

    @property
    def light(self) -> str:
        """Return the traffic light: green (closed), red (overdue), amber (stale), grey (no report), on_track."""
        if self.status in CLOSED_STATUSES:
            return "green"
        if self.overdue:
            return "red"
        if self.stale:
            return "amber"
        if not self.status:
            return "grey"
        return "on_track"


def derive_state(
    *,
    status: str | None,
    reported_on: date | None,
    comment: str | None,
    due_on: date | None,
    since: date,
    as_at: date,
) -> FollowUpState:
    """Return the state as at `as_at` of an item due on `due_on`, open since `since`.

    Overdue: due before the date and not completed (nor no longer applicable). Stale: open and with
    no report (or none since it opened) for longer than the configured period.
    """
    closed = status in CLOSED_STATUSES
    overdue = not closed and due_on is not None and due_on < as_at
    last = reported_on or since
    stale = not closed and (as_at - last) > timedelta(days=stale_after_days())
    return FollowUpState(
        status=status, reported_on=reported_on, comment=comment or "", overdue=overdue, stale=stale
    )


def _annotate_as_at(qs: QuerySet[Any], *, subject: str, as_at: date) -> QuerySet[Any]:
    return qs.annotate(
        status_as_at=latest_report_subquery(FollowUpReport, subject_field=subject, as_at=as_at),
        status_reported_on=latest_report_subquery(
            FollowUpReport, subject_field=subject, as_at=as_at, column="as_at"
        ),
        status_comment=latest_report_subquery(
            FollowUpReport, subject_field=subject, as_at=as_at, column="comment"
        ),
    )


def commitments_as_at(qs: QuerySet[Commitment], *, as_at: date) -> QuerySet[Commitment]:
    """Annotate commitments with the status, date and comment of their latest report on or before `as_at`."""
    return _annotate_as_at(qs, subject="commitment", as_at=as_at)


def state_of(item: Commitment | KeyAction, *, issued_on: date, as_at: date) -> FollowUpState:
    """Return the derived state of an item annotated by `commitments_as_at` (or its key-action twin)."""
    return derive_state(
        status=item.status_as_at,  # type: ignore[union-attr]
        reported_on=item.status_reported_on,  # type: ignore[union-attr]
        comment=item.status_comment,  # type: ignore[union-attr]
        due_on=item.due_on,
        since=issued_on,
        as_at=as_at,
    )


def overdue_q(as_at: date) -> Q:
    """Return the filter of annotated commitments overdue as at the date."""
    return Q(due_on__lt=as_at) & open_q()


def open_q() -> Q:
    """Return the filter of annotated commitments still open: no report yet, or not closed.

    Written positively: a negated IN on a subquery that may be null would drop the unreported ones.
    """
    return Q(status_as_at__isnull=True) | Q(status_as_at__in=OPEN_STATUSES)


@dataclass
class KeyActionRow:
    key_action: KeyAction
    state: FollowUpState


@dataclass
class CommitmentRow:
    commitment: Commitment
    state: FollowUpState
    key_actions: list[KeyActionRow] = field(default_factory=list)
    can_report: bool = False


@dataclass
class ReviewLedger:
    """A review's commitments with their state as at a date: the status-of-implementation table."""

    review: Review
    as_at: date
    rows: list[CommitmentRow]
    rounds: list[ReportingRound]
    can_manage: bool

    def counts_by_status(self) -> dict[str, int]:
        counts = {value: 0 for value, _label in FollowUpStatus.choices}
        counts["none"] = 0
        for row in self.rows:
            counts[row.state.status or "none"] += 1
        return counts

    def counts_by_response(self) -> dict[str, int]:
        counts = {value: 0 for value, _label in ManagementResponse.choices}
        counts["none"] = 0
        for row in self.rows:
            counts[row.commitment.response or "none"] += 1
        return counts

    def counts_by_light(self) -> dict[str, int]:
        counts = dict.fromkeys(LIGHTS, 0)
        for row in self.rows:
            counts[row.state.light] += 1
        return counts


def review_ledger(*, review: Review, user: Any, as_at: date) -> ReviewLedger:
    """Return the review's commitments and key actions with their state as at `as_at`."""
    commitments = commitments_as_at(
        review.commitments.select_related("group").prefetch_related(*COMMITMENT_PREFETCH), as_at=as_at
    ).order_by("group__order", "order", "id")
    key_actions = _annotate_as_at(
        KeyAction.objects.filter(commitment__review=review), subject="key_action", as_at=as_at
    ).order_by("order", "id")
    by_commitment: dict[int, list[KeyActionRow]] = {}
    for key_action in key_actions:
        by_commitment.setdefault(key_action.commitment_id, []).append(
            KeyActionRow(
                key_action=key_action, state=state_of(key_action, issued_on=review.issued_on, as_at=as_at)
            )
        )
    rows = []
    for commitment in commitments:
        commitment.review = review
        rows.append(
            CommitmentRow(
                commitment=commitment,
                state=state_of(commitment, issued_on=review.issued_on, as_at=as_at),
                key_actions=by_commitment.get(commitment.pk, []),
                can_report=can_report_on_commitment(user=user, commitment=commitment),
            )
        )
    return ReviewLedger(
        review=review,
        as_at=as_at,
        rows=rows,
        rounds=list(review.rounds.order_by("as_at")),
        can_manage=can_manage_review(user=user, review=review),
    )


def review_status_across_rounds(*, review: Review) -> list[tuple[ReportingRound, dict[str, int]]]:
    """Return, for each reporting round, the commitments counted by status as at the round's date.

    One query per round: rounds are few, whatever the number of commitments.
    """
    series = []
    for round_ in review.rounds.order_by("as_at"):
        counts = {value: 0 for value, _label in FollowUpStatus.choices}
        counts["none"] = 0
        annotated: Any = commitments_as_at(review.commitments.all(), as_at=round_.as_at)
        for status in annotated.values_list("status_as_at", flat=True):
            counts[status or "none"] += 1
        series.append((round_, counts))
    return series


def commitment_status_history(*, commitment: Commitment) -> QuerySet[FollowUpReport]:
    """Return every report on the commitment and its key actions, latest first."""
    return (
        FollowUpReport.objects.filter(Q(commitment=commitment) | Q(key_action__commitment=commitment))
        .select_related("author", "round", "key_action")
        .order_by("-as_at", "-id")
    )


# ---------------------------------------------------------------------------------------------
# What changed between rounds


@dataclass
class StatusMove:
    commitment: Commitment
    before: str | None
    after: str | None

    @property
    def before_label(self) -> str:
        return (
            str(dict(FollowUpStatus.choices).get(self.before, _("No report yet")))
            if self.before
            else str(_("No report yet"))
        )

    @property
    def after_label(self) -> str:
        return (
            str(dict(FollowUpStatus.choices).get(self.after, _("No report yet")))
            if self.after
            else str(_("No report yet"))
        )


@dataclass
class ReviewChanges:
    since: date
    until: date
    reports: list[FollowUpReport]
    moves: list[StatusMove]
    became_overdue: list[Commitment]


def review_changes(*, review: Review, since: date, until: date) -> ReviewChanges:
    """Return what changed in the review after `since` up to and including `until`.

    New reports are those dated in the interval; status moves compare each commitment's status as
    at the two dates; items that became overdue were not overdue as at `since` and are as at `until`.
    """
    rows = (
        review.commitments.annotate(
            before=latest_report_subquery(FollowUpReport, subject_field="commitment", as_at=since),
            after=latest_report_subquery(FollowUpReport, subject_field="commitment", as_at=until),
        )
        .select_related("group")
        .order_by("group__order", "order", "id")
    )
    moves: list[StatusMove] = []
    became_overdue: list[Commitment] = []
    for commitment in rows:
        before, after = commitment.before, commitment.after
        if before != after:
            moves.append(StatusMove(commitment=commitment, before=before, after=after))
        was = derive_state(
            status=before, reported_on=None, comment="", due_on=commitment.due_on, since=since, as_at=since
        )
        now = derive_state(
            status=after, reported_on=None, comment="", due_on=commitment.due_on, since=until, as_at=until
        )
        if now.overdue and not was.overdue:
            became_overdue.append(commitment)
    reports = list(
        FollowUpReport.objects.filter(
            Q(commitment__review=review) | Q(key_action__commitment__review=review),
            as_at__gt=since,
            as_at__lte=until,
        )
        .select_related("commitment", "key_action__commitment", "author", "round")
        .order_by("as_at", "id")
    )
    return ReviewChanges(
        since=since, until=until, reports=reports, moves=moves, became_overdue=became_overdue
    )


# ---------------------------------------------------------------------------------------------
# Across reviews: lists for the API and the secretariat's dashboard


@dataclass(frozen=True)
class CommitmentFilters:
    organisation: str | None = None  # acronym
    kind: str | None = None
    review_id: int | None = None
    responsible_entity: str | None = None  # acronym
    status: str | None = None  # as at; "none" for no report yet
    overdue: bool | None = None


def commitment_list(*, user: Any, filters: CommitmentFilters, as_at: date) -> QuerySet[Commitment]:
    """Return the commitments of reviews the user may see, filtered, annotated with their status as at `as_at`."""
    qs = Commitment.objects.filter(review_visibility_q(user, prefix="review__"))
    if filters.organisation:
        qs = qs.filter(review__organisation__acronym__iexact=filters.organisation)
    if filters.kind:
        qs = qs.filter(review__kind=filters.kind)
    if filters.review_id is not None:
        qs = qs.filter(review_id=filters.review_id)
    if filters.responsible_entity:
        qs = qs.filter(
            Exists(
                Commitment.responsible_entities.through.objects.filter(
                    commitment_id=OuterRef("pk"), entity__acronym__iexact=filters.responsible_entity
                )
            )
        )
    qs = commitments_as_at(qs, as_at=as_at)
    if filters.status == "none":
        qs = qs.filter(status_as_at__isnull=True)  # type: ignore[misc]
    elif filters.status:
        qs = qs.filter(status_as_at=filters.status)  # type: ignore[misc]
    if filters.overdue is True:
        qs = qs.filter(overdue_q(as_at))
    elif filters.overdue is False:
        qs = qs.filter(~Q(due_on__lt=as_at) | Q(due_on__isnull=True) | Q(status_as_at__in=CLOSED_STATUSES))
    return (
        qs.select_related("review__organisation", "review__coalition", "group")
        .prefetch_related(*COMMITMENT_PREFETCH)
        .order_by("review_id", "order", "id")
    )


@dataclass
class DashboardRow:
    commitment: Commitment
    state: FollowUpState


@dataclass
class FollowUpDashboard:
    as_at: date
    overdue: list[DashboardRow]
    stale: list[DashboardRow]


def followup_dashboard(*, user: Any, as_at: date) -> FollowUpDashboard:
    """Return the open commitments, across the reviews the user may see, that are overdue or stale as at `as_at`."""
    qs = commitments_as_at(
        Commitment.objects.filter(review_visibility_q(user, prefix="review__"), review__issued_on__lte=as_at),
        as_at=as_at,
    ).filter(open_q())
    rows = [
        DashboardRow(commitment=c, state=state_of(c, issued_on=c.review.issued_on, as_at=as_at))
        for c in qs.select_related("review__organisation")
        .prefetch_related(*COMMITMENT_PREFETCH)
        .order_by(F("due_on").asc(nulls_last=True), "review_id", "order")
    ]
    return FollowUpDashboard(
        as_at=as_at,
        overdue=[row for row in rows if row.state.overdue],
        stale=[row for row in rows if row.state.stale and not row.state.overdue],
    )


# ---------------------------------------------------------------------------------------------
# For the follow-up pages


def review_list_with_counts(*, user: Any, filters: ReviewFilters | None = None) -> QuerySet[Review]:
    """Return the reviews the user may see, each with the number of its commitments."""
    return review_list(user=user, filters=filters).annotate(
        commitment_count=Count("commitments", distinct=True)
    )


def review_organisations(*, user: Any) -> QuerySet[Entity]:
    """Return the organisations of the reviews the user may see, to filter the list by."""
    reviews = Review.objects.filter(review_visibility_q(user)).values("organisation_id")
    return Entity.objects.filter(pk__in=reviews).order_by("acronym")


def review_organisations_for_create(*, user: Any) -> QuerySet[Entity]:
    """Return the organisations the user may open a review for: any for the platform secretariat,
    else the entities the user is follow-up officer of."""
    if is_platform_secretariat(user):
        return Entity.objects.order_by("acronym")
    mine = {g.entity_id for g in grants_of(user) if g.role == Role.FOLLOW_UP_OFFICER}
    return Entity.objects.filter(pk__in=mine).order_by("acronym")


def commitment_ledger_row(*, commitment: Commitment, user: Any, as_at: date) -> CommitmentRow:
    """Return one commitment's row of the review's ledger as at `as_at`, as `review_ledger` builds it."""
    review = commitment.review
    annotated = commitments_as_at(
        Commitment.objects.filter(pk=commitment.pk)
        .select_related("group")
        .prefetch_related(*COMMITMENT_PREFETCH),
        as_at=as_at,
    ).get()
    annotated.review = review
    key_actions = _annotate_as_at(
        KeyAction.objects.filter(commitment_id=commitment.pk), subject="key_action", as_at=as_at
    ).order_by("order", "id")
    return CommitmentRow(
        commitment=annotated,
        state=state_of(annotated, issued_on=review.issued_on, as_at=as_at),
        key_actions=[
            KeyActionRow(key_action=ka, state=state_of(ka, issued_on=review.issued_on, as_at=as_at))
            for ka in key_actions
        ],
        can_report=can_report_on_commitment(user=user, commitment=annotated),
    )


def commitment_change_history(*, commitment: Commitment) -> list[HistoryEntry]:
    """Return who changed what on the commitment and when, latest first, with the values before."""
    return change_history(commitment, excluded=("review", "order"))


# ---------------------------------------------------------------------------------------------
# For the API: checks on filters and on what a status report names


COMMITMENT_STATUS_FILTERS = (*FollowUpStatus.values, "none")


def commitment_filters_check(*, filters: CommitmentFilters) -> None:
    """Refuse filters naming an organisation, a responsible entity or a status that does not exist.

    Each entity given costs one small query on reference data; the error names every unknown filter.
    """
    messages: dict[str, str] = {}
    for name, acronym in (
        ("organisation", filters.organisation),
        ("responsible_entity", filters.responsible_entity),
    ):
        if acronym and not Entity.objects.filter(acronym__iexact=acronym).exists():
            messages[name] = _("Unknown entity “%(value)s”: use its acronym.") % {"value": acronym[:40]}
    if filters.status and filters.status not in COMMITMENT_STATUS_FILTERS:
        messages["status"] = _("Unknown status “%(value)s”: use one of %(choices)s.") % {
            "value": filters.status[:40],
            "choices": ", ".join(COMMITMENT_STATUS_FILTERS),
        }
    if messages:
        raise ValidationError(
            {name: ValidationError(message, code="unknown") for name, message in messages.items()}
        )


def reporting_round_get_for_report(*, review: Review, round_id: int) -> ReportingRound:
    """Return the review's reporting round, or raise ValidationError on `round` if it has none with that id."""
    round_ = ReportingRound.objects.filter(pk=round_id, review=review).first()
    if round_ is None:
        message = _("Unknown reporting round “%(value)s” for this review.") % {"value": round_id}
        raise ValidationError({"round": ValidationError(message, code="unknown")})
    return round_


def key_action_get_for_commitment(*, commitment: Commitment, key_action_id: int) -> KeyAction:
    """Return the commitment's key action, or raise ValidationError on `key_action` if it has none with that id."""
    key_action = KeyAction.objects.filter(pk=key_action_id, commitment=commitment).first()
    if key_action is None:
        message = _("Unknown key action “%(value)s” for this commitment.") % {"value": key_action_id}
        raise ValidationError({"key_action": ValidationError(message, code="unknown")})
    key_action.commitment = commitment
    return key_action
