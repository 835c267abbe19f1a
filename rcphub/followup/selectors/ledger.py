"""A review's commitments and key actions with their state as at a date: the status-of-implementation table."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import QuerySet

from rcphub.followup.models import (
    Commitment,
    FollowUpStatus,
    KeyAction,
    ManagementResponse,
    ReportingRound,
    Review,
)
from rcphub.followup.permissions import can_manage_review, can_report_on_commitment
from rcphub.followup.selectors.commitments import COMMITMENT_PREFETCH
from rcphub.followup.selectors.status import (
    LIGHTS,
    FollowUpState,
    commitments_as_at,
    key_actions_as_at,
    state_of,
)


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


def _ledger_rows(
    commitments: QuerySet[Commitment],
    key_actions: QuerySet[KeyAction],
    *,
    review: Review,
    user: Any,
    as_at: date,
) -> list[CommitmentRow]:
    """Return the ledger's rows of the commitments, each with its key actions, as at `as_at`."""
    by_commitment: dict[int, list[KeyActionRow]] = {}
    for key_action in key_actions_as_at(key_actions, as_at=as_at).order_by("order", "id"):
        by_commitment.setdefault(key_action.commitment_id, []).append(
            KeyActionRow(
                key_action=key_action, state=state_of(key_action, issued_on=review.issued_on, as_at=as_at)
            )
        )
    rows = []
    annotated = commitments_as_at(
        commitments.select_related("group").prefetch_related(*COMMITMENT_PREFETCH), as_at=as_at
    ).order_by("group__order", "order", "id")
    for commitment in annotated:
        commitment.review = review
        rows.append(
            CommitmentRow(
                commitment=commitment,
                state=state_of(commitment, issued_on=review.issued_on, as_at=as_at),
                key_actions=by_commitment.get(commitment.pk, []),
                can_report=can_report_on_commitment(user=user, commitment=commitment),
            )
        )
    return rows


def review_ledger(*, review: Review, user: Any, as_at: date) -> ReviewLedger:
    """Return the review's commitments and key actions with their state as at `as_at`."""
    rows = _ledger_rows(
        review.commitments.all(),
        KeyAction.objects.filter(commitment__review=review),
        review=review,
        user=user,
        as_at=as_at,
    )
    return ReviewLedger(
        review=review,
        as_at=as_at,
        rows=rows,
        rounds=list(review.rounds.order_by("as_at")),
        can_manage=can_manage_review(user=user, review=review),
    )


def commitment_ledger_row(*, commitment: Commitment, user: Any, as_at: date) -> CommitmentRow:
    """Return one commitment's row of the review's ledger as at `as_at`, as `review_ledger` builds it."""
    (row,) = _ledger_rows(
        Commitment.objects.filter(pk=commitment.pk),
        KeyAction.objects.filter(commitment_id=commitment.pk),
        review=commitment.review,
        user=user,
        as_at=as_at,
    )
    return row


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
